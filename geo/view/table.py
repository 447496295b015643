"""What the dashboard shows for a view state: filter matches, table, map styles, detail text."""

from __future__ import annotations

from typing import Any

import pandas as pd

from geo.data.demography import figures_of
from geo.data.project import Project
from geo.data.themes import theme_labels
from geo.view.i18n import role_label, text, type_label


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


def theme_label_list(project: Project, slugs: tuple[str, ...], lang: str) -> str:
    labels = theme_labels(project.themes, lang)
    return ", ".join(labels[s] for s in slugs)


def is_documented(partner: pd.Series) -> bool:
    """Whether anything about the partner's Teilprojekt is documented (title, summary or a result)."""
    return bool(partner["teilprojekt"] or partner["kurzbeschreibung"] or partner["ergebnisse"])


def partner_table(project: Project, themes: tuple[str, ...], lang: str) -> pd.DataFrame:
    """The table under the map: exactly the matching partners, documented ones first, each part by name;
    index = RS.

    Four readable columns (Name, Teilprojekt, Laufzeit, Themen); everything else is in the details and
    in :func:`export_table`. :func:`undocumented_notes` says what was searched for the others.
    """
    partners = project.partners.loc[matches(project, themes)]
    partners = partners.assign(_last=[not is_documented(p) for _, p in partners.iterrows()])
    partners = partners.sort_values(["_last", "display_name"])
    missing = text(lang, "not_documented")
    table = pd.DataFrame(
        {
            text(lang, "c_name"): partners["display_name"],
            text(lang, "c_project"): partners["teilprojekt"].replace("", missing),
            text(lang, "c_period"): partners["laufzeit"].replace("", missing),
            text(lang, "c_themes"): [theme_label_list(project, s, lang) or missing for s in partners["themen"]],
        },
        index=partners.index,
    )
    return table


def undocumented_notes(project: Project, index: pd.Index, lang: str) -> dict[str, str]:
    """RS → one line for each partner in ``index`` without a documented Teilprojekt: what was searched."""
    partners = project.partners.loc[index]
    return {str(rs): undocumented_text(p, lang) for rs, p in partners.iterrows() if not is_documented(p)}


def undocumented_text(partner: pd.Series, lang: str) -> str:
    """„nicht dokumentiert – gesucht: …“ for a partner without a documented Teilprojekt."""
    if partner["gesucht"]:
        return text(lang, "undocumented_row", searched=partner["gesucht"])
    return text(lang, "not_documented")


def export_table(project: Project, themes: tuple[str, ...], lang: str) -> pd.DataFrame:
    """Every column a reader needs, for the CSV and GeoJSON downloads; index = RS, sorted by name.

    Lists are joined readably (themes with commas, results and sources one per line); numbers are
    numbers (Einwohner empty where the source has none; Fläche from Destatis, else from VG250).
    """
    partners = project.partners.loc[matches(project, themes)]
    demography = project.demography
    contacts = project.contacts
    rows = []
    for rs, p in partners.iterrows():
        people = contacts[contacts["rs"] == rs]
        figures = figures_of(demography, str(rs))
        office = "; ".join(
            filter(
                None,
                [
                    p["zustaendig"],
                    *(
                        ", ".join(filter(None, [c["organisation"], ", ".join(c["personen"]), c["telefon"], c["email"]]))
                        for _, c in people.iterrows()
                    ),
                ],
            )
        )
        rows.append(
            {
                "RS": str(rs),
                text(lang, "c_name"): p["display_name"],
                text(lang, "c_type"): type_label(p["typ"], lang),
                text(lang, "c_land"): p["land"],
                text(lang, "c_role"): role_label(p["rolle"], lang),
                text(lang, "c_project"): p["teilprojekt"],
                text(lang, "c_period"): p["laufzeit"],
                text(lang, "c_themes"): theme_label_list(project, p["themen"], lang),
                text(lang, "c_summary"): p["kurzbeschreibung"],
                text(lang, "c_results"): "\n".join(p["ergebnisse"]),
                text(lang, "c_office"): office,
                text(lang, "c_population"): figures.einwohner if figures else None,
                text(lang, "c_area"): round(figures.flaeche_km2 if figures else float(p["area_km2"]), 1),
                text(lang, "c_sources"): "\n".join(p["quellen"]),
                text(lang, "c_stand"): p["stand"],
                text(lang, "c_compiled"): p["erfasst"],
                text(lang, "c_note"): p["anmerkung"],
                text(lang, "c_searched"): p["gesucht"],
            }
        )
    table = pd.DataFrame(rows, index=[r["RS"] for r in rows], columns=list(rows[0]) if rows else None)
    if len(table):
        table[text(lang, "c_population")] = table[text(lang, "c_population")].astype("Int64")
        table = table.sort_values(text(lang, "c_name"))
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
        "caption": text(lang, "matrix_caption"),
        "partner": text(lang, "partner"),
        "total": text(lang, "matrix_total"),
        "yes": text(lang, "matrix_yes"),
        "filterBy": text(lang, "matrix_filter"),
        "selected": partner,
        "themes": list(themes),
    }
