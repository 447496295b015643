"""Downloads: CSV for German Excel, GeoJSON, and an offline HTML map."""

from __future__ import annotations

import csv
import io
import json
import re

import pandas as pd
import pytest

from geo.data.project import load_project
from geo.map.export import standalone_html, table_csv, table_geojson
from geo.view.state import ViewState
from geo.view.table import partner_table


@pytest.fixture(scope="module")
def project():
    return load_project()


def test_csv_opens_in_german_excel(project):
    data = table_csv(partner_table(project, ("mobilitaet",)))
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Name", "Typ", "Land", "Rolle", "Teilprojekt", "Themen"]
    assert sorted(r[0] for r in rows[1:]) == ["Kreis Segeberg", "Landkreis Cuxhaven"]
    assert "Mobilität" in rows[1][5]


def test_csv_neutralises_formulas():
    data = table_csv(pd.DataFrame({"Name": ['=HYPERLINK("http://x")', "-2+3", "ok"]}))
    cells = [row[0] for row in csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";")]
    assert cells[1:] == ['\'=HYPERLINK("http://x")', "'-2+3", "ok"]


def test_geojson_has_the_filtered_partners(project):
    doc = json.loads(table_geojson(project, partner_table(project, ("bildung",))))
    (feature,) = doc["features"]
    assert feature["properties"]["RS"] == "033595407"
    assert feature["properties"]["Name"] == "Samtgemeinde Nordkehdingen"
    assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")


def test_offline_html_inlines_everything_and_keeps_the_view(project):
    html = standalone_html(project, ViewState("01060", ("wohnen",))).decode()
    assert not re.search(r"""<(script|link|img)[^>]*(src|href)\s*=\s*["']?(https?:)?//""", html, re.I)
    assert "L.map(" in html and "Leaflet" in html and "bindPopup" in html
    assert '"view": {"selected": "01060", "themes": ["wohnen"]}' in html
    assert "url(data:image/png;base64," in html
