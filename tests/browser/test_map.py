"""The map speaks for itself, in real Chromium: names, colour key, layer panel, keyboard, phone, cache, print."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from geo.data.project import load_project
from geo.view.network import theme_links
from geo.view.table import theme_counts
from harness.browser import IFRAME, open_map, page_point, wait_view
from ui import mapview

pytestmark = pytest.mark.browser
SEGEBERG = (10.0, 53.85)  # inside the Kreis, away from its contact marker
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
    "locale": "de-DE",
}
LABELS = (
    "() => Array.from(document.querySelectorAll('.mrh-label span')).map(s => { const r = s.getBoundingClientRect();"
    " return {text: s.textContent, visible: getComputedStyle(s).visibility === 'visible', x0: r.left, y0: r.top,"
    " x1: r.right, y1: r.bottom}; })"
)


@pytest.fixture
def desktop(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="de-DE")
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE)
    yield context.new_page()
    context.close()


def overlapping(boxes: list[dict]) -> list[tuple[str, str]]:
    return [
        (a["text"], b["text"])
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a["x0"] < b["x1"] and b["x0"] < a["x1"] and a["y0"] < b["y1"] and b["y0"] < a["y1"]
    ]


def test_partners_are_named_on_the_map_without_overlap(desktop, server):
    frame = open_map(desktop, server + "/")
    labels = frame.evaluate(LABELS)
    assert len(labels) == 12
    shown = [label for label in labels if label["visible"]]
    assert len(shown) >= 9, [label["text"] for label in shown]
    assert {"Segeberg", "Cuxhaven", "Ludwigslust-Parchim", "Dithmarschen"} <= {label["text"] for label in shown}
    assert overlapping(shown) == []
    assert frame.locator(".mrh-label[tabindex], .mrh-label [tabindex]").count() == 0  # not in the tab order
    # zoomed in far enough, every partner carries its name
    points = frame.evaluate(
        "() => { const p = {}; window.map.eachLayer(l => { if (l.feature && l.options.pane"
        " === 'mrhPartners') p[l.feature.properties.short] = l.feature.properties.pt; }); return p; }"
    )
    for name, point in points.items():
        frame.evaluate("(pt) => window.map.setView(pt, 10, {animate: false})", point)  # its moveend places them
        visible = {label["text"] for label in frame.evaluate(LABELS) if label["visible"]}
        assert name in visible, name
        assert overlapping([label for label in frame.evaluate(LABELS) if label["visible"]]) == []


def test_two_theme_filter_is_readable_from_the_map_alone(desktop, server):
    frame = open_map(desktop, server + "/?thema=mobilitaet&thema=wohnen&region=01060")
    legend = frame.locator(".mrh-legend").inner_text()
    for expected in (
        "Partner mit mindestens einem der gewählten Themen",
        "Mobilität (2)",
        "Wohnen (3)",
        "ohne gewähltes Thema",
        "Federführung",
        "Auswahl",
    ):
        assert expected in legend
    # Segeberg has both themes: both hatches lie over it, in different directions (readable in greyscale)
    fills = frame.evaluate(
        "() => { const f = []; window.map.eachLayer(l => { if (l.feature && l.options.pane ==="
        " 'mrhThemes' && l.feature.properties.rs === '01060' && l.getElement)"
        " f.push(l.getElement().getAttribute('fill')); }); return f; }"
    )
    assert len(set(fills)) == 2
    angles = frame.evaluate(
        "(ids) => ids.map(id => document.querySelector(id).getAttribute('patternTransform'))", [f[4:-1] for f in fills]
    )
    assert len(set(angles)) == 2
    # the selection outline lies above every overlay, and only the names above it (it never crosses them)
    panes = frame.evaluate(
        "() => ['mrhThemes', 'mrhDensity', 'overlayPane', 'mrhSelection', 'mrhLabels']"
        ".map(n => Number(getComputedStyle(window.map.getPane(n)).zIndex))"
    )
    assert max(panes[:3]) < panes[3] < panes[4]
    assert frame.locator(".leaflet-mrhSelection-pane path").count() == 2  # white halo and black line


def test_theme_boxes_in_the_map_are_the_filter(desktop, server):
    frame = open_map(desktop, server + "/")
    frame.get_by_text("Ebenen und Themen").click()
    panel = frame.locator(".mrh-panel")
    names = [t.strip() for t in panel.locator("label").all_inner_texts()]
    counts = theme_counts(load_project())
    assert f"Gesundheit ({counts['gesundheit']})" in names
    assert {
        "Partnerregionen",
        "Kontakte",
        "Einwohnerdichte",
        "Vernetzung (gemeinsame Themen)",
        "Metropolregion Hamburg 2014–2016 und Ländergrenzen",
    } <= set(names)
    assert not any(name.endswith("(0)") for name in names)  # a theme nobody has cannot match
    panel.locator("label").filter(has_text="Gesundheit").locator("input").check()
    desktop.wait_for_url(re.compile(r"thema=gesundheit"), timeout=30_000)
    wait_view(desktop, frame)
    expect(desktop.get_by_text(f"{counts['gesundheit']} von 12 Partnern – Gesundheit")).to_be_visible()
    assert f"Gesundheit ({counts['gesundheit']})" in frame.locator(".mrh-legend").inner_text()
    # and the sidebar changes the same state
    desktop.locator("[data-testid='stMultiSelect'] [aria-label^='Remove']").first.click()
    desktop.wait_for_url(lambda url: "thema=" not in url, timeout=30_000)
    wait_view(desktop, frame)
    assert frame.evaluate("() => window.mrhView.themes") == []
    assert panel.locator("label").filter(has_text="Gesundheit").locator("input").is_checked() is False


def test_keyboard_selects_a_partner_and_shapes_have_names(desktop, server):
    frame = open_map(desktop, server + "/")
    assert desktop.locator(IFRAME).get_attribute("title") == "Karte der Partnerregionen"
    assert frame.locator("[role='region'][aria-label='Karte der Partnerregionen']").count() == 1
    names = frame.evaluate(
        "() => Array.from(document.querySelectorAll('path.mrh-partner'))"
        ".map(p => [p.getAttribute('aria-label'), p.getAttribute('role'), p.tabIndex])"
    )
    assert len(names) == 12
    assert all(role == "button" and tab == 0 for _, role, tab in names)
    assert "Kreis Segeberg" in {name for name, _, _ in names}
    assert "Landkreis Ludwigslust-Parchim, Federführung (gestrichelt)" in {name for name, _, _ in names}
    assert frame.locator(".leaflet-mrhContext-pane path[tabindex]").count() == 0
    # Tab from the page into the map until Segeberg has the focus, then Enter
    desktop.locator(IFRAME).focus()
    for _ in range(60):
        desktop.keyboard.press("Tab")
        if (
            frame.evaluate("() => document.activeElement && document.activeElement.getAttribute('aria-label')")
            == "Kreis Segeberg"
        ):
            break
    else:
        pytest.fail("Tab never reached the Segeberg shape")
    assert frame.evaluate("() => getComputedStyle(document.activeElement).strokeWidth") == "6px"  # visible focus
    desktop.keyboard.press("Enter")
    desktop.wait_for_url(re.compile(r"region=01060"), timeout=30_000)
    wait_view(desktop, frame)
    expect(desktop.get_by_role("heading", name="Kreis Segeberg")).to_be_visible()
    assert frame.locator("[aria-live='polite']").inner_text().startswith("Kreis Segeberg ausgewählt")


def test_home_control_returns_to_the_partners(desktop, server):
    frame = open_map(desktop, server + "/")
    start_zoom = frame.evaluate("() => window.map.getZoom()")
    frame.evaluate("() => window.map.setView([48.1, 11.6], 9, {animate: false})")
    frame.get_by_role("button", name="Gesamtansicht").click()
    frame.wait_for_function(
        "(zoom) => { const b = L.latLngBounds([]); window.map.eachLayer(l => { if (l.feature && l.options.pane"
        " === 'mrhPartners') b.extend(l.getBounds()); }); return window.map.getZoom() === zoom"
        " && window.map.getBounds().contains(b); }",
        arg=start_zoom,
        timeout=10_000,
    )


# From the page's start: the map frame's height when it first appears, and the layout shift score
# (the sum Lighthouse reports as CLS, without shifts right after input).
FIRST_HEIGHT = """
window.__shift = 0; window.__firstHeight = null;
new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; })
  .observe({type: 'layout-shift', buffered: true});
