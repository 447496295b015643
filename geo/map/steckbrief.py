"""A partner's Steckbrief: its record (:mod:`geo.view.record`) on one A4 page, with a map excerpt.

reportlab sets the page, because its paragraph layout wraps long German texts and its standard fonts carry
Umlauts, ß, „ “ and –. The map excerpt comes from :mod:`geo.map.png`. Returns bytes and writes nothing.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Image, KeepInFrame, ListFlowable, Paragraph, SimpleDocTemplate, Spacer

from geo.data.project import Project
from geo.data.sources import ATTRIBUTION
from geo.map.png import draw_map
from geo.view.caption import made_text
from geo.view.cite import citation
from geo.view.dachprojekt import dachprojekt_lines
from geo.view.escape import markup_text
from geo.view.i18n import text
from geo.view.record import COMPILED, STAND, THEMES, Entry, Link, partner_record, readable_entries
from geo.view.state import ViewState

BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=9.5, leading=12, alignment=TA_LEFT)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8, leading=10, textColor="#333333")
TITLE = ParagraphStyle("title", parent=BODY, fontName="Helvetica-Bold", fontSize=17, leading=21)


def link_markup(link: Link) -> str:
    shown = f'<link href="{markup_text(link.url)}">{markup_text(link.label)}</link>'
    return shown + (f" ({markup_text(link.note)})" if link.note else "")


def entry_flowables(entry: Entry) -> list[Any]:
    """One entry: bold label and the value in one paragraph; results as a bulleted list; the note in italics."""
    head = f"<b>{markup_text(entry.heading)}</b>"
    source = f" ({markup_text(entry.source)})" if entry.source else ""
    note = f" <i>{markup_text(entry.note)}</i>" if entry.note else ""
    if entry.links:
        return [Paragraph(f"{head} {' · '.join(link_markup(x) for x in entry.links)}{source}{note}", BODY)]
    if entry.cited:
        items = [
            Paragraph(markup_text(c.text) + " (" + ", ".join(link_markup(x) for x in c.links) + ")", BODY)
            for c in entry.cited
        ]
        return [Paragraph(head + source + note, BODY), ListFlowable(items, bulletType="bullet", leftIndent=10)]
    if entry.items and entry.key != THEMES:
        items = [Paragraph(markup_text(item), BODY) for item in entry.items]
        return [Paragraph(head + source + note, BODY), ListFlowable(items, bulletType="bullet", leftIndent=10)]
    if entry.missing_value:
        return [Paragraph(f"{head} <i>{markup_text(entry.missing)}</i>{note}", BODY)]
    value = ", ".join(entry.items) if entry.items else entry.plain
    return [Paragraph(f"{head} {markup_text(value)}{source}{note}", BODY)]


def factsheet_pdf(
    project: Project, rs: str, lang: str, made: date | None = None, page_url: str = "", publisher: str = ""
) -> bytes:
    """One A4 page about one partner: map excerpt, every readable entry of its record, the Dachprojekt's end,
    the sources' dates and the attribution; title, author and language in the PDF's metadata."""
    record = partner_record(project, rs, lang)
    title = text(lang, "Demographie und Daseinsvorsorge")
    # the attribution stands in the page's footer
    fig = draw_map(project, ViewState(rs, (), False, lang), (6.4, 4.0), focus=rs, legend=False, attribution=False)
    image = io.BytesIO()
    fig.savefig(image, format="png", dpi=200)
    image.seek(0)

    byline = " · ".join((f"{title} – " + text(lang, "Steckbrief des Teilprojekts"), record.byline[0], record.byline[2]))
    story: list[Any] = [
        Paragraph(markup_text(record.name), TITLE),
        Paragraph(markup_text(byline), SMALL),
        Spacer(1, 3 * mm),
        Image(image, width=160 * mm, height=100 * mm),
        Spacer(1, 3 * mm),
    ]
    for entry in readable_entries(record):
        if entry.key not in (STAND, COMPILED):
            story += entry_flowables(entry)
    end = " · ".join(dachprojekt_lines(project, lang))
    heading = text(lang, "Dachprojekt „Regionalmanagement“") + " – " + text(lang, "Verlauf und Abschluss")
    story.append(Paragraph(f"<b>{markup_text(heading)}:</b> {markup_text(end)}", SMALL))
    stand, compiled = record[STAND], record[COMPILED]
    dates = (
        f"{stand.label}: {stand.plain} · {compiled.label}: {compiled.plain} · {made_text(lang, made or date.today())}"
    )
    credits = text(
        lang,
        "{attribution} – VG250, Datenlizenz Deutschland – Namensnennung 2.0. Einwohner und Fläche: Statistisches "
        "Bundesamt (Destatis). Projektdaten: Metropolregion Hamburg und die genannten Quellen; Zusammenfassungen "
        "in eigenen Worten.",
        attribution=ATTRIBUTION,
    )
    story += [Spacer(1, 2 * mm), Paragraph(markup_text(dates), SMALL), Paragraph(markup_text(credits), SMALL)]
    if page_url:  # where the dashboard runs: how to cite this partner's entry
        cite = citation(project, lang, page_url, made or date.today(), publisher, rs=rs)
        label = markup_text(text(lang, "Zitiervorschlag"))
        story.append(Paragraph(f"<b>{label}:</b> {markup_text(cite.text)}", SMALL))
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=15 * mm,
        bottomMargin=12 * mm,
        title=text(lang, "Steckbrief {name}", name=record.name),
        author=text(lang, "Kartendashboard Demographie und Daseinsvorsorge"),
        subject=title,
        lang=lang,
    )
    frame_width, frame_height = A4[0] - 36 * mm, A4[1] - 27 * mm
    doc.build([KeepInFrame(frame_width, frame_height, story, mode="shrink")])  # always one page
    return out.getvalue()
