"""Population and area of the Kreise (Destatis, via the npm package ``landkreise-deutschland``)."""

from __future__ import annotations

import csv
import io
import tarfile
from collections.abc import Collection
from pathlib import Path

import pandas as pd

from geo.errors import Problem, SourceError
from geo.tables import display_path, read_table
from geo.vg250 import fetch_package

PACKAGE = "landkreise-deutschland@3.0.0"
TARBALL = "landkreise-deutschland-3.0.0.tgz"
TARBALL_SHA256 = "42f24bff2aae8d91750c85920d3cfa093e6535d93d24afdd7f78083e8eb085c2"
STAND = "2018-12-31"
SOURCE = "Destatis, Gemeindeverzeichnis „04-kreise“, über npm-Paket landkreise-deutschland@3.0.0"
LICENCE = "CC BY 4.0"
COLUMNS = ("rs", "einwohner", "flaeche_km2", "einwohner_je_km2", "stand", "quelle", "lizenz")


def fetch_districts() -> str:
    """``package/data/districts.csv`` of the cached tarball (I/O; npm on first use)."""
    tarball = fetch_package(PACKAGE, TARBALL, TARBALL_SHA256)
    with tarfile.open(tarball, "r:gz") as tar:
        member = tar.extractfile("package/data/districts.csv")
        if member is None:
            raise SourceError(f"{TARBALL}: data/districts.csv fehlt.")
        return member.read().decode("utf-8")


def build_demography(districts_csv: str, keys: Collection[str]) -> tuple[bytes, set[str]]:
    """Rows of ``districts.csv`` for the given Kreis keys → our ``demography.csv`` bytes. Pure.

    Returns the file content and the keys not found (e.g. Samtgemeinden: not in the source).
    """
    wanted = set(keys)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(COLUMNS)
    found = set()
    for row in sorted(csv.DictReader(io.StringIO(districts_csv), delimiter=";"), key=lambda r: r["AGS"]):
        if row["AGS"] not in wanted:
            continue
        population, area = int(row["population"]), float(row["area_km2"])
        writer.writerow([row["AGS"], population, f"{area:.2f}", f"{population / area:.1f}", STAND, SOURCE, LICENCE])
        found.add(row["AGS"])
    return out.getvalue().encode("utf-8"), wanted - found


def read_demography(path: Path, partner_keys: Collection[str]) -> tuple[pd.DataFrame, list[Problem]]:
    """Read and check ``demography.csv`` (I/O). The file is optional: absent means no figures."""
    empty = pd.DataFrame(columns=list(COLUMNS)).set_index("rs")
    if not path.exists():
        return empty, []
    rows, problems = read_table(path, COLUMNS)
    name = display_path(path)
    records = []
    for row in rows:
        try:
            record = {"rs": row["rs"], "einwohner": int(row["einwohner"]), "flaeche_km2": float(row["flaeche_km2"]),
                      "einwohner_je_km2": float(row["einwohner_je_km2"]), "stand": row["stand"],
                      "quelle": row["quelle"], "lizenz": row["lizenz"]}
        except ValueError:
            problems.append(Problem(name, row.line, "Einwohner und Flächen müssen Zahlen sein (Punkt als Dezimal"
                                    "zeichen) – Datei mit „python -m geo build-demography“ neu erzeugen."))
            continue
        if row["rs"] not in partner_keys:
            problems.append(Problem(name, row.line, f"Regionalschlüssel '{row['rs']}' gehört zu keinem Partner."))
            continue
        records.append(record)
    if not records:
        return empty, problems
    return pd.DataFrame(records).set_index("rs"), problems
