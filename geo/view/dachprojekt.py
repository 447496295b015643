"""The Dachprojekt „Regionalmanagement“: aims and partners, and how it ended — events from ``termine.csv``,
the funding as the two MRH releases word it, and that no published Gesamtstrategie was found."""

from __future__ import annotations

import pandas as pd

from geo.data.project import Project
from geo.data.prose import read_prose
from geo.view.details import source_links
from geo.view.escape import md_link, md_text
from geo.view.formats import format_day
from geo.view.i18n import text
from geo.view.timeline import event_text

# The two releases disagree on what the 1,2 Mio. € were: the careful wording first, both cited.
SOURCE_TITLE = "Metropolregion Hamburg – Dachprojekt „Regionalmanagement“"  # the source page's title, quoted
DACHPROJEKT_URL = "https://metropolregion.hamburg.de/demographie-und-daseinsvorsorge/nofl/4357490/dachprojekt/"
RELEASE_2016_03 = "https://metropolregion.hamburg.de/presse/6697770/aelterwerden-im-landkreis-ludwigslust-parchim/"
RELEASE_2016_09 = "https://metropolregion.hamburg.de/presse/7011500/abschluss-leitprojekt-demografie-daseinsvorsorge/"


def dachprojekt_events(project: Project) -> pd.DataFrame:
    """The Dachprojekt's own events (empty ``rs``), by date."""
    events = project.events
    return events[events["rs"] == ""]


def funding(lang: str, link: bool) -> str:
    """The funding sentence; with ``link`` the releases are markdown links, else their addresses."""
    name = text(lang, "MRH-Pressemitteilung")
    if link:
        first, last = md_link(f"{name} 03/2016", RELEASE_2016_03), md_link(f"{name} 09/2016", RELEASE_2016_09)
    else:
        first, last = f"{name} 03/2016, {RELEASE_2016_03}", f"{name} 09/2016, {RELEASE_2016_09}"
    return text(
        lang,
        "Förderung: ein „Gesamtvolumen von etwa 1,2 Millionen Euro“, die Teilprojekte „jeweils zu "
        "80 Prozent“ von der Metropolregion gefördert ({first}); die Abschlussmeldung nennt 1,2 "
        "Millionen Euro Förderung durch die Metropolregion ({last}).",
        first=first,
        last=last,
    )


def strategy(lang: str) -> str:
    """What became of the Gesamtstrategie: the aim, and that no published document was found."""
    return text(
        lang,
        "Ziel waren Empfehlungen für eine Gesamtstrategie Daseinsvorsorge; ein veröffentlichtes "
        "Strategiedokument wurde nicht gefunden (Stand 12/2026).",
    )


def dachprojekt_markdown(project: Project, lang: str) -> str:
    """The sidebar's Dachprojekt section: aims and partners, the end with sources, funding, strategy."""
    lines = [read_prose("dachprojekt", lang), "", "**" + text(lang, "Verlauf und Abschluss") + ":**"]
    for _, event in dachprojekt_events(project).iterrows():
        source = source_links((event["quelle"],), lang)
        lines.append(f"- {format_day(event['datum'], lang)}: {md_text(event_text(event, lang))} ({source})")
    lines += [
        f"- {funding(lang, link=True)}",
        f"- {md_text(strategy(lang))}",
        "",
        text(lang, "Quelle: {link}", link=md_link(SOURCE_TITLE, DACHPROJEKT_URL)),
        "",
        read_prose("vergleichsprojekte", lang),
    ]
    return "\n".join(lines)


def dachprojekt_lines(project: Project, lang: str) -> list[str]:
    """The same end as plain sentences (the Steckbrief): events with dates, funding, strategy."""
    events = [
        f"{format_day(e['datum'], lang)}: {event_text(e, lang)}" for _, e in dachprojekt_events(project).iterrows()
    ]
    return [
        *events,
        funding(lang, link=False),
        strategy(lang),
    ]
