"""What a view state shows: filter matches, table rows, detail text (real project data)."""

from __future__ import annotations

import re

import pytest

from geo.data.paths import DATA_DIR
from geo.data.project import load_project
from geo.view.details import details_markdown
from geo.view.formats import format_de
from geo.view.table import matches, partner_table, theme_counts


@pytest.fixture(scope="module")
def project():
    return load_project()


def test_required_theme_assignments(project):
    themes = project.partners["themen"]
    assert themes["03352"] == ("mobilitaet",)
    assert themes["01062"] == ("wohnen",)
    assert set(themes["01060"]) == {"senioren", "gesundheit", "mobilitaet", "wohnen", "barrierefreiheit"}
    assert themes["13076"] == ("senioren",)
    assert themes["01061"] == ("kinderbetreuung",)
    assert set(themes["033595407"]) == {"bildung", "kinderbetreuung"}
    assert themes["033555401"] == ("wohnen",)
    assert set(themes["033530005"]) == {"barrierefreiheit", "naherholung"}
    assert themes["01056"] == ("demografie",)
    for rs in ("01051", "01053", "13074"):  # no documented Teilprojekt → no theme
        assert themes[rs] == ()


def test_theme_counts(project):
    counts = theme_counts(project)
    assert counts["mobilitaet"] == 2 and counts["wohnen"] == 3 and counts["nahversorgung"] == 0
    assert list(counts) == [t.slug for t in project.themes]


@pytest.mark.parametrize(
    ("themes", "expected"),
    [
        ((), 12),
        (("mobilitaet",), {"03352", "01060"}),
        (("bildung", "demografie"), {"033595407", "01056"}),
        (("nahversorgung",), set()),
    ],
)
def test_matches_any_selected_theme(project, themes, expected):
    found = matches(project, themes)
    assert (len(found) if isinstance(expected, int) else set(found)) == expected


def test_table_lists_exactly_the_matching_partners(project):
    table = partner_table(project, ("wohnen",), "de")
    assert list(table.columns) == ["Name", "Teilprojekt", "Laufzeit", "Themen", "Was wurde daraus?"]
    english = ["Name", "Sub-project", "Duration", "Fields", "What became of it?"]
    assert list(partner_table(project, (), "en").columns) == english
    assert list(table.loc[["01060", "01062"], "Was wurde daraus?"]) == ["belegt bis 2019 (3)", "nichts bekannt"]
    assert sorted(table["Name"]) == ["Kreis Segeberg", "Kreis Stormarn", "Samtgemeinde Amelinghausen"]
    full = partner_table(project, (), "de")
    assert len(full) == 12
    assert full.set_index("Name").loc["Kreis Dithmarschen", "Teilprojekt"] == "nicht dokumentiert"


def test_details_show_facts_and_gaps(project):
    text = details_markdown(project, "01062", "de")
    assert "## Kreis Stormarn" in text
    assert "Anpassungsstrategie für den Siedlungs" in text
    assert "09\\/2013 – 07\\/2015" in text
    assert "Fachdienst Planung und Verkehr" in text
    assert "Tel. [04531 160\\-1354](tel:+4945311601354)" in text
    assert "(mailto:m.beck@kreis-stormarn.de)" in text
    assert "[metropolregion\\.hamburg\\.de](https://metropolregion.hamburg.de/" in text
    gap = details_markdown(project, "01053", "de")
    assert gap.count("nicht dokumentiert") == 1  # one line for the missing Teilprojekt, not one per field
    assert "**Teilprojekt:** _nicht dokumentiert – gesucht\\: Teilprojekt \\(Titel" in gap
    assert "Laufzeit" not in gap and "Zuständig" not in gap
    partial = details_markdown(project, "033595407", "de")  # Nordkehdingen: documented, title and contact not
    assert "**Teilprojekt:** _nicht dokumentiert_" in partial
    assert "**Gesucht:** Offizieller Titel\\, Laufzeit und veröffentlichter Kontakt" in partial


def test_german_numbers():
    assert format_de(212618) == "212.618"
    assert format_de(4766.79, 1) == "4.766,8"


