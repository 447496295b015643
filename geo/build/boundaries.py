"""Build, simplify, measure, write and read the region boundaries (BKG VG250)."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

import geopandas as gpd
import pandas as pd
import shapely
import topojson

from geo.data.sources import LAENDER

METRIC_CRS = 25832  # ETRS89 / UTM 32N: tolerances in metres
EQUAL_AREA_CRS = 3035  # ETRS89-LAEA: areas
WEB_CRS = 4326
TOLERANCE_M = 50.0
DECIMALS = 5  # ≈ 1.1 m north–south, ≈ 0.7 m east–west at 54° N


class Fidelity(NamedTuple):
    """How far one simplified region lies from its VG250 original."""

    rs: str
    max_deviation_m: float
    area_error: float  # relative, e.g. 0.001 = 0.1 %


def dissolve_parts(parts: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """One row per RS: the union of all its parts (land GF=4 and water GF=2).

    Pure: returns a new GeoDataFrame in EPSG:25832 indexed by RS, sorted, with GEN, BEZ, land and
    the area in km² (EPSG:3035) of the unsimplified union.
    """
    metric = parts.to_crs(METRIC_CRS)
    regions = metric.dissolve(by="RS", aggfunc={"GEN": "first", "BEZ": "first", "SN_L": "first"})
    regions = regions.sort_index()
    regions["land"] = regions["SN_L"].map(LAENDER)
    regions["area_km2"] = regions.geometry.to_crs(EQUAL_AREA_CRS).area / 1e6
    return regions.drop(columns="SN_L")


def simplify_coverage(regions: gpd.GeoDataFrame, tolerance_m: float = TOLERANCE_M) -> gpd.GeoDataFrame:
    """Douglas–Peucker on shared arcs, so neighbours keep one common border.

    Expects a metric CRS (EPSG:25832) and edge-matched input (VG250 is). Pure: returns a copy
    with the same index and columns.
    """
    if regions.crs is None or not regions.crs.equals(METRIC_CRS):
        raise ValueError("simplify_coverage expects EPSG:25832")
    areas = regions[["geometry"]].reset_index()
    topo = topojson.Topology(
        areas,
        prequantize=False,
        toposimplify=tolerance_m,
        simplify_with="shapely",
        simplify_algorithm="dp",
    )
    simplified = topo.to_gdf().set_crs(METRIC_CRS, allow_override=True).set_index("RS")
    geometries = simplified.geometry.reindex(regions.index).to_numpy()
    if not shapely.is_valid(geometries).all():
        # Douglas–Peucker can make two arcs cross where a border folds back on itself. GEOS'
        # coverage simplification (Visvalingam–Whyatt) never does; it keeps a bit more detail.
        geometries = shapely.coverage_simplify(regions.geometry.to_numpy(), tolerance_m)
    result = regions.copy()
    result["geometry"] = geometries
    return result


def to_web(regions: gpd.GeoDataFrame, decimals: int = DECIMALS) -> gpd.GeoDataFrame:
    """Reproject to EPSG:4326, snap to a 10^-decimals ° grid, orient rings RFC 7946-style. Pure."""
    web = regions.to_crs(WEB_CRS)
    grid = 10.0**-decimals
    web["geometry"] = shapely.orient_polygons(shapely.set_precision(web.geometry.values, grid), exterior_cw=False)
    return web


def measure_fidelity(simplified: gpd.GeoDataFrame, original: gpd.GeoDataFrame) -> list[Fidelity]:
    """Per region: Hausdorff distance of the outlines (m) and relative area error.

    Both frames are indexed by RS; any CRS (compared in EPSG:25832).
    """
    a = simplified.geometry.to_crs(METRIC_CRS)
    b = original.geometry.to_crs(METRIC_CRS).reindex(a.index)
    result = []
    for rs in a.index:
        deviation = shapely.hausdorff_distance(a[rs].boundary, b[rs].boundary, densify=0.25)
        area_error = abs(a[rs].area - b[rs].area) / b[rs].area
        result.append(Fidelity(str(rs), float(deviation), float(area_error)))
    return result


def _rounded(coords: Any, decimals: int) -> Any:
    if isinstance(coords, (list, tuple)) and coords and isinstance(coords[0], (int, float)):
        return [round(float(c), decimals) for c in coords]
    return [_rounded(c, decimals) for c in coords]


def to_geojson_bytes(web: gpd.GeoDataFrame, properties: Iterable[str], decimals: int = DECIMALS) -> bytes:
    """Deterministic GeoJSON: features ordered by index (RS), fixed key order, rounded coordinates."""
    columns = list(properties)
    features = []
    for rs, row in web.sort_index().iterrows():
        geometry = shapely.geometry.mapping(row.geometry)
        props: dict[str, Any] = {"RS": str(rs)}
        for column in columns:
            value = row[column]
            props[column] = round(float(value), 1) if isinstance(value, float) else value
        features.append(
            {
                "type": "Feature",
                "id": str(rs),
                "properties": props,
                "geometry": {"type": geometry["type"], "coordinates": _rounded(geometry["coordinates"], decimals)},
            }
        )
    collection = {"type": "FeatureCollection", "features": features}
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    return (text + "\n").encode("utf-8")


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temp file in the same folder and a rename (I/O)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class BuildResult(NamedTuple):
    """Output of :func:`build_boundaries`: the file's bytes and what was measured."""

    geojson: bytes
    fidelity: list[Fidelity]
    shared_borders_ok: bool


def build_boundaries(parts: gpd.GeoDataFrame, tolerance_m: float = TOLERANCE_M) -> BuildResult:
    """VG250 parts → dissolved, coverage-simplified, web-ready GeoJSON bytes. Pure."""
    regions = dissolve_parts(parts)
    web = to_web(simplify_coverage(regions, tolerance_m))
    fidelity = measure_fidelity(web, regions)
    shared_ok = bool(shapely.coverage_is_valid(web.geometry.to_crs(METRIC_CRS).values))
    data = to_geojson_bytes(web, ["GEN", "BEZ", "land", "area_km2"])
    return BuildResult(data, fidelity, shared_ok)


def build_places(parts: gpd.GeoDataFrame) -> bytes:
    """One point per RS (a point inside its land area) for placing contacts. Pure."""
    if parts.empty:
        return b'{"type":"FeatureCollection","features":[]}\n'
    regions = dissolve_parts(parts[parts["GF"] == 4] if (parts["GF"] == 4).any() else parts)
    web = regions.copy()
    web["geometry"] = regions.geometry.representative_point()
    return to_geojson_bytes(to_web(web), ["GEN", "BEZ", "land"])


def read_geojson(path: Path) -> gpd.GeoDataFrame:
    """Read a GeoJSON written by this module into a GeoDataFrame indexed by RS (I/O, no checks)."""
    areas = gpd.read_file(path)
    return areas.set_index(pd.Index(areas["RS"].astype(str), name="rs")).drop(columns="RS")
