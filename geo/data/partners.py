"""Read and check ``partners.csv`` (one row per project partner)."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import pandas as pd

from geo.data import rules
from geo.data.errors import Problem
from geo.data.paths import display_path
from geo.data.reader import read_table, split_list
from geo.data.rules import Rule, check_row
from geo.data.sources import LAENDER

COLUMNS = (
    "rs",
    "name",
    "typ",
    "land",
    "rolle",
    "teilprojekt",
    "laufzeit",
    "themen",
    "kurzbeschreibung",
    "ergebnisse",
    "zustaendig",
    "quellen",
    "stand",
    "erfasst",
    "anmerkung",
)
# What was looked for where a field has no source („nicht dokumentiert“), and where: shown instead of bare gaps;
# the English summary of the Teilprojekt (an English gloss of its German title, summary, one line per result),
# in our own words from the same sources: shown on English pages (results only while there is one English
# line per German one), the German stays the reference.
OPTIONAL = ("gesucht", "teilprojekt_en", "kurzbeschreibung_en", "ergebnisse_en")
TYPES = (
    "Kreis",
    "Landkreis",
    "Kreisfreie Stadt",
    "Stadtkreis",
    "Regionalverband",
    "Städteregion",
    "Samtgemeinde",
    "Amt",
    "Verbandsgemeinde",
    "Verwaltungsgemeinschaft",
    "Stadt",
    "Gemeinde",
)
ROLES = ("Federführung", "Kooperationspartner")
LEAD = "Federführung"
LIST_COLUMNS = ("themen", "ergebnisse", "quellen", "ergebnisse_en")


def partner_rules(theme_slugs: Collection[str]) -> dict[str, Rule]:
    """The rule of every column of ``partners.csv``."""
    return {
        "rs": rules.region_key(required=True),
        "name": rules.free_text(required=True),
        "typ": rules.choice("Typ", TYPES, required=True),
        "land": rules.choice("Land", LAENDER.values(), required=True, unknown="Unbekanntes"),
        "rolle": rules.choice("Rolle", ROLES, required=True, unknown="Unbekannte"),
        "teilprojekt": rules.free_text(),
        "laufzeit": rules.free_text(),
        "themen": rules.choice("Thema", theme_slugs, items=True, unknown="Unbekanntes"),
        "kurzbeschreibung": rules.free_text(),
        "ergebnisse": Rule(items=True),
        "zustaendig": rules.free_text(),
        "quellen": rules.source_urls(items=True, required=True),
        "stand": rules.period(required=True),
        "erfasst": rules.date(required=True),
        "anmerkung": rules.free_text(),
        "gesucht": rules.free_text(),
        "teilprojekt_en": rules.free_text(),
        "kurzbeschreibung_en": rules.free_text(),
        "ergebnisse_en": Rule(items=True),
    }


def read_partners(path: Path, theme_slugs: Collection[str]) -> tuple[pd.DataFrame, list[Problem]]:
    """Read ``partners.csv`` (I/O) into a DataFrame indexed by ``rs``; list cells become tuples.

    Rows with problems are left out of the table; every problem is returned. The keys of rows left out
    are in ``partners.attrs["rejected"]``: other files may name them without a second message for one typo.
    """
    rows, problems = read_table(path, COLUMNS, OPTIONAL)
    name = display_path(path)
    table = partner_rules(theme_slugs)
    records = []
    rejected: set[str] = set()
    first_line: dict[str, int] = {}
    leads: list[int] = []
    for row in rows:
        row_problems = check_row(name, row, table)
        rs = row["rs"]
        if rs in first_line:
            row_problems.append(
                Problem(name, row.line, f"Doppelter Regionalschlüssel '{rs}' (schon in Zeile {first_line[rs]}).")
            )
        first_line.setdefault(rs, row.line)
        if row["rolle"] == LEAD:
            leads.append(row.line)
        problems.extend(row_problems)
        if row_problems:
            rejected.add(rs)
        else:
            record: dict[str, object] = {column: row[column] for column in (*COLUMNS, *OPTIONAL)}
            for column in LIST_COLUMNS:
                record[column] = split_list(row[column])
            record["display_name"] = display_name(row["typ"], row["name"])
            record["line"] = row.line
            records.append(record)
    if len(leads) > 1:
        problems.append(
            Problem(name, leads[1], f"Mehr als ein Partner mit Rolle '{LEAD}' (Zeilen {', '.join(map(str, leads))}).")
        )
    partners = pd.DataFrame(records, columns=[*COLUMNS, *OPTIONAL, "display_name", "line"])
    partners = partners.set_index("rs", drop=False).rename_axis(None)
    partners.attrs["rejected"] = frozenset(rejected - set(partners.index))
    return partners, problems


def display_name(typ: str, name: str) -> str:
    """``Kreis Dithmarschen``, ``Stadt Buchholz in der Nordheide`` (made once, as the ``display_name`` column)."""
    return f"{typ} {name}".strip()
