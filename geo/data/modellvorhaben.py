"""Read and check ``modellvorhaben.csv``: federal model programmes on partner territory, as context.

One row per programme: name (German, as the sources write it, and an English gloss), years, the partners on
whose territory it ran (``rs``, several with „|“), their role and the sources. No source links these
programmes to the Dachprojekt; the dashboard says so wherever it shows them. The file is optional.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import pandas as pd

from geo.data import rules
from geo.data.errors import Problem
from geo.data.paths import display_path
from geo.data.reader import read_table, split_list
from geo.data.rules import Rule, check_row

COLUMNS = ("programm", "programm_en", "jahre", "rs", "rolle", "rolle_en", "quelle", "erfasst")
RULES: dict[str, Rule] = {
    "programm": rules.free_text(required=True),
    "programm_en": rules.free_text(required=True),
    "jahre": rules.period(required=True),
    "rs": Rule(
        "Regionalschlüssel",
        required=True,
        pattern=rules.CSV_RS_PATTERN,
        items=True,
        expected="erwartet 5, 9 oder 12 Ziffern, mehrere mit „|“ trennen.",
    ),
    "rolle": rules.free_text(required=True),
    "rolle_en": rules.free_text(required=True),
    "quelle": rules.source_urls(items=True, required=True),
    "erfasst": rules.date(required=True),
}


def empty_programmes() -> pd.DataFrame:
    return pd.DataFrame(columns=[*COLUMNS, "line"])


def read_programmes(path: Path, partner_keys: Collection[str] | None) -> tuple[pd.DataFrame, list[Problem]]:
    """Read ``modellvorhaben.csv`` (I/O); ``rs`` and ``quelle`` become tuples. Rows with problems are left out."""
    if not path.exists():
        return empty_programmes(), []
    rows, problems = read_table(path, COLUMNS, ())
    name = display_path(path)
    records = []
    for row in rows:
        found = check_row(name, row, RULES)
        keys = split_list(row["rs"])
        unknown = [k for k in keys if partner_keys is not None and k not in partner_keys]
        if not found and unknown:
            found.append(
                Problem(
                    name, row.line, f"Regionalschlüssel {', '.join(unknown)} gehört zu keinem Partner in partners.csv."
                )
            )
        problems.extend(found)
        if not found:
            records.append(
                {**{c: row[c] for c in COLUMNS}, "rs": keys, "quelle": split_list(row["quelle"]), "line": row.line}
            )
    if not records:
        return empty_programmes(), problems
    return pd.DataFrame(records, columns=[*COLUMNS, "line"]), problems
