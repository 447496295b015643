"""Real headless Chromium against a running server: map draws, click selects, URL restores, no foreign request."""

from __future__ import annotations

import csv
import io
import re
import shutil
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from geo.data.paths import DATA_DIR as DATA
from geo.map.styles import MATCH_STYLE, MUTED_STYLE
from harness.browser import IFRAME, click_lonlat, foreign, hover_lonlat, open_map, streamlit_server, wait_view

pytestmark = pytest.mark.browser
NOTHING_HAPPENS_S = 1.5  # where time is what is tested: how long to watch for something that must not come
SEGEBERG = (10.2, 53.93)
HAMBURG = (9.99, 53.55)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="de-DE")
    page = context.new_page()
    page.requests = []  # type: ignore[attr-defined]
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()


def test_map_draws_all_partners_and_nothing_leaves_the_origin(page, server):
    frame = open_map(page, server + "/")
    partners = frame.evaluate(
        "() => { let n = 0; window.map.eachLayer(l => { if (l.feature && l.feature"
        ".properties.rs && l.getLatLngs) n++; }); return n; }"
    )
    assert partners == 12
    expect(page.get_by_text("© GeoBasis-DE / BKG 2016 (Daten verändert)").first).to_be_visible()
    page.wait_for_load_state("networkidle")  # the context's data and whatever else the map fetches
    assert page.requests
    assert foreign(page.requests, server) == []


def test_click_selects_and_the_url_restores_the_view(page, browser, server):
    frame = open_map(page, server + "/?thema=wohnen")
    frame.evaluate("() => { window.__notRemounted = true; }")
    click_lonlat(page, frame, *SEGEBERG)
    page.wait_for_url(re.compile(r"region=01060"), timeout=30_000)
    wait_view(page, frame)
    expect(page.get_by_role("heading", name="Kreis Segeberg")).to_be_visible()
    assert "thema=wohnen" in page.url
    assert frame.evaluate("() => window.__notRemounted === true")  # same iframe: zoom and position kept
    selected = frame.evaluate(
        "() => { let c; window.map.eachLayer(l => { if (l.feature && l.feature.properties"
        ".rs === '01060' && l.options) c = l.options.color; }); return c; }"
    )
    assert selected == "#000000"

    shared = page.url
    other = browser.new_page()
    other.requests = []
    other.on("request", lambda request: other.requests.append(request.url))
    open_map(other, shared)
    expect(other.get_by_role("heading", name="Kreis Segeberg")).to_be_visible()
    expect(other.get_by_text("3 von 12 Partnern – Wohnen")).to_be_visible()
    link = other.get_by_label("Adresse mit Auswahl, Filter und Sprache")
    assert "region=01060&thema=wohnen" in link.input_value()
    assert foreign(other.requests, server) == []
    other.close()


def test_click_outside_every_partner_changes_nothing(page, server):
    frame = open_map(page, server + "/?region=01062")
    click_lonlat(page, frame, *HAMBURG)
    time.sleep(NOTHING_HAPPENS_S)  # time is what is tested here: long enough for a rerun that must not come
    wait_view(page, frame)
    assert re.search(r"region=01062($|&)", page.url)
    expect(page.get_by_role("heading", name="Kreis Stormarn")).to_be_visible()
    assert not page.locator("[data-testid='stException']").count()


def test_filter_highlights_matches(page, server):
    frame = open_map(page, server + "/?thema=mobilitaet")
    outlines = frame.evaluate(
        "() => { const f = {}; window.map.eachLayer(l => { if (l.feature && l.getLatLngs"
        " && l.options.pane === 'mrhPartners') f[l.feature.properties.rs] = l.options.color; });"
        " return f; }"
    )
    assert outlines["03352"] == outlines["01060"] == MATCH_STYLE["color"]
    assert outlines["01051"] == MUTED_STYLE["color"]
    # the theme's own layer lies over exactly the matches, hatched in its colour
    hatched = frame.evaluate(
        "() => Array.from(document.querySelectorAll('.leaflet-mrhThemes-pane path')).map(p => p.getAttribute('fill'))"
    )
    assert len(hatched) == 2 and all(f.startswith("url(#mrh-hatch-0-332288)") for f in hatched)
    expect(page.get_by_text("2 von 12 Partnern – Mobilität")).to_be_visible()


