"""What the dashboard shows for a view state: filter matches, table, map styles, detail text."""

from __future__ import annotations

import pandas as pd

from geo.i18n import text
from geo.network import Link, shared_theme_links
from geo.partners import display_name
from geo.project import Project

BASE_STYLE = {"color": "#223355", "weight": 1.5, "fillColor": "#4477AA", "fillOpacity": 0.3}
LEAD_STYLE = {"weight": 3.5, "dashArray": "8 5"}
MUTED_STYLE = {"color": "#7799BB", "weight": 1, "fillColor": "#FFFFFF", "fillOpacity": 0.55}
# A filter match keeps its outline and a light ground; the themes' hatches on top carry the colours.
MATCH_STYLE = {"color": "#223355", "weight": 2, "fillColor": "#FFFFFF", "fillOpacity": 0.3}
SELECTED_STYLE = {"color": "#000000", "weight": 4}


def format_de(value: float, decimals: int = 0) -> str:
    """German number format: ``4766.8`` → ``4.766,8``."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


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
    table = pd.DataFrame({
        text(lang, "c_name"): [display_name(t, n) for t, n in zip(partners["typ"], partners["name"], strict=True)],
        text(lang, "c_type"): partners["typ"],
        text(lang, "c_land"): partners["land"],
        text(lang, "c_role"): partners["rolle"],
        text(lang, "c_project"): partners["teilprojekt"].replace("", text(lang, "not_documented")),
        text(lang, "c_themes"): [theme_label_list(project, s) or "–" for s in partners["themen"]],
    }, index=partners.index)
    return table.sort_values(text(lang, "c_name"))


# Einwohner je km²: class breaks and a sequential, colour-blind-safe ramp (ColorBrewer YlGnBu).
DENSITY_CLASSES = ((0, 75, "#ffffcc"), (75, 150, "#a1dab4"), (150, 300, "#41b6c4"), (300, None, "#225ea8"))
NO_DATA_COLOR = "#dddddd"


def density_color(density: float | None) -> str:
    """Fill colour of the class a density falls into (grey when unknown)."""
    if density is None:
        return NO_DATA_COLOR
    for low, high, color in DENSITY_CLASSES:
        if density >= low and (high is None or density < high):
            return color
    return NO_DATA_COLOR


def density_by_partner(project: Project) -> dict[str, float | None]:
    """Einwohner je km² per partner (None where the source has no figure)."""
    figures = project.demography["einwohner_je_km2"] if len(project.demography) else {}
    return {str(rs): (float(figures[rs]) if rs in figures else None) for rs in project.partners.index}


def theme_links(project: Project) -> list[Link]:
    """Pairs of partners that share themes (see :mod:`geo.network`)."""
    themes = {str(rs): slugs for rs, slugs in project.partners["themen"].items()}
    return shared_theme_links(themes, [t.slug for t in project.themes])
