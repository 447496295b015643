"""The 2014–2016 Metropolregion context file and its layer."""

from __future__ import annotations

from shapely.geometry import Point

from geo.build.boundaries import read_geojson
from geo.build.context import JOINED_2017, LAENDER_KEYS, MEMBERS_2014_2016
from geo.data.paths import DATA_DIR

CONTEXT = DATA_DIR / "context.geojson"


def test_context_file_is_small_and_complete():
    assert CONTEXT.stat().st_size <= 150_000
    context = read_geojson(CONTEXT)
    assert set(context.index) == {*MEMBERS_2014_2016, *JOINED_2017, *LAENDER_KEYS}
    assert context.loc["02000", "kind"] == "hamburg"
    assert context.loc["13004", "kind"] == "ab_2017"
    assert set(context.loc[list(LAENDER_KEYS), "kind"]) == {"land"}
    assert context.loc["03355"].geometry.contains(Point(10.41, 53.25))  # Lüneburg
    assert context.geometry.is_valid.all()
