"""The map document: layers, no external URLs, escaped text, deterministic bytes, small per-run view."""

from __future__ import annotations

import json
import re

import pytest
from branca.element import Figure

from geo.data.paths import MAP_WEB
from geo.data.project import load_project
from geo.map.layers import (
    Attribution,
    DashboardMap,
    build_map,
    contact_popup_html,
    core_bounds,
    partner_features,
    view_data,
)
from geo.map.mapdoc import MAP_SCRIPTS, content_name, map_document
from geo.view.record import narrow_name, short_name
from geo.view.state import ViewState

URL = re.compile(r"""https?://[^\s"'<>)`\\]+""")
# what makes a browser fetch something (links in <a href> are only followed when clicked)
FETCH = re.compile(
    r"""(?:src\s*=|<link[^>]*href\s*=|url\(|@import|tileLayer\(|fetch\(|XMLHttpRequest)\s*["'`]?(?:https?:)?//""", re.I
)


@pytest.fixture(scope="module")
def project():
    return load_project()


@pytest.fixture(scope="module")
def document(project):
    return map_document(project, False, "de")


def test_document_has_the_layers_and_our_behaviour(document):
    assert "MRH.createPanes(" in document and "MRH.init(" in document
    assert '"short":"Buchholz i. d. N."' in document  # the partners' batches are compact JSON (steps.py)
    assert document.count('{slug: "') == 10  # one folium layer per theme
    for label in (
        "Partnerregionen",
        "Kontakte",
        "Einwohnerdichte",
        "Vernetzung (gemeinsame Themen)",
        "Metropolregion Hamburg 2014–2016 und Ländergrenzen",
    ):
        assert f'{{label: "{label}"' in document, label
    assert "L.control.layers" not in document  # the grouped panel of panel.js replaces it
    assert "tileLayer" not in document.split("MRH.init(")[1]


def test_every_part_of_the_map_behaviour_is_inlined_in_order(document):
    """A script added to geo/map/web/ must be listed in MAP_SCRIPTS, or the map would miss it."""
    assert sorted(MAP_SCRIPTS) == sorted(p.name for p in MAP_WEB.glob("*.js"))
    firsts = [document.index((MAP_WEB / name).read_text(encoding="utf-8").splitlines()[0]) for name in MAP_SCRIPTS]
    assert firsts == sorted(firsts)
    assert MAP_SCRIPTS[0] == "dom.js" and MAP_SCRIPTS[-1] == "map.js"  # builders first, the wiring last


def test_document_requests_nothing_from_other_hosts(document):
    assert not FETCH.search(document)
    # absolute URLs that remain are links (contact popups, attribution) or names (SVG namespace, comments)
    allowed = (
        "https://metropolregion.hamburg.de/",
        "http://www.w3.org/",
        "https://leafletjs.com",
        "https://bugzilla.mozilla.org/",
        "https://www.kreis-",
        "https://www.stormarn.de",
        "http://www.kreiszeitung-wochenblatt.de/",
    )
    for url in URL.findall(document):
        assert url.startswith(allowed), url


def test_document_lets_people_zoom_and_names_itself(document):
    assert "user-scalable=no" not in document and "maximum-scale" not in document
    assert '<html lang="de">' in document
    assert "<title>Demographie und Daseinsvorsorge</title>" in document
    english = map_document(load_project(), False, "en")
    assert '<html lang="en">' in english and '"region": "Map of the partner areas"' in english


def test_every_face_of_the_maps_text_is_used_once_before_the_map(document):
    """A face first used in the frame of the legend or the names cost a task of over 50 ms in a new browser
    (bench/trace.md): the primer uses each one while the document is parsed, hidden from eyes and screen readers."""
    body = document[document.index("<body>") :]
    assert body.index('<div class="mrh-fonts" aria-hidden="true">') < body.index('class="folium-map"')
    css = (MAP_WEB / "map.css").read_text(encoding="utf-8")
    weights = set(re.findall(r"font-weight:\s*(\d+)", css)) - {"400"}
    primed = set(re.findall(r"\.mrh-fonts \.w(\d+)", css))
    assert weights and weights <= primed, weights - primed
    for face in primed:
        assert f'<span class="w{face}">' in body


