"""English outputs carry no German interface text: page, map, CSV, GeoJSON, GeoPackage, PNG, Steckbrief.

Each output is made twice: in German it must show German interface text (so the check can fail), in
English none (the data stay German and are taken out first, see ``tests/german_text.py``).
"""

from __future__ import annotations

import io
import json
import re
import sqlite3

import pytest
from matplotlib.text import Text
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from geo.data.paths import MAPS_DIR, ROOT
from geo.data.project import load_project
from geo.map.export import standalone_html, table_csv, table_geojson, table_geopackage
from geo.map.png import draw_map
from geo.map.steckbrief import factsheet_pdf
from geo.view.record import ALTKREIS_ONLY
from geo.view.state import ViewState
from geo.view.table import export_table
from tests.german_text import german_phrases, german_ui_text

# Every output in both languages (page, PDF, PNG, GeoPackage, offline map): the full suite, not the fast round.
pytestmark = pytest.mark.slow
PROJECT = load_project()
LANGS = ("de", "en")


def test_the_check_knows_german_interface_text_and_leaves_the_data_alone():
    assert {"Laufzeit", "Stand der Quellen", "nicht dokumentiert"} <= set(german_phrases())
    assert german_ui_text("Duration: 10/2013 – 09/2016 · Sources as of: 2014–2016") == []
    assert german_ui_text("Laufzeit: 10/2013") == ["Laufzeit"]
    summary = PROJECT.partners.at["13076", "kurzbeschreibung"]  # German data on an English page is fine
    assert german_ui_text(f"Summary: {summary}") == []


def without_comments(document: str) -> str:
    """A map document without its scripts' comments (nobody reads them on the page)."""
    return re.sub(r"/\*.*?\*/", " ", document, flags=re.S)


def both(make) -> dict[str, str]:
    return {lang: make(lang) for lang in LANGS}


def assert_english(outputs: dict[str, str]) -> None:
    assert german_ui_text(outputs["de"]), "the German output shows no German interface text: the check is blind"
    assert german_ui_text(outputs["en"]) == []


def test_csv():
    assert_english(both(lambda lang: table_csv(export_table(PROJECT, (), lang)).decode("utf-8-sig")))


def test_geojson_labels_and_members():
    def labels(lang: str) -> str:
        doc = json.loads(table_geojson(PROJECT, export_table(PROJECT, (), lang), lang))
        members = {k: v for k, v in doc.items() if k != "features"}
        return json.dumps(members, ensure_ascii=False) + " " + " ".join(doc["features"][0]["properties"])

    assert_english(both(labels))


def test_geopackage_columns_and_metadata(tmp_path):
    def content(lang: str) -> str:
        path = tmp_path / f"{lang}.gpkg"
        path.write_bytes(table_geopackage(PROJECT, export_table(PROJECT, (), lang), lang))
        with sqlite3.connect(path) as db:
            rows = db.execute("SELECT identifier, description FROM gpkg_contents").fetchall()
            rows += db.execute("SELECT metadata FROM gpkg_metadata").fetchall()
            columns = db.execute("SELECT name FROM pragma_table_info('partner')").fetchall()
        return " ".join(str(v) for row in [*rows, *columns] for v in row)

    assert_english(both(content))


def test_png_texts():
    def texts(lang: str) -> str:
        state = ViewState("01060", ("mobilitaet", "wohnen"), False, lang)
        return " · ".join(t.get_text() for t in draw_map(PROJECT, state, (16, 10)).findobj(Text))

    assert_english(both(texts))


@pytest.mark.parametrize("rs", ["01060", ALTKREIS_ONLY, "01053"])
def test_steckbrief_text_and_metadata(rs):
    def content(lang: str) -> str:
        reader = PdfReader(io.BytesIO(factsheet_pdf(PROJECT, rs, lang)))
        meta: dict = dict(reader.metadata or {})
        return " ".join(page.extract_text() for page in reader.pages) + " " + " ".join(str(v) for v in meta.values())

    assert_english(both(content))


def test_offline_map_and_its_heading():
    def document(lang: str) -> str:
        return without_comments(standalone_html(PROJECT, ViewState("01062", ("wohnen",), False, lang)).decode())

    assert_english(both(document))


def page_text(lang: str) -> str:
    """Everything the dashboard's page says (every element's text and label) and its map document."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params.update({"lang": lang, "region": "01062", "thema": "wohnen", "vergleich": ["01060", "01062"]})
    at.run()
    parts: list[str] = []
    for kind in ("title", "markdown", "caption", "info", "warning", "subheader", "header", "expander", "button"):
        for element in at.get(kind):
            parts += [str(getattr(element, a, "") or "") for a in ("value", "label", "help")]
    for kind in ("selectbox", "multiselect", "radio", "toggle", "text_input"):
        for element in at.get(kind):
            parts += [str(getattr(element, a, "") or "") for a in ("label", "help", "placeholder")]
            parts += [str(o) for o in getattr(element, "options", [])]
    for element in at.get("bidi_component"):  # our components (table, overview, link fields): their texts
        parts.append(json.dumps(json.loads(element.proto.json), ensure_ascii=False))
    (frame,) = [e for e in at.get("bidi_component") if e.proto.component_name == "mrh_mapframe"]
    document = MAPS_DIR / json.loads(frame.proto.json)["src"].rsplit("/", 1)[1]  # the document this page shows
    return "\n".join(parts) + "\n" + without_comments(document.read_text(encoding="utf-8"))


def test_the_page_and_its_map():
    assert_english(both(page_text))
