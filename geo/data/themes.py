"""The catalogue of Daseinsvorsorge themes (slugs are part of the URL contract)."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from geo.data.checks import COLOR_PATTERN, SLUG_PATTERN
from geo.data.errors import Problem, display_path
from geo.data.reader import read_table
from geo.data.rules import Rule, check_row

COLUMNS = ("slug", "label", "beschreibung", "farbe")
RULES = {
    "slug": Rule(
        "Slug",
        required=True,
        pattern=SLUG_PATTERN,
        expected="nur a–z, 0–9 und _ (ohne Umlaute; der Slug steht in der URL).",
    ),
    "label": Rule(required=True),
    "beschreibung": Rule(required=True),
    "farbe": Rule("Farbe", required=True, pattern=COLOR_PATTERN, invalid="Ungültige", expected="erwartet #RRGGBB."),
}


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
        found = check_row(name, row, RULES)
        slug = row["slug"]
        if slug in seen:
            found.append(Problem(name, row.line, f"Doppelter Slug '{slug}' (schon in Zeile {seen[slug]})."))
        seen.setdefault(slug, row.line)
        problems.extend(found)
        if not found:
            themes.append(Theme(slug, row["label"], row["beschreibung"], row["farbe"].upper()))
    return themes, problems
