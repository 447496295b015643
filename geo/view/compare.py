"""Vergleich: two to four partners side by side, as Streamlit markdown (every data value escaped)."""

from __future__ import annotations

from urllib.parse import urlsplit

from geo.data.project import Project
from geo.data.themes import theme_labels
from geo.view.details import contact_markdown, demography_markdown
from geo.view.escape import md_link, md_text
from geo.view.i18n import text


def shared_themes(project: Project, keys: tuple[str, ...]) -> set[str]:
    """Themes at least two of the compared partners have."""
    seen: dict[str, int] = {}
    for rs in keys:
        for slug in project.partners.at[rs, "themen"]:
            seen[slug] = seen.get(slug, 0) + 1
    return {slug for slug, n in seen.items() if n >= 2}


def compare_markdown(project: Project, rs: str, keys: tuple[str, ...], lang: str) -> str:
    """One column of the comparison: the same fields in the same order for every partner."""
    row = project.partners.loc[rs]
    labels = theme_labels(project.themes, lang)
    shared = shared_themes(project, keys)
    missing = f"_{text(lang, 'not_documented')}_"

    def field(key: str, value: str) -> str:
        return f"**{text(lang, key)}:** {md_text(value) if value else missing}"

    themes = ", ".join(
        f"**{md_text(labels[s])}** ({text(lang, 'compare_shared')})" if s in shared else md_text(labels[s])
        for s in row["themen"]
    )
    lines = [
        f"#### {md_text(row['display_name'])}",
        field("f_project", row["teilprojekt"]),
        "",
        field("f_period", row["laufzeit"]),
        "",
        f"**{text(lang, 'f_themes')}:** {themes or missing}",
        "",
        f"**{text(lang, 'f_results')}:**" + ("" if row["ergebnisse"] else f" {missing}"),
        *(f"- {md_text(item)}" for item in row["ergebnisse"]),
        "",
        demography_markdown(project, rs, lang),
        "",
    ]
    contacts = project.contacts[project.contacts["rs"] == rs]
    lines.append(f"**{text(lang, 'f_contact')}:**" + ("" if len(contacts) else f" {missing}"))
    lines += [f"- {contact_markdown(c)}" for _, c in contacts.iterrows()]
    sources = ", ".join(md_link(urlsplit(u).hostname or u, u) for u in row["quellen"])
    lines += ["", f"**{text(lang, 'f_sources')}:** {sources}"]
    return "\n".join(lines)
