"""Read and check ``verbleib.csv``: what became of each Teilprojekt after 9/2016, dated and with sources.

A row is either an outcome (``datum``, ``verbleib`` and ``verbleib_en``, ``quelle``: one or more addresses
with „|“) or says that nothing was found (``gesucht`` and ``gesucht_en``: what was searched, never an
inference). Every partner has at least one row, and never both kinds. The file is optional: absent means
the question was not asked yet (the dashboard then says nothing about it).
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import pandas as pd

from geo.data import rules
from geo.data.errors import Problem
from geo.data.paths import display_path
from geo.data.reader import Row, read_table, split_list
from geo.data.rules import Rule, check_row

COLUMNS = ("rs", "datum", "verbleib", "verbleib_en", "quelle", "gesucht", "gesucht_en", "erfasst")
OPTIONAL: tuple[str, ...] = ()
RULES: dict[str, Rule] = {
    "rs": rules.region_key(required=True),
    "datum": rules.date(),
    "verbleib": rules.free_text(),
    "verbleib_en": rules.free_text(),
    "quelle": rules.source_urls(items=True),
    "gesucht": rules.free_text(),
    "gesucht_en": rules.free_text(),
    "erfasst": rules.date(required=True),
}
OUTCOME = ("datum", "verbleib", "verbleib_en", "quelle")
NOTHING = ("gesucht", "gesucht_en")


def empty_outcomes() -> pd.DataFrame:
    return pd.DataFrame(columns=[*COLUMNS, "line"])


def _kind_problems(name: str, row: Row) -> list[Problem]:
    """An outcome needs all of OUTCOME, a „nothing found“ row all of NOTHING; a row is one or the other."""
    outcome = [c for c in OUTCOME if row[c]]
    nothing = [c for c in NOTHING if row[c]]
    if outcome and nothing:
        return [
            Problem(
                name,
                row.line,
                "Eine Zeile ist entweder ein Ereignis (datum, verbleib, quelle) oder sagt, "
                "was ohne Ergebnis gesucht wurde (gesucht) – nicht beides.",
            )
        ]
    wanted = OUTCOME if outcome else NOTHING
    missing = [c for c in wanted if not row[c]]
    if missing:
        what = "Ein Ereignis" if outcome else "Eine Zeile ohne Ereignis"
        return [Problem(name, row.line, f"{what} braucht auch {', '.join(repr(c) for c in missing)}.")]
    return []


def read_outcomes(path: Path, partner_keys: Collection[str] | None) -> tuple[pd.DataFrame, list[Problem]]:
    """Read ``verbleib.csv`` (I/O), by partner and date; rows with problems are left out, every problem returned.

    ``partner_keys`` ``None``: partners.csv could not be read, so keys are not checked against it.
    """
    if not path.exists():
        return empty_outcomes(), []
    rows, problems = read_table(path, COLUMNS, OPTIONAL)
    name = display_path(path)
    records = []
    kinds: dict[str, set[str]] = {}
    for row in rows:
        found = check_row(name, row, RULES) or _kind_problems(name, row)
        if not found and partner_keys is not None and row["rs"] not in partner_keys:
            found.append(
                Problem(name, row.line, f"Regionalschlüssel '{row['rs']}' gehört zu keinem Partner in partners.csv.")
            )
        problems.extend(found)
        if found:
            continue
        kind = "verbleib" if row["verbleib"] else "gesucht"
        if kinds.setdefault(row["rs"], set()) - {kind}:
            problems.append(
                Problem(
                    name,
                    row.line,
                    f"Partner {row['rs']} hat schon Ereignisse: eine Zeile „nichts "
                    "gefunden“ passt nicht dazu (oder umgekehrt).",
                )
            )
            continue
        kinds[row["rs"]].add(kind)
        record: dict[str, object] = {c: row[c] for c in COLUMNS}
        record["quelle"] = split_list(row["quelle"])
        records.append({**record, "line": row.line})
    if partner_keys is not None and rows:
        for rs in sorted(set(partner_keys) - set(kinds)):
            problems.append(
                Problem(
                    name,
                    None,
                    f"Partner {rs} fehlt – eine Zeile mit Ereignis oder mit „gesucht“ "
                    "(was ohne Ergebnis gesucht wurde) eintragen.",
                )
            )
    if not records:
        return empty_outcomes(), problems
    outcomes = pd.DataFrame(records, columns=[*COLUMNS, "line"])
    return outcomes.sort_values(["rs", "datum", "line"]).reset_index(drop=True), problems
