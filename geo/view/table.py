"""What the dashboard shows for a view state: filter matches, table, map styles, detail text."""

from __future__ import annotations

from typing import Any

import pandas as pd

from geo.data.demography import figures_of
from geo.data.project import Project
from geo.view.i18n import text
from geo.view.record import (
    CONTACTS,
    FIGURES,
    OUTCOMES,
    PERIOD,
    PROGRAMMES,
    PROJECT,
    RESULTS,
    SUMMARY,
    THEMES,
    Entry,
    PartnerRecord,
    is_documented,
    not_documented,
    partner_record,
    partner_records,
    undocumented_text,
)


def theme_counts(project: Project) -> dict[str, int]:
    """Number of partners per theme slug (catalogue order, zero counts included)."""
    counts = {t.slug: 0 for t in project.themes}
    for slugs in project.partners["themen"]:
        for slug in slugs:
            counts[slug] += 1
    return counts


def matches(project: Project, themes: tuple[str, ...]) -> pd.Index:
    """Partners with any of the selected themes; all partners when nothing is selected."""
    if not themes:
        return project.partners.index
    wanted = set(themes)
    mask = project.partners["themen"].map(lambda slugs: bool(wanted.intersection(slugs)))
    return project.partners.index[mask.to_numpy(dtype=bool)]


def partner_table(project: Project, themes: tuple[str, ...], lang: str) -> pd.DataFrame:
    """The table under the map: exactly the matching partners, documented ones first, each part by name;
    index = RS.

    Four readable columns (Name and the record's Teilprojekt, Laufzeit, Themen); everything else is in the
    details and in :func:`export_table`. :func:`undocumented_notes` says what was searched for the others.
    """
    records = partner_records(project, matches(project, themes), lang)
    records.sort(key=lambda r: (not r.documented, r.name))
    missing = not_documented(lang)

    def column(key: str) -> list[str]:
        return [missing if r[key].missing_value else r[key].plain for r in records]

    first = records[0] if records else partner_record(project, str(project.partners.index[0]), lang)
    return pd.DataFrame(
        {
            text(lang, "Name"): [r.name for r in records],
            **{first[key].label: column(key) for key in (PROJECT, PERIOD, THEMES)},
            first[OUTCOMES].label: [outcome_marker(r, lang) for r in records],
        },
        index=pd.Index([r.rs for r in records]),
    )


def outcome_marker(record: PartnerRecord, lang: str) -> str:
    """The table's short answer to „Was wurde daraus?“: documented up to which year, or nothing known."""
    cited = record[OUTCOMES].cited
    if not cited:
        return text(lang, "nichts bekannt")
    last = max(c.text.split(":")[0][-4:] for c in cited)
    return text(lang, "belegt bis {year} ({n})", year=last, n=len(cited))


def undocumented_notes(project: Project, index: pd.Index, lang: str) -> dict[str, str]:
    """RS → one line for each partner in ``index`` without a documented Teilprojekt: what was searched."""
    partners = project.partners.loc[index]
    return {str(rs): undocumented_text(p, lang) for rs, p in partners.iterrows() if not is_documented(p)}


def cited_lines(entry: Entry) -> str:
    """Statements one per line, each with its sources' addresses; else what the entry says is missing."""
    if not entry.cited:
        return entry.missing
    return "\n".join(f"{c.text} ({' '.join(x.url for x in c.links)})" for c in entry.cited)


def export_table(project: Project, themes: tuple[str, ...], lang: str) -> pd.DataFrame:
    """Every column a reader needs, for the CSV, GeoJSON and GeoPackage downloads; index = RS, sorted by name.

    Texts come from the partner's record (lists one per line, contacts with the office); numbers are
    numbers (Einwohner empty where the source has none; Fläche from Destatis, else from VG250); sources,
    Stand and erfasst stay as partners.csv writes them, for machines.
    """
    rows = []
    for record in partner_records(project, matches(project, themes), lang):
        rs = record.rs
        p = project.partners.loc[rs]
        figures = figures_of(project.demography, str(rs))

        def value(key: str, record: PartnerRecord = record) -> str:
            entry = record[key]
            return "\n".join(entry.items) if entry.items else entry.value

        office = "; ".join(filter(None, [p["zustaendig"], *(c.plain for c in record[CONTACTS].contacts)]))
        rows.append(
            {
                "RS": str(rs),
                text(lang, "Name"): record.name,
                text(lang, "Typ"): record.byline[1],
                text(lang, "Land"): record.byline[2],
                text(lang, "Rolle"): record.byline[0],
                text(lang, "Teilprojekt"): value(PROJECT),
                text(lang, "Laufzeit"): value(PERIOD),
                text(lang, "Themen"): ", ".join(record[THEMES].items),
                text(lang, "Kurzbeschreibung"): value(SUMMARY),
                text(lang, "Ergebnisse"): value(RESULTS),
                text(lang, "Zuständig und Kontakt"): office,
                text(lang, "Einwohner (31.12.2018)"): figures.einwohner if figures else None,
                text(lang, "Fläche (km²)"): round(figures.flaeche_km2 if figures else float(p["area_km2"]), 1),
                text(lang, "Hinweis zu Einwohnern und Fläche"): record[FIGURES].note,
                record[OUTCOMES].label: cited_lines(record[OUTCOMES]),
                record[PROGRAMMES].label: cited_lines(record[PROGRAMMES]),
                text(lang, "Quellen"): "\n".join(p["quellen"]),
                text(lang, "Stand der Quellen"): p["stand"],
                text(lang, "Erfasst am"): p["erfasst"],
                text(lang, "Anmerkung"): p["anmerkung"],
                text(lang, "Gesucht"): p["gesucht"],
            }
        )
    table = pd.DataFrame(rows, index=[r["RS"] for r in rows], columns=list(rows[0]) if rows else None)
    if len(table):
        population = text(lang, "Einwohner (31.12.2018)")
        table[population] = table[population].astype("Int64")
        table = table.sort_values(text(lang, "Name"))
    return table


def theme_matrix(
    project: Project, lang: str, partner: str | None = None, themes: tuple[str, ...] = ()
) -> dict[str, Any]:
    """What the overview component draws: partners (rows, by name) × themes that at least one partner has
    (columns), with totals, its texts in ``lang``, the selected ``partner`` and the filter's ``themes``."""
    counts = theme_counts(project)
    offered = [t for t in project.themes if counts[t.slug]]
    rows = []
    for rs, row in project.partners.sort_values("display_name").iterrows():
        marks = [t.slug in row["themen"] for t in offered]
        rows.append({"rs": str(rs), "name": row["display_name"], "marks": marks, "total": sum(marks)})
    columns = [{"slug": t.slug, "label": t.label_in(lang), "count": counts[t.slug]} for t in offered]
    return {
        "columns": columns,
        "rows": rows,
        "caption": text(
            lang, "Partner und ihre Themenfelder. Name wählen zeigt den Partner, Thema wählen filtert danach."
        ),
        "partnerLabel": text(lang, "Partner"),
        "total": text(lang, "Summe"),
        "yes": text(lang, "ja"),
        "filterBy": text(lang, "Nach diesem Thema filtern:"),
        "partner": partner,
        "themes": list(themes),
    }
