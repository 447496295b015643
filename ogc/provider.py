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

import geopandas as gpd
from pygeoapi.provider.base import (
    BaseProvider,
    ProviderConnectionError,
    ProviderInvalidQueryError,
    ProviderItemNotFoundError,
)
from shapely.geometry import box, shape

from geo.data.live import LastGood
from geo.data.paths import configured_data_dir
from geo.data.project import Project
from geo.view.features import CONTACT_FIELDS, contact_layer, context_layer, features

try:  # pygeoapi 0.22 and later (they need Python 3.12) keep their CRS helpers in pygeoapi.crs
    from pygeoapi.crs import crs_transform
except ImportError:  # 0.21, the newest release for Python 3.11
    from pygeoapi.util import crs_transform

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
        "verbleib": "array",  # what became of it after 9/2016: "JJJJ-MM-TT: Ereignis (Quellen)"
        "verbleib_gesucht": "string",  # where nothing was found: what was searched
        "modellvorhaben": "array",  # federal model programmes on the partner's territory (context, not a link)
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


def partner_frame(project: Project) -> gpd.GeoDataFrame:
    """The partner areas with the collection's properties (:data:`FIELDS`); index = RS."""
    partners = project.partners
    columns = {key: list(partners[key]) for key in FIELDS["partner"] if key in partners.columns}
    columns["name"] = list(partners["display_name"])
    columns["einwohner_2018"] = [project.demography["einwohner"].get(rs) for rs in partners.index]
    columns["flaeche_km2"] = [round(float(a), 1) for a in partners["area_km2"]]
    outcomes = project.outcomes
    columns["verbleib"] = [
        [
            f"{o['datum']}: {o['verbleib']} ({' '.join(o['quelle'])})"
            for _, o in outcomes[outcomes["rs"] == rs].iterrows()
            if o["verbleib"]
        ]
        for rs in partners.index
    ]
    columns["verbleib_gesucht"] = [
        "; ".join(outcomes[(outcomes["rs"] == rs) & (outcomes["gesucht"] != "")]["gesucht"]) for rs in partners.index
    ]
    programmes = project.programmes
    columns["modellvorhaben"] = [
        [
            f"{p['programm']}, {p['jahre']}: {p['rolle']} ({' '.join(p['quelle'])})"
            for _, p in programmes.iterrows()
            if rs in p["rs"]
        ]
        for rs in partners.index
    ]
    return gpd.GeoDataFrame(columns, geometry=list(partners.geometry), index=partners.index.map(str), crs=partners.crs)


FRAMES = {"partner": partner_frame, "kontakte": contact_layer, "kontext": context_layer}


def collection_features(project: Project, collection: str) -> list[dict[str, Any]]:
    """The collection's features (GeoJSON dicts, EPSG:4326), with ``id``."""
    return features(FRAMES[collection](project))


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
        found = collection_features(served_project(), self.data)
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
        for feature in collection_features(served_project(), self.data):
            if feature["id"] == str(identifier):
                return feature
        raise ProviderItemNotFoundError(user_msg=f"Kein Objekt {identifier!r} in {self.data}")
