"""Read the hand-maintained ``;``-separated UTF-8 CSV files and report every problem at once."""

from __future__ import annotations

import csv
import difflib
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from geo.data.errors import Problem
from geo.data.paths import display_path

DELIMITER = ";"
LIST_SEPARATOR = "|"
SAVE_AS_UTF8 = (
    "Bitte als UTF-8 speichern – Excel: „Speichern unter“ → „CSV UTF-8 (durch Trennzeichen "
    "getrennt)“; LibreOffice: „Speichern unter“ → Dateityp „Text CSV“, Zeichensatz „Unicode (UTF-8)“, "
    "Feldtrennzeichen „;“."
)

TOO_FEW = "abgeschnittene Zeile oder fehlendes „;“?"
TOO_MANY = "ein „;“ zu viel? Text mit „;“ muss in Anführungszeichen stehen"


@dataclass(frozen=True)
class Row:
    """One data record: its physical line number and its cells by column name.

    ``known`` are the file's declared columns; an optional column absent from the file reads as ``""``,
    a name that is not a column of the file raises ``KeyError`` (a typo in code, not in the data).
    """

    line: int
    cells: dict[str, str]
    known: frozenset[str] = frozenset()

    def __getitem__(self, column: str) -> str:
        if column not in self.cells and column not in self.known:
            raise KeyError(f"column {column!r} is not declared for this file (known: {sorted(self.known)})")
        return self.cells.get(column, "")


def decode_text(data: bytes, name: str) -> tuple[str | None, list[Problem]]:
    """Decode file bytes as UTF-8 (BOM allowed); anything else is a problem, never mojibake."""
    if not data.strip():
        return None, [Problem(name, None, "Die Datei ist leer.")]
    if data.startswith(b"PK\x03\x04"):
        return None, [Problem(name, None, "Das ist eine Excel-Arbeitsmappe (.xlsx), keine CSV-Datei. " + SAVE_AS_UTF8)]
    if b"\x00" in data:
        return None, [
            Problem(name, None, "Die Datei enthält Binärdaten (Null-Bytes) – keine Textdatei. " + SAVE_AS_UTF8)
        ]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        byte = data[exc.start]
        hint = ""
        try:
            snippet = data[exc.start : exc.start + 1].decode("cp1252")
            hint = f" (in Windows-1252 wäre das „{snippet}“ – vermutlich als „CSV (Trennzeichen-getrennt)“ gespeichert)"
        except UnicodeDecodeError:
            pass
        return None, [
            Problem(name, line, f"Die Datei ist nicht UTF-8-kodiert: Byte 0x{byte:02X}{hint}. " + SAVE_AS_UTF8)
        ]


def read_table(path: Path, required: Sequence[str], optional: Sequence[str] = ()) -> tuple[list[Row], list[Problem]]:
    """Read a CSV file (I/O) into rows; structural problems are returned, not raised.

    Blank rows (only delimiters or whitespace, as Excel leaves them) are skipped. Cells are
    stripped of surrounding whitespace. Rows with the wrong number of fields are reported
    and left out.
    """
    name = display_path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return [], [Problem(name, None, "Die Datei fehlt.")]
    except OSError as exc:
        return [], [Problem(name, None, f"Die Datei kann nicht gelesen werden: {exc.strerror}.")]
    text, problems = decode_text(data, name)
    if text is None:
        return [], problems

    reader = csv.reader(io.StringIO(text, newline=""), delimiter=DELIMITER, strict=True)
    records: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for record in reader:
            records.append((start, record))
            start = reader.line_num + 1
    except csv.Error as exc:
        problems.append(
            Problem(
                name,
                start,
                f"Fehlerhafte Anführungszeichen ab dieser Zeile "
                f'({exc}); ein Feld mit „"“ muss vollständig in "…" stehen.',
            )
        )
        return [], problems
    if not records:
        return [], [Problem(name, None, "Die Datei ist leer.")]

    header = [h.strip() for h in records[0][1]]
    header_problems = _check_header(name, header, required, optional)
    if header_problems:
        return [], header_problems

    rows: list[Row] = []
    for line, record in records[1:]:
        if all(not cell.strip() for cell in record):
            continue
        if len(record) != len(header):
            hint = TOO_FEW if len(record) < len(header) else TOO_MANY
            message = f"Die Zeile hat {len(record)} Felder, erwartet sind {len(header)} ({hint})."
            problems.append(Problem(name, line, message))
            continue
        cells = {h: cell.strip() for h, cell in zip(header, record, strict=True)}
        rows.append(Row(line, cells, frozenset([*required, *optional])))
    return rows, problems


def _check_header(name: str, header: list[str], required: Sequence[str], optional: Sequence[str]) -> list[Problem]:
    if len(header) == 1:
        for other, label in ((",", "Komma"), ("\t", "Tabulator")):
            if other in header[0]:
                return [Problem(name, 1, f"Falsches Trennzeichen: {label} statt Semikolon „;“. " + SAVE_AS_UTF8)]
    problems = []
    seen: set[str] = set()
    for column in header:
        if column in seen:
            problems.append(Problem(name, 1, f"Spalte '{column}' kommt doppelt vor."))
        seen.add(column)
    known = [*required, *optional]
    for column in header:
        if column not in known:
            problems.append(
                Problem(name, 1, f"Unbekannte Spalte '{column}'{suggest(column, known)} – erlaubt: {', '.join(known)}")
            )
    for column in required:
        if column not in seen:
            problems.append(Problem(name, 1, f"Pflichtspalte '{column}' fehlt."))
    return problems


def suggest(value: str, choices: Sequence[str]) -> str:
    """`` (meinten Sie 'x'?)`` for the nearest choice, or an empty string."""
    match = difflib.get_close_matches(value.lower(), list(choices), n=1, cutoff=0.6)
    return f" (meinten Sie '{match[0]}'?)" if match else ""


def split_list(cell: str) -> tuple[str, ...]:
    """Split a list cell at ``|``; empty items are dropped."""
    return tuple(item.strip() for item in cell.split(LIST_SEPARATOR) if item.strip())