def test_contact_popup_has_phone_and_mail_links(page, server):
    frame = open_map(page, server + "/")
    frame.evaluate(
        "() => { window.map.eachLayer(l => { if (l.getPopup && l.getPopup() && "
        "String(l.getPopup().getContent()).includes('Plewa')) l.openPopup(); }); }"
    )
    popup = page.frame_locator(IFRAME).locator(".leaflet-popup-content")
    expect(popup.locator('a[href="tel:+4946125481"]')).to_be_visible()
    expect(popup.locator('a[href="mailto:daseinsvorsorge-mrh@planungsgruppe-plewa.de"]')).to_be_visible()


def record_and_dismiss(dialogs: list[str]):  # type: ignore[no-untyped-def]
    """A dialog handler: note the message, close the dialog (an alert must never appear)."""

    def handle(dialog) -> None:  # type: ignore[no-untyped-def]
        dialogs.append(dialog.message)
        dialog.dismiss()

    return handle


HOSTILE = '<img src=x onerror="window.__pwned=1;alert(1)">`${window.__pwned=2}`<script>window.__pwned=3</script>'


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    """Every free-text field of Segeberg's rows in every data file holds markup and script."""
    import csv
    import shutil

    from geo.data.paths import DATA_DIR as DATA

    data = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(DATA, data)

    def poison(name: str, match: tuple[str, str], columns: dict[str, str]) -> None:
        path = data / name
        rows = list(csv.DictReader(path.open(encoding="utf-8-sig"), delimiter=";"))
        for row in rows:
            if row[match[0]] == match[1]:
                row.update(columns)
        with path.open("w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter=";")
            writer.writeheader()
            writer.writerows(rows)

    poison(
        "partners.csv",
        ("rs", "01060"),
        {
            column: HOSTILE
            for column in (
                "name",
                "teilprojekt",
                "laufzeit",
                "kurzbeschreibung",
                "zustaendig",
                "anmerkung",
                "teilprojekt_en",
                "kurzbeschreibung_en",
            )
        }
        | {"ergebnisse": f"{HOSTILE}|zweites {HOSTILE}", "ergebnisse_en": f"{HOSTILE}|second {HOSTILE}"},
    )
    poison("verbleib.csv", ("rs", "01060"), {"verbleib": HOSTILE, "verbleib_en": HOSTILE})
    poison(
        "contacts.csv",
        ("rs", "01060"),
        {"organisation": HOSTILE, "personen": f"{HOSTILE}|Sandra Kind", "adresse": HOSTILE, "anmerkung": HOSTILE},
    )
    poison("themes.csv", ("slug", "wohnen"), {"label": "<b onmouseover=alert(1)>Wohnen</b>", "beschreibung": HOSTILE})
    with streamlit_server(data) as base:
        yield base


def test_hostile_text_stays_text_everywhere(page, hostile_server):
    dialogs: list[str] = []
    page.on("dialog", record_and_dismiss(dialogs))
    frame = open_map(page, hostile_server + "/?region=01060&thema=wohnen")
    expect(page.get_by_role("heading", name=re.compile(r"<img src=x"))).to_be_visible()  # shown as text
    hover_lonlat(page, frame, *SEGEBERG)
    frame.locator(".leaflet-tooltip").filter(has_text="<img src=x").wait_for(timeout=5000)
    frame.evaluate(
        "() => { window.map.eachLayer(l => { if (l.getPopup && l.getPopup() &&"
        " String(l.getPopup().getContent()).includes('Sandra Kind')) l.openPopup(); });"
        " document.querySelector('.mrh-panel').open = true; }"
    )
    assert frame.locator(".leaflet-popup-content").filter(has_text="<img src=x").count() == 1
    assert frame.locator(".mrh-panel label").filter(has_text="<b onmouseover").count() == 1
    assert frame.locator(".mrh-legend").filter(has_text="<b onmouseover").count() == 1
    assert frame.locator(".mrh-label span").filter(has_text="<img src=x").count() == 1
    assert frame.locator("path[aria-label^='Kreis <img src=x']").count() == 1
    panel = page.locator("[data-testid='stMainBlockContainer']").inner_text()
    assert panel.count("<img src=x") >= 6  # name, Teilprojekt, Laufzeit, Beschreibung, Ergebnisse, Zuständig, …
    for scope in (page, frame):
        assert scope.evaluate("() => window.__pwned") is None
        assert scope.locator("img[src='x']").count() == 0
        assert scope.locator("b[onmouseover]").count() == 0
        assert scope.locator("script:text('__pwned')").count() == 0
    # the downloads carry the text, inert
    with page.expect_download() as info:
        page.get_by_role("button", name="Karte als HTML (offline)").click()
    offline = Path(info.value.path()).read_text(encoding="utf-8")
    assert "<img src=x" not in offline and "<script>window.__pwned" not in offline
    with page.expect_download() as info:
        page.get_by_role("button", name="Tabelle als CSV (Excel)").click()
    assert "<img src=x" in Path(info.value.path()).read_text(encoding="utf-8-sig")  # CSV is text, not markup
    assert dialogs == []


@pytest.mark.parametrize(
    "query",
    [
        "?region=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&thema=%24%7Balert(1)%7D",
        "?region=" + "9" * 5000 + "&region=01060&thema=wohnen&thema=wohnen&x=%00%ff",
        "?%ZZ=%E2%82&&&=&thema",
    ],
)
def test_odd_urls_load_the_dashboard(page, server, query):
    dialogs: list[str] = []
    page.on("dialog", record_and_dismiss(dialogs))
    open_map(page, server + "/" + query)
    expect(page.locator(".mrh-table table")).to_have_count(1)
    assert not page.locator("[data-testid='stException']").count()
    assert page.locator("img[src='x']").count() == 0
    assert dialogs == []


def test_download_csv_and_offline_map(page, browser, server, tmp_path):
    open_map(page, server + "/?region=01060&thema=wohnen")
    with page.expect_download() as info:
        page.get_by_role("button", name="Tabelle als CSV (Excel)").click()
    data = Path(info.value.path()).read_bytes()
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert data.startswith(b"\xef\xbb\xbfRS;Name;Typ;Land;Rolle;Teilprojekt;Laufzeit;Themen;Kurzbeschreibung;")
    assert [r[1] for r in rows[1:]] == ["Kreis Segeberg", "Kreis Stormarn", "Samtgemeinde Amelinghausen"]

    with page.expect_download() as info:
        page.get_by_role("button", name="Karte als HTML (offline)").click()
    offline = tmp_path / "karte.html"
    offline.write_bytes(Path(info.value.path()).read_bytes())
    context = browser.new_context(offline=True)
    attempts: list[str] = []

    def only_files(route) -> None:  # type: ignore[no-untyped-def]
        attempts.append(route.request.url)
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", only_files)
    viewer = context.new_page()
    viewer.goto(offline.as_uri())
    viewer.locator("path.mrh-partner").first.wait_for(timeout=15_000)
    # the legend comes in a frame of its own after the view is applied (map.js): wait for it, then look
    viewer.locator(".mrh-legend").filter(has_text="Wohnen (3)").wait_for(timeout=15_000)
    assert (
        viewer.evaluate(
            "() => { let c; window.map.eachLayer(l => { if (l.feature && l.options.pane === "
            "'mrhPartners' && l.feature.properties.rs === '01060') c = l.options.color; }); return c; }"
        )
        == "#000000"
    )
    assert viewer.title() == "Demographie und Daseinsvorsorge – Karte der Partnerregionen"
    expect(
        viewer.get_by_role("heading", name="Demographie und Daseinsvorsorge – Karte der Partnerregionen")
    ).to_be_visible()
    expect(viewer.get_by_text("Partner: Kreis Segeberg")).to_be_visible()
    viewer.evaluate(
        "() => { window.map.eachLayer(l => { if (l.feature && l.options.pane === 'mrhPartners'"
        " && l.feature.properties.rs === '01062') l.openPopup(); }); }"
    )
    popup = viewer.locator(".mrh-popup")
    assert (
        "Teilprojekt: Anpassungsstrategie" in popup.inner_text() and "Laufzeit: 09/2013 – 07/2015" in popup.inner_text()
    )
    assert popup.locator("a[href^='https://www.kreis-stormarn.de/']").count() == 1
    assert [u for u in attempts if not u.startswith(("file:", "data:"))] == []
    context.close()


def test_citations_and_the_steckbrief_name_the_address_a_reader_opened(page, server):
    """The files are made on click, outside Streamlit's run: the page's address must be read during the run
    (a Steckbrief made on click once ended without its citation)."""
    from pypdf import PdfReader

    open_map(page, server + "/?region=03352")
    page.get_by_text("Zitieren und weiterverwenden").click()
    with page.expect_download() as info:
        page.get_by_role("button", name="Zitat als BibTeX").click()
    entries = Path(info.value.path()).read_text(encoding="utf-8")
    assert "@misc{mrh-daseinsvorsorge-03352," in entries and f"url = {{{server}/?region=03352}}" in entries
    with page.expect_download() as info:
        page.get_by_role("button", name="Steckbrief (PDF)").click()
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(info.value.path()).pages).split())
    assert "Zitiervorschlag: " in text and f"{server}/?region=03352" in text


