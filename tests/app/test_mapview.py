"""The map documents' files as the dashboard writes them (ui/mapview.py)."""

from __future__ import annotations

import stat

from ui.mapview import FIXED_MTIME, write_once


def test_a_map_file_is_written_once_whole_readable_and_dated_to_the_projects_end(tmp_path):
    maps = tmp_path / "maps"
    write_once(maps, "karte-0123456789abcdef.html", "<p>Karte</p>")
    target = maps / "karte-0123456789abcdef.html"
    info = target.stat()
    assert target.read_text(encoding="utf-8") == "<p>Karte</p>"
    # a web server in front may read the folder as another user (mkstemp alone makes it 0600)
    assert stat.S_IMODE(info.st_mode) == 0o644
    assert info.st_mtime == FIXED_MTIME
    write_once(maps, "karte-0123456789abcdef.html", "anders")  # the name is the content's hash: kept as it is
    assert target.read_text(encoding="utf-8") == "<p>Karte</p>"
    assert [p.name for p in maps.iterdir()] == ["karte-0123456789abcdef.html"]  # no temporary file left
