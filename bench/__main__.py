"""python -m bench: measure size, fidelity, payload, rerun time, browser timings, concurrency, scale.

Writes the table to bench/results.md. Needs npm (VG250/Destatis tarballs, cached) and Debian Chromium.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import browser, payload, reruns, scale, wire
from geo.build.boundaries import dissolve_parts, measure_fidelity, read_geojson
from geo.build.vg250 import fetch_vg250, load_parts
from geo.data.paths import DATA_DIR
from geo.data.project import Project, load_project
from geo.view.formats import format_de
from harness.browser import streamlit_server

RESULTS = Path(__file__).resolve().parent / "results.md"
SCALE_TOLERANCE_M = 400.0


def ms(seconds: float) -> str:
    return f"{format_de(seconds * 1000)} ms"


def kb(n: int) -> str:
    return f"{format_de(n / 1000, 1)} KB"


def de(value: float, decimals: int) -> str:
    return format_de(value, decimals)


class Table:
    """The rows of bench/results.md: measure, value, target, met; each printed as it is measured."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str]] = []

    def add(self, measure: str, value: str, target: str = "", met: bool | None = None) -> None:
        self.rows.append((measure, value, target, "" if met is None else ("ja" if met else "**nein**")))
        print(f"{measure:55} {value:>22}  {target:22} {self.rows[-1][3]}", flush=True)

    def write(self, path: Path) -> None:
        stamp = time.strftime("%Y-%m-%d %H:%M")
        lines = [
            f"Gemessen am {stamp} mit `python -m bench` auf {platform.machine()} ({cpu_model()}, "
            f"{os.cpu_count()} Kerne), {platform.python_implementation()} {platform.python_version()}.",
            "",
            "| Messung | Wert | Ziel | erreicht |",
            "|---|---:|---|---|",
        ]
        lines += [f"| {m} | {v} | {t} | {ok} |" for m, v, t, ok in self.rows]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--runs", type=int, default=20, help="AppTest runs per case")
    parser.add_argument("--browser-runs", type=int, default=3, help="browser visits for the wire measurements")
    parser.add_argument("--skip-scale", action="store_true")
    args = parser.parse_args()
    table = Table()
    tarball = fetch_vg250()
    project = load_project()
    boundaries(table, project, tarball)
    map_document_size(table, project, tarball)
    rerun_times(table, args.runs)
    with streamlit_server() as base:
        on_the_wire(table, base, args.browser_runs)
        in_chromium(table, base)
    if not args.skip_scale:
        at_scale(table, tarball)
    table.write(RESULTS)
    print(f"\n→ {RESULTS}")


def boundaries(table: Table, project: Project, tarball: Path) -> None:
    """The boundary file's size, its fidelity to VG250, and how long the build takes."""
    size = (DATA_DIR / "boundaries.geojson").stat().st_size
    table.add("Grenzdatei data/boundaries.geojson", kb(size), "≤ 150 KB", size <= 150_000)
    parts, _ = load_parts(set(project.partners.index), tarball)
    fidelity = measure_fidelity(read_geojson(DATA_DIR / "boundaries.geojson"), dissolve_parts(parts))
    worst = max(f.max_deviation_m for f in fidelity)
    area = max(f.area_error for f in fidelity)
    table.add("max. Abweichung von VG250", f"{de(worst, 1)} m", "≤ 100 m", worst <= 100)
    table.add("max. Flächenfehler", f"{de(area * 100, 3)} %", "≤ 1 %", area <= 0.01)
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "data"
        shutil.copytree(DATA_DIR, copy)
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "geo", "build-boundaries", "--data-dir", str(copy)],
            check=True,
            capture_output=True,
            cwd=DATA_DIR.parent,
        )
        seconds = time.perf_counter() - start
        table.add(f"Build {len(project.partners)} Partner (Grenzen, Orte, Kontext)", f"{de(seconds, 1)} s")


def map_document_size(table: Table, project: Project, tarball: Path) -> None:
    """The map document against a naive folium map, and what one run sends for the map."""
    document, inlined = payload.ours(project)
    element = payload.map_element_bytes({"region": "01060", "thema": ["mobilitaet", "wohnen"]})
    naive = payload.naive(project, tarball)
    table.add("Kartendokument (einmal je Daten/Sprache/Hintergrund, im Browser-Cache)", kb(document))
    table.add("  davon Leaflet, unsere Skripte, map.css (eingebettet)", kb(inlined))
    table.add(
        "  davon Karte (Grenzen, Ebenen, Skripte)", kb(document - inlined), "≤ 300 KB", document - inlined <= 300_000
    )
    first, beside = payload.first_document(project)
    table.add(
        "Dashboard: erstes Kartendokument (HTML + Daten der Partner, Kontakte, Legende)",
        kb(first),
        "≤ 200 KB",
        first <= 200_000,
    )
    for name, size in beside.items():
        table.add(f"  daneben geladen: {re.sub(r'-[0-9a-f]{16}', '-…', name)}", kb(size))
    table.add("naive Variante (VG250 unvereinfacht, folium-Standard, ohne CDN-Dateien)", kb(naive))
    ratio = (document - inlined) / naive
    table.add("Verhältnis Karte zur naiven Variante", de(ratio, 3), "≤ 0,3", ratio <= 0.3)
    table.add(
        "Karte je Lauf (Rahmen + Komponente, Protobuf, Auswahl + 2 Themen)", f"{element} B", "≤ 2 KB", element <= 2000
    )


