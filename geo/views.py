"""What the dashboard shows for a view state: filter matches, table, map styles, detail text."""

from __future__ import annotations

from urllib.parse import urlsplit

import pandas as pd

from geo.checks import tel_uri
from geo.contacts import PRECISIONS
from geo.partners import LEAD, display_name
from geo.project import Project
from geo.state import ViewState
from geo.text import md_link, md_text

NOT_DOCUMENTED = "nicht dokumentiert"
BASE_STYLE = {"color": "#223355", "weight": 1.5, "fillColor": "#4477AA", "fillOpacity": 0.3}
LEAD_STYLE = {"weight": 3.5, "dashArray": "8 5"}
MUTED_STYLE = {"color": "#999999", "weight": 1, "fillColor": "#BBBBBB", "fillOpacity": 0.1}
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


def partner_table(project: Project, selected: tuple[str, ...]) -> pd.DataFrame:
    """The table under the map: exactly the matching partners, sorted by name."""
    partners = project.partners.loc[matches(project, selected)]
    table = pd.DataFrame({
        "Name": [display_name(t, n) for t, n in zip(partners["typ"], partners["name"], strict=True)],
        "Typ": partners["typ"],
        "Land": partners["land"],
        "Rolle": partners["rolle"],
        "Teilprojekt": partners["teilprojekt"].replace("", NOT_DOCUMENTED),
        "Themen": [theme_label_list(project, s) or "–" for s in partners["themen"]],
    }, index=partners.index)
    return table.sort_values("Name").reset_index(drop=True)


def view_styles(project: Project, state: ViewState) -> dict[str, dict[str, object]]:
    """Leaflet path style per partner: base, lead dashed, filter match/mute, selection outline."""
    colors = {t.slug: t.color for t in project.themes}
    matching = set(matches(project, state.themes))
    styles = {}
    for rs, row in project.partners.iterrows():
        style: dict[str, object] = dict(BASE_STYLE)
        if row["rolle"] == LEAD:
            style.update(LEAD_STYLE)
        if state.themes and rs not in matching:
            style.update(MUTED_STYLE)
        elif state.themes:
            first = next(s for s in state.themes if s in row["themen"])
            style.update(fillColor=colors[first], fillOpacity=0.65)
        if rs == state.region:
            style.update(SELECTED_STYLE)
        styles[str(rs)] = style
    return styles


def _field(label: str, value: str) -> str:
    return f"**{label}:** {md_text(value) if value else '_' + NOT_DOCUMENTED + '_'}"


def _source_label(url: str) -> str:
    return urlsplit(url).hostname or url


def details_markdown(project: Project, rs: str) -> str:
    """The detail panel for one partner as Streamlit markdown; every data value escaped."""
    row = project.partners.loc[rs]
    area = f"Fläche {format_de(row['area_km2'], 1)} km² (VG250)"
    lines = [
        f"### {md_text(display_name(row['typ'], row['name']))}",
        " · ".join(md_text(v) for v in (row["rolle"], row["typ"], row["land"])) + f" · {area}",
        "",
        _field("Teilprojekt", row["teilprojekt"]),
        "",
        _field("Laufzeit", row["laufzeit"]),
        "",
        _field("Themen", theme_label_list(project, row["themen"])),
        "",
        _field("Kurzbeschreibung", row["kurzbeschreibung"]),
        "",
        _field("Ergebnisse", "") if not row["ergebnisse"] else "**Ergebnisse:**",
    ]
    lines += [f"- {md_text(item)}" for item in row["ergebnisse"]]
    lines += ["", _field("Zuständig", row["zustaendig"]), ""]
    contacts = project.contacts[project.contacts["rs"] == rs]
    lines.append(_field("Kontakt", "") if contacts.empty else "**Kontakt:**")
    lines += [f"- {contact_markdown(c)}" for _, c in contacts.iterrows()]
    if row["anmerkung"]:
        lines += ["", f"**Anmerkung:** {md_text(row['anmerkung'])}"]
    sources = ", ".join(md_link(_source_label(u), u) for u in row["quellen"])
    lines += ["", f"**Quellen:** {sources}", "", f"_Stand: {md_text(row['stand'])}_"]
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
    return " · ".join(parts)


def precision_note(contact: pd.Series, place_name: str) -> str:
    """Plain text saying how exactly a contact marker is placed."""
    level = PRECISIONS[contact["lage"]]
    if contact["lage"] == "adresse":
        return "Markierung an der veröffentlichten Adresse"
    return f"Markierung ungefähr: irgendwo in {level} {place_name} (Adresse nicht verortet)"
