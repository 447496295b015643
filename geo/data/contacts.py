"""Read and check ``contacts.csv``: published contacts of the Dachprojekt and Teilprojekte."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import pandas as pd

from geo.data import rules
from geo.data.checks import is_email, is_phone
from geo.data.errors import Problem
from geo.data.paths import display_path
from geo.data.reader import Row, read_table, split_list
from geo.data.rules import Rule, check_row
from geo.data.sources import GERMANY_BOUNDS

COLUMNS = (
    "rs",
    "organisation",
    "personen",
    "adresse",
    "telefon",
    "email",
    "ort_rs",
    "lage",
    "quelle",
    "stand",
    "erfasst",
    "anmerkung",
)
OPTIONAL = ("lon", "lat")
# How precisely the marker sits: at the published address (needs lon/lat), somewhere in the
# municipality, or only somewhere in the Kreis. Never more precise than the source.
PRECISIONS = {"adresse": "Adresse", "gemeinde": "Gemeinde", "kreis": "Kreis"}


def read_contacts(path: Path, partner_keys: Collection[str] | None) -> tuple[pd.DataFrame, list[Problem]]:
    """Read ``contacts.csv`` (I/O). An empty ``rs`` means a contact of the Dachprojekt.

    ``partner_keys`` ``None``: partners.csv could not be read, so keys are not checked against it.
    """
    rows, problems = read_table(path, COLUMNS, OPTIONAL)
    name = display_path(path)
    records = []
    for row in rows:
        found = _check_row(name, row, partner_keys)
        problems.extend(found)
        if not found:
            record: dict[str, object] = dict(row.cells)
            record["personen"] = split_list(row["personen"])
            record["line"] = row.line
            records.append(record)
    return pd.DataFrame(records, columns=[*COLUMNS, *OPTIONAL, "line"]), problems


def contact_rules() -> dict[str, Rule]:
    """The rule of every column of ``contacts.csv`` (``lon``/``lat`` are checked with ``lage``)."""
    return {
        "rs": rules.region_key(),
        "organisation": rules.free_text(required=True),
        "personen": Rule(items=True),
        "adresse": rules.free_text(),
        "telefon": Rule(
            "Telefonnummer",
            valid=is_phone,
            invalid="Ungültige",
            limit=40,
            expected="nur Ziffern, Leerzeichen, / - ( ) und ein führendes +.",
        ),
        "email": Rule(
            "E-Mail-Adresse",
            valid=is_email,
            invalid="Ungültige",
            expected="eine Adresse ohne „mailto:“, z. B. name@kreis.de.",
        ),
        "ort_rs": rules.region_key(required=True),
        "lage": rules.choice("Lage", PRECISIONS, required=True, unknown="Unbekannte"),
        "quelle": rules.source_urls(items=False, required=True),
        "stand": rules.period(required=True),
        "erfasst": rules.date(required=True),
        "anmerkung": rules.free_text(),
    }


def _check_row(name: str, row: Row, partner_keys: Collection[str] | None) -> list[Problem]:
    found = check_row(name, row, contact_rules())
    known = partner_keys is None or row["rs"] in partner_keys
    if row["rs"] and rules.CSV_RS_PATTERN.match(row["rs"]) and not known:
        found.append(
            Problem(
                name,
                row.line,
                f"Regionalschlüssel '{row['rs']}' in Spalte 'rs' gehört zu keinem "
                "Partner in partners.csv (leer lassen für Kontakte des Dachprojekts).",
            )
        )
    if row["lage"] == "adresse":
        found.extend(_check_position(name, row))
    elif row["lon"] or row["lat"]:
        found.append(Problem(name, row.line, "Koordinaten (lon/lat) nur bei Lage 'adresse' angeben."))
    return found


def _check_position(name: str, row: Row) -> list[Problem]:
    try:
        lon, lat = float(row["lon"].replace(",", ".")), float(row["lat"].replace(",", "."))
    except ValueError:
        return [
            Problem(
                name,
                row.line,
                "Lage 'adresse' braucht Koordinaten in 'lon' und 'lat' (Dezimalgrad WGS84, z. B. 9.4378 und 54.7833).",
            )
        ]
    west, south, east, north = GERMANY_BOUNDS
    if not (west <= lon <= east and south <= lat <= north):
        return [Problem(name, row.line, f"Koordinaten {lon}, {lat} liegen nicht in Deutschland (lon/lat vertauscht?).")]
    return []