new MutationObserver((records, observer) => {
  const element = document.querySelector('iframe[src*="/app/static/maps/"]');
  if (element) { window.__firstHeight = element.getBoundingClientRect().height; observer.disconnect(); }
}).observe(document, {childList: true, subtree: true});
"""


def test_map_keeps_its_place_while_its_code_loads(phone, server):
    """A slow phone: the map's place is reserved from its first paint, nothing below it jumps (CLS ≈ 0)."""
    phone.add_init_script(FIRST_HEIGHT)
    phone.context.new_cdp_session(phone).send("Emulation.setCPUThrottlingRate", {"rate": 4})
    open_map(phone, server + "/")
    assert phone.evaluate("() => window.__firstHeight") == mapview.MAP_HEIGHT
    assert phone.locator(IFRAME).bounding_box()["height"] == pytest.approx(mapview.MAP_HEIGHT, abs=1)
    assert phone.evaluate("() => window.__shift") < 0.05


def test_first_visit_loads_only_the_fonts_streamlit_always_loads(desktop, server):
    """Streamlit preloads Source Sans and shows icons from Material Symbols on every page; our parts must not
    add its italic (138 KB) or code font (90 KB) to a first visit."""
    fonts: list[str] = []
    desktop.on("request", lambda request: fonts.append(request.url) if request.resource_type == "font" else None)
    open_map(desktop, server + "/")
    desktop.locator(".mrh-table").wait_for()
    desktop.locator(".mrh-share-line").first.wait_for()
    names = sorted({url.rsplit("/", 1)[-1].split(".")[0] for url in fonts})
    assert names == ["MaterialSymbols-Rounded", "SourceSansVF-Upright"], names


