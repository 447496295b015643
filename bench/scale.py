"""A generated data folder with every Kreis of Germany as a partner (benchmark only, not product data)."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
import time
from pathlib import Path

from geo.build.boundaries import write_atomic
from geo.build.demography import build_demography, fetch_districts
from geo.build.vg250 import iter_features
from geo.data.partners import COLUMNS
from geo.data.paths import DATA_DIR, ROOT
from geo.data.sources import LAENDER


def all_kreise(tarball: Path) -> dict[str, tuple[str, str]]:
    """RS → (name, BEZ) of every Kreis and kreisfreie Stadt in VG250 2016."""
    found = {}
    for feature in iter_features(tarball, "kreise"):
        p = feature["properties"]
        found[p["RS"]] = (p["GEN"], p["BEZ"])
    return dict(sorted(found.items()))


def make_data_dir(target: Path, tarball: Path, tolerance_m: float) -> tuple[int, float]:
    """Write a complete data folder for all Kreise; returns (number of regions, build seconds)."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("themes.csv", "context.geojson"):
        shutil.copy(DATA_DIR / name, target / name)
    slugs = [row["slug"] for row in csv.DictReader((DATA_DIR / "themes.csv").open(encoding="utf-8"), delimiter=";")]
    kreise = all_kreise(tarball)
    with (target / "partners.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=";", lineterminator="\n")
        writer.writerow(COLUMNS)
        for i, (rs, (name, bez)) in enumerate(kreise.items()):
            themes = " | ".join(sorted({slugs[int(rs) % len(slugs)], slugs[(int(rs) // 7) % len(slugs)]}))
            writer.writerow(
                [
                    rs,
                    name,
                    bez,
                    LAENDER[rs[:2]],
                    "Federführung" if i == 0 else "Kooperationspartner",
                    f"Benchmark-Projekt {rs}",
                    "",
                    themes,
                    "",
                    "",
                    "",
                    "https://example.org/benchmark",
                    "2026",
                    "2026-11-25",
                    "generiert für den Benchmark",
                ]
            )
    (target / "contacts.csv").write_text(
        "rs;organisation;personen;adresse;telefon;email;ort_rs;lage;quelle;stand;erfasst;anmerkung\n", encoding="utf-8"
    )
    write_atomic(target / "demography.csv", build_demography(fetch_districts(), set(kreise))[0])
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "geo", "build-boundaries", "--data-dir", str(target), "--tolerance", str(tolerance_m)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return len(kreise), time.perf_counter() - start
