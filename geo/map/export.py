"""Downloads: the filtered table as CSV/GeoJSON and the current view as a standalone offline HTML map."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd

from geo.data.project import Project
from geo.data.sources import ATTRIBUTION
from geo.map.mapdoc import ExportInfo, map_document
from geo.view.caption import made_text, view_caption
from geo.view.i18n import text
from geo.view.state import ViewState

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _inert_cell(value: object) -> object:
    """Spreadsheets run cells starting with = + - @ as formulas; a leading ' keeps them text."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def table_csv(table: pd.DataFrame) -> bytes:
    """UTF-8 with BOM, ``;`` and decimal commas – what German Excel opens correctly by double-click."""
    safe = table.map(_inert_cell)
    return safe.to_csv(sep=";", index=False, decimal=",", lineterminator="\r\n").encode("utf-8-sig")


def _json_value(value: object) -> object:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    if hasattr(value, "item"):  # numpy/pandas scalars
        return value.item()  # type: ignore[attr-defined]
    return value


def table_geojson(project: Project, table: pd.DataFrame) -> bytes:
    """The table's partners (index = RS) with their boundaries (EPSG:4326) and the sources' attribution.

    Besides ``features`` the collection names its sources, licences and the attribution the BKG licence
    asks for (RFC 7946 allows such foreign members; QGIS shows them as layer metadata where it can).
    """
    features = []
    for rs, row in table.iterrows():
        geometry = project.partners.loc[rs].geometry
        properties = {str(k): _json_value(v) for k, v in row.items()}
        features.append(
            {"type": "Feature", "id": str(rs), "properties": properties, "geometry": geometry.__geo_interface__}
        )
    collection = {
        "type": "FeatureCollection",
        "name": "MRH-Leitprojekt Demographie und Daseinsvorsorge – Partner",
        "attribution": f"{ATTRIBUTION}; Einwohner und Fläche: Statistisches Bundesamt (Destatis), 31.12.2018; "
        "Projektdaten: Metropolregion Hamburg und weitere Quellen je Partner (Spalte Quellen)",
        "licenses": [
            {
                "data": "Verwaltungsgrenzen (BKG VG250, Stand 01.01.2016, vereinfacht)",
                "license": "Datenlizenz Deutschland – Namensnennung – Version 2.0",
                "url": "https://www.govdata.de/dl-de/by-2-0",
                "attribution": ATTRIBUTION,
            },
            {
                "data": "Einwohner und Fläche der Kreise (Destatis, Gemeindeverzeichnis, 31.12.2018)",
                "license": "Destatis: Vervielfältigung und Verbreitung, auch auszugsweise, mit Quellenangabe "
                "gestattet; bezogen über das npm-Paket landkreise-deutschland (CC BY 4.0)",
            },
        ],
        "features": features,
    }
    return json.dumps(collection, ensure_ascii=False).encode("utf-8")


def standalone_html(project: Project, state: ViewState, made: date | None = None) -> bytes:
    """The current view as one HTML file that works with the network off (reads the vendored assets).

    With ``state.basemap`` the tiles still come from the BKG. ``made`` (default today) is printed in the heading.
    """
    made = made or date.today()
    return map_document(
        project, basemap=state.basemap, lang=state.lang, state=state, export=export_info(project, state, made)
    ).encode("utf-8")


def export_info(project: Project, state: ViewState, made: date) -> ExportInfo:
    """Heading of the offline map: the view (selection, filter with its rule), the date, the attribution."""
    lang = state.lang
    return ExportInfo(
        title=f"{text(lang, 'title')} – {text(lang, 'map_title')}",
        view_label=text(lang, "export_view"),
        view=view_caption(project, state, with_rule=True),
        made=made_text(lang, made),
        attribution=f"{ATTRIBUTION} (VG250, dl-de/by-2-0); {text(lang, 'export_sources')}",
    )