def test_document_is_deterministic_and_named_by_content(project, document):
    again = map_document(project, False, "de")
    assert again == document
    assert content_name(again) == content_name(document)
    assert re.fullmatch(r"karte-[0-9a-f]{16}\.html", content_name(document))
    assert content_name(map_document(project, False, "en")) != content_name(document)
    # the basemap variant is recognisable by name: the proxy allows the basemap host for it alone
    assert re.fullmatch(r"karte-hintergrund-[0-9a-f]{16}\.html", content_name(document, basemap=True))


def test_view_is_all_that_travels_per_run():
    view = view_data(ViewState("01060", ("mobilitaet", "wohnen")))
    assert view == {"partner": "01060", "themes": ["mobilitaet", "wohnen"], "place": None}
    assert len(json.dumps(view)) < 2000


def test_start_view_of_an_export_is_in_the_document(project):
    html = map_document(project, False, "de", state=ViewState("01060", ("wohnen",)))
    assert '"view": {"partner": "01060", "place": null, "themes": ["wohnen"]}' in html


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Buchholz in der Nordheide", "Buchholz i. d. N."),
        ("Segeberg", "Segeberg"),
        ("Herzogtum Lauenburg", "Herzogtum Lauenburg"),
        ("Ludwigslust-Parchim", "Ludwigslust-Parchim"),
    ],
)
def test_short_names(name, short):
    assert short_name(name) == short


@pytest.mark.parametrize(
    ("name", "narrow"),
    [
        ("Buchholz in der Nordheide", "Buchholz"),
        ("Herzogtum Lauenburg", "Hzgt. Lauenburg"),
        ("Nordwestmecklenburg", "NW-Mecklenburg"),
        ("Segeberg", "Segeberg"),
        ("Ludwigslust-Parchim", "Ludwigslust-Parchim"),
    ],
)
def test_narrow_names_on_phones(name, narrow):
    assert narrow_name(name) == narrow


def test_every_partner_has_a_narrow_name_no_longer_than_its_short_one(project):
    collection = partner_features(project, "de")
    for feature in collection["features"]:
        p = feature["properties"]
        assert 0 < len(p["narrow"]) <= len(p["short"]), p


def test_phone_frame_leaves_out_helgoland_only(project):
    """core_bounds drops parts under 1 % of their partner: Helgoland (7,9° E) and nothing else of note."""
    (south, west), (north, east) = core_bounds(project.partners)
    west_all, south_all, east_all, north_all = project.partners.total_bounds
    assert west_all < 7.95 < 8.3 < west  # Helgoland out, Cuxhaven's coast in
    assert (south, north, east) == pytest.approx((south_all, north_all, east_all), abs=0.02)


def test_hostile_names_are_inert_in_tooltips_popups_and_labels(project):
    hostile = "<img src=x onerror=alert(1)>`${alert(2)}`</script>"
    partners = project.partners.copy()
    partners.loc["01060", ["name", "typ", "display_name"]] = [hostile, "Kreis", f"Kreis {hostile}"]
    contacts = project.contacts.copy()
    contacts.loc[0, ["organisation", "personen"]] = [hostile, (hostile,)]
    html = map_document(project._replace(partners=partners, contacts=contacts), False, "de")
    assert "<img" not in html and "</script>`" not in html
    # contact popup (organisation, person) and tooltip: JSON string literals of escaped HTML
    escaped = "\\u0026lt;img src=x onerror=alert(1)\\u0026gt;`${alert(2)}`\\u0026lt;/script\\u0026gt;"
    assert html.count(escaped) == 3
    # labels and accessible names: plain text in a double-quoted JSON string (``${`` is inert there),
    # inserted with textContent by map.js
    assert '"name":"Kreis \\u003cimg src=x onerror=alert(1)\\u003e`${alert(2)}`\\u003c/script\\u003e"' in html


