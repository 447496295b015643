"""Read and check ``termine.csv``: dated events of the Dachprojekt and the Teilprojekte, each with its source.

An empty ``rs`` means the Dachprojekt. The file is optional: absent means no events (the timeline then shows
the Laufzeiten only).
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import pandas as pd

from geo.data import rules
from geo.data.errors import Problem
from geo.data.paths import display_path
from geo.data.reader import read_table
from geo.data.rules import Rule, check_row

COLUMNS = ("datum", "rs", "ereignis", "quelle", "erfasst")
OPTIONAL = ("anmerkung", "ereignis_en")  # ereignis_en: the event in English, our words
RULES: dict[str, Rule] = {
    "datum": rules.date(required=True),
    "rs": rules.region_key(),
    "ereignis": rules.free_text(required=True),
    "quelle": rules.source_urls(items=False, required=True),
    "erfasst": rules.date(required=True),
    "anmerkung": rules.free_text(),
    "ereignis_en": rules.free_text(),
}


def empty_events() -> pd.DataFrame:
    return pd.DataFrame(columns=[*COLUMNS, *OPTIONAL, "line"])


def read_events(path: Path, partner_keys: Collection[str] | None) -> tuple[pd.DataFrame, list[Problem]]:
    """Read ``termine.csv`` (I/O), sorted by date; rows with problems are left out, every problem returned.

    ``partner_keys`` ``None``: partners.csv could not be read, so keys are not checked against it.
    """
    if not path.exists():
        return empty_events(), []
    rows, problems = read_table(path, COLUMNS, OPTIONAL)
    name = display_path(path)
    records = []
    for row in rows:
        found = check_row(name, row, RULES)
        if row["rs"] and not found and partner_keys is not None and row["rs"] not in partner_keys:
            found.append(
                Problem(
                    name,
                    row.line,
                    f"Regionalschlüssel '{row['rs']}' in Spalte 'rs' gehört zu keinem Partner in partners.csv "
                    "(leer lassen für Termine des Dachprojekts).",
                )
            )
        problems.extend(found)
        if not found:
            records.append({**{c: row[c] for c in (*COLUMNS, *OPTIONAL)}, "line": row.line})
    if not records:
        return empty_events(), problems
    events = pd.DataFrame(records, columns=[*COLUMNS, *OPTIONAL, "line"])
    return events.sort_values(["datum", "line"]).reset_index(drop=True), problems
