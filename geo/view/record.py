"""A partner's facts, assembled once per language: the one record every output of a partner renders.

The details panel, the comparison, the Steckbrief, the offline map's popup, the table and the CSV/GeoJSON
rows take their labels, values, sources and notes from :func:`partner_record`; each decides only the layout.
A fact or a note added here reaches all of them (``tests/view/test_record.py`` checks every partner ×
language × output). Values are plain text: every renderer escapes for its own format.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import pandas as pd

from geo.data.demography import figures_of
from geo.data.project import Project
from geo.data.sources import is_mirror
from geo.data.themes import theme_labels
from geo.view.formats import format_day, format_number, source_period, tel_uri
from geo.view.i18n import role_label, text, type_label
from geo.view.network import Link as ThemeLink
from geo.view.network import partners_sharing, theme_links

# The entries' keys, in the order of the record (what a renderer selects by).
FIGURES = "figures"
PROJECT = "project"
PERIOD = "period"
THEMES = "themes"
SUMMARY = "summary"
RESULTS = "results"
OFFICE = "office"
CONTACTS = "contacts"
SEARCHED = "searched"
NOTE = "note"
OUTCOMES = "outcomes"
PROGRAMMES = "programmes"
NETWORK = "network"
SOURCES = "sources"
STAND = "stand"
COMPILED = "compiled"

# In 2014–2016 only the former district of Ludwigslust belonged to the Metropolregion (Parchim from 2017).
ALTKREIS_ONLY = "13076"


@dataclass(frozen=True)
class Link:
    """A source: the address, the name shown for it (its host) and what a reader must know about it."""

    url: str
    label: str
    note: str = ""  # a copy site: the original was not found

    @property
    def plain(self) -> str:
        return f"{self.label} ({self.note})" if self.note else self.label


@dataclass(frozen=True)
class Cited:
    """A statement with its own sources (what became of a Teilprojekt, a model programme)."""

    text: str
    links: tuple[Link, ...]

    @property
    def plain(self) -> str:
        return f"{self.text} ({', '.join(x.label for x in self.links)})" if self.links else self.text


@dataclass(frozen=True)
class Contact:
    """One contact of the partner, its parts in reading order; ``phone_label`` is "Tel." in the page's language."""

    organisation: str
    people: tuple[str, ...]
    address: str
    phone: str
    phone_label: str
    phone_uri: str
    email: str
    note: str

    @property
    def plain(self) -> str:
        phone = f"{self.phone_label} {self.phone}" if self.phone else ""
        parts = (self.organisation, ", ".join(self.people), self.address, phone, self.email, self.note)
        return ", ".join(part for part in parts if part)


@dataclass(frozen=True)
class Entry:
    """One field of the record. Exactly one of ``value``, ``items``, ``links``, ``contacts`` carries the
    value; when nothing is documented all are empty and ``missing`` says so (never an empty field)."""

    key: str
    label: str
    value: str = ""
    items: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    contacts: tuple[Contact, ...] = ()
    cited: tuple[Cited, ...] = ()
    source: str = ""  # where the value comes from, where it is not the partner's sources
    note: str = ""  # what a reader must know together with the value
    missing: str = ""
    separator: str = "; "  # between items when the value is one line

    @property
    def heading(self) -> str:
        """The label as a heading before the value: „Laufzeit:“, but „Was wurde daraus?“ without a colon."""
        return self.label if self.label.endswith("?") else f"{self.label}:"

    @property
    def missing_value(self) -> bool:
        return not (self.value or self.items or self.links or self.contacts or self.cited)

    @property
    def plain(self) -> str:
        """The value as one line of plain text (lists joined with "; "), or the ``missing`` text."""
        if self.value:
            return self.value
        parts = (
            self.items
            or tuple(x.plain for x in self.links)
            or tuple(c.plain for c in self.contacts)
            or tuple(c.text for c in self.cited)
        )
        return self.separator.join(parts) if parts else self.missing


