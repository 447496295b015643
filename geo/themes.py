"""The catalogue of Daseinsvorsorge themes (slugs are part of the URL contract)."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from geo.checks import COLOR_PATTERN, SLUG_PATTERN
from geo.errors import Problem
from geo.tables import display_path, read_table

COLUMNS = ("slug", "label", "beschreibung", "farbe")


class Theme(NamedTuple):
    """One Themenfeld: URL slug, German label, one-line description, map colour."""

    slug: str
    label: str
    description: str
    color: str


def read_themes(path: Path) -> tuple[list[Theme], list[Problem]]:
    """Read and check ``themes.csv`` (I/O). Problems are returned, not raised."""
    rows, problems = read_table(path, COLUMNS)
    name = display_path(path)
    themes: list[Theme] = []
    seen: dict[str, int] = {}
    for row in rows:
        bad = False
        for column in COLUMNS:
            if not row[column]:
                problems.append(Problem(name, row.line, f"Spalte '{column}' ist leer."))
                bad = True
        slug = row["slug"]
        if slug and not SLUG_PATTERN.match(slug):
            problems.append(Problem(name, row.line, f"Ungültiger Slug '{slug}' – nur a–z, 0–9 und _ "
                                    "(ohne Umlaute; der Slug steht in der URL)."))
            bad = True
        if slug in seen:
            problems.append(Problem(name, row.line, f"Doppelter Slug '{slug}' (schon in Zeile {seen[slug]})."))
            bad = True
        seen.setdefault(slug, row.line)
        if row["farbe"] and not COLOR_PATTERN.match(row["farbe"]):
            problems.append(Problem(name, row.line, f"Ungültige Farbe '{row['farbe']}' – erwartet #RRGGBB."))
            bad = True
        if not bad:
            themes.append(Theme(slug, row["label"], row["beschreibung"], row["farbe"].upper()))
    return themes, problems
