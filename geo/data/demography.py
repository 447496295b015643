"""Read and check ``demography.csv`` (written by ``python -m geo build-demography``)."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from geo.data.checks import is_date
from geo.data.errors import Problem
from geo.data.paths import display_path
from geo.data.reader import read_table

COLUMNS = ("rs", "einwohner", "flaeche_km2", "einwohner_je_km2", "stand", "quelle", "lizenz")


class Figures(NamedTuple):
    """One partner's row of ``demography.csv``, typed (a frame's cells are typed as anything)."""

    einwohner: int
    flaeche_km2: float
    einwohner_je_km2: float
    stand: str  # JJJJ-MM-TT
    quelle: str
    lizenz: str


def figures_of(demography: pd.DataFrame, rs: str) -> Figures | None:
    """The figures of partner ``rs``, or ``None`` where the source has none (Samtgemeinden, Städte)."""
    if rs not in demography.index:
        return None
    row = demography.loc[rs].to_dict()  # plain values; one row per key (checked when read)
    return Figures(
        int(row["einwohner"]),
        float(row["flaeche_km2"]),
        float(row["einwohner_je_km2"]),
        str(row["stand"]),
        str(row["quelle"]),
        str(row["lizenz"]),
    )


def read_demography(path: Path, partner_keys: Collection[str] | None) -> tuple[pd.DataFrame, list[Problem]]:
    """Read and check ``demography.csv`` (I/O). The file is optional: absent means no figures.

    ``partner_keys`` ``None``: partners.csv could not be read, so keys are not checked against it.
    """
    empty = pd.DataFrame(columns=list(COLUMNS)).set_index("rs")
    if not path.exists():
        return empty, []
    rows, problems = read_table(path, COLUMNS)
    name = display_path(path)
    records = []
    for row in rows:
        try:
            record = {
                "rs": row["rs"],
                "einwohner": int(row["einwohner"]),
                "flaeche_km2": float(row["flaeche_km2"]),
                "einwohner_je_km2": float(row["einwohner_je_km2"]),
                "stand": row["stand"],
                "quelle": row["quelle"],
                "lizenz": row["lizenz"],
            }
        except ValueError:
            problems.append(
                Problem(
                    name,
                    row.line,
                    "Einwohner und Flächen müssen Zahlen sein (Punkt als Dezimal"
                    "zeichen) – Datei mit „python -m geo build-demography“ neu erzeugen.",
                )
            )
            continue
        if not is_date(row["stand"]):
            problems.append(
                Problem(
                    name,
                    row.line,
                    f"Ungültiges Datum '{row['stand'][:20]}' in Spalte 'stand' – erwartet JJJJ-MM-TT "
                    "(Datei mit „python -m geo build-demography“ neu erzeugen).",
                )
            )
            continue
        if partner_keys is not None and row["rs"] not in partner_keys:
            problems.append(Problem(name, row.line, f"Regionalschlüssel '{row['rs']}' gehört zu keinem Partner."))
            continue
        records.append(record)
    if not records:
        return empty, problems
    return pd.DataFrame(records).set_index("rs"), problems
