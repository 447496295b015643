"""What the dashboard shows for a view state: filter matches, table, map styles, detail text."""

from __future__ import annotations

import pandas as pd

from geo.data.partners import display_name
from geo.data.project import Project
from geo.view.i18n import text


def theme_counts(project: Project) -> dict[str, int]:
    """Number of partners per theme slug (catalogue order, zero counts included)."""
    counts = {t.slug: 0 for t in project.themes}
    for slugs in project.partners["themen"]:
        for slug in slugs:
            counts[slug] += 1
    return counts


def matches(project: Project, selected: tuple[str, ...]) -> pd.Index:
    """Partners with any of the selected themes; all partners when nothing is selected."""
    if not selected:
        return project.partners.index
    wanted = set(selected)
    mask = project.partners["themen"].map(lambda slugs: bool(wanted.intersection(slugs)))
    return project.partners.index[mask.to_numpy(dtype=bool)]


def theme_label_list(project: Project, slugs: tuple[str, ...]) -> str:
    labels = {t.slug: t.label for t in project.themes}
    return ", ".join(labels[s] for s in slugs)


def partner_table(project: Project, selected: tuple[str, ...], lang: str = "de") -> pd.DataFrame:
    """The table under the map: exactly the matching partners, sorted by name; index = RS."""
    partners = project.partners.loc[matches(project, selected)]
    table = pd.DataFrame(
        {
            text(lang, "c_name"): [display_name(t, n) for t, n in zip(partners["typ"], partners["name"], strict=True)],
            text(lang, "c_type"): partners["typ"],
            text(lang, "c_land"): partners["land"],
            text(lang, "c_role"): partners["rolle"],
            text(lang, "c_project"): partners["teilprojekt"].replace("", text(lang, "not_documented")),
            text(lang, "c_themes"): [theme_label_list(project, s) or "–" for s in partners["themen"]],
        },
        index=partners.index,
    )
    return table.sort_values(text(lang, "c_name"))
