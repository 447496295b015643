"""The data states of ``bench/datachange.py``: marked copies of ``data/``, a typo, atomic replacement.

Kept apart from the Locust run so that the tests can use them without importing Locust (gevent patches the
standard library on import).
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from pathlib import Path

from geo.data.paths import DATA_DIR

SEGEBERG = "01060"


def write_state(folder: Path, marker: str) -> None:
    """A complete copy of data/ whose Teilprojekt titles and events end in ``marker``."""
    folder.mkdir(parents=True)
    for path in DATA_DIR.iterdir():
        if path.is_file() and not path.name.startswith("."):
            (folder / path.name).write_bytes(path.read_bytes())
    mark(folder / "partners.csv", "teilprojekt", marker)
    mark(folder / "termine.csv", "ereignis", marker)


def mark(path: Path, column: str, marker: str) -> None:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter=";")
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    for row in rows:
        if row[column].strip():
            row[column] = f"{row[column]} {marker}"
    replace(path, fields, rows)


def replace(path: Path, fields: list[str], rows: list[dict[str, str]]) -> None:
    """Write a CSV atomically: a temporary file in the same folder, then a rename (as deploy/README.md says)."""
    temporary = path.with_name(f".{path.name}.tmp")
    with temporary.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fields, delimiter=";", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    os.replace(temporary, path)


@dataclass(frozen=True)
class Versions:
    """``partners.csv`` of state B as it is, and with Segeberg's type misspelt."""

    fields: list[str]
    valid: list[dict[str, str]]
    typo: list[dict[str, str]]

    @classmethod
    def of(cls, path: Path) -> Versions:
        with path.open(encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f, delimiter=";")
            fields = list(reader.fieldnames or [])
            rows = list(reader)
        assert any(row["rs"] == SEGEBERG for row in rows)
        return cls(fields, rows, [dict(row, typ="Kries") if row["rs"] == SEGEBERG else row for row in rows])


def point(link: Path, target: Path) -> None:
    """Swap the served folder at once: a new symlink, renamed over the old one."""
    temporary = link.with_name(link.name + ".new")
    temporary.unlink(missing_ok=True)
    temporary.symlink_to(target)
    os.replace(temporary, link)
