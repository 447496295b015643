"""Streamlit adapter for the map: a ``st.components.v2`` component holding the map document in a frame.

Why this shape: the map (boundaries, layers, scripts; ≈ 430 KB) changes only with the data, the language
or the basemap switch, while every click or filter change reruns the script. So the map document is
written once, named by its content hash, into ``static/maps/`` (served by Streamlit's static file serving
at ``/app/static/maps/…``), and the component sends per run only ``{src, view}`` – the view is the
selection and the filter, a few dozen bytes. Public APIs only: ``st.components.v2.component`` for the
frame and its messages, ``window.postMessage`` between page and frame.

Caching: Streamlit's static route sends no ``Cache-Control``. The file name changes with the content, and
the file is dated 2016-09-30 (``Last-Modified``), so browsers keep it as fresh by HTTP's heuristic
freshness (RFC 9111, 4.2.2); behind the nginx front it gets ``Cache-Control: immutable``.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import streamlit as st

from geo.map.mapdoc import content_name
from ui.component import static_component, with_base_path

MAPS_DIR = Path(__file__).resolve().parents[1] / "static" / "maps"
URL_PREFIX = "/app/static/maps/"
DETAILS_ANCHOR = "mrh-details"
KEY = "karte"
# Pixels, the same on every screen: Streamlit keeps this place for the component from its first paint,
# before the component's code has loaded, so nothing below the map jumps on a slow connection (a height
# from CSS arrives only with that code; a layout shift of 0,2 in Lighthouse). 420 fits a phone held
# upright (390 × 844) and a desktop map column alike.
MAP_HEIGHT = 420
# The end of the project: an honest date for content that never changes under its name.
FIXED_MTIME = 1475193600  # 2016-09-30T00:00:00Z

_component = static_component("map")


def publish(document: str, basemap: bool = False, maps_dir: Path | None = None) -> str:
    """Write the map document under its content name (once; atomic) and return its URL path."""
    maps_dir = maps_dir or MAPS_DIR
    name = content_name(document, basemap)
    target = maps_dir / name
    if not target.exists():
        maps_dir.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=maps_dir, prefix=".tmp-", suffix=".html")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(document)
            os.utime(temporary, (FIXED_MTIME, FIXED_MTIME))
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    return with_base_path(URL_PREFIX + name)


def show_map(
    src: str,
    view: dict[str, Any],
    title: str,
    on_select: Callable[[str], None],
    on_themes: Callable[[list[str]], None],
) -> None:
    """Mount the map; ``on_select(rs)`` / ``on_themes(slugs)`` run as callbacks before the next script run."""

    def selected() -> None:
        value = st.session_state[KEY].get("select")
        if isinstance(value, str):
            on_select(value)

    def themes() -> None:
        value = st.session_state[KEY].get("themes")
        if isinstance(value, list):
            on_themes([s for s in value if isinstance(s, str)])

    _component(
        key=KEY,
        data={"src": src, "view": view, "title": title, "detailsAnchor": DETAILS_ANCHOR},
        on_select_change=selected,
        on_themes_change=themes,
        height=MAP_HEIGHT,
    )


def details_anchor() -> None:
    """An empty element the map scrolls to on phones after a tap (the details follow it)."""
    st.html(f'<div id="{DETAILS_ANCHOR}"></div>')