@dataclass(frozen=True)
class PartnerRecord:
    """Everything shown about one partner in one language, in reading order."""

    rs: str
    name: str
    short_name: str
    lang: str
    byline: tuple[str, ...]  # role, type, Land
    documented: bool  # anything known of the Teilprojekt; if not, PROJECT says what was searched
    entries: tuple[Entry, ...]

    def get(self, key: str) -> Entry | None:
        return next((e for e in self.entries if e.key == key), None)

    def __getitem__(self, key: str) -> Entry:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found


# What a partner's Teilprojekt consists of: for an undocumented partner these fold into the PROJECT line.
TEILPROJEKT = (PERIOD, THEMES, SUMMARY, RESULTS, OFFICE, CONTACTS)


def readable_entries(record: PartnerRecord) -> tuple[Entry, ...]:
    """The entries as one reads them about a partner (panel, Steckbrief): for a partner whose Teilprojekt is not
    documented, one PROJECT line that says what was searched instead of a gap per field."""
    if record.documented:
        return record.entries
    return tuple(e for e in record.entries if e.key not in TEILPROJEKT or not e.missing_value)


def is_documented(partner: pd.Series) -> bool:
    """Whether anything about the partner's Teilprojekt is documented (title, summary or a result)."""
    return bool(partner["teilprojekt"] or partner["kurzbeschreibung"] or partner["ergebnisse"])


def not_documented(lang: str) -> str:
    return text(lang, "nicht dokumentiert")


def undocumented_text(partner: pd.Series, lang: str) -> str:
    """„nicht dokumentiert – gesucht: …“ for a partner without a documented Teilprojekt."""
    if partner["gesucht"]:
        return text(lang, "nicht dokumentiert – gesucht: {searched}", searched=partner["gesucht"])
    return not_documented(lang)


def short_name(name: str) -> str:
    """The name on the map: ``Buchholz in der Nordheide`` → ``Buchholz i. d. N.``; others unchanged."""
    head, sep, tail = name.partition(" in der ")
    return f"{head} i. d. {tail[:1]}." if sep and tail else name


# The name on narrow maps (phones), by rules a reader knows from signs and lists; the tooltip, the selected
# partner's panel and every other output keep the full name.
NARROW_RULES = (
    ("Herzogtum ", "Hzgt. "),  # Hzgt. Lauenburg
    ("Nordwestmecklenburg", "NW-Mecklenburg"),
)


def narrow_name(name: str) -> str:
    """The name on a narrow map: ``Herzogtum Lauenburg`` → ``Hzgt. Lauenburg``, ``Buchholz in der
    Nordheide`` → ``Buchholz``; names without a rule are :func:`short_name`."""
    head, sep, _ = name.partition(" in der ")
    if sep:
        return head
    for long, short in NARROW_RULES:
        name = name.replace(long, short)
    return short_name(name)


def source_link(url: str, lang: str) -> Link:
    """A source named by its host; a copy site says that the original was not found."""
    note = text(lang, "Kopie; Original nicht gefunden") if is_mirror(url) else ""
    return Link(url, urlsplit(url).hostname or url, note)


def contacts_of(related: Related, rs: str, lang: str) -> tuple[Contact, ...]:
    """The partner's contacts (``rs`` "" gives the Dachprojekt's), in the order of contacts.csv."""
    return tuple(
        Contact(
            organisation=c["organisation"],
            people=tuple(c["personen"]),
            address=c["adresse"],
            phone=c["telefon"],
            phone_label=text(lang, "Tel."),
            phone_uri=tel_uri(c["telefon"]) if c["telefon"] else "",
            email=c["email"],
            note=c["anmerkung"],
        )
        for c in related.contacts.get(rs, [])
    )


