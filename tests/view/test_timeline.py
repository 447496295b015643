"""Zeitleiste: Laufzeiten read as the sources give them, uncertainty kept, nothing guessed."""

from __future__ import annotations

import pytest

from geo.data.project import load_project
from geo.view.timeline import Period, Point, parse_period, timeline_html


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("11/2013 – 09/2016", Period(Point(2013, 11, False), Point(2016, 9, False))),
        ("07/2013 – ca. 01/2015", Period(Point(2013, 7, False), Point(2015, 1, True))),
        ("06/2013 – Sommer 2016", Period(Point(2013, 6, False), Point(2016, 7, True))),
        ("bis 11/2015", Period(None, Point(2015, 11, False))),
        ("Phase 1: 05/2013 – 11/2014", Period(Point(2013, 5, False), Point(2014, 11, False), "Phase 1")),
    ],
)
def test_periods_as_the_sources_write_them(text, period):
    assert parse_period(text) == period


@pytest.mark.parametrize("text", ["", "irgendwann", "13/2014 – 12/2015", "2014", "Sommer – Herbst 2015"])
def test_unreadable_periods_are_not_guessed(text):
    assert parse_period(text) is None


def test_timeline_shows_dachprojekt_partners_uncertainty_and_unknowns():
    html = timeline_html(load_project(), "01060", "de")
    assert "Dachprojekt „Regionalmanagement“" in html and "Anfang 2014 – 9/2016" in html
    assert html.count('<li class="selected">') == 1 and "Kreis Segeberg" in html
    assert "approx-end" in html  # ca. 01/2015, Sommer 2016
    assert "weitere Phasen nicht dokumentiert" in html  # Buchholz: only phase 1 is dated
    unknown = html.split("Laufzeit nicht dokumentiert")[1]
    for name in ("Kreis Dithmarschen", "Kreis Steinburg", "Samtgemeinde Nordkehdingen"):
        assert name in unknown


def test_timeline_escapes_data():
    project = load_project()
    partners = project.partners.copy()
    partners.loc["01060", "display_name"] = "<script>alert(1)</script>"
    html = timeline_html(project._replace(partners=partners), None, "de")
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_events_are_marked_on_their_rows_and_listed_with_their_source():
    html = timeline_html(load_project(), None, "de")
    dach = html.split('<li class="dach">')[1].split("</li>")[0]
    assert dach.count('class="event"') == 2 and 'title="26.09.2016: Abschlussveranstaltung in Hamburg' in dach
    listed = html.split("<strong>Termine</strong>")[1]
    assert "30.03.2016 · Landkreis Ludwigslust-Parchim: Fachtagung zum Abschluss des Teilprojekts" in listed
    assert (
        '<a href="https://metropolregion.hamburg.de/presse/6697770/aelterwerden-im-landkreis-ludwigslust-parchim/"'
        in listed
    )
    assert "12.05.2014 · Dachprojekt: 1. Fachwerkstatt des Leitprojekts in Ludwigslust" in listed
    assert "05.02.2014 · Landkreis Cuxhaven: Auftakt-Workshop" in listed
    assert listed.index("05.02.2014") < listed.index("30.03.2016") < listed.index("26.09.2016")  # by date


def test_event_text_is_escaped():
    project = load_project()
    events = project.events.copy()
    events.loc[0, "ereignis"] = '<img src=x onerror=alert(1)>"'
    html = timeline_html(project._replace(events=events), None, "de")
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_what_became_of_it_is_listed_after_the_project_with_sources():
    html = timeline_html(load_project(), None, "de")
    later = html.split("Nach dem Projekt (ab 10/2016): was wurde daraus?")[1]
    assert "03.06.2018 · Landkreis Cuxhaven: Eröffnung der rad+bus.STATION in Bad Bederkesa" in later
    assert "20.02.2019 · Kreis Segeberg: Nach einem Jahr 287 angemeldete Nutzer" in later
    assert later.index("20.09.2017") < later.index("15.01.2018") < later.index("20.03.2024")  # by date
    assert '<a href="https://geestland.eu/Aktuelles/57.html"' in later
    english = timeline_html(load_project(), None, "en")
    assert "3 Jun 2018 · Landkreis Cuxhaven: The rad+bus.STATION in Bad Bederkesa opens" in english
    assert "Kick-off workshop for the mobility concept" in english
