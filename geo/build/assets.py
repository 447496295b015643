"""Leaflet served by the app itself (``./static`` → ``/app/static``), never a CDN."""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

import xstatic.pkg.leaflet

from geo.data.paths import STATIC_DIR

URL_PREFIX = "/app/static/vendor"
# (source folder in the XStatic package, file names, target folder under static/vendor)
_FILES = (
    (Path(xstatic.pkg.leaflet.BASE_DIR), ("leaflet.js", "leaflet.css"), "leaflet"),
    (
        Path(xstatic.pkg.leaflet.BASE_DIR) / "images",
        ("layers.png", "layers-2x.png", "marker-icon.png", "marker-icon-2x.png", "marker-shadow.png"),
        "leaflet/images",
    ),
)
JS = [("leaflet", f"{URL_PREFIX}/leaflet/leaflet.js")]
CSS = [("leaflet_css", f"{URL_PREFIX}/leaflet/leaflet.css")]


def vendored_files(static_dir: Path = STATIC_DIR) -> list[tuple[Path, Path]]:
    """Pairs (source in the installed XStatic package, copy under ``static/vendor``)."""
    return [
        (src_dir / name, static_dir / "vendor" / target / name) for src_dir, names, target in _FILES for name in names
    ]


def stale_assets(static_dir: Path = STATIC_DIR) -> list[Path]:
    """Copies that are missing or differ from the installed packages (I/O, read-only)."""
    return [
        dst for src, dst in vendored_files(static_dir) if not dst.exists() or not filecmp.cmp(src, dst, shallow=False)
    ]


def sync_assets(static_dir: Path = STATIC_DIR) -> list[Path]:
    """Copy the package files into ``static/vendor`` (I/O); returns what was written."""
    written = []
    for src, dst in vendored_files(static_dir):
        if dst.exists() and filecmp.cmp(src, dst, shallow=False):
            continue
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dst)
        written.append(dst)
    return written