def _touch(session, kind: str, points: list[tuple[float, float]]) -> None:
    session.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": [{"x": x, "y": y} for x, y in points]})


SCROLL_TOP = "() => document.querySelector('[data-testid=stMain]').scrollTop"
BACK_TO_TOP = """() => {
  const main = document.querySelector('[data-testid=stMain]'), was = main.scrollTop;
  main.scrollTop = 0;
  window.mrhAtTop = was === 0 ? (window.mrhAtTop || 0) + 1 : 0;
  return window.mrhAtTop >= 3;
}"""


def test_phone_swipe_scrolls_the_page_two_fingers_move_the_map(phone, server):
    frame = open_map(phone, server + "/")
    box = phone.locator(IFRAME).bounding_box()
    assert box["height"] <= 0.6 * 844 + 1
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= 390  # no horizontal overflow
    scale = frame.locator(".leaflet-control-scale").bounding_box()
    attribution = frame.locator(".leaflet-control-attribution").bounding_box()
    assert scale["x"] + scale["width"] <= attribution["x"] or attribution["y"] + attribution["height"] <= scale["y"]
    session = phone.context.new_cdp_session(phone)
    center = frame.evaluate("() => window.map.getCenter()")
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] * 0.8
    _touch(session, "touchStart", [(x, y)])
    for step in range(1, 15):
        _touch(session, "touchMove", [(x, y - 15 * step)])
    _touch(session, "touchEnd", [])
    phone.wait_for_function(f"() => ({SCROLL_TOP})() > 100")  # the page scrolled
    assert frame.evaluate("() => window.map.getCenter()") == center  # the map did not move
    # back to the top; a fling from the swipe may still be running and scroll on, so the page is put back
    # on every poll until it has stayed at the top for three polls
    phone.wait_for_function(BACK_TO_TOP, polling=100)
    box = phone.locator(IFRAME).bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    _touch(session, "touchStart", [(x - 40, y), (x + 40, y)])
    for step in range(1, 10):
        _touch(session, "touchMove", [(x - 40 + 8 * step, y + 6 * step), (x + 40 + 8 * step, y + 6 * step)])
    _touch(session, "touchEnd", [])
    moved = "(c) => { const now = window.map.getCenter(); return now.lat !== c.lat || now.lng !== c.lng; }"
    frame.wait_for_function(moved, arg=center)  # two fingers moved the map


