"""Where the main thread's time goes while the dashboard starts: a Chromium trace at 4× CPU slowdown.

    .venv/bin/python -m bench.trace              # 3 visits; writes bench/trace.md
    .venv/bin/python -m bench.trace --runs 5
    .venv/bin/python -m bench.trace --repeat     # a repeat visit; writes bench/trace-wiederbesuch.md

Each visit is a new browser (empty cache, as Lighthouse starts one for each run) at 390×844 with touch, as on
a phone, CPU slowed down 4× (DevTools' ``Emulation.setCPUThrottlingRate``, as Lighthouse's mobile preset), no
network throttling. The trace (category ``devtools.timeline``) runs from navigation until the map is drawn
(the User Timing mark ``mrh-karte-gezeichnet``) plus 3 s. The page and its map frame share one renderer main
thread (same origin); every task on it of more than 50 ms is listed (and our longest from 20 ms up), with
whose script ran in it: the map document (Leaflet's script beside it, the map's steps by their ``sourceURL`` –
``geo/map/steps.py`` –, our parts in ``geo/map/web/`` by line), our components (``/app/static/ui/``) or
Streamlit's bundles, and how much of the task was style, layout and paint. Blocking time is the sum over tasks
of their time beyond 50 ms (Lighthouse's TBT counts only between first paint and interactive; here everything
until the map stands).
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import statistics
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from bench.__main__ import cpu_model
from geo.view.formats import format_de
from harness.browser import CHROMIUM_ARGS, chromium_path, streamlit_server

OUT = Path(__file__).with_name("trace.md")
OUT_REPEAT = Path(__file__).with_name("trace-wiederbesuch.md")
LONG_MS = 50.0
SHORTEST_MS = 20.0  # tasks recorded: shorter ones are not long by any measure, and many
RATE = 4
CATEGORIES = (
    "devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing,v8.execute,"
    "disabled-by-default-v8.cpu_profiler"
)
RENDERING = {"UpdateLayoutTree", "Layout", "Paint", "PrePaint", "Layerize", "RecalculateStyles", "HitTest"}
SCRIPT = {"EvaluateScript", "FunctionCall", "v8.compile", "v8.compileModule", "EventDispatch", "TimerFire"}
BROWSER = "Browser (Parsen, Stil, Layout, Zeichnen)"
STEP = re.compile(r"/karte-schritt-\d+\.js$")  # the sourceURL geo/map/web/steps.js gives each step
LEAFLET = re.compile(r"/app/static/maps/leaflet-[0-9a-f]+\.js")  # beside the map documents (ui/mapview.py)
LEAFLET_TASK = "Kartendokument: leaflet.js"  # Leaflet's own evaluation: one script, one task, folium's library
# our scripts (geo/map/web/) in one file beside the map documents (geo/map/mapdoc.py, published_map)
MAP_SCRIPT = re.compile(r"/app/static/maps/karte-skript-[0-9a-f]+\.js")
MAP_DOC = re.compile(r"/app/static/maps/[^/?#]+\.html")


@dataclass
class Task:
    start_ms: float  # since navigation start
    ms: float
    owner: str  # what ran in it (the heaviest script child)
    rendering_ms: float
    functions: list[tuple[str, float]]  # heaviest functions by own time (CPU profile samples), ms

    @property
    def blocking_ms(self) -> float:
        return max(0.0, self.ms - LONG_MS)


def script_parts(document: str) -> list[tuple[int, str]]:
    """(first line, name) of each inline script of the map document, in order."""
    names = []
    for match in re.finditer(r"<script>(.*?)</script>", document, flags=re.S):
        line = document.count("\n", 0, match.start()) + 1
        body = match.group(1)
        if "MRH.dom = " not in body and "Leaflet" in body[:400]:
            name = "leaflet.js"
        elif "MRH.dom = " in body:
            name = "unsere Teile (geo/map/web/)"
        elif "MRH.runSteps(" in body:
            name = "Karten-Schritte (geo/map/steps.py)"
        else:
            name = "Kartendokument (inline)"
        names.append((line, name))
    return names


def owner_of(url: str, line: int, parts: list[tuple[int, str]]) -> str:
    if STEP.search(url):
        return "Kartendokument: Karten-Schritte (geo/map/steps.py)"
    if LEAFLET.search(url):
        return LEAFLET_TASK
    if MAP_SCRIPT.search(url):
        return "Kartendokument: unsere Teile (geo/map/web/)"
    if MAP_DOC.search(url):
        part = next((name for first, name in reversed(parts) if line >= first), "Kartendokument")
        return f"Kartendokument: {part}"
    if "/app/static/ui/" in url:
        return "unsere Komponente " + url.rsplit("/", 1)[-1].split("?")[0]
    if "/static/js/" in url or "/static/" in url:
        return "Streamlit " + url.rsplit("/", 1)[-1].split("?")[0]
    return BROWSER if not url else url.rsplit("/", 1)[-1][:40]


def samples_of(events: list[dict[str, Any]], parts: list[tuple[int, str]]) -> list[tuple[float, str, str]]:
    """(timestamp µs, function, whose script) of every CPU profile sample: the function running."""
    nodes: dict[tuple[Any, int], tuple[str, str]] = {}
    clock: dict[Any, float] = {}
    found: list[tuple[float, str, str]] = []
    for e in sorted((e for e in events if e.get("name") in ("Profile", "ProfileChunk")), key=lambda e: e["ts"]):
        key = (e.get("pid"), e.get("id"))
        data = e.get("args", {}).get("data", {})
        if e["name"] == "Profile":
            clock[key] = float(data.get("startTime", e["ts"]))
            continue
        profile = data.get("cpuProfile", {})
        for node in profile.get("nodes", []):
            frame = node.get("callFrame", {})
            url, line = frame.get("url", ""), int(frame.get("lineNumber", 0)) + 1
            name = frame.get("functionName") or "(anonym)"
            where = owner_of(url, line, parts) if url else BROWSER
            nodes[(key, node["id"])] = (f"{name} ({where.removeprefix('Kartendokument: ')})", where)
        now = clock.get(key, float(e["ts"]))
        for sample, delta in zip(profile.get("samples", []), data.get("timeDeltas", []), strict=False):
            now += delta
            found.append((now, *nodes.get((key, sample), ("?", BROWSER))))
        clock[key] = now
    return found


def tasks_of(
    trace: dict[str, Any], parts: list[tuple[int, str]], longer_than: float = LONG_MS
) -> tuple[list[Task], float | None]:
    """Tasks over ``longer_than`` ms on the renderer main thread, and when the map was drawn (ms since
    navigation)."""
    events = trace["traceEvents"] if isinstance(trace, dict) else trace
    main = {
        (e["pid"], e["tid"])
        for e in events
        if e.get("name") == "thread_name" and e.get("args", {}).get("name") == "CrRendererMain"
    }
    nav = min(
        (e["ts"] for e in events if e.get("name") in ("navigationStart", "markAsMainFrame")),
        default=min(e["ts"] for e in events if e.get("ts")),
    )
    drawn = next((e["ts"] for e in events if e.get("name") == "mrh-karte-gezeichnet"), None)
    by_thread: dict[tuple[int, int], list[dict[str, Any]]] = defaultdict(list)
    for e in events:
        if (e.get("pid"), e.get("tid")) in main and e.get("ph") == "X" and "dur" in e:
            by_thread[(e["pid"], e["tid"])].append(e)
    samples = samples_of(events, parts)
    found = []
    for thread in by_thread.values():
        thread.sort(key=lambda e: e["ts"])
        for task in (e for e in thread if e["name"] == "RunTask" and e["dur"] / 1000 > longer_than):
            end = task["ts"] + task["dur"]
            inside = [e for e in thread if task["ts"] <= e["ts"] < end and e is not task]
            weight: dict[str, float] = defaultdict(float)
            for e in inside:
                if e["name"] in SCRIPT:
                    data = e.get("args", {}).get("data", {})
                    url = data.get("url") or data.get("scriptName") or ""
                    weight[owner_of(url, int(data.get("lineNumber") or 0), parts)] += e["dur"]
            rendering = sum(e["dur"] for e in inside if e["name"] in RENDERING) / 1000
            own: dict[str, float] = defaultdict(float)
            by_script: dict[str, float] = defaultdict(float)  # own time per script, for tasks without a call
            inside_samples = [(t, f, w) for t, f, w in samples if task["ts"] <= t < end]
            ends = [t for t, _, _ in inside_samples[1:]] + [end] if inside_samples else []
            for (t, function, where), later in zip(inside_samples, ends, strict=True):
                own[function] += (later - t) / 1000
                if where != BROWSER:
                    by_script[where] += later - t
            heaviest = sorted(own.items(), key=lambda kv: -kv[1])[:6]
            if not weight:  # e.g. a ResizeObserver callback: no FunctionCall event, but samples of its code
                weight = by_script
            owner = max(weight, key=lambda k: weight[k]) if weight else BROWSER
            found.append(Task((task["ts"] - nav) / 1000, task["dur"] / 1000, owner, rendering, heaviest))
    found.sort(key=lambda t: t.start_ms)
    return found, ((drawn - nav) / 1000 if drawn else None)


def visit(browser, base: str, parts: list[tuple[int, str]], repeat: bool = False) -> tuple[list[Task], float | None]:  # type: ignore[no-untyped-def]
    """One traced visit; ``repeat``: a first visit in the same context fills the cache, the second is traced."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": RATE})
    drawn = "() => performance.getEntriesByName('mrh-karte-gezeichnet').length > 0"
    if repeat:
        page.goto(base + "/")
        page.wait_for_function(drawn, timeout=120_000, polling=200)
        page.wait_for_timeout(2000)  # until the caches have written what the first visit fetched
    browser.start_tracing(page=page, categories=CATEGORIES.split(","))
    page.goto(base + "/")
    page.wait_for_function(drawn, timeout=120_000, polling=200)
    page.wait_for_timeout(3000)
    trace = json.loads(browser.stop_tracing())
    context.close()
    return tasks_of(trace, parts, SHORTEST_MS)


