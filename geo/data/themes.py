"""The catalogue of Daseinsvorsorge themes (slugs are part of the URL contract)."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from geo.data.checks import COLOR_PATTERN, SLUG_PATTERN
from geo.data.errors import Problem
from geo.data.paths import display_path
from geo.data.reader import read_table
from geo.data.rules import Rule, check_row

COLUMNS = ("slug", "label", "beschreibung", "farbe")
OPTIONAL = ("label_en",)  # the label in English; without it English pages show the German one
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
    "label_en": Rule(),
}


class Theme(NamedTuple):
    """One Themenfeld: URL slug, German label, one-line description, map colour, English label."""

    slug: str
    label: str
    description: str
    color: str
    label_en: str = ""

    def label_in(self, lang: str) -> str:
        return self.label_en if lang == "en" and self.label_en else self.label


def theme_labels(themes: list[Theme], lang: str) -> dict[str, str]:
    """Slug → label in the page's language (catalogue order)."""
    return {t.slug: t.label_in(lang) for t in themes}


def read_themes(path: Path) -> tuple[list[Theme], list[Problem]]:
    """Read and check ``themes.csv`` (I/O). Problems are returned, not raised."""
    rows, problems = read_table(path, COLUMNS, OPTIONAL)
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
            themes.append(Theme(slug, row["label"], row["beschreibung"], row["farbe"].upper(), row["label_en"]))
    return themes, problems
