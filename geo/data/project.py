"""Load every data file, check how they join, and hand the app one consistent project."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import geopandas as gpd
import pandas as pd

from geo.data.areas import REBUILD, read_features
from geo.data.contacts import read_contacts
from geo.data.demography import read_demography
from geo.data.errors import DataError, Problem
from geo.data.events import empty_events, read_events
from geo.data.gazetteer import empty_gazetteer, read_gazetteer
from geo.data.modellvorhaben import empty_programmes, read_programmes
from geo.data.partners import read_partners
from geo.data.paths import DATA_DIR, display_path
from geo.data.themes import Theme, read_themes
from geo.data.verbleib import empty_outcomes, read_outcomes


class Project(NamedTuple):
    """Everything the dashboard shows, already checked and joined."""

    partners: gpd.GeoDataFrame  # index rs; CSV columns + GEN, BEZ, area_km2, geometry (EPSG:4326)
    themes: list[Theme]
    contacts: pd.DataFrame  # CSV columns + lon, lat of the marker
    demography: pd.DataFrame  # index rs: einwohner, flaeche_km2, einwohner_je_km2, stand, quelle, lizenz
    context: gpd.GeoDataFrame  # Metropolregion 2014–2016 and Länder; may be empty
    gazetteer: pd.DataFrame = empty_gazetteer()  # index rs (12 digits): name, kreis, land, lon, lat; may be empty
    events: pd.DataFrame = empty_events()  # datum, rs ("" = Dachprojekt), ereignis, quelle, …; by date; may be empty
    outcomes: pd.DataFrame = empty_outcomes()  # verbleib.csv: what became of each Teilprojekt; quelle a tuple
    programmes: pd.DataFrame = empty_programmes()  # modellvorhaben.csv: federal model programmes; rs a tuple


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
    outcomes, found = read_outcomes(data_dir / "verbleib.csv", named)
    problems += found
    programmes, found = read_programmes(data_dir / "modellvorhaben.csv", named)
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
    return Project(joined, themes, contacts, demography, context, gazetteer, events, outcomes, programmes)


def rejected_keys(partners: pd.DataFrame) -> frozenset[str]:
    """Keys of partner rows that did not validate (``read_partners``); empty for a table made elsewhere."""
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