def test_phone_tap_selects_and_brings_the_details_into_view(phone, server):
    frame = open_map(phone, server + "/")
    phone.touchscreen.tap(*page_point(phone, frame, *SEGEBERG))
    phone.wait_for_url(re.compile(r"region=01060"), timeout=30_000)
    wait_view(phone, frame)
    heading = phone.get_by_role("heading", name="Kreis Segeberg")
    heading.wait_for()
    header = phone.locator("[data-testid='stHeader']").bounding_box()
    # smooth scrolling brings it below Streamlit's header bar, inside the screen
    phone.wait_for_function(
        "(below) => { const h = Array.from(document.querySelectorAll('h1, h2, h3, h4')).find(e => e.textContent"
        ".trim().startsWith('Kreis Segeberg')); if (!h) return false; const top = h.getBoundingClientRect().top;"
        " return top >= below && top < 844; }",
        arg=header["y"] + header["height"],
    )


# The names as drawn on a narrow map, with what the phone rules need: the selected name and whether the
# selection's black line passes through its box; each leader's two ends (page px of the frame).
PHONE_NAMES = """() => {
  const line = document.querySelectorAll('.leaflet-mrhSelection-pane path')[1] || null;
  function crossed(r) {
    if (!line) { return false; }
    const m = line.getScreenCTM().inverse(), p = line.ownerSVGElement.createSVGPoint();
    for (let x = r.left; x <= r.right; x += 2) for (let y = r.top; y <= r.bottom; y += 2) {
      p.x = x; p.y = y; if (line.isPointInStroke(p.matrixTransform(m))) return true;
    }
    return false;
  }
  return Array.from(document.querySelectorAll('.mrh-label')).map((icon) => {
    const span = icon.querySelector('span'), r = span.getBoundingClientRect();
    const leader = icon.querySelector('.mrh-leader'), end = leader.querySelector('.line');
    const at = icon.getBoundingClientRect();
    return {text: span.textContent, visible: getComputedStyle(span).visibility === 'visible',
      selected: span.classList.contains('mrh-label-selected'), crossed: crossed(r),
      x0: r.left, y0: r.top, x1: r.right, y1: r.bottom,
      leader: getComputedStyle(leader).display === 'none' ? null :
        [at.left, at.top, at.left + Number(end.getAttribute('x2')), at.top + Number(end.getAttribute('y2'))]};
  });
}"""
LEGEND_SHARE = """() => {
  const map = document.querySelector('.leaflet-container').getBoundingClientRect();
  const legend = document.querySelector('.mrh-legend').getBoundingClientRect();
  return legend.width * legend.height / (map.width * map.height);
}"""


def disclosure(page, name: str) -> bool | None:  # type: ignore[no-untyped-def]
    """Chromium's accessibility tree of the map frame: the expanded state of the disclosure named ``name``."""
    session = page.context.new_cdp_session(page)
    frames = session.send("Page.getFrameTree")["frameTree"].get("childFrames", [])
    (frame_id,) = [f["frame"]["id"] for f in frames if "/static/maps/" in f["frame"]["url"]]
    for node in session.send("Accessibility.getFullAXTree", {"frameId": frame_id})["nodes"]:
        if node.get("role", {}).get("value") == "DisclosureTriangle" and node.get("name", {}).get("value") == name:
            states = {p["name"]: p["value"]["value"] for p in node.get("properties", [])}
            return bool(states.get("expanded"))
    return None


