"""The map component: streamlit-folium's frontend, fed with arguments computed once per map.

``st_folium`` renders the whole folium map on every script run (about 100 ms here) although our map
only changes with the data, the language or the basemap switch. This module renders it once, caches
the arguments, and sends per run only the small view script. It uses streamlit-folium's helpers and
its component protocol (pinned to 0.27.4 in pyproject.toml; tests/test_app.py checks the arguments).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import folium
import streamlit as st
from streamlit_folium import (
    _component_func,
    _get_header,
    _get_html,
    _get_map_string,
    generate_js_hash,
    get_full_id,
)

RETURNED = ["last_object_clicked", "last_active_drawing"]
KEY = "karte"


def with_base_path(url: str) -> str:
    """Prefix a root-relative asset URL with ``server.baseUrlPath`` (e.g. behind a reverse proxy)."""
    base = (st.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}{url}" if base and url.startswith("/") else url


def static_args(fmap: folium.Map) -> dict[str, Any]:
    """Everything streamlit-folium sends that does not depend on the view state (renders the map)."""
    fmap.get_root().render()
    html, header = _get_html(fmap), _get_header(fmap)
    script = _get_map_string(fmap)
    js_links: list[str] = []
    css_links: list[str] = []
    stack: list[Any] = [fmap]
    while stack:
        element = stack.pop(0)
        js_links += [with_base_path(src) for _, src in getattr(element, "default_js", [])]
        css_links += [with_base_path(href) for _, href in getattr(element, "default_css", [])]
        stack += list(getattr(element, "_children", {}).values())
    return {"script": script, "html": html, "header": header, "id": get_full_id(fmap),
            "js_links": list(dict.fromkeys(js_links)), "css_links": list(dict.fromkeys(css_links)),
            "key": generate_js_hash(script, KEY, False)}


def feature_group_script(view_js: str) -> str:
    """The view script wrapped the way the frontend expects ``feature_group`` (removed/re-added per run)."""
    return (
        "var feature_group_feature_group_0 = L.featureGroup({});\n"
        f"{view_js}\n"
        "map_div.addLayer(feature_group_feature_group_0);\n"
        "window.feature_group = window.feature_group || [];\n"
        "window.feature_group.push(feature_group_feature_group_0);\n"
    )


def show_map(args: dict[str, Any], view_js: str, on_click: Callable[[dict[str, Any]], None], height: int) -> None:
    """Draw the map; ``on_click`` gets the returned objects before the next run (callback)."""
    def changed() -> None:
        on_click(st.session_state.get(args["key"]) or {})

    _component_func(
        **args, height=height, width=None, returned_objects=RETURNED,
        default=dict.fromkeys(RETURNED), zoom=None, center=None,
        feature_group=feature_group_script(view_js), return_on_hover=False, layer_control=None,
        pixelated=False, wrap_longitude=False, on_change=changed,
    )