def test_basemap_is_opt_in(page, server):
    page.route(re.compile(r"https://sgx\.geodatenzentrum\.de/.*"), lambda route: route.abort())
    with page.expect_request(re.compile(r"https://sgx\.geodatenzentrum\.de/.*")):
        open_map(page, server + "/?karte=basemap")
    tiles = [u for u in foreign(page.requests, server)]
    assert tiles and all(u.startswith("https://sgx.geodatenzentrum.de/wmts_basemapde/") for u in tiles)
    expect(page.get_by_text("IP-Adresse")).to_be_visible()


def test_english_view(page, server):
    open_map(page, server + "/?lang=en&region=13076")
    expect(page.get_by_role("heading", name="Demography and public services")).to_be_visible()
    expect(page.get_by_text("Sub-project:").first).to_be_visible()
    assert foreign(page.requests, server) == []


def test_vernetzung_layer_draws_one_line_per_pair(page, server):
    from geo.data.project import load_project
    from geo.view.network import theme_links

    expected = theme_links(load_project())
    frame = open_map(page, server + "/")
    frame.get_by_text("Ebenen und Themen").click()
    frame.locator(".mrh-panel label").filter(has_text="Vernetzung").locator("input").check()
    lines = (
        "() => { const t = []; window.map.eachLayer(l => { if (l instanceof L.Polyline &&"
        " !(l instanceof L.Polygon) && l.getTooltip()) t.push(l.getTooltip().getContent().textContent); });"
        " return t; }"
    )
    frame.wait_for_function(f"() => ({lines})().length > 0")  # its data is fetched when it is first shown
    tooltips = frame.evaluate(lines)
    assert len(tooltips) == len(expected) > 0
    assert "Kreis Segeberg – Kreis Stormarn: Wohnen" in tooltips