@pytest.mark.parametrize(
    "query, selected",
    [("/", None), ("/?region=01051", "Dithmarschen"), ("/?region=01060&thema=mobilitaet&thema=wohnen", "Segeberg")],
)
def test_phone_names_every_partner_and_the_selected_one_uncrossed(phone, server, query, selected):
    """At 390 px at least 10 of 12 names (issue 33; today all 12), in short forms a reader understands, none
    overlapping; the selected one always, never crossed by its own outline; a moved name is joined to its point."""
    frame = open_map(phone, server + query)
    frame.wait_for_function("() => document.querySelectorAll('.mrh-label span').length === 12")
    frame.wait_for_function(
        "() => Array.from(document.querySelectorAll('.mrh-label span')).some(s => s.textContent === 'Hzgt. Lauenburg')"
    )
    names = frame.evaluate(PHONE_NAMES)
    shown = [n for n in names if n["visible"]]
    assert len(shown) >= 10, [n["text"] for n in shown]
    assert overlapping(shown) == []
    assert {"Hzgt. Lauenburg", "NW-Mecklenburg", "Buchholz"} <= {n["text"] for n in names}
    box = frame.evaluate("() => document.querySelector('.leaflet-container').getBoundingClientRect().toJSON()")
    for name in shown:  # inside the map, and a leader runs from the partner's point to the name's edge
        assert box["left"] <= name["x0"] and name["x1"] <= box["right"] and box["top"] <= name["y0"], name
        if name["leader"]:
            x, y = name["leader"][2:]
            assert name["x0"] - 1.5 <= x <= name["x1"] + 1.5 and name["y0"] - 1.5 <= y <= name["y1"] + 1.5, name
    chosen = [n for n in names if n["selected"]]
    if selected is None:
        assert chosen == []
    else:
        assert [n["text"] for n in chosen] == [selected] and chosen[0]["visible"]
        assert not chosen[0]["crossed"], chosen[0]


def test_phone_first_view_fills_the_frame_with_the_partners(phone, server):
    """The partners (without Helgoland, 60 km out at sea) span the map's width less its margins."""
    frame = open_map(phone, server + "/")
    share = frame.evaluate(
        "() => { const b = L.latLngBounds(MRH.frame.core), m = window.map;"
        " return (m.latLngToContainerPoint(b.getNorthEast()).x - m.latLngToContainerPoint(b.getSouthWest()).x)"
        " / m.getSize().x; }"
    )
    assert share >= 0.9, share


def test_phone_legend_is_folded_to_one_line_and_opens_without_hiding_the_selection(phone, server):
    """Closed it covers at most 8 % of the map; keyboard and screen reader reach it as a disclosure whose state
    is announced; opened, the selected partner stays above it."""
    frame = open_map(phone, server + "/?region=01053&thema=mobilitaet")
    legend = frame.locator("details.mrh-legend")
    expect(legend).not_to_have_attribute("open", "")
    expect(legend.locator("summary")).to_have_text("Legende · Filter: 1 Thema")
    assert frame.evaluate(LEGEND_SHARE) <= 0.08
    # the summary is a disclosure: screen readers hear its name and its state, collapsed or expanded
    assert disclosure(phone, "Legende · Filter: 1 Thema") is False
    legend.locator("summary").focus()
    phone.keyboard.press("Enter")
    expect(legend).to_have_attribute("open", "")
    expect(legend).to_contain_text("Mobilität")
    assert disclosure(phone, "Legende · Filter: 1 Thema") is True
    hidden = frame.evaluate(
        "() => { const l = document.querySelector('.mrh-legend').getBoundingClientRect();"
        " const s = document.querySelectorAll('.leaflet-mrhSelection-pane path')[1].getBoundingClientRect();"
        " return s.bottom > l.top && s.top < l.bottom && s.right > l.left && s.left < l.right; }"
    )
    assert not hidden
    phone.keyboard.press("Enter")
    expect(legend).not_to_have_attribute("open", "")


