"""The detail panel for one partner as Streamlit markdown; every data value escaped."""

from __future__ import annotations

from urllib.parse import urlsplit

import pandas as pd

from geo.data.demography import figures_of
from geo.data.project import Project
from geo.data.sources import is_mirror
from geo.data.themes import theme_labels
from geo.view.escape import md_link, md_text
from geo.view.formats import format_day, format_number, source_period, tel_uri
from geo.view.i18n import role_label, text, type_label
from geo.view.network import partners_sharing, theme_links
from geo.view.table import is_documented, theme_label_list, undocumented_text


def _field(lang: str, key: str, value: str) -> str:
    shown = md_text(value) if value else f"_{text(lang, 'not_documented')}_"
    return f"**{text(lang, key)}:** {shown}"


# In 2014–2016 only the former district of Ludwigslust belonged to the Metropolregion (Parchim from 2017).
ALTKREIS_ONLY = "13076"


def demography_markdown(project: Project, rs: str, lang: str) -> str:
    """Area, population and density in German number format, each with its source."""
    found = figures_of(project.demography, rs)
    if found:
        source = text(lang, "destatis", date=format_day(found.stand, lang))
        figures = (
            f"**{text(lang, 'f_area')}:** {format_number(found.flaeche_km2, lang, 1)} km² · "
            f"**{text(lang, 'f_population')}:** {format_number(found.einwohner, lang)} · "
            f"**{text(lang, 'f_density')}:** {format_number(found.einwohner_je_km2, lang, 1)} {text(lang, 'per_km2')} "
            f"({md_text(source)}; {md_text(text(lang, 'f_licence'))}: {md_text(found.lizenz)})"
        )
        if rs == ALTKREIS_ONLY:
            figures += f"  \n_{md_text(text(lang, 'altkreis'))}_"
        return figures
    area = format_number(project.partners.at[rs, "area_km2"], lang, 1)
    return (
        f"**{text(lang, 'f_area')}:** {area} km² (VG250) · "
        f"**{text(lang, 'f_population')}:** _{text(lang, 'not_available')}_"
    )


def network_markdown(project: Project, rs: str, lang: str) -> str:
    """Partners sharing at least one theme with ``rs``: the starting point for transfer."""
    labels = theme_labels(project.themes, lang)
    others = partners_sharing(theme_links(project), rs)
    if not others:
        return f"**{text(lang, 'network')}:** _{text(lang, 'network_none')}_"
    lines = [f"**{text(lang, 'network')}:**"]
    for other, shared in others:
        row = project.partners.loc[other]
        lines.append(f"- {md_text(row['display_name'])}: {md_text(', '.join(labels[s] for s in shared))}")
    return "\n".join(lines)


def source_links(urls: tuple[str, ...], lang: str) -> str:
    """Sources as links named by their host; a copy site says that the original was not found."""
    return ", ".join(
        md_link(urlsplit(u).hostname or u, u) + (f" ({text(lang, 'mirror')})" if is_mirror(u) else "") for u in urls
    )


def details_markdown(project: Project, rs: str, lang: str) -> str:
    """Everything known about one partner. Gaps say „nicht dokumentiert“ and what was searched; a partner
    with no documented Teilprojekt gets one line for it instead of a gap per field."""
    row = project.partners.loc[rs]
    lines = [
        f"## {md_text(row['display_name'])}",
        " · ".join(md_text(v) for v in (role_label(row["rolle"], lang), type_label(row["typ"], lang), row["land"])),
        "",
        demography_markdown(project, rs, lang),
        "",
    ]
    if not is_documented(row):
        lines.append(f"**{text(lang, 'f_project')}:** _{md_text(undocumented_text(row, lang))}_")
    else:
        lines += [
            _field(lang, "f_project", row["teilprojekt"]),
            "",
            _field(lang, "f_period", row["laufzeit"]),
            "",
            _field(lang, "f_themes", theme_label_list(project, row["themen"], lang)),
            "",
            _field(lang, "f_summary", row["kurzbeschreibung"]),
            "",
            _field(lang, "f_results", "") if not row["ergebnisse"] else f"**{text(lang, 'f_results')}:**",
        ]
        lines += [f"- {md_text(item)}" for item in row["ergebnisse"]]
        lines += ["", _field(lang, "f_office", row["zustaendig"])]
    contacts = project.contacts[project.contacts["rs"] == rs]
    if is_documented(row) or not contacts.empty:
        lines.append("")
        lines.append(_field(lang, "f_contact", "") if contacts.empty else f"**{text(lang, 'f_contact')}:**")
        lines += [f"- {contact_markdown(c)}" for _, c in contacts.iterrows()]
    if row["gesucht"] and is_documented(row):
        lines += ["", f"**{text(lang, 'f_searched')}:** {md_text(row['gesucht'])}"]
    if row["anmerkung"]:
        lines += ["", f"**{text(lang, 'f_note')}:** {md_text(row['anmerkung'])}"]
    lines += ["", network_markdown(project, rs, lang)]
    lines += [
        "",
        f"**{text(lang, 'f_sources')}:** {source_links(row['quellen'], lang)}",
        "",
        f"_{text(lang, 'f_stand')}: {md_text(source_period(row['stand'], lang))} · "
        f"{text(lang, 'f_compiled')}: {md_text(format_day(row['erfasst'], lang))}_",
    ]
    return "\n".join(lines)


def contact_markdown(contact: pd.Series) -> str:
    """One contact as a markdown line: organisation, people, address, phone, e-mail."""
    parts = [f"**{md_text(contact['organisation'])}**"]
    if contact["personen"]:
        parts.append(md_text(", ".join(contact["personen"])))
    if contact["adresse"]:
        parts.append(md_text(contact["adresse"]))
    if contact["telefon"]:
        parts.append(f"Tel. [{md_text(contact['telefon'])}]({tel_uri(contact['telefon'])})")
    if contact["email"]:
        parts.append(f"[{md_text(contact['email'])}](mailto:{contact['email']})")
    if contact["anmerkung"]:
        parts.append(f"_{md_text(contact['anmerkung'])}_")
    return " · ".join(parts)