def test_theme_matrix_matches_partners_csv(project):
    import csv

    from geo.view.table import theme_matrix

    matrix = theme_matrix(project, "de")
    slugs = [c["slug"] for c in matrix["columns"]]
    assert "nahversorgung" not in slugs and len(slugs) == 9  # only themes with at least one partner
    with (DATA_DIR / "partners.csv").open(encoding="utf-8-sig") as f:
        rows = {
            r["rs"]: {s.strip() for s in r["themen"].split("|") if s.strip()} for r in csv.DictReader(f, delimiter=";")
        }
    assert {r["rs"] for r in matrix["rows"]} == set(rows)
    for row in matrix["rows"]:
        assert {s for s, mark in zip(slugs, row["marks"], strict=True) if mark} == rows[row["rs"]]
        assert row["total"] == len(rows[row["rs"]])
    for index, column in enumerate(matrix["columns"]):
        assert column["count"] == sum(r["marks"][index] for r in matrix["rows"])
    assert [r["name"] for r in matrix["rows"]] == sorted(r["name"] for r in matrix["rows"])


@pytest.mark.parametrize(
    ("lang", "population", "area", "day", "period"),
    [
        ("de", "212.618", "4.766,8", "31.12.2018", "10/2015 – 09/2016"),
        ("en", "212,618", "4,766.8", "31 Dec 2018", "Oct 2015 – Sept 2016"),
    ],
)
def test_numbers_and_dates_follow_the_language(lang, population, area, day, period):
    from geo.view.formats import format_day, format_number, source_period

    assert format_number(212618, lang) == population
    assert format_number(4766.79, lang, 1) == area
    assert format_day("2018-12-31", lang) == day
    assert source_period("2015-10 – 2016-09", lang) == period
    assert source_period("2014–2016", lang) == "2014–2016"


def test_english_pages_show_english_themes_roles_and_numbers(project):
    from geo.view.details import details_markdown

    text = details_markdown(project, "13076", "en").replace("\\", "")  # markdown escapes
    assert "lead partner · district (Landkreis) · Mecklenburg-Vorpommern" in text
    assert re.search(r"\*\*Population and area:\*\* \d{1,3}(,\d{3})+ inhabitants ", text)
    assert re.search(r"\d{1,3}(,\d{3})*\.\d km²", text)
    assert "Older people and care" in text and "Senioren und Pflege" not in text
    german = details_markdown(project, "13076", "de").replace("\\", "")
    assert "Federführung · Landkreis · Mecklenburg-Vorpommern" in german and "Senioren und Pflege" in german


def test_documented_partners_come_first_and_the_others_say_what_was_searched(project):
    from geo.view.table import undocumented_notes

    table = partner_table(project, (), "de")
    names = list(table["Name"])
    assert names[-3:] == ["Kreis Dithmarschen", "Kreis Herzogtum Lauenburg", "Landkreis Nordwestmecklenburg"]
    assert names[:-3] == sorted(names[:-3])
    notes = undocumented_notes(project, table.index, "de")
    assert set(notes) == {"01051", "01053", "13074"}
    assert notes["01053"].startswith("nicht dokumentiert – gesucht: Teilprojekt (Titel, Inhalt, Kontakt) in MRH-Seiten")
    assert undocumented_notes(project, table.index, "en")["01053"].startswith("not documented – searched for")


def test_a_source_on_a_copy_site_says_so(project):
    text = details_markdown(project, "01051", "de")
    assert "[fdocuments\\.net](https://fdocuments.net/" in text and "(Kopie; Original nicht gefunden)" in text
    assert text.count("Kopie; Original nicht gefunden") == 1  # metropolregion.hamburg.de is no copy
    assert "(copy; original not found)" in details_markdown(project, "01051", "en")


def test_the_dachprojekt_section_tells_its_end_with_sources(project):
    from geo.view.dachprojekt import dachprojekt_markdown

    text = dachprojekt_markdown(project, "de")
    assert "12.05.2014: 1\\. Fachwerkstatt des Leitprojekts in Ludwigslust ([www\\.svz\\.de]" in text
    assert "Fachtagung" not in text  # 30.03.2016 closed the Ludwigslust-Parchim Teilprojekt, not the Leitprojekt
    assert "26.09.2016: Abschlussveranstaltung in Hamburg" in text
    assert "„Gesamtvolumen von etwa 1,2 Millionen Euro“" in text and "„jeweils zu 80 Prozent“" in text
    assert "(https://metropolregion.hamburg.de/presse/6697770/aelterwerden-im-landkreis-ludwigslust-parchim/)" in text
    assert "ein veröffentlichtes Strategiedokument wurde nicht gefunden" in text.replace("\\", "")
    assert text.index("Verlauf und Abschluss:") < text.index("Quelle: [Metropolregion Hamburg")
    assert "no published strategy document was found" in dachprojekt_markdown(project, "en")