# Bytes the map document and Leaflet's script (beside it, ui/mapview.py) took from the network, by the frame's
# Resource Timing: 0 when the browser's cache answered without asking the server (a 304 counts its headers).
TRANSFERRED = """() => [
    ["karte", performance.getEntriesByType("navigation")[0].transferSize],
    ...performance.getEntriesByType("resource").filter(e => /\\/leaflet-[0-9a-f]+\\.js$/.test(e.name))
        .map(e => ["leaflet", e.transferSize])
]"""


def test_reload_and_rerun_do_not_download_the_map_again(desktop, server):
    frame = open_map(desktop, server + "/")
    first = frame.evaluate(TRANSFERRED)
    assert [name for name, _ in first] == ["karte", "leaflet"]
    assert all(size > 10_000 for _, size in first), first  # a new browser profile downloads both once
    frame.evaluate("() => { window.__same = true; }")
    desktop.locator("[data-testid='stSelectbox']").first.click()
    desktop.get_by_role("option", name="Kreis Stormarn").click()
    wait_view(desktop, frame)
    assert frame.evaluate("() => window.__same === true")  # a rerun keeps the document
    desktop.reload()
    frame = open_map(desktop, desktop.url)
    assert frame.evaluate(TRANSFERRED) == [["karte", 0], ["leaflet", 0]]


def test_print_shows_map_details_and_table_without_sidebar(desktop, server):
    open_map(desktop, server + "/?region=01060&thema=wohnen")
    desktop.emulate_media(media="print")
    expect(desktop.locator("[data-testid='stSidebar']")).not_to_be_visible()
    expect(desktop.locator(IFRAME)).to_be_visible()
    expect(desktop.get_by_role("heading", name="Kreis Segeberg")).to_be_visible()
    pdf = desktop.pdf(format="A4", landscape=True, print_background=True)
    assert pdf.startswith(b"%PDF")


def test_choosing_a_table_row_selects_the_partner(desktop, server):
    frame = open_map(desktop, server + "/?thema=wohnen")
    desktop.locator(".mrh-table").get_by_role("button", name="Kreis Stormarn").click()
    desktop.wait_for_url(re.compile(r"region=01062"), timeout=30_000)
    wait_view(desktop, frame)
    expect(desktop.get_by_role("heading", name="Kreis Stormarn")).to_be_visible()
    expect(desktop.locator(".mrh-table tr[aria-current='true']")).to_have_text(re.compile(r"^Kreis Stormarn"))
    assert frame.evaluate("() => window.mrhView.partner") == "01062"
    headers = desktop.locator(".mrh-table thead th").all_inner_texts()
    assert headers == ["Name", "Teilprojekt", "Laufzeit", "Themen", "Was wurde daraus?"]
    width = desktop.evaluate(
        "() => { const t = document.querySelector('[data-testid=stMain]'); return [t.scrollWidth, t.clientWidth]; }"
    )
    assert width[0] <= width[1]  # no horizontal scrolling at 1400 px


def test_undocumented_partners_come_last_with_one_line_of_what_was_searched(desktop, server):
    open_map(desktop, server + "/")
    rows = desktop.locator(".mrh-table tbody tr")
    expect(rows).to_have_count(12)  # the table is a component, drawn after the map
    names = rows.locator("th").all_inner_texts()
    assert names[-3:] == ["Kreis Dithmarschen", "Kreis Herzogtum Lauenburg", "Landkreis Nordwestmecklenburg"]
    last = rows.nth(len(names) - 1)
    assert last.locator("td").count() == 1 and last.locator("td").get_attribute("colspan") == "4"
    assert last.locator("td").inner_text().startswith("nicht dokumentiert – gesucht: Teilprojekt (Titel")
    assert rows.nth(0).locator("td").count() == 4


def test_copy_button_puts_the_link_on_the_clipboard(desktop, server):
    desktop.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_map(desktop, server + "/?region=01060&thema=wohnen")
    desktop.get_by_role("button", name="Link kopieren").click()
    desktop.get_by_text("In die Zwischenablage kopiert.").wait_for(timeout=5000)
    copied = desktop.evaluate("() => navigator.clipboard.readText()")
    assert copied.endswith("/?region=01060&thema=wohnen") and copied.startswith("http://127.0.0.1:")