def map_document_text(base: str) -> str:
    """The map document the page shows (its name is in the frame's address)."""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(base + "/")
        frame = page.wait_for_selector("iframe[src*='/app/static/maps/']", timeout=60_000)
        src = (frame.get_attribute("src") if frame else None) or ""
        text = page.request.get(base + src.split("#")[0]).text()
        browser.close()
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.trace")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--repeat", action="store_true", help="trace a repeat visit (writes trace-wiederbesuch.md)")
    args = parser.parse_args(argv)
    visits: list[tuple[list[Task], float | None]] = []
    with streamlit_server() as base:
        parts = script_parts(map_document_text(base))
        with sync_playwright() as p:
            for _ in range(args.runs):  # a new browser each time, as Lighthouse: no font or shaping cache yet
                browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
                visits.append(visit(browser, base, parts, args.repeat))
                browser.close()
                time.sleep(1)
    lines = report(visits, args.runs, args.repeat)
    out = OUT_REPEAT if args.repeat else OUT
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    print(f"\ngeschrieben: {out}")
    return 0


def ours(owner: str) -> bool:
    return owner.startswith(("Kartendokument", "unsere Komponente"))


def ours_over_long(visits: list[tuple[list[Task], float | None]]) -> list[str]:
    """The table of our tasks over 50 ms in all runs, or a sentence that there was none."""
    rows = [
        f"| {number} | {format_de(t.start_ms)} ms | {format_de(t.ms)} ms | {t.owner} | {format_de(t.rendering_ms)} ms |"
        for number, (tasks, _) in enumerate(visits, start=1)
        for t in tasks
        if ours(t.owner) and t.ms > LONG_MS
    ]
    if not rows:
        return ["Unsere Aufgaben über 50 ms: in keinem Lauf."]
    return [
        "Unsere Aufgaben über 50 ms in allen Läufen:",
        "",
        "| Lauf | Start | Dauer | Skript | Stil/Layout/Zeichnen |",
        "|---:|---:|---:|---|---:|",
        *rows,
    ]


