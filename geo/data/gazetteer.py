"""Read and check ``orte.csv``, the Gemeinde gazetteer for „Ort suchen“ (written by ``build-boundaries``)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from geo.data.errors import Problem
from geo.data.paths import display_path
from geo.data.reader import read_table
from geo.data.sources import GERMANY_BOUNDS, LAENDER

COLUMNS = ("rs", "name", "kreis", "lon", "lat")
GEMEINDE_RS = re.compile(r"^\d{12}$")
MAX_REPORTED = 20  # a broken file should not bury the page in thousands of lines


def empty_gazetteer() -> pd.DataFrame:
    return pd.DataFrame(columns=["name", "kreis", "land", "lon", "lat"]).rename_axis("rs")


def read_gazetteer(path: Path) -> tuple[pd.DataFrame, list[Problem]]:
    """Read and check ``orte.csv`` (I/O). Optional: absent means the search says so and offers nothing.

    Returns a frame indexed by the 12-digit Regionalschlüssel with name, kreis, land, lon, lat.
    """
    if not path.exists():
        return empty_gazetteer(), []
    rows, problems = read_table(path, COLUMNS)
    name = display_path(path)
    west, south, east, north = GERMANY_BOUNDS
    records = []
    for row in rows:
        rs = row["rs"]
        try:
            lon, lat = float(row["lon"]), float(row["lat"])
        except ValueError:
            lon = lat = float("nan")
        if not GEMEINDE_RS.match(rs) or rs[:2] not in LAENDER:
            problems.append(
                Problem(name, row.line, f"Regionalschlüssel '{rs}' ist kein Gemeindeschlüssel (12 Ziffern).")
            )
        elif not row["name"].strip():
            problems.append(Problem(name, row.line, "Name fehlt."))
        elif not (west <= lon <= east and south <= lat <= north):
            problems.append(Problem(name, row.line, "lon/lat liegen nicht in Deutschland."))
        else:
            records.append(
                {"rs": rs, "name": row["name"], "kreis": row["kreis"], "land": LAENDER[rs[:2]], "lon": lon, "lat": lat}
            )
        if len(problems) >= MAX_REPORTED:
            problems.append(
                Problem(name, None, "weitere Fehler nicht gezeigt – neu erzeugen mit: python -m geo build-boundaries")
            )
            break
    if not records:
        return empty_gazetteer(), problems
    return pd.DataFrame(records).set_index("rs"), problems
