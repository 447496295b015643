"""The Metropolregion Hamburg of the project period (2014–2016) as a muted context layer."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from geo.build.boundaries import dissolve_parts, simplify_coverage, to_geojson_bytes, to_web

# Members 2014–2016 (shared/research/data-sources.md; sources in teilprojekte.md §13).
MEMBERS_2014_2016 = (
    "02000",
    "01051",
    "01053",
    "01055",
    "01056",
    "01060",
    "01061",
    "01062",
    "01003",
    "01004",
    "03352",
    "03353",
    "03354",
    "03355",
    "03357",
    "03358",
    "03359",
    "03360",
    "13074",
    "13076",
)
JOINED_2017 = ("13004",)  # Schwerin; the Altkreis Parchim (part of 13076) joined too
HAMBURG = "02000"
LAENDER_KEYS = ("01", "02", "03", "13")
MEMBER_TOLERANCE_M = 120.0
LAND_TOLERANCE_M = 800.0
DECIMALS = 4  # ≈ 11 m: enough for a muted background layer


def build_context(members: gpd.GeoDataFrame, laender: gpd.GeoDataFrame) -> bytes:
    """GeoJSON bytes of the member Kreise/Städte (kind ``mitglied``/``hamburg``/``ab_2017``) and
    the Länder (kind ``land``). Pure; inputs are VG250 parts in any CRS."""
    regions = dissolve_parts(members)
    regions = simplify_coverage(regions, MEMBER_TOLERANCE_M)
    regions["kind"] = [
        "hamburg" if rs == HAMBURG else "ab_2017" if rs in JOINED_2017 else "mitglied" for rs in regions.index
    ]
    lands = simplify_coverage(dissolve_parts(laender), LAND_TOLERANCE_M)
    lands["kind"] = "land"
    both = gpd.GeoDataFrame(pd.concat([regions, lands]), crs=regions.crs)
    return to_geojson_bytes(to_web(both, DECIMALS), ["GEN", "BEZ", "kind"], DECIMALS)
