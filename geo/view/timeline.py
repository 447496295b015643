"""Zeitleiste: the Laufzeiten of the Dachprojekt and the Teilprojekte as plain HTML (no chart library).

``laufzeit`` is free text as the sources give it (``06/2013 – Sommer 2016``, ``bis 11/2015``,
``07/2013 – ca. 01/2015``). :func:`parse_period` reads what can be read; uncertain ends are kept as such
(``ca.``, a season, an open end), and what cannot be read is listed below the bars, never guessed.
"""

from __future__ import annotations

import re
from typing import NamedTuple
from urllib.parse import urlsplit

import pandas as pd

from geo.data.project import Project
from geo.view.escape import html_template
from geo.view.formats import format_day
from geo.view.i18n import text

AXIS = (2013, 2017)  # January 2013 to January 2017
SEASONS = {"Frühjahr": 4, "Sommer": 7, "Herbst": 10, "Winter": 1, "Anfang": 1, "Ende": 12, "Mitte": 6}
_POINT = re.compile(
    r"^(?P<approx>ca\.\s*)?(?:(?P<month>\d{1,2})/(?P<year>\d{4})|(?P<word>[A-ZÄÖÜ][a-zäöü]+)\s+(?P<wyear>\d{4}))$"
)


class Point(NamedTuple):
    year: int
    month: int
    approx: bool


class Period(NamedTuple):
    """What a Laufzeit says: start and end (``None`` = not given), and a note such as „Phase 1“."""

    start: Point | None
    end: Point | None
    note: str = ""


def parse_point(value: str) -> Point | None:
    match = _POINT.match(value.strip())
    if not match:
        return None
    if match["word"]:
        if match["word"] not in SEASONS:
            return None
        return Point(int(match["wyear"]), SEASONS[match["word"]], True)
    month = int(match["month"])
    if not 1 <= month <= 12:
        return None
    return Point(int(match["year"]), month, bool(match["approx"]))


def parse_period(value: str) -> Period | None:
    """``None`` when the text gives no readable start or end."""
    value = value.strip()
    note = ""
    if ":" in value:
        note, value = (part.strip() for part in value.split(":", 1))
    if value.startswith("bis "):
        end = parse_point(value[4:])
        return Period(None, end, note) if end else None
    parts = [p.strip() for p in re.split(r"\s+–\s+|\s+-\s+", value) if p.strip()]
    if len(parts) != 2:
        return None
    start, end = parse_point(parts[0]), parse_point(parts[1])
    if not start or not end:
        return None
    return Period(start, end, note)


