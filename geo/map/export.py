"""Downloads: the filtered table as CSV/GeoJSON and the current view as a standalone offline HTML map."""

from __future__ import annotations

import json

import pandas as pd

from geo.data.project import Project
from geo.map.mapdoc import map_document
from geo.view.state import ViewState

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
        features.append(
            {"type": "Feature", "id": str(rs), "properties": properties, "geometry": geometry.__geo_interface__}
        )
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False).encode("utf-8")


def standalone_html(project: Project, state: ViewState) -> bytes:
    """The current view as one HTML file that works with the network off (reads the vendored assets).

    With ``state.basemap`` the tiles still come from the BKG.
    """
    return map_document(project, basemap=state.basemap, lang=state.lang, state=state).encode("utf-8")
