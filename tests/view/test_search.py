"""„Ort suchen“ over the real gazetteer ``data/orte.csv`` (all Gemeinden of VG250 2016)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.data.gazetteer import read_gazetteer
from geo.data.paths import DATA_DIR as DATA
from geo.view.search import KREIS_SEPARATOR, MAX_QUERY, fold, partner_of, search

PARTNERS = ["13076", "01051", "01061", "01062", "01053", "01056", "01060", "03352", "13074"]
PARTNERS += ["033555401", "033595407", "033530005"]


@pytest.fixture(scope="module")
def gazetteer():
    frame, problems = read_gazetteer(DATA / "orte.csv")
    assert problems == []
    return frame


def test_the_gazetteer_is_complete_small_and_sorted(gazetteer):
    assert 11_000 < len(gazetteer) < 12_000  # Gemeinden and gemeindefreie Gebiete, 2016
    assert (DATA / "orte.csv").stat().st_size <= 1_000_000
    assert list(gazetteer.index) == sorted(gazetteer.index)
    assert gazetteer.loc["010620004004"].tolist()[:3] == ["Bad Oldesloe", "Kreis Stormarn", "Schleswig-Holstein"]


@pytest.mark.parametrize(
    ("written", "folded"),
    [("Mölln", "moelln"), ("Moelln", "moelln"), ("STRAßE", "strasse"), ("Neustadt a.d. Aisch", "neustadt a d aisch")],
)
def test_fold_accepts_german_spellings(written, folded):
    assert fold(written) == folded


def test_a_town_in_a_partner_area(gazetteer):
    answer = search(gazetteer, PARTNERS, "Bad Oldesloe")
    assert answer.kind == "one"
    (place,) = answer.places
    assert (place.name, place.kreis, place.land, place.partner) == (
        "Bad Oldesloe",
        "Kreis Stormarn",
        "Schleswig-Holstein",
        "01062",
    )
    assert 10.3 < place.lon < 10.5 and 53.7 < place.lat < 53.9


def test_samtgemeinde_members_belong_to_the_samtgemeinde(gazetteer):
    (place,) = search(gazetteer, PARTNERS, "Wischhafen").places
    assert place.partner == "033595407" and place.kreis == "Landkreis Stade"
    # a Gemeinde of the same Landkreis outside the Samtgemeinde is not in a partner area
    assert search(gazetteer, PARTNERS, "Buxtehude").places[0].partner is None


def test_hamburg_is_not_a_partner(gazetteer):
    answer = search(gazetteer, PARTNERS, "hamburg")
    assert answer.kind == "one" and answer.places[0].partner is None
    assert answer.places[0].kreis == "Kreisfreie Stadt Hamburg"


def test_namesakes_are_listed_with_kreis_and_land_partners_first(gazetteer):
    answer = search(gazetteer, PARTNERS, "Moelln")
    assert answer.kind == "several"
    first, second = answer.places[:2]
    assert (first.name, first.kreis, first.partner) == ("Mölln", "Kreis Herzogtum Lauenburg", "01053")
    assert (second.name, second.land, second.partner) == ("Mölln", "Mecklenburg-Vorpommern", None)
    # the list entry, written back into the field, finds exactly that place
    picked = search(gazetteer, PARTNERS, second.label)
    assert picked.kind == "one" and picked.places[0].rs == second.rs
    assert KREIS_SEPARATOR in second.label


def test_many_namesakes_are_cut_with_a_count(gazetteer):
    answer = search(gazetteer, PARTNERS, "Neustadt")
    assert answer.kind == "several" and len(answer.places) == 12 and answer.more > 0
    assert answer.places[0].partner is not None  # Neustadt-Glewe (Ludwigslust-Parchim) first
    assert search(gazetteer, PARTNERS, "Neustadt (Wied)").places[0].kreis == "Landkreis Neuwied"


def test_prefixes_and_words(gazetteer):
    assert search(gazetteer, PARTNERS, "Bad Oldes").places[0].name == "Bad Oldesloe"
    assert search(gazetteer, PARTNERS, "oldesloe").places[0].name == "Bad Oldesloe"
    assert all("Straß" in p.name or "straß" in p.name for p in search(gazetteer, PARTNERS, "Strasse").places)


def test_a_whole_name_ranks_above_a_word_inside_and_one_shared_partner_is_named(gazetteer):
    answer = search(gazetteer, PARTNERS, "Boizenburg")
    assert answer.kind == "several" and answer.partner == "13076"
    assert [p.name for p in answer.places] == ["Boizenburg/Elbe", "Tessin b. Boizenburg"]
    assert search(gazetteer, PARTNERS, "Moelln").partner is None  # one Mölln lies outside every partner area
    assert search(gazetteer, PARTNERS, "Buchholz").partner is None  # namesakes in several partner areas


def test_nothing_found_suggests_close_names(gazetteer):
    answer = search(gazetteer, PARTNERS, "Oldeslohe")
    assert answer.kind == "none" and "Bad Oldesloe" in answer.suggestions
    assert search(gazetteer, PARTNERS, "Xyzzyqq").suggestions == ()


@pytest.mark.parametrize(
    ("query", "kind"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("x" * 10_000, "too_long"),
        ("<script>alert(1)</script>", "none"),
        ("!!!", "none"),
    ],
)
def test_odd_input_gets_an_answer(gazetteer, query, kind):
    assert search(gazetteer, PARTNERS, query).kind == kind


@settings(max_examples=60, deadline=None)
@given(query=st.text(max_size=MAX_QUERY + 5))
def test_search_is_total(gazetteer, query):
    assert search(gazetteer, PARTNERS, query).kind in {"empty", "too_long", "one", "several", "none"}


def test_missing_gazetteer_is_said(tmp_path: Path):
    frame, problems = read_gazetteer(tmp_path / "orte.csv")
    assert problems == [] and search(frame, PARTNERS, "Mölln").kind == "missing"


def test_a_broken_gazetteer_names_file_and_line(tmp_path: Path):
    path = tmp_path / "orte.csv"
    path.write_text("rs;name;kreis;lon;lat\n0106200040;Bad Oldesloe;Kreis Stormarn;10.38;53.81\n", encoding="utf-8")
    _, problems = read_gazetteer(path)
    assert [(p.line, p.message) for p in problems] == [
        (2, "Regionalschlüssel '0106200040' ist kein Gemeindeschlüssel (12 Ziffern).")
    ]


def test_partner_of_prefers_the_longest_key():
    assert partner_of("033555401001", ["03355", "033555401"]) == "033555401"
    assert partner_of("010620004004", PARTNERS) == "01062"
    assert partner_of("020000000000", PARTNERS) is None


@pytest.mark.vg250
def test_build_writes_the_committed_gazetteer(vg250_tarball):
    from geo.build.gazetteer import build_gazetteer

    assert build_gazetteer(vg250_tarball) == (DATA / "orte.csv").read_bytes()