def _month_end(point: Point) -> Point:
    """The first month after ``point``: a bar to „09/2016“ covers September."""
    return Point(point.year + point.month // 12, point.month % 12 + 1, point.approx)


def _percent(point: Point) -> float:
    months = (point.year - AXIS[0]) * 12 + point.month - 1
    return max(0.0, min(100.0, 100 * months / ((AXIS[1] - AXIS[0]) * 12)))


def _day_percent(iso: str) -> float:
    """Where a day (``2016-03-30``) lies on the axis, within its month."""
    year, month, day = (int(part) for part in iso.split("-"))
    return round(min(100.0, _percent(Point(year, month, False)) + (day - 1) / 31 * 100 / ((AXIS[1] - AXIS[0]) * 12)), 2)


TEMPLATE = html_template("""<style>
.mrh-tl { font-size: 14px; color: #1f1f1f; }
.mrh-tl ol { list-style: none; margin: 0; padding: 0; }
.mrh-tl li { display: grid; grid-template-columns: minmax(9rem, 16rem) 1fr; gap: .6rem; align-items: center;
  padding: .2rem 0; border-bottom: 1px solid #eef0f3; }
.mrh-tl .name { line-height: 1.25; }
.mrh-tl .when { display: block; font-size: 12.5px; color: #3d3d3d; }
.mrh-tl .track { position: relative; height: 16px; background: repeating-linear-gradient(90deg, #f1f3f6 0,
  #f1f3f6 calc(25% - 1px), #c9ced6 calc(25% - 1px), #c9ced6 25%); }
.mrh-tl .bar { position: absolute; top: 2px; height: 12px; background: #4477aa; border-radius: 2px; }
.mrh-tl .bar.approx-start { border-left: 3px dashed #fff; }
.mrh-tl .bar.approx-end { border-right: 3px dashed #fff; }
.mrh-tl .bar.open-start { background: linear-gradient(90deg, rgba(68,119,170,.15), #4477aa 40%); }
.mrh-tl .bar.open-end { background: linear-gradient(90deg, #4477aa 60%, rgba(68,119,170,.15)); }
.mrh-tl li.dach .bar { background: #ee7733; }
.mrh-tl li.selected { background: #fff3c4; }
.mrh-tl li.selected .name { font-weight: 700; }
.mrh-tl li.selected .bar { background: #000; }
.mrh-tl .axis { display: grid; grid-template-columns: minmax(9rem, 16rem) 1fr; gap: .6rem; font-size: 12.5px;
  color: #3d3d3d; }
.mrh-tl .years { display: flex; justify-content: space-between; }
.mrh-tl .unknown { margin-top: .5rem; }
.mrh-tl .event { position: absolute; top: 0; width: 10px; height: 10px; margin-left: -5px; background: #fff;
  border: 2px solid #000; transform: rotate(45deg); }
.mrh-tl .events { margin: .6rem 0 0; padding-left: 1.2rem; list-style: disc; }
.mrh-tl .events li { display: list-item; border: 0; padding: .1rem 0; }
@media (max-width: 640px) {
  .mrh-tl li, .mrh-tl .axis { grid-template-columns: 1fr; gap: .2rem; }
  .mrh-tl .axis > span:first-child { display: none; }
}
</style>
<section class="mrh-tl" aria-label="{{ title }}">
<p>{{ legend }}</p>
<div class="axis" aria-hidden="true"><span></span><span class="years">
{%- for y in years %}<span>{{ y }}</span>{% endfor -%}
</span></div>
<ol>
{% for row in rows %}<li class="{{ row.cls }}">
<span class="name">{{ row.name }}<span class="when">{{ row.when }}</span></span>
<span class="track" aria-hidden="true"><span class="bar {{ row.bar }}"
  style="left: {{ row.left }}%; width: {{ row.width }}%"></span>
{%- for e in row.events %}<span class="event" style="left: {{ e.left }}%" title="{{ e.title }}"></span>{% endfor -%}
</span></li>
{% endfor %}</ol>
{% if events %}<p class="unknown"><strong>{{ events_label }}</strong> (◆):</p>
<ul class="events">{% for e in events %}<li>{{ e.day }} · {{ e.who }}: {{ e.what }}
(<a href="{{ e.url }}" target="_blank" rel="noopener noreferrer">{{ e.host }}</a>)</li>{% endfor %}</ul>{% endif %}
{% if later %}<p class="unknown"><strong>{{ later_label }}</strong></p>
<ul class="events">{% for e in later %}<li>{{ e.day }} · {{ e.who }}: {{ e.what }}
{%- for link in e.links %} (<a href="{{ link.url }}" target="_blank" rel="noopener noreferrer">
{{- link.label }}</a>){% endfor %}</li>
{%- endfor %}</ul>{% endif %}
{% if unknown %}<p class="unknown"><strong>{{ unknown_label }}:</strong> {{ unknown|join(", ") }}</p>{% endif %}
</section>""")


def event_text(event: pd.Series, lang: str) -> str:
    """An event of termine.csv in ``lang``: the English summary on English pages where there is one."""
    return str(event.get("ereignis_en") or event["ereignis"]) if lang == "en" else str(event["ereignis"])


def timeline_html(project: Project, partner: str | None, lang: str) -> str:
    """The timeline as an HTML fragment (every value escaped by the template)."""
    marks: dict[str, list[dict[str, object]]] = {}
    events = []
    for _, event in project.events.iterrows():
        rs = event["rs"]
        day = format_day(event["datum"], lang)
        what = event_text(event, lang)
        marks.setdefault(rs, []).append({"left": _day_percent(event["datum"]), "title": f"{day}: {what}"})
        who = project.partners.at[rs, "display_name"] if rs else text(lang, "Dachprojekt")
        host = urlsplit(event["quelle"]).hostname or event["quelle"]
        events.append({"day": day, "who": who, "what": what, "url": event["quelle"], "host": host})
    rows = [
        {
            "events": marks.get("", []),
            "name": text(lang, "Dachprojekt „Regionalmanagement“"),
            "when": text(lang, "Anfang 2014 – 9/2016"),
            "cls": "dach",
            "bar": "approx-start",
            "left": _percent(Point(2014, 1, True)),
            "width": _percent(_month_end(Point(2016, 9, False))) - _percent(Point(2014, 1, True)),
        }
    ]
    unknown = []
    for rs, row in project.partners.sort_values("name").iterrows():
        name = row["display_name"]
        period = parse_period(row["laufzeit"]) if row["laufzeit"] else None
        if period is None:
            unknown.append(name + (f" ({row['laufzeit']})" if row["laufzeit"] else ""))
            continue
        start = _percent(period.start) if period.start else 0.0
        end = _percent(_month_end(period.end)) if period.end else 100.0
        open_end = bool(period.note)  # „Phase 1: …“: later phases are not documented
        classes = [
            c
            for c, on in (
                ("approx-start", period.start and period.start.approx),
                ("approx-end", period.end and period.end.approx),
                ("open-start", period.start is None),
                ("open-end", open_end),
            )
            if on
        ]
        when = row["laufzeit"] + (" (" + text(lang, "weitere Phasen nicht dokumentiert") + ")" if open_end else "")
        if period.start is None:
            when += " (" + text(lang, "Beginn nicht dokumentiert") + ")"
        rows.append(
            {
                "events": marks.get(str(rs), []),
                "name": name,
                "when": when,
                "cls": "selected" if rs == partner else "",
                "bar": " ".join(classes),
                "left": round(start, 2),
                "width": round(max(end - start, 1.0), 2),
            }
        )
    return TEMPLATE.render(
        title=text(lang, "Zeitleiste der Laufzeiten"),
        legend=text(
            lang,
            "Balken = Laufzeit laut Quelle; gestrichelte Kante = ungefähr (ca., Jahreszeit), "
            "auslaufender Balken = Beginn oder Ende nicht dokumentiert; ◆ = Termin (Liste unter der "
            "Zeitleiste). Orange: Dachprojekt.",
        ),
        rows=rows,
        years=list(range(AXIS[0], AXIS[1] + 1)),
        unknown=unknown,
        unknown_label=text(lang, "Laufzeit nicht dokumentiert"),
        events=events,
        events_label=text(lang, "Termine"),
        later=later_events(project, lang),
        later_label=text(lang, "Nach dem Projekt (ab 10/2016): was wurde daraus?"),
    )


def later_events(project: Project, lang: str) -> list[dict[str, object]]:
    """What became of the Teilprojekte after 9/2016, by date, each with its sources (verbleib.csv)."""
    outcomes = project.outcomes[project.outcomes["verbleib"] != ""].sort_values("datum")
    return [
        {
            "day": format_day(o["datum"], lang),
            "who": project.partners.at[o["rs"], "display_name"],
            "what": o["verbleib_en"] if lang == "en" else o["verbleib"],
            "links": [{"url": u, "label": urlsplit(u).hostname or u} for u in o["quelle"]],
        }
        for _, o in outcomes.iterrows()
        if o["rs"] in project.partners.index
    ]
