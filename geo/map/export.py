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
from geo.view.features import clean_layer, contact_layer, context_layer, feature_collection
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


GPKG_CRS = 25832  # ETRS89 / UTM zone 32N, what the Länder's GIS desks work in
BKG_LICENCE_URL = "https://www.govdata.de/dl-de/by-2-0"
# The licences' own names, quoted as they are written (German on every page).
BKG_LICENCE = "Datenlizenz Deutschland – Namensnennung – Version 2.0"
DESTATIS_LICENCE = "Vervielfältigung und Verbreitung, auch auszugsweise, mit Quellenangabe gestattet"


def data_attribution(lang: str) -> str:
    """Who the data come from, as every GIS output names it."""
    return text(
        lang,
        "{attribution}; Einwohner und Fläche: Statistisches Bundesamt (Destatis), 31.12.2018; Projektdaten: "
        "Metropolregion Hamburg und weitere Quellen je Partner (Spalte Quellen)",
        attribution=ATTRIBUTION,
    )


def licence_text(lang: str) -> str:
    """The licences of the boundaries and of the figures, their names quoted."""
    return text(
        lang,
        "Verwaltungsgrenzen: „{bkg}“ ({url}); Einwohner und Fläche: Destatis, „{destatis}“",
        bkg=BKG_LICENCE,
        url=BKG_LICENCE_URL,
        destatis=DESTATIS_LICENCE,
    )


def partner_title(lang: str) -> str:
    return text(lang, "Partner des MRH-Leitprojekts Demographie und Daseinsvorsorge (2014–9/2016)")


def table_layer(project: Project, table: pd.DataFrame) -> gpd.GeoDataFrame:
    """The table's partners (index = RS) with their boundaries (EPSG:4326), columns as the table names them."""
    return gpd.GeoDataFrame(
        {str(c): table[c].tolist() for c in table.columns},
        geometry=[project.partners.loc[rs].geometry for rs in table.index],
        index=table.index,
        crs=project.partners.crs,
    )


def table_geojson(project: Project, table: pd.DataFrame, lang: str) -> bytes:
    """The table's partners with their boundaries, and the sources' attribution and licences in ``lang``.

    Besides ``features`` the collection names its sources, licences and the attribution the BKG licence
    asks for (RFC 7946 allows such foreign members; QGIS shows them as layer metadata where it can).
    """
    collection = feature_collection(
        table_layer(project, table),
        name=partner_title(lang),
        attribution=data_attribution(lang),
        licenses=[
            {
                "data": text(lang, "Verwaltungsgrenzen (BKG VG250, Stand 01.01.2016, vereinfacht)"),
                "license": BKG_LICENCE,
                "url": BKG_LICENCE_URL,
                "attribution": ATTRIBUTION,
            },
            {
                "data": text(lang, "Einwohner und Fläche der Kreise (Destatis, Gemeindeverzeichnis, 31.12.2018)"),
                "license": text(
                    lang,
                    "Destatis: „{destatis}“; bezogen über das npm-Paket landkreise-deutschland (CC BY 4.0)",
                    destatis=DESTATIS_LICENCE,
                ),
            },
        ],
    )
    return json.dumps(collection, ensure_ascii=False).encode("utf-8")


def table_geopackage(project: Project, table: pd.DataFrame, lang: str) -> bytes:
    """One GeoPackage (EPSG:25832) with three layers: the table's partners (index = RS) with its columns,
    the contacts as points, and the context (Metropolregion 2014–2016, Länder). Every layer carries the
    attribution and the licence in its description and metadata, in ``lang`` (reads nothing, writes a
    temporary file).
    """
    layers = (
        ("partner", table_layer(project, table), partner_title(lang)),
        (
            "kontakte",
            contact_layer(project),
            text(lang, "Kontakte (Dachprojekt und Teilprojekte), Lage wie in der Spalte lage beschrieben"),
        ),
        ("kontext", context_layer(project), text(lang, "Metropolregion Hamburg 2014–2016 und Ländergrenzen")),
    )
    attribution, licence = data_attribution(lang), licence_text(lang)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "mrh.gpkg"
        for name, layer, title in layers:
            metadata = {"TITLE": title, "ATTRIBUTION": attribution, "LICENSE": licence}
            pyogrio.write_dataframe(
                clean_layer(layer, join_lists=True).to_crs(GPKG_CRS),
                path,
                layer=name,
                driver="GPKG",
                append=path.exists(),
                layer_metadata=metadata,
                layer_options={"IDENTIFIER": title, "DESCRIPTION": f"{title}. {attribution}. {licence}"},
            )
        return path.read_bytes()


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
        title=text(lang, "Demographie und Daseinsvorsorge") + " – " + text(lang, "Karte der Partnerregionen"),
        view_label=text(lang, "Ansicht"),
        view=view_caption(project, state, with_rule=True),
        made=made_text(lang, made),
        attribution=f"{ATTRIBUTION} (VG250, dl-de/by-2-0); "
        + text(lang, "Projektdaten: Metropolregion Hamburg und weitere Quellen je Partner (Klick auf ein Gebiet)"),
    )
