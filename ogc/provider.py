"""A read-only pygeoapi feature provider over the project's data: partner areas, contacts, context.

It reads ``data/`` through :class:`geo.data.live.LastGood`, as the dashboard does: a data folder that no
longer validates is not served, the last good state is. ``data`` in the provider configuration names the
collection (``partner``, ``kontakte`` or ``kontext``). Queries: ``bbox``, ``limit``/``offset``, and one
value per property; ``themen=wohnen`` matches partners whose themes include ``wohnen`` (as the dashboard's
filter does for one theme). An unknown property is an error (400), not silently ignored; data that have not
validated since the service started are a temporary fault of the service (503), not of the query.
"""

from __future__ import annotations

from functools import lru_cache
from http import HTTPStatus
from pathlib import Path
from typing import Any

from pygeoapi.provider.base import (
    BaseProvider,
    ProviderConnectionError,
    ProviderInvalidQueryError,
    ProviderItemNotFoundError,
)
from pygeoapi.util import crs_transform
from shapely.geometry import box, mapping, shape

from geo.data.live import LastGood
from geo.data.paths import configured_data_dir
from geo.data.project import Project
from geo.map.export import CONTACT_FIELDS, context_layer

# Property → JSON Schema type, per collection (also the queryables).
FIELDS: dict[str, dict[str, str]] = {
    "partner": {
        "rs": "string",
        "name": "string",
        "typ": "string",
        "land": "string",
        "rolle": "string",
        "teilprojekt": "string",
        "laufzeit": "string",
        "themen": "array",
        "kurzbeschreibung": "string",
        "ergebnisse": "array",
        "quellen": "array",
        "stand": "string",
        "erfasst": "string",
        "einwohner_2018": "integer",
        "flaeche_km2": "number",
    },
    "kontakte": {name: "array" if name == "personen" else "string" for name in CONTACT_FIELDS},
    "kontext": {"name": "string", "art": "string"},
}


class DataUnavailable(ProviderConnectionError):
    """No valid state of the data since the service started: try again later (503), the query was fine."""

    http_status_code = HTTPStatus.SERVICE_UNAVAILABLE


@lru_cache(maxsize=4)
def _last_good(data_dir: str) -> LastGood:
    return LastGood(Path(data_dir))


def served_project() -> Project:
    """The last good state of the configured data folder (reads it again only when it changed)."""
    snapshot = _last_good(str(configured_data_dir())).snapshot()
    if snapshot.project is None:
        raise DataUnavailable(user_msg="Die Projektdaten sind derzeit nicht gültig; bitte später erneut versuchen.")
    return snapshot.project


def _value(value: Any) -> Any:
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, tuple):
        return list(value)
    return value.item() if hasattr(value, "item") else value


def features(project: Project, collection: str) -> list[dict[str, Any]]:
    """The collection's features (GeoJSON dicts, EPSG:4326), with ``id``."""
    found = []
    if collection == "partner":
        for rs, row in project.partners.iterrows():
            properties = {key: _value(row[key]) for key in FIELDS["partner"] if key in row.index}
            properties["name"] = str(row["display_name"])
            properties["einwohner_2018"] = _value(project.demography["einwohner"].get(rs))
            properties["flaeche_km2"] = round(float(row["area_km2"]), 1)
            found.append(
                {"type": "Feature", "id": str(rs), "geometry": mapping(row.geometry), "properties": properties}
            )
    elif collection == "kontakte":
        for number, (_, row) in enumerate(project.contacts.iterrows(), start=1):
            if row["lon"] != row["lon"]:  # no coordinates: not a feature
                continue
            properties = {key: _value(row[key]) for key in FIELDS["kontakte"]}
            geometry = {"type": "Point", "coordinates": [float(row["lon"]), float(row["lat"])]}
            found.append({"type": "Feature", "id": str(number), "geometry": geometry, "properties": properties})
    elif collection == "kontext":
        for number, (_, row) in enumerate(context_layer(project).iterrows(), start=1):
            properties = {"name": _value(row["name"]), "art": _value(row["art"])}
            found.append(
                {"type": "Feature", "id": str(number), "geometry": mapping(row.geometry), "properties": properties}
            )
    return found


def matches(feature: dict[str, Any], name: str, wanted: str) -> bool:
    value = feature["properties"].get(name)
    if isinstance(value, list):
        return wanted in (str(v) for v in value)
    return str(value) == wanted


class ProjectProvider(BaseProvider):
    """pygeoapi's view of one collection of the project (read-only)."""

    def __init__(self, provider_def: dict[str, Any]) -> None:
        super().__init__(provider_def)
        if self.data not in FIELDS:
            raise ValueError(f"unbekannte Sammlung {self.data!r}; erlaubt: {', '.join(FIELDS)}")
        self.id_field = "id"
        self.get_fields()

    def get_fields(self) -> dict[str, dict[str, str]]:
        self._fields = {name: {"type": kind} for name, kind in FIELDS[self.data].items()}
        return self._fields

    @crs_transform
    def query(
        self,
        offset: int = 0,
        limit: int = 10,
        resulttype: str = "results",
        bbox: list[float] | None = None,
        datetime_: str | None = None,
        properties: list[tuple[str, str]] | None = None,
        sortby: list[dict[str, str]] | None = None,
        select_properties: list[str] | None = None,
        skip_geometry: bool = False,
        q: str | None = None,
        **kwargs: Any,
    ) -> dict[str, Any]:
        found = features(served_project(), self.data)
        for name, wanted in properties or []:
            if name not in FIELDS[self.data]:
                known = ", ".join(FIELDS[self.data])
                raise ProviderInvalidQueryError(user_msg=f"Unbekannte Eigenschaft {name!r}; bekannt sind: {known}")
            found = [f for f in found if matches(f, name, wanted)]
        if bbox:
            area = box(*bbox[:4]) if len(bbox) == 4 else box(bbox[0], bbox[1], bbox[3], bbox[4])  # 3D: no heights
            found = [f for f in found if shape(f["geometry"]).intersects(area)]
        matched = len(found)
        page = [] if resulttype == "hits" else found[offset : offset + limit]
        for feature in page:
            if select_properties:
                feature["properties"] = {k: v for k, v in feature["properties"].items() if k in select_properties}
            if skip_geometry:
                feature["geometry"] = None
        return {"type": "FeatureCollection", "features": page, "numberMatched": matched, "numberReturned": len(page)}

    @crs_transform
    def get(self, identifier: str, **kwargs: Any) -> dict[str, Any]:
        for feature in features(served_project(), self.data):
            if feature["id"] == str(identifier):
                return feature
        raise ProviderItemNotFoundError(user_msg=f"Kein Objekt {identifier!r} in {self.data}")
