"""What became of each Teilprojekt (verbleib.csv) and the federal model programmes (modellvorhaben.csv):
read and checked with file:line messages, every partner answered, the English beside the German."""

from __future__ import annotations

import pytest

from geo.data.errors import DataError
from geo.data.project import load_project
from geo.view.record import partner_record
from tests.data.test_readers import edit

PROJECT = load_project()


def test_every_partner_has_an_answer_either_events_with_sources_or_what_was_searched():
    outcomes = PROJECT.outcomes
    assert set(outcomes["rs"]) == set(PROJECT.partners.index)
    events = outcomes[outcomes["verbleib"] != ""]
    assert set(events["rs"]) == {"03352", "01060"}  # the only ones with sources after 2016 (audit 2026-12b, Q3)
    assert all(events["quelle"].map(len) >= 1) and all(events["verbleib_en"] != "")
    nothing = outcomes[outcomes["gesucht"] != ""]
    assert set(nothing["rs"]).isdisjoint(events["rs"]) and all(nothing["gesucht_en"] != "")


def test_the_audits_facts_after_2016_are_in_the_data():
    events = PROJECT.outcomes.set_index(["rs", "datum"])["verbleib"]
    assert "Eröffnung der rad+bus.STATION in Bad Bederkesa" in events[("03352", "2018-06-03")]
    assert "rund 400.000 €" in events[("03352", "2018-06-03")]
    assert "145.000 €" in events[("01060", "2018-01-15")]
    assert "287 angemeldete Nutzer und elf vermittelte Fahrten" in events[("01060", "2019-02-20")]


def test_the_model_programmes_say_where_they_ran():
    by_years = {row["jahre"]: row for _, row in PROJECT.programmes.iterrows()}
    assert by_years["2011–2015"]["rs"] == ("13076", "13074") and "Westmecklenburg" in by_years["2011–2015"]["rolle"]
    assert by_years["2005–2008"]["rs"] == ("01051", "01061")
    assert by_years["2016–2018"]["rs"] == ("03352",)
    for _, row in PROJECT.programmes.iterrows():
        assert all(";jsessionid=" not in u for u in row["quelle"])


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            edit("verbleib.csv", "03352;2017-09-20;", "03352;2017-09-31;"),
            "verbleib.csv:2: Ungültiges Datum '2017-09-31' in Spalte 'datum'",
        ),
        (
            edit("verbleib.csv", '01051;;;;;"Fortführung', '01051;2018-01-01;;;;"Fortführung'),
            "verbleib.csv:9: Eine Zeile ist entweder ein Ereignis (datum, verbleib, quelle) oder sagt",
        ),
        (
            edit("verbleib.csv", "\n01053;", "\n99999;"),
            "verbleib.csv:12: Regionalschlüssel '99999' gehört zu keinem Partner in partners.csv.",
        ),
        (
            edit("verbleib.csv", "\n01053;", "\n01061;"),
            "verbleib.csv: Partner 01053 fehlt – eine Zeile mit Ereignis oder mit „gesucht“",
        ),
        (
            edit("modellvorhaben.csv", ";03352;", ";03352 | 0335;"),
            "modellvorhaben.csv:4: Ungültiger Regionalschlüssel '0335' in Spalte 'rs'",
        ),
    ],
)
def test_bad_rows_are_named_with_file_and_line(data_dir, change, expected):
    change(data_dir)
    with pytest.raises(DataError) as info:
        load_project(data_dir)
    messages = [str(p).split("data/", 1)[1] for p in info.value.problems]
    assert any(m.startswith(expected) for m in messages), messages


def test_english_summaries_are_complete():
    """Every German text of a documented Teilprojekt has its English twin (the German stays the reference)."""
    for rs, partner in PROJECT.partners.iterrows():
        assert bool(partner["teilprojekt_en"]) == bool(partner["teilprojekt"]), rs
        assert bool(partner["kurzbeschreibung_en"]) == bool(partner["kurzbeschreibung"]), rs
        assert len(partner["ergebnisse_en"]) == len(partner["ergebnisse"]), rs
    assert all(PROJECT.events["ereignis_en"] != "")


def test_an_english_result_list_that_lost_a_line_is_not_shown(data_dir):
    """A German result added without its English line: the English page shows the German list (the data
    stay valid; test_english_summaries_are_complete fails in CI until the English is written)."""
    edit("partners.csv", " | Final report, linked on the MRH project page", "")(data_dir)
    project = load_project(data_dir)
    assert partner_record(project, "01056", "en")["results"].items == project.partners.at["01056", "ergebnisse"]
    assert partner_record(PROJECT, "01056", "en")["results"].items[1] == "Final report, linked on the MRH project page"