def test_embedded_in_a_website_the_map_and_details_work_without_the_sidebar(desktop, server):
    open_map(desktop, server + "/?thema=wohnen")
    snippet = desktop.get_by_label("In eine Website einbetten").input_value()
    host = desktop.context.new_page()
    host.set_content(f"<!doctype html><html lang='de'><body><h1>Website eines Kreises</h1>{snippet}</body></html>")
    dashboard = host.frame_locator("iframe[title^='Karte: Demographie']")
    stormarn = dashboard.frame_locator(IFRAME).locator("path[aria-label='Kreis Stormarn']")
    stormarn.wait_for(timeout=60_000)
    sidebar = dashboard.locator("[data-testid='stSidebar']")
    assert sidebar.count() == 0 or sidebar.get_attribute("data-collapsed") == "true"
    stormarn.focus()  # Stormarn wraps around Hamburg: the centre of its box is not inside it
    host.keyboard.press("Enter")
    dashboard.get_by_role("heading", name="Kreis Stormarn").wait_for(timeout=30_000)
    segeberg = dashboard.frame_locator(IFRAME).locator("path[aria-label='Kreis Segeberg']")
    segeberg.click(position={"x": 20, "y": 40})  # a real click inside Segeberg's western part
    dashboard.get_by_role("heading", name="Kreis Segeberg").wait_for(timeout=30_000)
    # the filter from the snippet holds, and is changeable inside the map (no sidebar needed)
    expect(dashboard.get_by_text("3 von 12 Partnern – Wohnen")).to_be_visible()


def test_theme_matrix_row_selects_and_theme_filters(desktop, server):
    frame = open_map(desktop, server + "/")
    desktop.get_by_text("Themen-Übersicht: wer hat woran gearbeitet?").click()
    matrix = desktop.locator(".mrh-matrix table")
    matrix.wait_for()
    assert matrix.locator("tbody tr").count() == 12
    assert matrix.locator("thead th").count() == 1 + 9 + 1  # Partner, nine themes, Summe
    matrix.get_by_role("button", name="Gesundheit").click()
    desktop.wait_for_url(re.compile(r"thema=gesundheit"), timeout=30_000)
    wait_view(desktop, frame)
    assert frame.evaluate("() => window.mrhView.themes") == ["gesundheit"]
    desktop.locator(".mrh-matrix").get_by_role("button", name="Landkreis Cuxhaven").click()
    desktop.wait_for_url(re.compile(r"region=03352"), timeout=30_000)
    wait_view(desktop, frame)
    expect(desktop.get_by_role("heading", name="Landkreis Cuxhaven")).to_be_visible()
    expect(desktop.locator(".mrh-matrix tr[aria-current='true'] th")).to_have_text("Landkreis Cuxhaven")


def test_density_layer_is_drawn_when_switched_on_and_keeps_the_outlines(desktop, server):
    frame = open_map(desktop, server + "/?region=01060")
    assert frame.locator(".leaflet-mrhDensity-pane path").count() == 0  # nothing drawn before it is wanted
    frame.get_by_text("Ebenen und Themen").click()
    frame.locator(".mrh-panel label").filter(has_text="Einwohnerdichte").locator("input").check()
    expect(frame.locator(".leaflet-mrhDensity-pane path")).to_have_count(12)
    expect(frame.get_by_text("Einwohner je km²")).to_be_visible()  # its own legend
    fills = frame.evaluate(
        "() => { const f = []; window.map.eachLayer(l => { if (l.feature && l.options.pane ==="
        " 'mrhPartners') f.push(l.options.fillOpacity); }); return f; }"
    )
    assert fills and all(f == 0 for f in fills)  # partner fills step aside, outlines and selection stay on top
    assert frame.locator(".leaflet-mrhSelection-pane path").count() == 2


