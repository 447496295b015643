"""The Gemeinde gazetteer for „Ort suchen“: every Gemeinde of VG250 2016 with its Kreis and a point inside.

Written by ``python -m geo build-boundaries`` into ``data/orte.csv`` (≈ 0,5 MB): one line per Gemeinde
(and gemeindefreies Gebiet) – Regionalschlüssel (12 digits), name, Kreis (``BEZ GEN`` of the Kreis-level
unit), and a point that lies inside the Gemeinde (shapely's ``representative_point``, WGS84, 4 decimals ≈
10 m). Sorted by key; the same input gives the same bytes. The Land follows from the first two digits.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from shapely.geometry import shape
from shapely.ops import unary_union

from geo.build.vg250 import iter_features

LAND = 4  # VG250 GF: land with structure (the Gemeinde proper; GF 2 are its waters)
COLUMNS = ("rs", "name", "kreis", "lon", "lat")


def build_gazetteer(tarball: Path) -> bytes:
    """``orte.csv`` as bytes (semicolon-separated, UTF-8, LF)."""
    kreise = {
        p["RS"]: f"{p['BEZ']} {p['GEN']}"
        for p in (f["properties"] for f in iter_features(tarball, "kreise"))
        if p["GF"] == LAND
    }
    names: dict[str, str] = {}
    shapes: dict[str, list] = {}  # type: ignore[type-arg]
    for feature in iter_features(tarball, "gemeinden"):
        props = feature["properties"]
        if props["GF"] != LAND:
            continue
        names[props["RS"]] = props["GEN"]
        shapes.setdefault(props["RS"], []).append(shape(feature["geometry"]))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(COLUMNS)
    for rs in sorted(names):
        geometry = shapes[rs][0] if len(shapes[rs]) == 1 else unary_union(shapes[rs])
        point = geometry.representative_point()
        writer.writerow([rs, names[rs], kreise.get(rs[:5], ""), f"{point.x:.4f}", f"{point.y:.4f}"])
    return out.getvalue().encode("utf-8")
