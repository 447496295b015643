"""Streamlit adapter for the map: the map document in a plain ``st.iframe``, and a small component for its messages.

Why this shape: the map (boundaries, layers, scripts; ≈ 300 KB, and Leaflet's script beside it) changes only
with the data, the language or the basemap switch, while every click or filter change reruns the script. So
the map document is written once, named by its content hash, into ``static/maps/`` (served by Streamlit's
static file serving at ``/app/static/maps/…``). Each run sends the frame's address with the view – the
selection, the filter and a searched place, ≈ 200 bytes – in its fragment (``#view=<JSON>``); a changed
fragment does not reload the document, which applies the view on ``hashchange``.

Why a plain frame and not the frame inside our ``st.components.v2`` component: Streamlit draws
``st.iframe`` with the page, while a v2 component first needs Streamlit's component bundle and its data
decoder (≈ 200 KB more). On a slow phone that put the map ≈ 1 s later (Lighthouse, real throttling). The v2
component (``static/ui/mapframe.js``) is still there, drawing nothing: it turns the map's messages (a click, a
ticked theme) into trigger values for Python. Public APIs only: ``st.iframe``,
``st.components.v2.component``, ``window.postMessage``.

Caching: Streamlit's static route sends no ``Cache-Control``. The file name changes with the content, and
the file is dated 2016-09-30 (``Last-Modified``), so browsers keep it as fresh by HTTP's heuristic
freshness (RFC 9111, 4.2.2); behind the nginx front it gets ``Cache-Control: immutable``.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import quote

import streamlit as st

from geo.data.paths import MAPS_DIR
from geo.data.project import Project
from geo.map.mapdoc import content_name, published_map
from ui.component import static_component, with_base_path

URL_PREFIX = "/app/static/maps/"
DETAILS_ANCHOR = "mrh-details"
KEY = "map_messages"  # the listener component's key in st.session_state
# Pixels, the same on every screen: Streamlit keeps this place for the frame from its first paint, so
# nothing below the map jumps on a slow connection (a height from our CSS would arrive later; Lighthouse
# measured a layout shift of 0,29 then). 420 fits a phone held upright (390 × 844) and a desktop map column.
MAP_HEIGHT = 420
# The end of the project: an honest date for content that never changes under its name.
FIXED_MTIME = 1475193600  # 2016-09-30T00:00:00Z

_component = static_component("mapframe")


def publish(document: str, basemap: bool = False, maps_dir: Path | None = None) -> str:
    """Write the map document under its content name (once; atomic) and return its URL path."""
    name = content_name(document, basemap)
    write_once(maps_dir or MAPS_DIR, name, document)
    return with_base_path(URL_PREFIX + name)


def write_once(maps_dir: Path, name: str, text: str) -> None:
    """Write ``text`` as ``maps_dir/name`` unless it is there (atomic; readable by all, as static files are;
    dated FIXED_MTIME): names carry the content's hash, so a file that exists is the right one."""
    target = maps_dir / name
    if not target.exists():
        maps_dir.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=maps_dir, prefix=".tmp-")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(text)
            os.chmod(temporary, 0o644)  # mkstemp's 0600 would keep a web server reading the folder out
            os.utime(temporary, (FIXED_MTIME, FIXED_MTIME))
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


def publish_map(project: Project, basemap: bool, lang: str) -> str:
    """Build the map document for this data, basemap switch and language, publish it, return its URL path.

    The files it loads (Leaflet's script, ours, the data of the layers drawn later; ``published_map``) go
    beside it first, under their content names, loaded by relative addresses: every document and every
    visit shares one copy of each in the browser's cache, and no document is served before its files."""
    document, beside = published_map(project, basemap, lang)
    for name, text in beside.items():
        write_once(MAPS_DIR, name, text)
    return publish(document, basemap)


def frame_src(src: str, view: dict[str, Any]) -> str:
    """The frame's address: the document and, in the fragment, the view as JSON (``#view=…``)."""
    return f"{src}#view={quote(json.dumps(view, ensure_ascii=False, separators=(',', ':')), safe='')}"


class Frame(NamedTuple):
    """The map as drawn in this run: the document's address, the view (``geo.map.layers.view_data``), its title."""

    src: str
    view: dict[str, Any]
    title: str


def show_map(frame: Frame) -> None:
    """The map frame, with the view in its address."""
    st.iframe(frame_src(frame.src, frame.view), height=MAP_HEIGHT, alt=frame.title)


def listen(frame: Frame, on_select: Callable[[str], None], on_themes: Callable[[list[str]], None]) -> None:
    """The component that passes the map's messages on; ``on_select(rs)`` / ``on_themes(slugs)`` run as
    callbacks before the next script run. It draws nothing; put it where an empty element costs no room
    (the end of the page)."""

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
        data={"src": frame.src, "view": frame.view, "title": frame.title, "detailsAnchor": DETAILS_ANCHOR},
        on_select_change=selected,
        on_themes_change=themes,
        height="content",
    )


def details_anchor() -> None:
    """An empty element the map scrolls to on phones after a tap (the details follow it); the margin keeps
    the heading below Streamlit's header bar (3.75rem)."""
    st.html(f'<div id="{DETAILS_ANCHOR}" style="scroll-margin-top: 4rem"></div>')
