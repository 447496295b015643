"""CSV rules as data: one table per file (column → rule), one engine that applies them.

A rule says what a cell must be; the engine turns every violation into a ``Datei:Zeile: …`` problem
that names the column, the value and what would be right. Cross-row rules (duplicates, one lead
partner) stay with the reader of the file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass

from geo.data.checks import is_date, is_period, is_web_url
from geo.data.errors import Problem
from geo.data.reader import Row, split_list, suggest

MAX_CELL = 5000
# A partner or a place: Kreis (5), Gemeindeverband (9) or Gemeinde (12) digits. (Länder, 2 digits, occur
# only in the generated context file, which is checked as GeoJSON.)
CSV_RS_PATTERN = re.compile(r"^(\d{5}|\d{9}|\d{12})$")


@dataclass(frozen=True)
class Rule:
    """What one column's cells must be.

    ``label`` names the kind of value in messages („Ungültige Quelle …“, „Unbekanntes Thema …“).
    ``pattern``/``valid`` reject a value with ``Ungültige(r) <label> '<value>' in Spalte '<col>' – <expected>``;
    ``choices`` reject with ``Unbekannte(r) <label> …`` plus the nearest choice and the allowed ones.
    With ``items`` the cell is a ``|``-separated list and each item is checked.
    """

    label: str = ""
    required: bool = False
    pattern: re.Pattern[str] | None = None
    valid: Callable[[str], bool] | None = None
    choices: Collection[str] | None = None
    items: bool = False
    expected: str = ""
    invalid: str = "Ungültiger"  # the adjective as the label's gender needs it: Ungültige Quelle
    unknown: str = "Unbekannter"
    limit: int = 80  # how much of a bad value is quoted
    max_length: int = MAX_CELL


def check_row(name: str, row: Row, rules: Mapping[str, Rule]) -> list[Problem]:
    """Every rule of ``rules`` against one row; problems in column order."""
    found: list[Problem] = []

    def add(message: str) -> None:
        found.append(Problem(name, row.line, message))

    for column, rule in rules.items():
        cell = row[column]
        if rule.required and not cell:
            add(f"Pflichtfeld '{column}' ist leer.")
            continue
        if len(cell) > rule.max_length:
            add(f"Spalte '{column}' ist länger als {rule.max_length} Zeichen.")
            continue
        for value in split_list(cell) if rule.items else ((cell,) if cell else ()):
            shown = value[: rule.limit]
            if rule.choices is not None and value not in rule.choices:
                allowed = list(rule.choices)
                add(
                    f"{rule.unknown} {rule.label} '{shown}' in Spalte '{column}'{suggest(value, allowed)} – "
                    f"erlaubt: {', '.join(allowed)}"
                )
            elif (rule.pattern is not None and not rule.pattern.match(value)) or (
                rule.valid is not None and not rule.valid(value)
            ):
                add(f"{rule.invalid} {rule.label} '{shown}' in Spalte '{column}' – {rule.expected}")
    return found


def region_key(required: bool = False) -> Rule:
    return Rule(
        "Regionalschlüssel",
        required=required,
        pattern=CSV_RS_PATTERN,
        expected="erwartet 5, 9 oder 12 Ziffern (führende Null! In Excel die Spalte als Text formatieren).",
    )


def source_urls(items: bool, required: bool = False) -> Rule:
    return Rule(
        "Quelle",
        required=required,
        valid=is_web_url,
        items=items,
        invalid="Ungültige",
        expected="nur http(s)-Adressen" + (", mehrere mit „|“ trennen." if items else "."),
    )


def period(required: bool = False) -> Rule:
    return Rule(
        "Zeitangabe",
        required=required,
        valid=is_period,
        invalid="Ungültige",
        expected="wann die Quelle es sagte: JJJJ, JJJJ-MM oder JJJJ-MM-TT, auch als Spanne mit „–“ (z. B. 2014–2016).",
    )


def date(required: bool = False) -> Rule:
    return Rule("Datum", required=required, valid=is_date, invalid="Ungültiges", expected="erwartet JJJJ-MM-TT.")


def free_text(required: bool = False) -> Rule:
    return Rule(required=required)


def choice(
    label: str, choices: Collection[str], required: bool = False, items: bool = False, unknown: str = "Unbekannter"
) -> Rule:
    return Rule(label, required=required, choices=tuple(choices), items=items, unknown=unknown)
