"""The folium map: layers, no external URLs, escaped text, small per-rerun payload."""

from __future__ import annotations

import json
import re

import pytest
from streamlit_folium import _get_header, _get_html, _get_map_string, generate_js_hash

from geo.layers import build_map, contact_popup_html, view_script
from geo.project import load_project
from geo.state import ViewState

URL = re.compile(r"""(?:https?:)?//[^\s"'<>)`]+""")


@pytest.fixture(scope="module")
def project():
    return load_project()


def rendered(fmap):
    fmap.get_root().render()
    html, header = _get_html(fmap), _get_header(fmap)
    return html, header, _get_map_string(fmap)


def test_map_has_the_layers(project):
    _, _, script = rendered(build_map(project))
    assert '"Partnerregionen"' in script
    assert script.count("Themenfeld: ") == 10
    assert '"Kontakte"' in script
    assert "L.control.layers" in script
    assert "tile_layer" not in script and "tileLayer" not in script


def test_map_requests_nothing_from_other_hosts(project):
    fmap = build_map(project)
    html, header, script = rendered(fmap)
    links = [src for _, src in fmap.default_js] + [href for _, href in fmap.default_css]
    assert all(link.startswith("/app/static/vendor/") for link in links)
    assert not URL.findall(html + header)
    # the only absolute URLs in the script are <a href> targets in contact popups (not loaded)
    for url in URL.findall(script):
        assert url.startswith("https://metropolregion.hamburg.de/"), url


def test_view_layer_is_small_and_carries_the_state(project):
    js = view_script(project, ViewState("01060", ("wohnen",)))
    assert len(js) < 2000
    payload = json.loads(re.search(r"mrhApplyView\((\{.*\})\)", js).group(1))
    assert payload["selected"] == "01060"
    assert set(payload["of"]) == set(project.partners.index)
    assert payload["palette"][payload["of"]["01060"]]["color"] == "#000000"


def test_map_script_does_not_depend_on_the_state(project):
    """Same script → same component key → streamlit-folium keeps the iframe (no remount)."""
    first = rendered(build_map(project))[2]
    second = rendered(build_map(project))[2]
    assert generate_js_hash(first, "karte") == generate_js_hash(second, "karte")


def test_hostile_names_are_inert_in_tooltips_and_popups(project):
    hostile = "<img src=x onerror=alert(1)>`${alert(2)}`"
    partners = project.partners.copy()
    partners.loc["01060", ["name", "typ"]] = [hostile, "Kreis"]
    contacts = project.contacts.copy()
    contacts.loc[0, ["organisation", "personen"]] = [hostile, (hostile,)]
    fmap = build_map(project._replace(partners=partners, contacts=contacts))
    _, _, script = rendered(fmap)
    assert "<img" not in script and "${alert" not in script
    # tooltip of the partner, popup and tooltip of the contact: JSON string literals of escaped text
    escaped = "\\u0026lt;img src=x onerror=alert(1)\\u0026gt;\\u0026#96;\\u0026#36;\\u0026#123;alert(2)"
    assert script.count(escaped) >= 4


def test_popup_links_only_from_checked_values(project):
    contact = project.contacts.iloc[1].copy()  # Planungsgruppe Plewa
    popup = contact_popup_html(contact)
    assert '<a href="tel:+4946125481">0461 2 54 81</a>' in popup
    assert '<a href="mailto:daseinsvorsorge-mrh@planungsgruppe-plewa.de">' in popup
    assert "Flensburg (Adresse nicht verortet)" in popup
    contact["quelle"] = "javascript:alert(1)"
    assert 'href="javascript' not in contact_popup_html(contact)