@dataclass(frozen=True)
class Related:
    """What the other files say about partners, grouped by ``rs`` once for all the records built together
    (a pandas mask per partner and file cost the table ten times what its records need)."""

    contacts: dict[str, list[dict[Hashable, Any]]]
    outcomes: dict[str, list[dict[Hashable, Any]]]
    programmes: list[dict[Hashable, Any]]
    links: list[ThemeLink]  # partners sharing themes (geo.view.network.theme_links)

    @classmethod
    def of(cls, project: Project) -> Related:
        def grouped(table: pd.DataFrame) -> dict[str, list[dict[Hashable, Any]]]:
            found: dict[str, list[dict[Hashable, Any]]] = {}
            for row in table.to_dict("records"):
                found.setdefault(str(row["rs"]), []).append(row)
            return found

        return cls(
            grouped(project.contacts),
            grouped(project.outcomes),
            project.programmes.to_dict("records"),
            theme_links(project),
        )


def figures_entry(project: Project, rs: str, lang: str) -> Entry:
    """Population, area and density with their source; the Altkreis note where the figures cover more."""
    label = text(lang, "Einwohner und Fläche")
    found = figures_of(project.demography, rs)
    if not found:
        area = format_number(project.partners.at[rs, "area_km2"], lang, 1)
        return Entry(
            FIGURES, label, value=f"{area} km² · " + text(lang, "Einwohnerzahl nicht verfügbar"), source="VG250"
        )
    population = text(lang, "{number} Einwohner", number=format_number(found.einwohner, lang))
    area = format_number(found.flaeche_km2, lang, 1)
    density = format_number(found.einwohner_je_km2, lang, 1)
    value = f"{population} · {area} km² · {density} " + text(lang, "Einw./km²")
    stand = text(lang, "Destatis, Stand {date}", date=format_day(found.stand, lang))
    licence = found.lizenz  # the source's own words: quoted as such on pages in another language
    if lang != "de":
        licence = f"„{licence}“ (" + text(lang, "deutscher Wortlaut") + ")"
    source = f"{stand}; " + text(lang, "Lizenz") + f": {licence}"
    note = (
        text(
            lang,
            "Zur Metropolregion gehörte 2014–2016 nur der Altkreis Ludwigslust; die Zahlen gelten für den "
            "ganzen Landkreis Ludwigslust-Parchim (Gebietsstand 31.12.2018).",
        )
        if rs == ALTKREIS_ONLY
        else ""
    )
    return Entry(FIGURES, label, value=value, source=source, note=note)


def outcomes_entry(related: Related, rs: str, lang: str) -> Entry:
    """What became of the Teilprojekt after 9/2016: dated statements with sources, or what was searched."""
    rows = related.outcomes.get(rs, [])
    english = lang == "en"
    cited = tuple(
        Cited(
            f"{format_day(r['datum'], lang)}: {r['verbleib_en'] if english else r['verbleib']}",
            tuple(source_link(u, lang) for u in r["quelle"]),
        )
        for r in rows
        if r["verbleib"]
    )
    searched = [r["gesucht_en"] if english else r["gesucht"] for r in rows if r["gesucht"]]
    missing = (
        text(lang, "nichts bekannt – gesucht: {searched}", searched="; ".join(searched))
        if searched
        else text(lang, "noch nicht erfasst")
    )
    return Entry(OUTCOMES, text(lang, "Was wurde daraus?"), cited=cited, missing=missing)


def programmes_entry(related: Related, rs: str, lang: str) -> Entry:
    """Federal model programmes on the partner's territory: context, which no source links to the project."""
    english = lang == "en"
    cited = tuple(
        Cited(
            f"{r['programm']}"
            + (f" ({r['programm_en']})" if english else "")
            + f", {r['jahre']}: "
            + (r["rolle_en"] if english else r["rolle"]),
            tuple(source_link(u, lang) for u in r["quelle"]),
        )
        for r in related.programmes
        if rs in r["rs"]
    )
    note = (
        text(lang, "Kontext: Keine Quelle sagt, dass das Dachprojekt auf diese Programme zurückgriff.") if cited else ""
    )
    missing = text(lang, "keines in den gefundenen Quellen")
    return Entry(PROGRAMMES, text(lang, "Bundesmodellvorhaben im Gebiet"), cited=cited, note=note, missing=missing)


