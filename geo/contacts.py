"""Read and check ``contacts.csv``: published contacts of the Dachprojekt and Teilprojekte."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import pandas as pd

from geo.checks import DATE_PATTERN, is_email, is_phone, is_region_key, is_web_url
from geo.errors import Problem
from geo.tables import Row, display_path, read_table, split_list

COLUMNS = ("rs", "organisation", "personen", "adresse", "telefon", "email", "ort_rs", "lage",
           "quelle", "stand", "anmerkung")
OPTIONAL = ("lon", "lat")
# How precisely the marker sits: at the published address (needs lon/lat), somewhere in the
# municipality, or only somewhere in the Kreis. Never more precise than the source.
PRECISIONS = {"adresse": "Adresse", "gemeinde": "Gemeinde", "kreis": "Kreis"}
GERMANY = (5.5, 47.2, 15.1, 55.1)


def read_contacts(path: Path, partner_keys: Collection[str]) -> tuple[pd.DataFrame, list[Problem]]:
    """Read ``contacts.csv`` (I/O). An empty ``rs`` means a contact of the Dachprojekt."""
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


def _check_row(name: str, row: Row, partner_keys: Collection[str]) -> list[Problem]:
    found = []

    def add(message: str) -> None:
        found.append(Problem(name, row.line, message))

    for column in ("organisation", "ort_rs", "lage", "quelle", "stand"):
        if not row[column]:
            add(f"Pflichtfeld '{column}' ist leer.")
    if row["rs"] and row["rs"] not in partner_keys:
        add(f"Regionalschlüssel '{row['rs']}' in Spalte 'rs' gehört zu keinem Partner in "
            "partners.csv (leer lassen für Kontakte des Dachprojekts).")
    if row["telefon"] and not is_phone(row["telefon"]):
        add(f"Ungültige Telefonnummer '{row['telefon'][:40]}' in Spalte 'telefon' – nur Ziffern, "
            "Leerzeichen, / - ( ) und ein führendes +.")
    if row["email"] and not is_email(row["email"]):
        add(f"Ungültige E-Mail-Adresse '{row['email'][:80]}' in Spalte 'email' (ohne „mailto:“).")
    if row["ort_rs"] and not is_region_key(row["ort_rs"]):
        add(f"Ungültiger Regionalschlüssel '{row['ort_rs']}' in Spalte 'ort_rs' – 5, 9 oder 12 Ziffern.")
    if row["lage"] and row["lage"] not in PRECISIONS:
        add(f"Unbekannte Lage '{row['lage']}' in Spalte 'lage' – erlaubt: {', '.join(PRECISIONS)}")
    if row["quelle"] and not is_web_url(row["quelle"]):
        add(f"Ungültige Quelle '{row['quelle'][:80]}' in Spalte 'quelle' – nur http(s)-Adressen.")
    if row["stand"] and not DATE_PATTERN.match(row["stand"]):
        add(f"Ungültiges Datum '{row['stand']}' in Spalte 'stand' – erwartet JJJJ-MM-TT.")
    if row["lage"] == "adresse":
        found.extend(_check_position(name, row))
    elif row["lon"] or row["lat"]:
        add("Koordinaten (lon/lat) nur bei Lage 'adresse' angeben.")
    return found


def _check_position(name: str, row: Row) -> list[Problem]:
    try:
        lon, lat = float(row["lon"].replace(",", ".")), float(row["lat"].replace(",", "."))
    except ValueError:
        return [Problem(name, row.line, "Lage 'adresse' braucht Koordinaten in 'lon' und 'lat' "
                        "(Dezimalgrad WGS84, z. B. 9.4378 und 54.7833).")]
    west, south, east, north = GERMANY
    if not (west <= lon <= east and south <= lat <= north):
        return [Problem(name, row.line, f"Koordinaten {lon}, {lat} liegen nicht in Deutschland "
                        "(lon/lat vertauscht?).")]
    return []