def test_layers_drawn_later_come_from_files_beside_the_document_when_first_shown(desktop, server):
    """The first document carries partners, names, contacts and legend; the context (shown from the start) is
    fetched beside it, the network only when switched on, and a layer whose file fails says so and comes
    when switched on again."""
    layer_files: list[str] = []
    desktop.on(
        "request", lambda r: layer_files.append(r.url) if re.search(r"/ebene-[0-9a-f]{16}\.json$", r.url) else None
    )
    frame = open_map(desktop, server + "/")
    expect(frame.locator(".leaflet-mrhContext-pane path").first).to_be_attached()
    expect(frame.locator(".mrh-context-label")).to_have_text("Hamburg")
    assert len(layer_files) == 1  # the context's
    frame.get_by_text("Ebenen und Themen").click()
    network = frame.locator(".mrh-panel label").filter(has_text="Vernetzung").locator("input")
    # the network's file is missing this once: the map says so, and the next switch-on fetches it again
    desktop.route(re.compile(r".*/ebene-[0-9a-f]{16}\.json$"), lambda route: route.fulfill(status=503))
    network.check()
    expect(frame.get_by_role("status")).to_have_text(  # a live region: screen readers say it too
        "Diese Ebene ließ sich nicht laden. Bitte später noch einmal einschalten."
    )
    desktop.unroute(re.compile(r".*/ebene-[0-9a-f]{16}\.json$"))
    network.uncheck()
    network.check()
    lines = frame.locator(".leaflet-overlay-pane path.leaflet-interactive[stroke='#CC3311']")
    expect(lines).to_have_count(len(theme_links(load_project())))
    assert len(set(layer_files)) == 2 and len(layer_files) == 3  # context, network (failed), network


def test_searched_place_is_marked_and_named_on_the_map(desktop, server):
    """„Ort suchen“: the place gets a marker with its name (as text), the map keeps it in view."""
    frame = open_map(desktop, server + "/?ort=Bad+Oldesloe")
    marker = frame.locator("path.mrh-place")
    marker.wait_for(timeout=10_000)
    label = frame.locator(".mrh-place-label")
    assert label.inner_text() == "Bad Oldesloe"
    expect(desktop.get_by_role("heading", name="Kreis Stormarn")).to_be_visible()
    # a place outside the partners' frame (Munich) is brought into view
    frame = open_map(desktop, server + "/?ort=M%C3%BCnchen")
    frame.locator("path.mrh-place").wait_for(timeout=10_000)
    inside = frame.evaluate(
        "() => { const b = window.map.getBounds(); const p = window.mrhView.place; return b.contains([p.lat, p.lon]); }"
    )
    assert inside


# Every partner's shape lies inside the map; on a narrow map (< 480 px) only the shapes without their small
# outlying parts (Helgoland): the partners' points and the core bounds, which those parts do not enlarge.
PARTNERS_INSIDE = """() => {
  const box = document.querySelector('.leaflet-container').getBoundingClientRect();
  if (box.width < 480) {
    const view = window.map.getBounds();
    const points = [];
    window.map.eachLayer((l) => { if (l.feature && l.options.pane === 'mrhPartners') points.push(l.feature.properties.pt); });
    return points.length === 12 && view.contains(L.latLngBounds(MRH.frame.core)) && points.every((p) => view.contains(p));
  }
  return Array.from(document.querySelectorAll('path.mrh-partner')).every((path) => {
    const r = path.getBoundingClientRect();
    return r.left >= box.left - 1 && r.right <= box.right + 1 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
  });
}"""


def test_the_map_frames_the_partners_again_when_its_frame_is_resized(desktop, server):
    """The start frames the 12 partners; a narrower window (a rotated tablet, a docked browser) frames them
    again, unless the visitor has moved the map."""
    frame = open_map(desktop, server + "/")
    assert frame.evaluate(PARTNERS_INSIDE)
    zoom = frame.evaluate("() => window.map.getZoom()")
    desktop.set_viewport_size({"width": 800, "height": 900})
    frame.wait_for_function(f"() => window.map.getZoom() < {zoom}", timeout=10_000)
    frame.wait_for_function(PARTNERS_INSIDE, timeout=10_000)
