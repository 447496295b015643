"""Read and check the GeoJSON FeatureCollections that ``build-boundaries`` writes (boundaries, places, context).

Every problem comes back as a :class:`Problem` with the file and what to do (rebuild); nothing is raised.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import geopandas as gpd
import shapely
from shapely.geometry import shape

from geo.data.errors import Problem
from geo.data.paths import display_path
from geo.data.sources import GERMANY_BOUNDS

REBUILD = "neu erzeugen mit: python -m geo build-boundaries"


def read_features(path: Path, geometry_types: tuple[str, ...]) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """Read a GeoJSON FeatureCollection written by build-boundaries, checking it (I/O)."""
    name = display_path(path)
    empty = gpd.GeoDataFrame({"geometry": []}, geometry="geometry", crs=4326)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return empty, [Problem(name, None, f"Die Datei fehlt – {REBUILD}")]
    if not raw.strip():
        return empty, [Problem(name, None, f"Die Datei ist leer – {REBUILD}")]
    try:
        doc = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return empty, [Problem(name, None, f"Keine UTF-8-Textdatei (Binärdaten?) – {REBUILD}")]
    except json.JSONDecodeError as exc:
        return empty, [
            Problem(
                name, exc.lineno, f"Ungültiges JSON in Spalte {exc.colno}: {exc.msg} (Datei abgeschnitten?) – {REBUILD}"
            )
        ]
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection" or not isinstance(doc.get("features"), list):
        return empty, [Problem(name, None, f"Keine GeoJSON-FeatureCollection – {REBUILD}")]
    crs = json.dumps(doc.get("crs", ""))
    if doc.get("crs") and "CRS84" not in crs and "4326" not in crs:
        return empty, [
            Problem(name, None, f"Falsches Koordinatensystem {crs[:80]} – erwartet WGS84 (EPSG:4326) – {REBUILD}")
        ]
    problems: list[Problem] = []
    records: dict[str, dict[str, Any]] = {}
    for number, feature in enumerate(doc["features"], start=1):
        record, found = _check_feature(name, number, feature, geometry_types)
        problems.extend(found)
        if record is None:
            continue
        if record["RS"] in records:
            problems.append(Problem(name, None, f"Gebiet {record['RS']} kommt doppelt vor."))
            continue
        records[record["RS"]] = record
    if not records:
        return empty, problems
    areas = gpd.GeoDataFrame(list(records.values()), geometry="geometry", crs=4326)
    return areas.set_index("RS").rename_axis(None), problems


def _check_feature(
    name: str, number: int, feature: Any, geometry_types: tuple[str, ...]
) -> tuple[dict[str, Any] | None, list[Problem]]:
    where = f"Feature {number}"
    if not isinstance(feature, dict) or not isinstance(feature.get("properties"), dict):
        return None, [Problem(name, None, f"{where}: kein gültiges GeoJSON-Feature.")]
    props = feature["properties"]
    rs = str(props.get("RS", ""))
    where += f" (RS {rs})" if rs else ""
    if not rs:
        return None, [Problem(name, None, f"{where}: Eigenschaft 'RS' fehlt.")]
    try:
        geometry = shape(feature.get("geometry") or {})
    except Exception as exc:  # shapely raises many types for malformed coordinates
        return None, [Problem(name, None, f"{where}: Geometrie nicht lesbar ({type(exc).__name__}).")]
    if geometry.geom_type not in geometry_types:
        return None, [
            Problem(
                name, None, f"{where}: Geometrietyp {geometry.geom_type}, erwartet {' oder '.join(geometry_types)}."
            )
        ]
    if geometry.is_empty:
        return None, [Problem(name, None, f"{where}: leere Geometrie.")]
    west, south, east, north = GERMANY_BOUNDS
    minx, miny, maxx, maxy = geometry.bounds
    if not all(math.isfinite(v) for v in geometry.bounds) or minx < west or maxx > east or miny < south or maxy > north:
        return None, [
            Problem(
                name,
                None,
                f"{where}: Koordinaten ({minx:.0f}, {miny:.0f}) liegen nicht "
                "in Deutschland in WGS84 – andere Projektion (z. B. EPSG:25832)? "
                f"Erwartet EPSG:4326 – {REBUILD}",
            )
        ]
    if not geometry.is_valid:
        reason = shapely.is_valid_reason(geometry)
        return None, [Problem(name, None, f"{where}: ungültige Geometrie ({reason}) – {REBUILD}")]
    record = {key: value for key, value in props.items() if isinstance(value, (str, int, float))}
    record["RS"] = rs
    record["geometry"] = geometry
    return record, []
