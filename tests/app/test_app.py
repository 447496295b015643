"""The Streamlit script via AppTest: URL → view, widgets → URL, map arguments, error page."""

from __future__ import annotations

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from geo.data.paths import ROOT
from ui.sections import TIMELINE_KEY

APP = str(ROOT / "app.py")
MAPS = ROOT / "static" / "maps"
# what makes a browser fetch something (links in <a href> are only followed when clicked)
EXTERNAL = re.compile(r"""(?:src\s*=|<link[^>]*href\s*=|url\(|@import|tileLayer\()\s*["'`]?(?:https?:)?//""", re.I)


def start(query: dict[str, str | list[str]] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def component_data(at: AppTest, name: str, key: str | None = None) -> dict:
    """What one of our st.components.v2 components (with that key, if given) receives on this run."""
    found_all = [c for c in at.get("bidi_component") if c.proto.component_name == name]
    (found,) = [c for c in found_all if c.proto.id.endswith("-" + key)] if key else found_all
    return json.loads(found.proto.json)


def map_data(at: AppTest) -> dict:
    return component_data(at, "mrh_mapframe")


def table_rows(at: AppTest) -> list[dict]:
    """Rows of the partner table: ``rs`` and the cells Name, Teilprojekt, Laufzeit, Themen."""
    return component_data(at, "mrh_table")["rows"]


def table_column(at: AppTest, index: int) -> set[str]:
    return {row["cells"][index] for row in table_rows(at)}


def share_link(at: AppTest) -> str:
    return component_data(at, "mrh_share")["fields"][0]["value"]


def map_doc(at: AppTest) -> str:
    """The map document the component's frame loads (written by the app under static/maps)."""
    src = map_data(at)["src"]
    assert re.fullmatch(r"/app/static/maps/karte-(hintergrund-)?[0-9a-f]{16}\.html", src), src
    return (MAPS / src.rsplit("/", 1)[1]).read_text(encoding="utf-8")


def query(at: AppTest, key: str) -> list[str]:
    value = at.query_params.get(key, [])
    return [value] if isinstance(value, str) else list(value)


def markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_default_view_lists_all_partners_and_loads_nothing_external():
    at = start()
    assert len(table_rows(at)) == 12
    assert at.selectbox[0].value is None
    assert "Partner wählen" in markdown(at)
    data = map_data(at)
    assert data["view"] == {"partner": None, "themes": [], "place": None}
    assert not EXTERNAL.search(map_doc(at))
    for component in at.get("bidi_component"):
        assert not EXTERNAL.search(component.proto.js_content)
    assert "© GeoBasis-DE / BKG 2016 (Daten verändert)" in markdown(at)


def test_url_restores_selection_and_filter():
    at = start({"region": "01060", "thema": ["mobilitaet", "wohnen"]})
    assert at.selectbox[0].value == "01060"
    assert at.multiselect[0].value == ["mobilitaet", "wohnen"]
    assert "## Kreis Segeberg" in markdown(at)
    assert "„Kreis Segeberg 2030“" in markdown(at)
    names = table_column(at, 0)
    assert names == {"Kreis Segeberg", "Landkreis Cuxhaven", "Kreis Stormarn", "Samtgemeinde Amelinghausen"}
    assert map_data(at)["view"] == {"partner": "01060", "themes": ["mobilitaet", "wohnen"], "place": None}
    assert share_link(at) == "?region=01060&thema=mobilitaet&thema=wohnen"
    assert [r["rs"] for r in table_rows(at)].count("01060") == 1
    assert component_data(at, "mrh_table")["partner"] == "01060"


def test_widgets_write_the_url():
    at = start()
    at.multiselect[0].set_value(["kinderbetreuung"]).run()
    assert query(at, "thema") == ["kinderbetreuung"]
    assert len(table_rows(at)) == 2
    at.selectbox[0].set_value("033595407").run()
    assert query(at, "region") == ["033595407"]
    assert "## Samtgemeinde Nordkehdingen" in markdown(at)
    at.selectbox[0].set_value(None).run()
    assert "region" not in at.query_params


def test_selection_changes_only_the_view_not_the_map():
    first = map_data(start())
    second = map_data(start({"region": "13076", "thema": "senioren"}))
    assert first["src"] == second["src"]  # same document → the frame is not reloaded
    assert second["view"] == {"partner": "13076", "themes": ["senioren"], "place": None}
    assert len(json.dumps(second)) < 2000


@pytest.mark.parametrize(
    "query",
    [
        {"region": "<img src=x onerror=alert(1)>"},
        {"thema": ["mobilität", "${alert(1)}", "[x](javascript:alert(1))"]},
        {"region": ["99999", "01060", "01062"], "foo": "bar"},
        {"region": "\x00\x01\ufffd" + "x" * 10000},
    ],
)
def test_odd_urls_load_with_a_notice(query):
    at = start(query)
    notices = [i.value for i in at.info]
    assert notices
    for notice in notices:
        assert not re.search(r"(?<!\\)[<>\[\]()$`]", notice), notice  # markdown-escaped
    assert len(table_rows(at)) >= 1


def test_invalid_data_shows_the_error_page(data_dir, monkeypatch):
    partners = data_dir / "partners.csv"
    partners.write_text(partners.read_text(encoding="utf-8").replace(";demografie;", ";demographie;"), encoding="utf-8")
    (data_dir / "boundaries.geojson").write_bytes((data_dir / "boundaries.geojson").read_bytes()[:5000])
    before = partners.read_bytes()
    monkeypatch.setenv("MRH_DATA_DIR", str(data_dir))
    at = start()
    assert "Die Daten können nicht angezeigt werden" in at.error[0].value
    listing = at.code[0].value
    assert "partners.csv:7: Unbekanntes Thema 'demographie' in Spalte 'themen' (meinten Sie 'demografie'?)" in listing
    assert "boundaries.geojson:1: Ungültiges JSON" in listing
    assert not at.get("bidi_component")
    assert partners.read_bytes() == before


def test_a_broken_edit_on_a_running_server_never_reaches_visitors(data_dir, monkeypatch):
    """Open page and new visitors keep the last good state; the maintainers' page lists the problem; a fix
    is served without a restart (AppTest runs in this process, like a server's sessions)."""
    from geo.build.boundaries import write_atomic

    monkeypatch.setenv("MRH_DATA_DIR", str(data_dir))
    monkeypatch.setenv("MRH_DATA_CHECK_SECONDS", "1")
    partners = data_dir / "partners.csv"
    good = partners.read_text(encoding="utf-8")
    open_page = start({"region": "01060"})
    assert "„Kreis Segeberg 2030“" in markdown(open_page)
    write_atomic(partners, good.replace(";Segeberg;Kreis;", ";Segeberg;Kries;").encode("utf-8"))

    open_page.run()
    visitor = start({"region": "01060"})
    for at in (open_page, visitor):
        assert not at.error and "„Kreis Segeberg 2030“" in markdown(at)
        assert len(table_rows(at)) == 12 and map_data(at)["view"]["partner"] == "01060"
    maintainers = start({"seite": "datenpruefung"})
    assert "**1 Problem(e)**" in markdown(maintainers) and "letzten gültigen Stand" in markdown(maintainers)
    assert "partners.csv:8: Unbekannter Typ 'Kries' in Spalte 'typ'" in maintainers.code[0].value

    write_atomic(partners, good.replace("„Kreis Segeberg 2030“", "„Kreis Segeberg 2031“").encode("utf-8"))
    assert "„Kreis Segeberg 2031“" in markdown(start({"region": "01060"}))
    assert "Alle Dateien in `data/` sind gültig" in markdown(start({"seite": "datenpruefung"}))


def test_hostile_data_is_escaped_in_the_panel_and_table(data_dir, monkeypatch):
    partners = data_dir / "partners.csv"
    hostile = "<img src=x onerror=alert(1)> [klick](javascript:alert(2)) ${alert(3)}"
    partners.write_text(
        partners.read_text(encoding="utf-8").replace(";„Kreis Segeberg 2030“;", f";{hostile};"), encoding="utf-8"
    )
    monkeypatch.setenv("MRH_DATA_DIR", str(data_dir))
    at = start({"region": "01060"})
    panel = markdown(at)
    assert "\\<img src\\=x onerror\\=alert\\(1\\)\\> \\[klick\\]\\(javascript\\:alert\\(2\\)\\)" in panel
    assert hostile in table_column(at, 1)  # plain text, inserted with textContent in the browser


@pytest.mark.parametrize(
    "loading",
    [
        '<script src="https://cdn.jsdelivr.net/npm/leaflet.js">',
        '<link rel="stylesheet" href="//cdnjs.x/a.css"/>',
        "L.tileLayer(`https://tile.openstreetmap.org/{z}/{x}/{y}.png`",
        "@import url(https://fonts.googleapis.com/x)",
    ],
)
def test_the_external_pattern_would_catch_a_cdn(loading):
    assert EXTERNAL.search(loading)


def test_segeberg_lists_its_vernetzung_partners():
    text = markdown(start({"region": "01060"}))
    assert "**Vernetzung – gemeinsame Themen mit:**" in text
    assert "- Kreis Stormarn\\: Wohnen" in text and "- Landkreis Cuxhaven\\: Mobilität" in text
    assert "**Einwohner und Fläche:** 276\\.032 Einwohner" in text


def test_basemap_only_when_asked_for():
    plain = start()
    assert "geodatenzentrum" not in map_doc(plain)
    at = start({"karte": "basemap"})
    assert map_data(at)["src"] != map_data(plain)["src"]
    # named apart, so that the proxy's CSP admits the basemap host for this document alone
    assert "/karte-hintergrund-" in map_data(at)["src"] and "hintergrund" not in map_data(plain)["src"]
    assert "https://sgx.geodatenzentrum.de/wmts_basemapde/tile/1.0.0/de_basemapde_web_raster_grau/" in map_doc(at)
    assert "IP-Adresse" in at.warning[0].value and "© basemap.de / BKG" in at.warning[0].value
    assert at.toggle[0].value is True
    at.toggle[0].set_value(False).run()
    assert "karte" not in at.query_params


def test_english_interface_keeps_the_data():
    at = start({"lang": "en", "region": "01062"})
    assert at.title[0].value == "Demography and public services"
    text = markdown(at)
    assert "**Sub-project:** Anpassungsstrategie" in text
    assert '{label: "Partner areas"' in map_doc(at)
    assert map_data(at)["title"] == "Map of the partner areas"
    at.radio[0].set_value("de").run()
    assert at.title[0].value == "Demographie und Daseinsvorsorge"
    assert "lang" not in at.query_params


def test_selection_of_a_partner_removed_from_the_data_is_dropped(data_dir, monkeypatch):
    at = start({"region": "033530005", "thema": "naherholung"})
    for name in ("partners.csv", "contacts.csv", "verbleib.csv"):  # the partner and what belongs to it
        path = data_dir / name
        if path.exists():
            lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
            path.write_text("".join(line for line in lines if not line.startswith("033530005;")), encoding="utf-8")
    boundaries = data_dir / "boundaries.geojson"
    doc = json.loads(boundaries.read_text(encoding="utf-8"))
    doc["features"] = [f for f in doc["features"] if f["properties"]["RS"] != "033530005"]
    boundaries.write_text(json.dumps(doc), encoding="utf-8")
    monkeypatch.setenv("MRH_DATA_DIR", str(data_dir))
    at.run()
    assert not at.exception
    assert at.selectbox[0].value is None
    # no partner has „Naherholung“ any more: the theme is no longer offered, the filter is dropped
    assert at.multiselect[0].value == [] and len(table_rows(at)) == 11


def test_a_theme_no_partner_has_is_not_offered():
    at = start({"thema": "nahversorgung"})
    assert "nahversorgung" not in at.multiselect[0].options and "Nahversorgung (0)" not in at.multiselect[0].options
    assert any("kein Partner hat dieses Thema" in i.value for i in at.info)
    assert at.multiselect[0].value == []


def test_default_page_has_no_code_block_and_no_data_grid():
    """Page weight: st.code loads a 1.5 MB syntax highlighter, st.dataframe a 1.2 MB data grid."""
    at = start({"region": "01060"})
    assert not at.code and not at.dataframe and not at.table
    assert at.get("arrow_data_frame") == [] and at.get("code") == []


def test_choosing_a_table_row_is_wired_to_the_selection():
    at = start()
    data = component_data(at, "mrh_table")
    assert data["columns"] == ["Name", "Teilprojekt", "Laufzeit", "Themen", "Was wurde daraus?"]
    assert data["partner"] is None
    segeberg = next(r for r in data["rows"] if r["rs"] == "01060")
    assert segeberg["cells"][0] == "Kreis Segeberg" and "Barrierefreiheit" in segeberg["cells"][3]
    dithmarschen = next(r for r in data["rows"] if r["rs"] == "01051")
    assert dithmarschen["cells"][1] == "nicht dokumentiert" and dithmarschen["missing"][1] is True


@pytest.mark.parametrize("lang", ["de", "en"])
def test_accessibility_statement_and_easy_language_are_linked_from_every_view(lang):
    at = start({"lang": lang, "region": "01060"})
    links = [m.value for m in at.markdown if "seite=barrierefreiheit" in m.value]
    assert len(links) == 2  # sidebar and footer
    assert all("?seite=leichte-sprache" in link for link in links)
    assert len(at.sidebar.markdown) and any("seite=barrierefreiheit" in m.value for m in at.sidebar.markdown)


def test_accessibility_statement_says_what_is_met_what_is_not_and_whom_to_tell():
    at = start({"seite": "barrierefreiheit"})
    page = markdown(at)
    for part in (
        "# Erklärung zur Barrierefreiheit",
        "WCAG) 2.1, Stufe AA",
        "BITV 2.0",
        "teilweise barrierefrei",
        "Bekannte Einschränkungen und Alternativen",
        "Tabelle",
        "Barrieren melden",
        "Schlichtungsverfahren",
        "schlichtungsstelle-bgg.de",
        "Diese Erklärung wurde am 26.11.2026 erstellt",
    ):
        assert part in page, part
    # the committed settings leave the contact to the operator: said openly, not invented
    assert "noch nicht festgelegt" in page and any("betreiber.toml" in w.value for w in at.warning)
    assert not at.get("bidi_component")  # no map on this page


def test_easy_language_page():
    page = markdown(start({"seite": "leichte-sprache"}))
    assert "# Leichte Sprache" in page and "**Daseinsvorsorge** heißt" in page
    sentences = [s for line in page.splitlines() for s in line.split(". ") if s and not s.startswith(("#", "-"))]
    assert max(len(s.split()) for s in sentences) <= 16  # short sentences


def test_unknown_page_falls_back_to_the_map_with_a_notice():
    at = start({"seite": "<script>"})
    assert at.get("bidi_component")
    assert any("Unbekannte Seite" in i.value for i in at.info)


def test_embed_snippet_carries_the_view_and_embed_mode():
    at = start({"region": "01060", "thema": "wohnen"})
    fields = component_data(at, "mrh_share")["fields"]
    snippet = fields[1]["value"]
    assert snippet.startswith('<iframe src="') and "region=01060&amp;thema=wohnen&amp;embed=true" in snippet
    assert 'title="Karte: Demographie und Daseinsvorsorge in der Metropolregion Hamburg"' in snippet


def test_png_and_steckbrief_buttons():
    at = start()
    buttons = {b.proto.label: b.proto for b in at.get("download_button")}
    assert "Karte als Bild (PNG)" in buttons and "Steckbrief (PDF)" in buttons
    assert buttons["Steckbrief (PDF)"].disabled  # nothing selected yet
    at = start({"region": "01060"})
    assert not {b.proto.label: b.proto for b in at.get("download_button")}["Steckbrief (PDF)"].disabled


def test_zeitleiste_is_built_when_opened_and_marks_the_selection():
    at = start({"region": "01062"})
    assert any("Zeitleiste" in e.label for e in at.expander)
    assert not [h for h in at.get("html") if "mrh-tl" in h.proto.body]  # closed: not sent
    at.session_state[TIMELINE_KEY] = True  # what opening it does (on_change="rerun")
    at.run()
    (timeline,) = [h for h in at.get("html") if "mrh-tl" in h.proto.body]
    assert '<li class="selected">' in timeline.proto.body and "Kreis Stormarn" in timeline.proto.body


def test_comparison_from_a_shared_link():
    at = start({"vergleich": ["01060", "01062", "01060", "<b>x</b>"]})
    assert at.multiselect[1].value == ["01060", "01062"]
    assert at.multiselect[1].placeholder == "– keine gewählt –"  # German, not Streamlit's "Choose options"
    assert any("doppelt" in i.value for i in at.info) and any("Unbekannter Partner" in i.value for i in at.info)
    page = markdown(at)
    assert "#### Kreis Segeberg" in page and "#### Kreis Stormarn" in page
    assert "**Wohnen** (gemeinsam)" in page  # both have Wohnen
    assert query(at, "vergleich") == ["01060", "01062"]
    assert "vergleich=01060&vergleich=01062" in share_link(at)
    at.multiselect[1].set_value(["01060"]).run()
    assert "Für einen Vergleich mindestens zwei Partner wählen." in markdown(at)


def test_unwritable_map_folder_gives_a_message_not_a_traceback(monkeypatch, tmp_path, data_dir):
    from ui import mapview

    blocked = tmp_path / "maps"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    monkeypatch.setattr(mapview, "MAPS_DIR", blocked)
    monkeypatch.setenv("MRH_DATA_DIR", str(data_dir))  # a data folder of its own: no cached map document
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    assert any("nicht beschreibbar" in e.value for e in at.error)
    assert len(table_rows(at)) == 12


# ---- Ort suchen -------------------------------------------------------------------------------------------


def sidebar_text(at: AppTest) -> str:
    return "\n".join([m.value for m in at.sidebar.markdown] + [w.value for w in at.sidebar.warning])


def test_search_selects_the_partner_and_marks_the_place():
    at = start({"ort": "Bad Oldesloe"})
    assert at.selectbox[0].value == "01062"
    assert (
        "**Bad Oldesloe** (Kreis Stormarn, Schleswig-Holstein) liegt im Gebiet von **Kreis Stormarn**"
        in sidebar_text(at)
    )
    place = map_data(at)["view"]["place"]
    assert place["name"] == "Bad Oldesloe" and 10.3 < place["lon"] < 10.5
    assert query(at, "ort") == ["Bad Oldesloe"] and query(at, "region") == ["01062"]
    assert "ort=Bad+Oldesloe" in share_link(at)


def test_search_with_umlaut_spelling_lists_namesakes_and_a_pick_is_shared():
    at = start()
    at.text_input[0].set_value("Moelln").run()
    labels = [b.label for b in at.sidebar.button]
    assert labels[0] == "Mölln – Kreis Herzogtum Lauenburg, Schleswig-Holstein · Partner: Kreis Herzogtum Lauenburg"
    assert labels[1] == "Mölln – Landkreis Mecklenburgische Seenplatte, Mecklenburg-Vorpommern"
    assert map_data(at)["view"]["place"] is None  # nothing marked until one is chosen
    at.sidebar.button[0].click().run()
    assert at.text_input[0].value == "Mölln – Kreis Herzogtum Lauenburg"
    assert at.selectbox[0].value == "01053"
    assert map_data(at)["view"]["place"]["name"] == "Mölln"
    again = start({"ort": query(at, "ort")[0]})  # the shared link finds the same Mölln
    assert again.selectbox[0].value == "01053"


def test_a_search_whose_matches_all_lie_in_one_partner_selects_it_and_lists_them():
    at = start({"region": "01060"})
    at.text_input[0].set_value("Boizenburg").run()
    assert at.selectbox[0].value == "13076"
    assert "2 Orte passen, alle im Gebiet von **Landkreis Ludwigslust\\-Parchim**" in sidebar_text(at)
    labels = [b.label for b in at.sidebar.button]
    assert [label.replace("\\", "").split(" – ")[0] for label in labels[:2]] == [
        "Boizenburg/Elbe",
        "Tessin b. Boizenburg",
    ]
    assert query(at, "region") == ["13076"]
    shared = start({"ort": "Boizenburg"})  # the shared link selects the same partner
    assert shared.selectbox[0].value == "13076"
    at.text_input[0].set_value("Moelln").run()  # namesakes in different areas: nothing is chosen for the user
    assert at.selectbox[0].value == "13076"


def test_search_outside_the_partners_says_so_and_clears_the_selection():
    at = start({"region": "01060"})
    at.text_input[0].set_value("Hamburg").run()
    assert "**Hamburg** (Kreisfreie Stadt Hamburg, Hamburg) liegt in keinem Partnergebiet" in sidebar_text(at)
    assert at.selectbox[0].value is None
    assert map_data(at)["view"]["place"]["name"] == "Hamburg"


def test_search_with_sz_spelling_and_prefix():
    at = start()
    at.text_input[0].set_value("Strasse").run()
    assert all("Straß" in b.label or "straß" in b.label for b in at.sidebar.button)
    at.text_input[0].set_value("wischhaf").run()
    assert "liegt im Gebiet von **Samtgemeinde Nordkehdingen**" in sidebar_text(at)


def test_nothing_found_and_hostile_input_get_a_message():
    at = start()
    at.text_input[0].set_value("Oldeslohe").run()
    text = sidebar_text(at)
    assert "Kein Ort „Oldeslohe“ gefunden" in text.replace("\\", "") and "Bad Oldesloe" in text
    at.text_input[0].set_value("<img src=x onerror=alert(1)>").run()
    assert not at.exception
    assert "Kein Ort" in sidebar_text(at)
    long = start({"ort": "x" * 10_000})
    assert long.text_input[0].value == ""
    assert any("zu lang" in i.value for i in long.info)


def test_in_gis_laden_names_the_service_only_where_the_server_runs_one(monkeypatch):
    monkeypatch.delenv("MRH_OGC_URL", raising=False)
    at = start()
    (gis,) = [e for e in at.expander if e.label == "In GIS laden"]
    assert "nicht eingerichtet" in gis.markdown[0].value and "GeoPackage" in gis.markdown[0].value
    assert all(f["value"] != "" for f in component_data(at, "mrh_share")["fields"])  # the share fields as before
    monkeypatch.setenv("MRH_OGC_URL", "https://dashboard.example.de/ogc/")
    at = start()
    (gis,) = [e for e in at.expander if e.label == "In GIS laden"]
    assert "Layer → Layer hinzufügen → WFS / OGC API – Features" in gis.markdown[0].value
    (field,) = component_data(at, "mrh_share", key="gis")["fields"]
    assert field["value"] == "https://dashboard.example.de/ogc/"
    monkeypatch.setenv("MRH_OGC_URL", "javascript:alert(1)")  # only an http(s) address is shown
    assert "nicht eingerichtet" in next(e for e in start().expander if e.label == "In GIS laden").markdown[0].value
