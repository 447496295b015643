"""Which parts of the page block a repeat visit: Lighthouse behind nginx, the dashboard whole and with parts left out.

    .venv/bin/python -m bench.parts              # 3 runs each; writes bench/parts.md
    .venv/bin/python -m bench.parts --runs 5

Each variant is the unchanged ``app.py`` run by a small script that first replaces one or more of the
page's section functions (``ui/sections.py``, ``ui/sidebar.py``) by one that draws nothing, as a visitor
would see the page without that part. Every page is measured as in ``bench/lighthouse.py``'s repeat visit: a
first Lighthouse run fills a new browser profile's cache, the second, in the same profile, is measured
(mobile preset, simulated throttling); the empty Streamlit page is the floor. Runs are interleaved, so all
pages see the same machine load.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from bench.lighthouse import EMPTY_APP, front, lighthouse, lighthouse_cli, repeat_visit
from bench.trace import cpu_model
from deploy.cluster import free_ports
from geo.data.paths import ROOT
from geo.view.formats import format_de

OUT = Path(__file__).with_name("parts.md")
# What each variant leaves out: the names of section functions that then draw nothing.
LEFT_OUT: dict[str, tuple[str, ...]] = {
    "ganzes Dashboard": (),
    "ohne Seitenleiste (Suche, Filter, Partner, Vergleich, Dachprojekt)": ("sidebar",),
    "ohne Karte und Details": ("map_and_details",),
    "ohne Tabelle, Übersicht und Zeitleiste": ("table_and_overview",),
    "ohne Downloads, GIS, Teilen und Fußzeile": ("downloads", "gis", "share", "footer"),
    "nur Kopf, Seitenleiste, Karte und Details": ("table_and_overview", "downloads", "gis", "share", "footer"),
    "nur Kopf, Karte und Details": ("sidebar", "table_and_overview", "downloads", "gis", "share", "footer"),
}
VARIANT = """import sys
sys.path.insert(0, {root!r})
import runpy
import streamlit as st
import ui.sections
import ui.sidebar
from ui.session import PLACE

def sidebar(t, session, labels, dachprojekt):  # draws nothing; the place search's answer as the sidebar gives it
    return session.find(st.session_state[PLACE])

for name in {names!r}:
    if name == "sidebar":
        ui.sidebar.sidebar = sidebar
    else:
        setattr(ui.sections, name, lambda *args, **kwargs: None)
runpy.run_path({app!r}, run_name="__main__")
"""


def variant_script(folder: Path, names: tuple[str, ...]) -> Path:
    """A script in ``folder`` (beside links to the repository's config and static files) running app.py
    without the sections ``names``."""
    for linked in (".streamlit", "static"):
        if not (folder / linked).exists():
            (folder / linked).symlink_to(ROOT / linked)
    script = folder / f"teil-{len(list(folder.glob('teil-*.py')))}.py"
    script.write_text(VARIANT.format(root=str(ROOT), names=list(names), app=str(ROOT / "app.py")), encoding="utf-8")
    return script


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.parts")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    cli = lighthouse_cli()
    pages: dict[str, list[dict[str, Any]]] = {}
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        folder = Path(tmp)
        (folder / "empty").mkdir()
        empty = folder / "empty" / "leer.py"
        empty.write_text(EMPTY_APP, encoding="utf-8")
        shutil.copytree(ROOT / ".streamlit", folder / "empty" / ".streamlit")
        scripts = {"leere Streamlit-Seite (Boden)": empty}
        scripts |= {name: variant_script(folder, left) for name, left in LEFT_OUT.items()}
        urls, keys = {}, []
        for (name, script), port in zip(scripts.items(), free_ports(len(scripts), set()), strict=True):
            urls[name], key = stack.enter_context(front(port, script))
            keys.append(key)
        for url in urls.values():  # warm-up: the server builds and writes the map document, nginx caches
            lighthouse(cli, url, trusted=tuple(keys))
        pages = {name: [] for name in urls}
        for _ in range(args.runs):
            for name, url in urls.items():
                pages[name].append(repeat_visit(cli, url, trusted=tuple(keys)))
    lines = report(pages, args.runs)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    print(f"\ngeschrieben: {OUT}")
    return 0


def report(pages: dict[str, list[dict[str, Any]]], runs: int) -> list[str]:
    floor_name = next(iter(pages))
    floor = statistics.median(r["tbt"] for r in pages[floor_name])
    lines = [
        f"Gemessen am {time.strftime('%Y-%m-%d %H:%M')} mit `python -m bench.parts --runs {runs}` auf "
        f"{platform.machine()} ({cpu_model()}): Lighthouse, mobile preset (simuliert gedrosselt), Wiederbesuch "
        "hinter nginx (HTTPS, HTTP/2), Median je Seite.",
        "",
        "| Seite | Blockierzeit (TBT) beim Wiederbesuch | über dem Boden | Läufe | LCP |",
        "|---|---:|---:|---|---:|",
    ]
    for name, results in pages.items():
        tbt = statistics.median(r["tbt"] for r in results)
        each = " / ".join(format_de(r["tbt"]) for r in results)
        over = "" if name == floor_name else f"{format_de(tbt - floor)} ms"
        lcp = statistics.median(r["lcp"] for r in results)
        lines.append(f"| {name} | {format_de(tbt)} ms | {over} | {each} | {format_de(lcp / 1000, 1)} s |")
    lines += ["", f"Ziel (Issue 20): Wiederbesuch blockiert ≤ Boden + 150 ms = {format_de(floor + 150)} ms."]
    return lines


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    raise SystemExit(main())
