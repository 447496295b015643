"""The detail panel and the comparison: a partner's record (:mod:`geo.view.record`) as Streamlit markdown.

These functions decide the layout only; every data value is escaped here, at the place it is inserted.
"""

from __future__ import annotations

from geo.data.project import Project
from geo.view.escape import md_link, md_text
from geo.view.i18n import text
from geo.view.record import (
    COMPILED,
    CONTACTS,
    FIGURES,
    OUTCOMES,
    PERIOD,
    PROJECT,
    RESULTS,
    SOURCES,
    STAND,
    THEMES,
    Contact,
    Entry,
    Link,
    PartnerRecord,
    partner_record,
    partner_records,
    readable_entries,
    source_link,
)


def link_markdown(link: Link) -> str:
    return md_link(link.label, link.url) + (f" ({link.note})" if link.note else "")  # the note is ours


def source_links(urls: tuple[str, ...], lang: str) -> str:
    """Sources as links named by their host; a copy site says that the original was not found."""
    return ", ".join(link_markdown(source_link(u, lang)) for u in urls)


def contact_markdown(contact: Contact) -> str:
    """One contact as a markdown line: organisation, people, address, phone, e-mail."""
    parts = [f"**{md_text(contact.organisation)}**"]
    if contact.people:
        parts.append(md_text(", ".join(contact.people)))
    if contact.address:
        parts.append(md_text(contact.address))
    if contact.phone:
        parts.append(f"{contact.phone_label} [{md_text(contact.phone)}]({contact.phone_uri})")
    if contact.email:
        parts.append(f"[{md_text(contact.email)}](mailto:{contact.email})")
    if contact.note:
        parts.append(f"_{md_text(contact.note)}_")
    return " · ".join(parts)


def entry_markdown(entry: Entry, emphasised: frozenset[str] = frozenset(), emphasis: str = "") -> list[str]:
    """One entry: a bold label, the value inline (text, links) or as a list (items, contacts), its source in
    brackets and its note in italics on the next line. Items in ``emphasised`` are bold with ``emphasis``."""
    head = f"**{entry.heading}**"  # labels are the catalog's, values the data's (escaped)
    source = f" ({md_text(entry.source)})" if entry.source else ""
    note = [f"_{md_text(entry.note)}_"] if entry.note else []
    if entry.value:
        return [f"{head} {md_text(entry.value)}{source}" + ("  " if note else ""), *note]
    if entry.links:
        return [f"{head} {', '.join(link_markdown(x) for x in entry.links)}{source}", *note]
    if entry.items and emphasised:
        marked = (f"**{md_text(i)}** ({md_text(emphasis)})" if i in emphasised else md_text(i) for i in entry.items)
        return [f"{head} {', '.join(marked)}{source}", *note]
    if entry.items:
        return [head, *(f"- {md_text(i)}" for i in entry.items), *note]
    if entry.contacts:
        return [head, *(f"- {contact_markdown(c)}" for c in entry.contacts), *note]
    if entry.cited:
        cited = (f"- {md_text(c.text)} ({', '.join(link_markdown(x) for x in c.links)})" for c in entry.cited)
        return [head, *cited, *note]
    return [f"{head} _{md_text(entry.missing)}_", *note]


# Shown inline in the panel rather than as a list.
INLINE = (THEMES,)


def details_markdown(project: Project, rs: str, lang: str) -> str:
    """Everything known about one partner, in the record's order; the sources' dates close the panel."""
    record = partner_record(project, rs, lang)
    lines = [f"## {md_text(record.name)}", " · ".join(md_text(v) for v in record.byline), ""]
    for entry in readable_entries(record):
        if entry.key in (STAND, COMPILED):
            continue
        if entry.key in INLINE and entry.items:
            lines += [f"**{entry.label}:** {md_text(', '.join(entry.items))}", ""]
        else:
            lines += [*entry_markdown(entry), ""]
    stand, compiled = record[STAND], record[COMPILED]
    lines.append(
        f"_{md_text(stand.label)}: {md_text(stand.plain)} · {md_text(compiled.label)}: {md_text(compiled.plain)}_"
    )
    return "\n".join(lines)


# The comparison's rows: the same fields in the same order for every partner.
COMPARED = (PROJECT, PERIOD, THEMES, RESULTS, OUTCOMES, FIGURES, CONTACTS, SOURCES)


def shared_themes(records: list[PartnerRecord]) -> set[str]:
    """Theme labels at least two of the compared partners have."""
    seen: dict[str, int] = {}
    for record in records:
        for label in record[THEMES].items:
            seen[label] = seen.get(label, 0) + 1
    return {label for label, n in seen.items() if n >= 2}


def compare_markdown(project: Project, rs: str, keys: tuple[str, ...], lang: str) -> str:
    """One column of the comparison (``rs`` among ``keys``): the shared themes are bold."""
    records = partner_records(project, keys, lang)
    record = records[keys.index(rs)] if rs in keys else partner_record(project, rs, lang)
    shared = frozenset(shared_themes(records))
    lines = [f"#### {md_text(record.name)}"]
    for key in COMPARED:
        entry = record[key]
        emphasised = shared if key == THEMES else frozenset()
        lines += [*entry_markdown(entry, emphasised, text(lang, "gemeinsam")), ""]
    return "\n".join(lines).rstrip()