def rerun_times(table: Table, runs: int) -> None:
    """Streamlit reruns in AppTest, the first run net of the harness's own start."""
    with tempfile.TemporaryDirectory() as tmp:
        baseline = statistics.median(reruns.harness_baseline(runs, Path(tmp)))
    table.add("AppTest-Grundlast: erster Lauf eines leeren Skripts (Median)", ms(baseline))
    for case, values in reruns.rerun_times(runs).items():
        p50, p95 = reruns.p50_p95(values)
        first = case.startswith("erster")
        net = p50 - baseline if first else p50
        table.add(
            f"Rerun {case} p50 / p95 ({len(values)} Läufe)",
            f"{ms(p50)} / {ms(p95)}",
            "p50 ≤ 150 ms" + (" (ohne Grundlast)" if first else ""),
            net <= 0.150,
        )


def on_the_wire(table: Table, base: str, runs: int) -> None:
    """Bytes a browser receives: first and repeat visit over HTTP, and per interaction on the websocket."""
    visit = wire.measure(base, runs=runs)
    table.add(
        f"Erstbesuch: HTTP-Bytes übertragen (Median, {len(visit.first_http)} Läufe)",
        kb(int(wire.median(visit.first_http))),
    )
    table.add(
        "Erstbesuch: größte Antworten",
        "; ".join(f"{kb(s)} {u.rsplit('/', 1)[-1][:28]}" for s, u in visit.largest[:5]),
    )
    table.add("Wiederbesuch (Neu laden): HTTP-Bytes übertragen (Median)", kb(int(wire.median(visit.repeat_http))))
    table.add(
        "Wiederbesuch: davon Kartendokument",
        kb(int(wire.median(visit.map_doc_repeat))),
        "0 (aus dem Cache)",
        wire.median(visit.map_doc_repeat) == 0,
    )
    table.add("Erstbesuch: Navigation bis Karte mit Ansicht (Median)", ms(wire.median(visit.first_ms) / 1000))
    table.add("Wiederbesuch: Navigation bis Karte mit Ansicht (Median)", ms(wire.median(visit.repeat_ms) / 1000))
    compression = "permessage-deflate an" if visit.compressed else "unkomprimiert"
    for name, sizes in visit.interactions.items():
        table.add(
            f"Websocket je Interaktion: {name} (Median, {compression})",
            kb(int(wire.median(sizes))),
            "≤ 30 KB",
            wire.median(sizes) <= 30_000,
        )


def in_chromium(table: Table, base: str) -> None:
    """Timings in Chromium: navigation to the map, click to details, ten sessions at once."""
    cold, warm = browser.time_to_map(base)
    for cache, times in (("leerer Cache", cold), ("Cache warm", warm)):
        median = statistics.median(times)
        table.add(
            f"Chromium: Navigation bis Karte, {cache} (Median, {len(times)} Läufe)", ms(median), "≤ 3 s", median <= 3
        )
    clicks = browser.click_to_details(base)
    median = statistics.median(clicks)
    table.add(f"Chromium: Klick bis Details (Median, {len(clicks)} Läufe)", ms(median), "≤ 0,5 s", median <= 0.5)
    cpu_before = browser.server_cpu_seconds(base)
    times, errors = browser.concurrent_sessions(base, 10)
    cpu = browser.server_cpu_seconds(base) - cpu_before
    table.add(
        "10 gleichzeitige Sitzungen (Browser auf derselben Maschine): p95 bis Karte",
        ms(browser.p95(times)) if times else "–",
        "≤ 10 s",
        bool(times) and browser.p95(times) <= 10,
    )
    table.add("10 gleichzeitige Sitzungen: Fehler", str(errors), "0", errors == 0)
    table.add("10 gleichzeitige Sitzungen: Server-CPU insgesamt", f"{de(cpu, 1)} s")


def at_scale(table: Table, tarball: Path) -> None:
    """All of Germany's Kreise as partners: build, file, document and time to the map."""
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        count, build_seconds = scale.make_data_dir(data, tarball, SCALE_TOLERANCE_M)
        table.add(
            f"Skalierung: {count} Kreise – Build (Toleranz {SCALE_TOLERANCE_M:.0f} m)", f"{de(build_seconds, 1)} s"
        )
        table.add(f"Skalierung: {count} Kreise – Grenzdatei", kb((data / "boundaries.geojson").stat().st_size))
        document, inlined = payload.ours(load_project(data))
        table.add(
            f"Skalierung: {count} Kreise – Kartendokument ohne Leaflet",
            kb(document - inlined),
            "≤ 1,5 MB",
            document - inlined <= 1_500_000,
        )
        with streamlit_server(data) as base:
            cold, warm = browser.time_to_map(base, runs=3)
            for cache, times in (("leerer Cache", cold), ("Cache warm", warm)):
                median = statistics.median(times)
                table.add(
                    f"Skalierung: {count} Kreise – Navigation bis Karte, {cache} (Median)",
                    ms(median),
                    "≤ 6 s",
                    median <= 6,
                )


def cpu_model() -> str:
    """The CPU model as the kernel names it (Linux), else the platform's processor string."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unbekannte CPU"


if __name__ == "__main__":
    main()
