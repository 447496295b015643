"""Population and area of the Kreise (Destatis, via the npm package ``landkreise-deutschland``)."""

from __future__ import annotations

import csv
import io
import tarfile
from collections.abc import Collection

from geo.build.vg250 import fetch_package
from geo.data.errors import SourceError

PACKAGE = "landkreise-deutschland@3.0.0"
TARBALL = "landkreise-deutschland-3.0.0.tgz"
TARBALL_SHA256 = "42f24bff2aae8d91750c85920d3cfa093e6535d93d24afdd7f78083e8eb085c2"
STAND = "2018-12-31"
SOURCE = "Destatis, Gemeindeverzeichnis „04-kreise“, über npm-Paket landkreise-deutschland@3.0.0"
LICENCE = (
    "Destatis: Vervielfältigung und Verbreitung, auch auszugsweise, mit Quellenangabe gestattet; "
    "npm-Paket landkreise-deutschland: CC BY 4.0"
)
COLUMNS = ("rs", "einwohner", "flaeche_km2", "einwohner_je_km2", "stand", "quelle", "lizenz")


def fetch_districts() -> str:
    """``package/data/districts.csv`` of the cached tarball (I/O; npm on first use)."""
    tarball = fetch_package(PACKAGE, TARBALL, TARBALL_SHA256)
    with tarfile.open(tarball, "r:gz") as tar:
        member = tar.extractfile("package/data/districts.csv")
        if member is None:
            raise SourceError(f"{TARBALL}: package/data/districts.csv fehlt.")
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