def network_entry(project: Project, related: Related, rs: str, lang: str) -> Entry:
    """Partners sharing at least one theme with ``rs``: the starting point for transfer."""
    labels = theme_labels(project.themes, lang)
    others = partners_sharing(related.links, rs)
    items = tuple(
        f"{project.partners.at[other, 'display_name']}: {', '.join(labels[s] for s in shared)}"
        for other, shared in others
    )
    label = text(lang, "Vernetzung – gemeinsame Themen mit")
    return Entry(NETWORK, label, items=items, missing=text(lang, "keine gemeinsamen Themen dokumentiert"))


def partner_records(project: Project, keys: Iterable[str], lang: str) -> list[PartnerRecord]:
    """The records of the partners ``keys``, in that order (the other files are grouped once for all)."""
    related = Related.of(project)
    return [partner_record(project, str(rs), lang, related) for rs in keys]


def partner_record(project: Project, rs: str, lang: str, related: Related | None = None) -> PartnerRecord:
    """The record of partner ``rs`` in ``lang`` (reads nothing). Every partner has every entry but SEARCHED
    and NOTE; for a partner without a documented Teilprojekt, PROJECT says what was searched."""
    related = related or Related.of(project)
    row = project.partners.loc[rs]
    missing = not_documented(lang)
    labels = theme_labels(project.themes, lang)
    documented = is_documented(row)
    english = lang == "en"
    title = row["teilprojekt"]
    if english and row.get("teilprojekt_en"):  # the official title stays German, with an English gloss
        title = f"{title} ({row['teilprojekt_en']})"
    summary = row.get("kurzbeschreibung_en") if english and row.get("kurzbeschreibung_en") else row["kurzbeschreibung"]
    results = row["ergebnisse"]
    if english and row.get("ergebnisse_en") and len(row["ergebnisse_en"]) == len(results):
        results = row["ergebnisse_en"]  # one English line per German result, else the German (never a stale list)
    project_entry = Entry(PROJECT, text(lang, "Teilprojekt"), value=title, missing=missing)
    if not documented:
        project_entry = Entry(PROJECT, project_entry.label, missing=undocumented_text(row, lang))
    entries = [
        figures_entry(project, rs, lang),
        project_entry,
        Entry(PERIOD, text(lang, "Laufzeit"), value=row["laufzeit"], missing=missing),
        Entry(
            THEMES, text(lang, "Themen"), items=tuple(labels[s] for s in row["themen"]), missing=missing, separator=", "
        ),
        Entry(SUMMARY, text(lang, "Kurzbeschreibung"), value=summary, missing=missing),
        Entry(RESULTS, text(lang, "Ergebnisse"), items=tuple(results), missing=missing),
        Entry(OFFICE, text(lang, "Zuständig"), value=row["zustaendig"], missing=missing),
        Entry(CONTACTS, text(lang, "Kontakt"), contacts=contacts_of(related, rs, lang), missing=missing),
    ]
    if row["gesucht"] and documented:
        entries.append(Entry(SEARCHED, text(lang, "Gesucht"), value=row["gesucht"]))
    if row["anmerkung"]:
        entries.append(Entry(NOTE, text(lang, "Anmerkung"), value=row["anmerkung"]))
    entries += [
        outcomes_entry(related, rs, lang),
        programmes_entry(related, rs, lang),
        network_entry(project, related, rs, lang),
        Entry(
            SOURCES, text(lang, "Quellen"), links=tuple(source_link(u, lang) for u in row["quellen"]), missing=missing
        ),
        Entry(STAND, text(lang, "Stand der Quellen"), value=source_period(row["stand"], lang), missing=missing),
        Entry(COMPILED, text(lang, "erfasst am"), value=format_day(row["erfasst"], lang), missing=missing),
    ]
    return PartnerRecord(
        rs=str(rs),
        name=row["display_name"],
        short_name=short_name(row["name"]),
        lang=lang,
        byline=(role_label(row["rolle"], lang), type_label(row["typ"], lang), row["land"]),
        documented=documented,
        entries=tuple(entries),
    )
