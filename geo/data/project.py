"""Load every data file, check how they join, and hand the app one consistent project."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any, NamedTuple

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry import shape

from geo.data.contacts import read_contacts
from geo.data.demography import read_demography
from geo.data.errors import DataError, Problem
from geo.data.events import empty_events, read_events
from geo.data.gazetteer import empty_gazetteer, read_gazetteer
from geo.data.partners import read_partners
from geo.data.paths import DATA_DIR, display_path
from geo.data.sources import GERMANY_BOUNDS
from geo.data.themes import Theme, read_themes

REBUILD = "neu erzeugen mit: python -m geo build-boundaries"


class Project(NamedTuple):
    """Everything the dashboard shows, already checked and joined."""

    partners: gpd.GeoDataFrame  # index rs; CSV columns + GEN, BEZ, area_km2, geometry (EPSG:4326)
    themes: list[Theme]
    contacts: pd.DataFrame  # CSV columns + lon, lat of the marker
    demography: pd.DataFrame  # index rs: einwohner, flaeche_km2, einwohner_je_km2, stand, quelle, lizenz
    context: gpd.GeoDataFrame  # Metropolregion 2014–2016 and Länder; may be empty
    gazetteer: pd.DataFrame = empty_gazetteer()  # index rs (12 digits): name, kreis, land, lon, lat; may be empty
    events: pd.DataFrame = empty_events()  # datum, rs ("" = Dachprojekt), ereignis, quelle, …; by date; may be empty


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
    frame = gpd.GeoDataFrame(list(records.values()), geometry="geometry", crs=4326)
    return frame.set_index("RS").rename_axis(None), problems


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


def load_project(data_dir: Path = DATA_DIR) -> Project:
    """Read, check and join all data files (I/O, read-only).

    Raises
    ------
    DataError
        With every problem found in any file, sorted by file and line.
    """
    themes, problems = read_themes(data_dir / "themes.csv")
    partners, found = read_partners(data_dir / "partners.csv", [t.slug for t in themes])
    problems += found
    # a partner row with a typo is reported once, in partners.csv, not again by every file naming its key;
    # a partners.csv that cannot be read at all (header, encoding) is not a reason to doubt the other files' keys
    unreadable = partners.empty and bool(found)
    named = None if unreadable else set(partners.index) | rejected_keys(partners)
    contacts, found = read_contacts(data_dir / "contacts.csv", named)
    problems += found
    regions, region_problems = read_features(data_dir / "boundaries.geojson", ("Polygon", "MultiPolygon"))
    places, place_problems = read_features(data_dir / "places.geojson", ("Point",))
    problems += region_problems + place_problems
    demography, found = read_demography(data_dir / "demography.csv", named)
    problems += found
    gazetteer, found = read_gazetteer(data_dir / "orte.csv")
    problems += found
    events, found = read_events(data_dir / "termine.csv", named)
    problems += found
    context = gpd.GeoDataFrame({"geometry": []}, geometry="geometry", crs=4326)
    if (data_dir / "context.geojson").exists():
        context, found = read_features(data_dir / "context.geojson", ("Polygon", "MultiPolygon"))
        problems += found
    problems += join_problems(
        data_dir,
        None if unreadable else partners,
        None if region_problems else regions,
        contacts,
        None if place_problems else places,
    )
    if problems:
        raise DataError(sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.message)))

    joined = gpd.GeoDataFrame(
        partners.join(regions[["GEN", "BEZ", "area_km2", "geometry"]], how="inner"),
        geometry="geometry",
        crs=4326,
    )
    contacts = contacts.copy()
    points = places.geometry.reindex(contacts["ort_rs"]).to_numpy()
    at_address = contacts["lage"] == "adresse"
    contacts["lon"] = [
        float(c["lon"]) if a else p.x for (_, c), a, p in zip(contacts.iterrows(), at_address, points, strict=True)
    ]
    contacts["lat"] = [
        float(c["lat"]) if a else p.y for (_, c), a, p in zip(contacts.iterrows(), at_address, points, strict=True)
    ]
    contacts["ort_name"] = [
        "" if a else places.at[o, "GEN"] for o, a in zip(contacts["ort_rs"], at_address, strict=True)
    ]
    return Project(joined, themes, contacts, demography, context, gazetteer, events)


def rejected_keys(partners: pd.DataFrame) -> frozenset[str]:
    """Keys of partner rows that did not validate (``read_partners``); empty for a frame made elsewhere."""
    return frozenset(partners.attrs.get("rejected", ()))


def join_problems(
    data_dir: Path,
    partners: pd.DataFrame | None,
    regions: gpd.GeoDataFrame | None,
    contacts: pd.DataFrame,
    places: gpd.GeoDataFrame | None,
) -> list[Problem]:
    """Keys that do not meet across files: partners ↔ boundaries, contacts → places.

    ``None`` for a file that could not be read (its own problems are reported already).
    """
    partners_name = display_path(data_dir / "partners.csv")
    regions_name = display_path(data_dir / "boundaries.geojson")
    problems = []
    if partners is not None and regions is not None:
        for rs, line in zip(partners.index, partners["line"], strict=True):
            if rs not in regions.index:
                problems.append(
                    Problem(partners_name, int(line), f"Regionalschlüssel '{rs}' fehlt in {regions_name} – {REBUILD}")
                )
        for rs in regions.index.difference(partners.index).difference(list(rejected_keys(partners))):
            label = regions.at[rs, "GEN"] if "GEN" in regions else ""
            problems.append(
                Problem(regions_name, None, f"Gebiet {rs} ({label}) hat keinen Partner in {partners_name} – {REBUILD}")
            )
    if places is not None:
        contacts_name = display_path(data_dir / "contacts.csv")
        for ort, line, lage in zip(contacts["ort_rs"], contacts["line"], contacts["lage"], strict=True):
            if lage != "adresse" and ort not in places.index:
                problems.append(
                    Problem(
                        contacts_name,
                        int(line),
                        f"Ort '{ort}' fehlt in {display_path(data_dir / 'places.geojson')} – {REBUILD}",
                    )
                )
    return problems