def test_two_instances_serve_the_same_shared_url(page, browser, server):
    """No server-side state behind a URL: any instance behind a load balancer restores the view."""
    query = "/?region=033530005&thema=barrierefreiheit"
    with streamlit_server() as second:
        views = []
        for base in (server, second):
            other = browser.new_page()
            open_map(other, base + query)
            views.append(
                (
                    other.get_by_role("heading", level=2).first.inner_text(),
                    other.get_by_text(re.compile(r"\d+ von 12 Partnern")).inner_text(),
                )
            )
            other.close()
    assert views[0] == views[1] == ("Stadt Buchholz in der Nordheide", "2 von 12 Partnern – Barrierefreiheit")


def test_base_url_path_behind_a_proxy(page, tmp_path):
    """With server.baseUrlPath the map document is requested under that path (and found)."""
    with streamlit_server(base_path="mrh") as base:
        frame = open_map(page, base + "/mrh/")
        assert frame.evaluate("() => typeof L") == "object"
        assert any(re.search(r"/mrh/app/static/maps/karte-[0-9a-f]{16}\.html$", u) for u in page.requests)


def test_an_open_page_says_when_the_data_changed(page, tmp_path, monkeypatch):
    """The page checks data/ on a timer (5 min; 1 s here) and offers to redraw; the data files stay as they are."""
    monkeypatch.setenv("MRH_DATA_CHECK_SECONDS", "1")
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    with streamlit_server(data) as base:
        open_map(page, base + "/?region=01060")
        notice = page.get_by_text("Die Daten wurden inzwischen aktualisiert.")
        page.wait_for_timeout(2500)  # time is what is tested: two checks of the 1-s timer find nothing new
        assert not notice.count()
        partners = data / "partners.csv"
        partners.write_text(partners.read_text(encoding="utf-8"), encoding="utf-8")  # same content, new date
        notice.wait_for(timeout=15_000)
        page.get_by_role("button", name="Neu laden").click()
        notice.wait_for(state="detached", timeout=15_000)
        expect(page.get_by_role("heading", name="Kreis Segeberg")).to_be_visible()
