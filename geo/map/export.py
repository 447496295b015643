"""Downloads: the filtered table as CSV/GeoJSON and the current view as a standalone offline HTML map."""

from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio

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


GPKG_CRS = 25832  # ETRS89 / UTM zone 32N, what the Länder's GIS desks work in
DATA_ATTRIBUTION = (
    f"{ATTRIBUTION}; Einwohner und Fläche: Statistisches Bundesamt (Destatis), 31.12.2018; "
    "Projektdaten: Metropolregion Hamburg und weitere Quellen je Partner (Spalte Quellen)"
)


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
        "attribution": DATA_ATTRIBUTION,
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


def table_geopackage(project: Project, table: pd.DataFrame) -> bytes:
    """One GeoPackage (EPSG:25832) with three layers: the table's partners (index = RS) with its columns,
    the contacts as points, and the context (Metropolregion 2014–2016, Länder). Every layer carries the
    attribution and the licence in its description and metadata (reads nothing, writes a temporary file).
    """
    partners = gpd.GeoDataFrame(
        {str(c): table[c].map(_text_value).tolist() for c in table.columns},
        geometry=[project.partners.loc[rs].geometry for rs in table.index],
        crs=project.partners.crs,
    )
    contacts = project.contacts.dropna(subset=["lon", "lat"])
    points = gpd.GeoDataFrame(
        {column: contacts[column].map(_text_value).tolist() for column in CONTACT_FIELDS},
        geometry=gpd.points_from_xy(contacts["lon"], contacts["lat"]),
        crs=4326,
    )
    context = context_layer(project)
    layers = (
        ("partner", partners, "Partner des MRH-Leitprojekts Demographie und Daseinsvorsorge (2014–9/2016)"),
        ("kontakte", points, "Kontakte (Dachprojekt und Teilprojekte), Lage wie in der Spalte lage beschrieben"),
        ("kontext", context, "Metropolregion Hamburg 2014–2016 und Ländergrenzen"),
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "mrh.gpkg"
        for name, frame, title in layers:
            metadata = {"TITLE": title, "ATTRIBUTION": DATA_ATTRIBUTION, "LICENSE": LICENSE_TEXT}
            pyogrio.write_dataframe(
                frame.to_crs(GPKG_CRS),
                path,
                layer=name,
                driver="GPKG",
                append=path.exists(),
                layer_metadata=metadata,
                layer_options={"IDENTIFIER": title, "DESCRIPTION": f"{title}. {DATA_ATTRIBUTION}. {LICENSE_TEXT}"},
            )
        return path.read_bytes()


LICENSE_TEXT = (
    "Verwaltungsgrenzen: Datenlizenz Deutschland – Namensnennung – Version 2.0 (https://www.govdata.de/dl-de/by-2-0); "
    "Einwohner und Fläche: Destatis, Verbreitung mit Quellenangabe gestattet"
)


# What a GIS layer of the contacts holds (GeoPackage here, the OGC collection in ogc/provider.py).
CONTACT_FIELDS = ("rs", "organisation", "personen", "adresse", "telefon", "email", "lage", "quelle", "stand")


def context_layer(project: Project) -> gpd.GeoDataFrame:
    """The context (Metropolregion 2014–2016, Länder) as a GIS layer: ``name``, ``art`` and the shape."""
    return gpd.GeoDataFrame(
        {
            "name": project.context.get("GEN", pd.Series(dtype=str)).map(_text_value).tolist(),
            "art": project.context.get("kind", pd.Series(dtype=str)).map(_text_value).tolist(),
        },
        geometry=list(project.context.geometry),
        crs=project.context.crs or 4326,
    )


def _text_value(value: object) -> object:
    """A GeoPackage column holds text or numbers: lists become "a, b", missing values NULL."""
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return _json_value(value)


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
