"""Features for every GIS output, built one way: the map's layers, the GeoJSON and GeoPackage downloads and
the OGC service each compose a GeoDataFrame of what they carry, and this module turns it into features.

One value cleaner (:func:`clean_value`) and geopandas' own ``to_geo_dict`` (index → ``id``, missing → null)
make the GeoJSON; GIS layers (GeoPackage) get the same cleaned values with lists as text. Nothing here
reads or writes files.
"""

from __future__ import annotations

from typing import Any

import geopandas as gpd
import pandas as pd

from geo.data.project import Project

# What a GIS layer of the contacts holds (GeoPackage, the OGC collection ``kontakte``).
CONTACT_FIELDS = ("rs", "organisation", "personen", "adresse", "telefon", "email", "lage", "quelle", "stand")


def clean_value(value: object, join_lists: bool = False) -> object:
    """One cell as JSON and GIS formats take it: missing (None, NaN, NA) → None, numpy and pandas scalars →
    Python numbers, tuples → lists, or with ``join_lists`` (GIS columns hold text or numbers) → "a, b"."""
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value) if join_lists else [clean_value(v) for v in value]
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    if hasattr(value, "item"):  # numpy/pandas scalars
        return value.item()  # type: ignore[attr-defined]
    return value


def clean_layer(layer: gpd.GeoDataFrame, join_lists: bool = False) -> gpd.GeoDataFrame:
    """A copy of ``layer`` with every column but the geometry cleaned (object columns, index unchanged)."""
    columns = [c for c in layer.columns if c != layer.geometry.name]
    cleaned = {
        str(c): pd.Series([clean_value(v, join_lists) for v in layer[c]], index=layer.index, dtype=object)
        for c in columns
    }
    return gpd.GeoDataFrame(cleaned, geometry=layer.geometry.values, index=layer.index, crs=layer.crs)


def features(layer: gpd.GeoDataFrame) -> list[dict[str, Any]]:
    """The rows of ``layer`` (EPSG:4326) as GeoJSON features; the index (as text) is each feature's ``id``."""
    cleaned = clean_layer(layer)
    cleaned.index = cleaned.index.map(str)
    return list(cleaned.to_geo_dict(na="null", drop_id=False)["features"])


def feature_collection(layer: gpd.GeoDataFrame, **members: object) -> dict[str, Any]:
    """An RFC 7946 FeatureCollection of ``layer``; ``members`` (name, attribution, licences) stand beside
    ``features``, as foreign members RFC 7946 allows."""
    return {"type": "FeatureCollection", **members, "features": features(layer)}


def contact_layer(project: Project) -> gpd.GeoDataFrame:
    """The contacts with a place as points (EPSG:4326), :data:`CONTACT_FIELDS`; index = their line number
    among all contacts (1, 2, …), so an id stays when a contact without a place is added before it."""
    contacts = project.contacts.reset_index(drop=True)
    contacts.index = contacts.index + 1
    placed = contacts.dropna(subset=["lon", "lat"])
    return gpd.GeoDataFrame(
        placed[list(CONTACT_FIELDS)],
        geometry=gpd.points_from_xy(placed["lon"], placed["lat"]),
        index=placed.index,
        crs=4326,
    )


def context_layer(project: Project) -> gpd.GeoDataFrame:
    """The context (Metropolregion 2014–2016, Länder): ``name``, ``art`` and the shape; index 1, 2, …"""
    context = project.context
    layer = gpd.GeoDataFrame(
        {
            "name": list(context.get("GEN", pd.Series([None] * len(context), dtype=object))),
            "art": list(context.get("kind", pd.Series([None] * len(context), dtype=object))),
        },
        geometry=list(context.geometry),
        crs=context.crs or 4326,
    )
    layer.index = layer.index + 1
    return layer
