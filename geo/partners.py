"""Read and check ``partners.csv`` (one row per project partner)."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import pandas as pd

from geo.checks import DATE_PATTERN, is_region_key, is_web_url
from geo.errors import Problem
from geo.tables import Row, display_path, read_table, split_list, suggest
from geo.vg250 import LAENDER

COLUMNS = (
    "rs", "name", "typ", "land", "rolle", "teilprojekt", "laufzeit", "themen",
    "kurzbeschreibung", "ergebnisse", "zustaendig", "quellen", "stand", "anmerkung",
)
NOT_EMPTY = ("rs", "name", "typ", "land", "rolle", "quellen", "stand")
TYPES = ("Kreis", "Landkreis", "Kreisfreie Stadt", "Stadtkreis", "Regionalverband", "Städteregion",
         "Samtgemeinde", "Amt", "Verbandsgemeinde", "Verwaltungsgemeinschaft", "Stadt", "Gemeinde")
ROLES = ("Federführung", "Kooperationspartner")
LEAD = "Federführung"
LIST_COLUMNS = ("themen", "ergebnisse", "quellen")
MAX_CELL = 5000


def read_partners(path: Path, theme_slugs: Collection[str]) -> tuple[pd.DataFrame, list[Problem]]:
    """Read ``partners.csv`` (I/O) into a frame indexed by ``rs``; list cells become tuples.

    Rows with problems are left out of the frame; every problem is returned.
    """
    rows, problems = read_table(path, COLUMNS)
    name = display_path(path)
    records = []
    first_line: dict[str, int] = {}
    leads: list[int] = []
    for row in rows:
        row_problems = _check_row(name, row, theme_slugs)
        rs = row["rs"]
        if rs in first_line:
            row_problems.append(Problem(name, row.line, f"Doppelter Regionalschlüssel '{rs}' "
                                        f"(schon in Zeile {first_line[rs]})."))
        first_line.setdefault(rs, row.line)
        if row["rolle"] == LEAD:
            leads.append(row.line)
        problems.extend(row_problems)
        if not row_problems:
            record: dict[str, object] = dict(row.cells)
            for column in LIST_COLUMNS:
                record[column] = split_list(row[column])
            record["line"] = row.line
            records.append(record)
    if len(leads) > 1:
        problems.append(Problem(name, leads[1], f"Mehr als ein Partner mit Rolle '{LEAD}' "
                                f"(Zeilen {', '.join(map(str, leads))})."))
    frame = pd.DataFrame(records, columns=[*COLUMNS, "line"])
    return frame.set_index("rs", drop=False).rename_axis(None), problems


def _check_row(name: str, row: Row, theme_slugs: Collection[str]) -> list[Problem]:
    found = []

    def add(message: str) -> None:
        found.append(Problem(name, row.line, message))

    for column in NOT_EMPTY:
        if not row[column]:
            add(f"Pflichtfeld '{column}' ist leer.")
    for column in COLUMNS:
        if len(row[column]) > MAX_CELL:
            add(f"Spalte '{column}' ist länger als {MAX_CELL} Zeichen.")
    if row["rs"] and not is_region_key(row["rs"]):
        add(f"Ungültiger Regionalschlüssel '{row['rs']}' in Spalte 'rs' – erwartet 5, 9 oder 12 "
            "Ziffern (führende Null! In Excel die Spalte als Text formatieren).")
    if row["typ"] and row["typ"] not in TYPES:
        add(f"Unbekannter Typ '{row['typ']}' in Spalte 'typ'{suggest(row['typ'], TYPES)} – "
            f"erlaubt: {', '.join(TYPES)}")
    if row["land"] and row["land"] not in LAENDER.values():
        add(f"Unbekanntes Land '{row['land']}' in Spalte 'land'"
            f"{suggest(row['land'], list(LAENDER.values()))}.")
    if row["rolle"] and row["rolle"] not in ROLES:
        add(f"Unbekannte Rolle '{row['rolle']}' in Spalte 'rolle' – erlaubt: {', '.join(ROLES)}")
    for slug in split_list(row["themen"]):
        if slug not in theme_slugs:
            add(f"Unbekanntes Thema '{slug}' in Spalte 'themen'{suggest(slug, list(theme_slugs))} – "
                f"erlaubt: {', '.join(theme_slugs)}")
    for url in split_list(row["quellen"]):
        if not is_web_url(url):
            add(f"Ungültige Quelle '{url[:80]}' in Spalte 'quellen' – nur http(s)-Adressen, "
                "mehrere mit „|“ trennen.")
    if row["stand"] and not DATE_PATTERN.match(row["stand"]):
        add(f"Ungültiges Datum '{row['stand']}' in Spalte 'stand' – erwartet JJJJ-MM-TT.")
    return found


def display_name(typ: str, name: str) -> str:
    """``Kreis Dithmarschen``, ``Stadt Buchholz in der Nordheide``."""
    return f"{typ} {name}".strip()
