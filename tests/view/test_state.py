"""URL ⇄ view state: the URL contract ?region=<RS>&thema=<slug>…"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo.view.i18n import text
from geo.view.state import Notice, ViewState, parse_query, share_url, to_query

REGIONS = ["01051", "01060", "033530005"]
THEMES = ["mobilitaet", "wohnen", "senioren"]


def test_valid_query_restores_the_state():
    state, notices = parse_query({"region": ["01060"], "thema": ["wohnen", "mobilitaet"]}, REGIONS, THEMES)
    assert state == ViewState("01060", ("mobilitaet", "wohnen"))  # catalogue order
    assert notices == []


@pytest.mark.parametrize(
    ("params", "expected_state", "notice"),
    [
        ({"region": ["99999"]}, ViewState(), "Unbekannte Region „99999“"),
        ({"thema": ["mobilität"]}, ViewState(), "Unbekanntes Thema „mobilität“"),
        ({"region": ["01051", "01060"]}, ViewState("01051"), "Mehrere Regionen"),
        ({"foo": ["1"]}, ViewState(), "Unbekannter URL-Parameter „foo“"),
        ({"region": ["9" * 5000]}, ViewState(), "„" + "9" * 39 + "…“"),
        ({"region": ["<script>alert(1)</script>"]}, ViewState(), "Unbekannte Region „<script>alert(1)</script>“"),
        ({"karte": ["osm"]}, ViewState(), "Unbekannte Karte „osm“"),
        ({"lang": ["fr"]}, ViewState(), "Unbekannte Sprache „fr“"),
    ],
)
def test_odd_values_are_dropped_with_a_notice(params, expected_state, notice):
    state, notices = parse_query(params, REGIONS, THEMES)
    assert state == expected_state
    messages = [text("de", n.message, value=n.value) for n in notices]
    assert any(notice in m for m in messages), messages


def test_basemap_and_language_are_part_of_the_url():
    state, notices = parse_query({"karte": ["basemap"], "lang": ["en"]}, REGIONS, THEMES)
    assert state == ViewState(basemap=True, lang="en") and notices == []
    assert to_query(state) == {"karte": ["basemap"], "lang": ["en"]}
    assert parse_query({"region": ["x"]}, REGIONS, THEMES)[1] == [
        Notice("Unbekannte Region „{value}“ in der URL ignoriert.", "x")
    ]


def test_streamlit_embed_parameters_are_not_complained_about():
    assert parse_query({"embed": ["true"]}, REGIONS, THEMES) == (ViewState(), [])


def test_duplicate_themes_collapse():
    state, _ = parse_query({"thema": ["wohnen", "wohnen"]}, REGIONS, THEMES)
    assert state.themes == ("wohnen",)


def test_to_query_and_share_url():
    state = ViewState("01060", ("mobilitaet", "wohnen"))
    assert to_query(state) == {"region": ["01060"], "thema": ["mobilitaet", "wohnen"]}
    assert to_query(ViewState()) == {}
    url = share_url("http://localhost:8501/", state)
    assert url == "http://localhost:8501/?region=01060&thema=mobilitaet&thema=wohnen"
    assert share_url(None, ViewState()) == "?"
    assert share_url("http://127.0.0.1:8501", state).startswith("http://127.0.0.1:8501/?")
    assert share_url("https://mrh.example/dashboard/?region=x#top", ViewState()) == "https://mrh.example/dashboard/"


@given(st.dictionaries(st.text(max_size=20), st.lists(st.text(max_size=300), max_size=5), max_size=6))
def test_any_query_gives_a_valid_state(params):
    state, notices = parse_query(params, REGIONS, THEMES)
    assert state.partner is None or state.partner in REGIONS
    assert set(state.themes) <= set(THEMES)
    assert len(notices) <= 10
    assert all(len(n.value) <= 40 for n in notices)


@given(
    st.sampled_from([None, *REGIONS]),
    st.sets(st.sampled_from(THEMES)),
    st.booleans(),
    st.sampled_from(["de", "en"]),
    st.lists(st.sampled_from(REGIONS), unique=True, max_size=4),
    st.text(max_size=100).map(lambda t: " ".join("".join(c if c.isprintable() else " " for c in t).split())),
)
def test_share_url_round_trips(region, themes, basemap, lang, compare, place):
    state = ViewState(region, tuple(t for t in THEMES if t in themes), basemap, lang, tuple(compare), place)
    query = parse_qs(urlsplit(share_url("http://h/", state)).query)
    assert parse_query(query, REGIONS, THEMES) == (state, [])


def test_comparison_drops_unknown_duplicate_and_surplus_keys_with_notices():
    regions = ["01051", "01053", "01056", "01060", "01061"]
    params = {"vergleich": ["01060", "99999", "01060", "01051", "01053", "01056", "01061"]}
    state, notices = parse_query(params, regions, THEMES)
    assert state.compare == ("01060", "01051", "01053", "01056")
    assert [n.message.split(" ", 2)[:2] for n in notices] == [
        ["Unbekannter", "Partner"],
        ["Partner", "„{value}“"],
        ["Höchstens", "vier"],
    ]
    assert to_query(state)["vergleich"] == ["01060", "01051", "01053", "01056"]


def test_place_search_text_is_kept_cleaned_or_refused_with_a_notice():
    state, notices = parse_query({"ort": ["  Bad\tOldesloe \x00 ", "zweiter"]}, REGIONS, THEMES)
    assert state.place == "Bad Oldesloe" and notices == []
    state, notices = parse_query({"ort": ["x" * 10_000]}, REGIONS, THEMES)
    assert state.place == "" and [n.message[:10] for n in notices] == ["Suchtext „"]
