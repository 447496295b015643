"""Boundary build: dissolve, shared-arc simplification, determinism, and the committed file vs VG250."""

from __future__ import annotations

import json

import geopandas as gpd
import pytest
import shapely
from shapely.geometry import Point, box

from geo.build.boundaries import (
    build_boundaries,
    build_places,
    dissolve_parts,
    measure_fidelity,
    read_geojson,
    simplify_coverage,
    to_web,
    write_atomic,
)
from geo.build.vg250 import load_parts
from geo.data.paths import ROOT

COMMITTED = ROOT / "data" / "boundaries.geojson"


def test_dissolve_unions_land_and_water_parts(neighbours):
    water = gpd.GeoDataFrame(
        {"RS": ["01001"], "GEN": ["West"], "BEZ": ["Kreis"], "SN_L": ["01"], "GF": [2], "level": ["kreise"]},
        geometry=[box(-500, 0, 0, 10000)],
        crs=25832,
    )
    parts = gpd.GeoDataFrame(gpd.pd.concat([neighbours, water]), crs=25832)
    regions = dissolve_parts(parts)
    assert list(regions.index) == ["01001", "01002"]
    assert regions.loc["01001", "land"] == "Schleswig-Holstein"
    assert regions.loc["01001"].geometry.area == pytest.approx(neighbours.geometry[0].area + 500 * 10000)
    assert len(parts) == 3  # input untouched


def test_simplify_keeps_one_shared_border(neighbours):
    regions = dissolve_parts(neighbours)
    simplified = simplify_coverage(regions, tolerance_m=50)
    west, east = simplified.geometry
    assert shapely.get_num_coordinates(west) < shapely.get_num_coordinates(regions.geometry.iloc[0])
    assert west.intersection(east).area == pytest.approx(0, abs=1e-6)
    assert west.union(east).area == pytest.approx(2000 * 10000, rel=1e-9)  # no gap
    assert shapely.coverage_is_valid(simplified.geometry.values)


def test_per_polygon_simplify_would_open_gaps(neighbours):
    """The reason for simplify_coverage: the naive way breaks the shared border."""
    naive = neighbours.geometry.simplify(50)
    assert not shapely.coverage_is_valid(naive.values)


def test_simplify_rejects_geographic_crs(neighbours):
    with pytest.raises(ValueError, match="EPSG:25832"):
        simplify_coverage(dissolve_parts(neighbours).to_crs(4326), 50)


def test_build_is_deterministic_and_reports_fidelity(neighbours):
    first, second = build_boundaries(neighbours, 50), build_boundaries(neighbours, 50)
    assert first.geojson == second.geojson
    assert first.shared_borders_ok
    assert max(f.max_deviation_m for f in first.fidelity) <= 50 + 1.5  # DP tolerance + 1e-5° rounding
    doc = json.loads(first.geojson)
    assert [f["properties"]["RS"] for f in doc["features"]] == ["01001", "01002"]
    ring = doc["features"][0]["geometry"]["coordinates"][0]
    assert all(len(str(c).split(".")[-1]) <= 5 for xy in ring for c in xy)


def test_measure_fidelity_sees_a_shifted_region(neighbours):
    regions = dissolve_parts(neighbours)
    shifted = regions.copy()
    shifted["geometry"] = shifted.geometry.translate(xoff=300)
    worst = max(f.max_deviation_m for f in measure_fidelity(shifted, regions))
    assert worst == pytest.approx(300, abs=1)


def test_write_atomic_replaces_and_leaves_no_temp_file(tmp_path):
    target = tmp_path / "out.geojson"
    target.write_text("old")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.geojson"]


# --- the committed file against the real VG250 -------------------------------------------------


@pytest.fixture(scope="module")
def committed() -> gpd.GeoDataFrame:
    return read_geojson(COMMITTED)


@pytest.fixture(scope="module")
def vg250_regions(vg250_tarball, committed) -> gpd.GeoDataFrame:
    parts, missing = load_parts(set(committed.index), vg250_tarball)
    assert not missing
    return dissolve_parts(parts)


def test_committed_file_is_small():
    assert COMMITTED.stat().st_size <= 150_000


@pytest.mark.vg250
def test_committed_regions_are_within_100_m_and_1_percent_of_vg250(committed, vg250_regions):
    fidelity = measure_fidelity(committed, vg250_regions)
    assert len(fidelity) == 12
    for item in fidelity:
        assert item.max_deviation_m <= 100, item
        assert item.area_error <= 0.01, item


@pytest.mark.vg250
def test_committed_area_property_is_the_vg250_area(committed, vg250_regions):
    for rs, row in committed.iterrows():
        assert row["area_km2"] == pytest.approx(vg250_regions.loc[rs, "area_km2"], abs=0.05)
    assert committed.loc["01056", "area_km2"] == pytest.approx(664.25, rel=0.002)  # Destatis


def test_committed_neighbours_share_their_borders(committed):
    metric = committed.geometry.to_crs(25832)
    assert shapely.coverage_is_valid(metric.values)
    shared = metric["01060"].boundary.intersection(metric["01062"].boundary)  # Segeberg | Stormarn
    assert shared.length > 20_000


@pytest.mark.parametrize(
    ("name", "lon", "lat", "rs"),
    [
        ("Helgoland", 7.885, 54.182, "01056"),
        ("Bad Segeberg", 10.31, 53.94, "01060"),
        ("Ludwigslust", 11.50, 53.33, "13076"),
        ("Buchholz", 9.88, 53.33, "033530005"),
    ],
)
def test_places_lie_in_their_partner(committed, name, lon, lat, rs):
    hits = committed.index[committed.contains(Point(lon, lat))]
    assert list(hits) == [rs], name


@pytest.mark.parametrize(
    ("name", "lon", "lat"),
    [
        ("Schwerin", 11.41, 53.63),
        ("Hamburg", 9.99, 53.55),
        ("Lüneburg", 10.41, 53.25),
        ("Stade", 9.48, 53.60),
    ],
)
def test_non_partners_lie_in_no_partner(committed, name, lon, lat):
    assert not committed.contains(Point(lon, lat)).any(), name


@pytest.mark.vg250
def test_rebuild_gives_the_committed_bytes(vg250_tarball, data_dir):
    from geo.build.cli import main

    assert main(["build-boundaries", "--data-dir", str(data_dir)]) == 0
    assert (data_dir / "boundaries.geojson").read_bytes() == COMMITTED.read_bytes()
    assert (data_dir / "places.geojson").read_bytes() == (ROOT / "data" / "places.geojson").read_bytes()


def test_to_web_outputs_wgs84_rfc7946_rings(neighbours):
    web = to_web(dissolve_parts(neighbours))
    assert web.crs.to_epsg() == 4326
    assert all(shapely.is_ccw(g.exterior) for g in web.geometry)


def test_build_places_without_contacts_is_an_empty_collection(neighbours):
    doc = json.loads(build_places(neighbours.iloc[0:0]))
    assert doc == {"type": "FeatureCollection", "features": []}
