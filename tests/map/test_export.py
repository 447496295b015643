"""Downloads: CSV for German Excel, GeoJSON, GeoPackage, and an offline HTML map."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date

import pandas as pd
import pytest

from geo.data.project import load_project
from geo.map.export import standalone_html, table_csv, table_geojson, table_geopackage
from geo.view.state import ViewState
from geo.view.table import export_table


@pytest.fixture(scope="module")
def project():
    return load_project()


def test_csv_opens_in_german_excel_with_every_column_a_reader_needs(project):
    data = table_csv(export_table(project, ("mobilitaet",), "de"))
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [
        "RS",
        "Name",
        "Typ",
        "Land",
        "Rolle",
        "Teilprojekt",
        "Laufzeit",
        "Themen",
        "Kurzbeschreibung",
        "Ergebnisse",
        "Zuständig und Kontakt",
        "Einwohner (31.12.2018)",
        "Fläche (km²)",
        "Hinweis zu Einwohnern und Fläche",
        "Was wurde daraus?",
        "Bundesmodellvorhaben im Gebiet",
        "Quellen",
        "Stand der Quellen",
        "Erfasst am",
        "Anmerkung",
        "Gesucht",
    ]
    by_name = {r[1]: dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    assert sorted(by_name) == ["Kreis Segeberg", "Landkreis Cuxhaven"]
    segeberg = by_name["Kreis Segeberg"]
    assert segeberg["RS"] == "01060"  # leading zero kept (text)
    assert segeberg["Themen"] == "Senioren und Pflege, Gesundheit, Mobilität, Wohnen, Barrierefreiheit"
    assert segeberg["Ergebnisse"].count("\n") == 3  # one result per line inside the cell
    assert (
        "Sandra Kind" in segeberg["Zuständig und Kontakt"]
        and "sandra.kind@kreis-segeberg.de" in segeberg["Zuständig und Kontakt"]
    )
    assert segeberg["Einwohner (31.12.2018)"] == "276032"
    assert segeberg["Fläche (km²)"] == "1344,5"  # decimal comma for German Excel
    assert segeberg["Quellen"].startswith("https://metropolregion.hamburg.de/")
    assert segeberg["Stand der Quellen"] == "2014–2018" and segeberg["Erfasst am"] == "2026-12-07"


def test_csv_without_population_figure_leaves_the_cell_empty(project):
    rows = list(
        csv.reader(
            io.StringIO(table_csv(export_table(project, ("barrierefreiheit",), "de")).decode("utf-8-sig")),
            delimiter=";",
        )
    )
    buchholz = dict(zip(rows[0], next(r for r in rows if r[0] == "033530005"), strict=True))
    assert buchholz["Einwohner (31.12.2018)"] == "" and buchholz["Fläche (km²)"]  # area from VG250


def test_csv_neutralises_formulas():
    data = table_csv(pd.DataFrame({"Name": ['=HYPERLINK("http://x")', "-2+3", "ok"]}))
    cells = [row[0] for row in csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";")]
    assert cells[1:] == ['\'=HYPERLINK("http://x")', "'-2+3", "ok"]


def test_geojson_has_the_filtered_partners_and_names_sources_and_licences(project):
    doc = json.loads(table_geojson(project, export_table(project, ("bildung",), "de"), "de"))
    (feature,) = doc["features"]
    assert feature["properties"]["RS"] == "033595407"
    assert feature["properties"]["Name"] == "Samtgemeinde Nordkehdingen"
    assert feature["properties"]["Einwohner (31.12.2018)"] is None
    assert isinstance(feature["properties"]["Fläche (km²)"], float)
    assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")
    assert "© GeoBasis-DE / BKG 2016 (Daten verändert)" in doc["attribution"]
    licences = " ".join(entry["license"] for entry in doc["licenses"])
    assert "Datenlizenz Deutschland – Namensnennung – Version 2.0" in licences and "Destatis" in licences


def test_geojson_opens_as_a_layer(project, tmp_path):
    import geopandas as gpd

    path = tmp_path / "partner.geojson"
    path.write_bytes(table_geojson(project, export_table(project, (), "de"), "de"))
    layer = gpd.read_file(path)
    assert len(layer) == 12 and layer.crs.to_epsg() == 4326
    assert "Teilprojekt" in layer.columns


def test_geopackage_has_three_layers_in_utm_32_matching_the_geojson(project, tmp_path):
    """What a GIS desk loads: the same partners, columns and shapes as the GeoJSON, in EPSG:25832, with
    contacts and context as layers of their own and the attribution in every layer's metadata."""
    import geopandas as gpd
    import pyogrio

    table = export_table(project, ("wohnen",), "de")
    gpkg, geojson = tmp_path / "partner.gpkg", tmp_path / "partner.geojson"
    gpkg.write_bytes(table_geopackage(project, table, "de"))
    geojson.write_bytes(table_geojson(project, table, "de"))
    assert [name for name, _ in pyogrio.list_layers(gpkg)] == ["partner", "kontakte", "kontext"]
    partners, reference = gpd.read_file(gpkg, layer="partner"), gpd.read_file(geojson)
    assert partners.crs.to_epsg() == 25832 and len(partners) == 3
    assert list(partners["RS"]) == list(reference["RS"]) == list(table.index)
    assert list(partners["Teilprojekt"]) == list(reference["Teilprojekt"])
    same = reference.to_crs(25832).geometry.symmetric_difference(partners.geometry, align=False).area
    assert (same / partners.area).max() < 1e-9
    contacts = gpd.read_file(gpkg, layer="kontakte")
    assert len(contacts) == project.contacts["lon"].notna().sum() and contacts.crs.to_epsg() == 25832
    assert len(gpd.read_file(gpkg, layer="kontext")) == len(project.context)
    for layer in ("partner", "kontakte", "kontext"):
        metadata = pyogrio.read_info(gpkg, layer=layer)["layer_metadata"]
        assert "© GeoBasis-DE / BKG 2016 (Daten verändert)" in metadata["ATTRIBUTION"]
        assert "Datenlizenz Deutschland – Namensnennung – Version 2.0" in metadata["LICENSE"]


def test_offline_html_inlines_everything_and_says_what_it_shows(project):
    html = standalone_html(project, ViewState("01060", ("wohnen",)), made=date(2026, 11, 26)).decode()
    assert not re.search(r"""<(script|link|img)[^>]*(src|href)\s*=\s*["']?(https?:)?//""", html, re.I)
    assert "L.map(" in html and "Leaflet" in html and "bindPopup" in html
    assert '"view": {"partner": "01060", "place": null, "themes": ["wohnen"]}' in html
    assert "url(data:image/png;base64," in html
    assert "<title>Demographie und Daseinsvorsorge – Karte der Partnerregionen</title>" in html
    assert "Partner: Kreis Segeberg · Themenfeld: Wohnen (Partner mit mindestens einem der gewählten Themen)" in html
    assert "Erstellt am 26.11.2026 mit dem Dashboard" in html
    assert "© GeoBasis-DE / BKG 2016 (Daten verändert) (VG250, dl-de/by-2-0)" in html
    # popups with Teilprojekt, Themen, Laufzeit and sources (data for map.js; inserted as text there)
    assert '"Teilprojekt", "„Kreis Segeberg 2030“"' in html and '"sourcesLabel": "Quellen"' in html


def test_dashboard_document_has_no_export_header_or_popups(project):
    from geo.map.mapdoc import map_document

    html = map_document(project, False, "de")
    assert "mrh-export-header" not in html.split("</style>")[-1] and '"details": null' in html