def test_popup_links_only_from_checked_values(project):
    contact = project.contacts.iloc[1].copy()  # Planungsgruppe Plewa
    popup = contact_popup_html(contact, "de")
    assert '<a href="tel:+4946125481">0461 2 54 81</a>' in popup
    assert '<a href="mailto:daseinsvorsorge-mrh@planungsgruppe-plewa.de">' in popup
    assert "Flensburg (Adresse nicht verortet)" in popup
    contact["quelle"] = "javascript:alert(1)"
    assert 'href="javascript' not in contact_popup_html(contact, "de")


def test_builder_puts_the_map_into_a_figure(project):
    assert isinstance(build_map(project, False, "de").get_root(), Figure)


def test_attribution_is_escaped_where_it_is_inserted():
    attribution = Attribution("attribution", text="<b>BKG</b> & Co")
    attribution.add_to(DashboardMap(tiles=None))
    (code,) = attribution.steps()
    assert 'addAttribution("\\u0026lt;b\\u0026gt;BKG\\u0026lt;/b\\u0026gt; \\u0026amp; Co")' in code


def test_document_title_is_escaped(project, document):
    assert document.count("<title>Demographie und Daseinsvorsorge</title>") == 1


def test_the_dashboard_loads_its_scripts_and_later_layers_from_beside_the_document_the_download_carries_all(project):
    from geo.map.mapdoc import LEAFLET_JS, map_script, published_map

    dashboard, beside = published_map(project, False, "de")
    leaflet, script, *layers = list(beside)
    assert re.fullmatch(r"leaflet-[0-9a-f]{16}\.js", leaflet) and beside[leaflet] == LEAFLET_JS.read_text("utf-8")
    assert re.fullmatch(r"karte-skript-[0-9a-f]{16}\.js", script) and beside[script] == map_script()
    assert [re.fullmatch(r"ebene-[0-9a-f]{16}\.json", name) is not None for name in layers] == [True, True]
    # Leaflet before our parts, both before folium's steps; none of their text inside the document
    assert dashboard.index(f'<script src="{leaflet}"></script>') < dashboard.index(f'<script src="{script}"></script>')
    assert dashboard.index(f'src="{script}"') < dashboard.index('type="text/x-mrh-step"')
    assert beside[leaflet][:200] not in dashboard and "MRH.dom = " not in dashboard
    context, network = (json.loads(beside[name]) for name in layers)
    assert f'"context", "{layers[0]}"' in dashboard and f'"network", "{layers[1]}"' in dashboard
    assert {"parts", "names"} == set(context) and [n["text"] for n in context["names"]] == ["Hamburg"]
    assert network["lines"] and all(set(line) == {"line", "weight", "tip"} for line in network["lines"])
    # the first document carries the partners, not the context's shapes
    shape = json.dumps(context["parts"][0]["shapes"]["features"][0]["geometry"]["coordinates"], separators=(",", ":"))
    assert shape[:60] not in dashboard
    offline = map_document(project, False, "de")
    assert beside[leaflet][:200] in offline and "MRH.dom = " in offline and "<script src=" not in offline
    assert "ebene-" not in offline and shape[:60] in offline


def test_network_lines_are_the_pairs_the_details_name(project):
    """One rule for who shares a theme (geo/view/network.py): the map draws exactly its pairs."""
    from geo.map.layers import layer_data
    from geo.view.network import theme_links

    network = layer_data(project, "de", "network")
    assert network is not None
    lines = network["lines"]
    links = theme_links(project)
    assert len(lines) == len(links) > 0
    names = project.partners["display_name"]
    for line, link in zip(lines, links, strict=True):
        assert line["tip"].startswith(f"{names[link.a]} – {names[link.b]}: ")
        assert line["weight"] == 1.5 + 2 * len(link.shared)
