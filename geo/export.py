"""Downloads: the filtered table as CSV/GeoJSON and the current view as a standalone offline HTML map."""

from __future__ import annotations

import base64
import json
import re

import pandas as pd
from branca.element import Element

from geo import assets
from geo.layers import ApplyView, build_map, view_payload
from geo.project import Project
from geo.state import ViewState

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _inert_cell(value: object) -> object:
    """Spreadsheets run cells starting with = + - @ as formulas; a leading ' keeps them text."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def table_csv(table: pd.DataFrame) -> bytes:
    """UTF-8 with BOM and ``;`` – what German Excel opens correctly by double-click."""
    safe = table.map(_inert_cell)
    return safe.to_csv(sep=";", index=False, lineterminator="\r\n").encode("utf-8-sig")


def table_geojson(project: Project, table: pd.DataFrame) -> bytes:
    """The table's partners (index = RS) with their boundaries, EPSG:4326."""
    features = []
    for rs, row in table.iterrows():
        geometry = project.partners.loc[rs].geometry
        properties = {"RS": str(rs), **{str(k): v for k, v in row.items()}}
        features.append({"type": "Feature", "id": str(rs), "properties": properties,
                         "geometry": geometry.__geo_interface__})
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False).encode("utf-8")


def _script_safe(source: str) -> str:
    return source.replace("</", "<\\/")


def _css_with_inlined_images(css: str) -> str:
    def inline(match: re.Match[str]) -> str:
        path = assets.STATIC_DIR / "vendor" / "leaflet" / match.group(1)
        if not path.exists():
            return match.group(0)
        return f"url(data:image/png;base64,{base64.b64encode(path.read_bytes()).decode()})"
    return re.sub(r"url\((images/[\w.-]+\.png)\)", inline, css)


def standalone_html(project: Project, state: ViewState) -> bytes:
    """The current view as one HTML file: Leaflet and its CSS inlined, works with the network off.

    Reads the vendored assets (I/O). With ``state.basemap`` the tiles still come from the BKG.
    """
    fmap = build_map(project, basemap=state.basemap, lang=state.lang)
    ApplyView(view=view_payload(project, state)).add_to(fmap)
    fmap.default_js, fmap.default_css = [], []
    vendor = assets.STATIC_DIR / "vendor"
    css = _css_with_inlined_images((vendor / "leaflet" / "leaflet.css").read_text(encoding="utf-8"))
    scripts = "".join(f"<script>{_script_safe((vendor / p).read_text(encoding='utf-8'))}</script>"
                      for p in ("leaflet/leaflet.js",))
    fmap.get_root().header.add_child(Element(f"<style>{css}</style>{scripts}"), name="inlined_assets", index=0)
    return fmap.get_root().render().encode("utf-8")
