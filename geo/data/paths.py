"""Where the repository's files are: the one place that knows the layout (from ``__file__``, never the cwd)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = ROOT / "data"
DATA_DIR_VARIABLE = "MRH_DATA_DIR"  # another data folder, e.g. for a staging copy or the tests
OPERATOR_FILE = ROOT / "betreiber.toml"
STATIC_DIR = ROOT / "static"  # served by Streamlit at /app/static/
MAPS_DIR = STATIC_DIR / "maps"  # map documents, written once under their content name
STATIC_UI = STATIC_DIR / "ui"  # our components' JavaScript and CSS
VENDOR_LEAFLET = STATIC_DIR / "vendor" / "leaflet"
MAP_WEB = ROOT / "geo" / "map" / "web"  # the map's scripts and map.css, inlined into the map document
APP = ROOT / "app.py"
LOCALE_DIR = ROOT / "geo" / "view" / "locale"  # gettext catalogs: messages.pot, <lang>/LC_MESSAGES/messages.po


OGC_URL_VARIABLE = "MRH_OGC_URL"  # where GIS desks reach the OGC API – Features service (ogc/), if it runs


def ogc_url() -> str:
    """``$MRH_OGC_URL`` if it is an http(s) address, else "" (no service on this server)."""
    url = (os.environ.get(OGC_URL_VARIABLE) or "").strip()
    return url if url.startswith(("https://", "http://")) and " " not in url else ""


def configured_data_dir() -> Path:
    """``$MRH_DATA_DIR`` if set, else the repository's ``data/``."""
    return Path(os.environ.get(DATA_DIR_VARIABLE) or DATA_DIR)


def display_path(path: Path) -> str:
    """Path as shown in messages: relative to the project when it lies inside it."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)
