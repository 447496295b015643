"""The vendored Leaflet is exactly the one of the installed xstatic-leaflet package."""

from __future__ import annotations

from geo.build.assets import CSS, JS, stale_assets, sync_assets, vendored_files


def test_vendored_files_match_the_package():
    assert stale_assets() == []


def test_sync_repairs_a_changed_copy(tmp_path):
    sync_assets(tmp_path)
    (src, dst), *_ = vendored_files(tmp_path)
    dst.write_text("tampered")
    assert stale_assets(tmp_path) == [dst]
    assert sync_assets(tmp_path) == [dst]
    assert dst.read_bytes() == src.read_bytes()


def test_asset_urls_are_same_origin():
    assert all(url.startswith("/app/static/vendor/") for _, url in [*JS, *CSS])