def longest_of_ours(tasks: list[Task], leaflet: bool | None = None) -> float:
    """Our longest task of a visit in ms; 0 if none was over SHORTEST_MS. ``leaflet``: True only Leaflet's
    evaluation, False all but it, None all."""
    return max(
        (t.ms for t in tasks if ours(t.owner) and (leaflet is None or (t.owner == LEAFLET_TASK) == leaflet)),
        default=0.0,
    )


def report(visits: list[tuple[list[Task], float | None]], runs: int, repeat: bool = False) -> list[str]:
    def ms(value: float) -> str:
        return f"{format_de(value)} ms"

    lines = [
        f"Gemessen am {datetime.now():%Y-%m-%d %H:%M} mit `python -m bench.trace --runs {runs}"
        f"{' --repeat' if repeat else ''}` auf {platform.machine()} ({cpu_model()}), Debian-Chromium, 390×844 mit "
        f"Touch, CPU {RATE}× verlangsamt, je Lauf ein neuer Browser, "
        + (
            "gemessen wird der Wiederbesuch (der erste Besuch im selben Browser hat den Cache gefüllt)"
            if repeat
            else "leerer Cache"
        )
        + ", direkt (ohne nginx).",
        "",
        "| Lauf | Karte gezeichnet | Aufgaben > 50 ms (davon unsere) | Blockierzeit gesamt | davon unsere | "
        "längste Aufgabe von uns |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for number, (tasks, drawn) in enumerate(visits, start=1):
        long = [t for t in tasks if t.ms > LONG_MS]
        mine = [t for t in long if ours(t.owner)]
        lines.append(
            f"| {number} | {ms(drawn) if drawn is not None else '–'} | {len(long)} ({len(mine)}) | "
            f"{ms(sum(t.blocking_ms for t in long))} | {ms(sum(t.blocking_ms for t in mine))} | "
            f"{ms(longest_of_ours(tasks)) if longest_of_ours(tasks) else f'< {ms(SHORTEST_MS)}'} |"
        )
    drawn_all = [d for _, d in visits if d is not None]
    blocking = [sum(t.blocking_ms for t in tasks if ours(t.owner)) for tasks, _ in visits]
    below = f"< {ms(SHORTEST_MS)}"

    def longest_row(label: str, leaflet: bool | None) -> str:
        each = [longest_of_ours(tasks, leaflet) for tasks, _ in visits]
        longest, worst = statistics.median(each), max(each)
        return (
            f"| {label} | längste {ms(longest) if longest else below} (Median), {ms(worst) if worst else below} "
            f"(höchstens) | {'ja' if worst <= LONG_MS else '**nein**'} |"
        )

    lines += [
        "",
        "| Ziel (Median der Läufe) | Wert | erreicht |",
        "|---|---:|---|",
        longest_row("keine Aufgabe von uns > 50 ms, in keinem Lauf", None),
        longest_row("… ohne Leaflets eigene Auswertung (unsere Skripte, Karten-Schritte, Komponenten)", False),
        longest_row("… Leaflets eigene Auswertung (`leaflet.js`: ein Skript, eine Aufgabe)", True),
        f"| Blockierzeit unserer Aufgaben | {ms(statistics.median(blocking))} | |",
        f"| Karte gezeichnet | {ms(statistics.median(drawn_all)) if drawn_all else '–'} | |",
        "",
        *ours_over_long(visits),
        "",
        "Aufgaben über 50 ms im letzten Lauf (Start seit Navigation; wessen Skript am längsten lief; Stil, Layout "
        "und Zeichnen darin):",
        "",
        "| Start | Dauer | Skript | Stil/Layout/Zeichnen | meiste eigene Zeit (Stichproben des CPU-Profils) |",
        "|---:|---:|---|---:|---|",
    ]
    for task in (t for t in visits[-1][0] if t.ms > LONG_MS):
        heavy = "; ".join(f"{name} {ms(t)}" for name, t in task.functions if t >= 5)
        lines.append(
            f"| {ms(task.start_ms)} | {ms(task.ms)} | {task.owner} | {ms(task.rendering_ms)} | {heavy or '–'} |"
        )
    return lines


if __name__ == "__main__":
    raise SystemExit(main())
