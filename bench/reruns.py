"""Script rerun times with Streamlit's AppTest (the server-side cost of every interaction)."""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

from geo.data import paths

APP = str(paths.APP)


def _timed(at: AppTest) -> float:
    start = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - start
    if at.exception:
        raise RuntimeError(at.exception[0].message)
    return elapsed


def harness_baseline(runs: int, folder: Path) -> list[float]:
    """First-run time of an empty Streamlit script: what AppTest itself costs per new session."""
    script = folder / "empty_app.py"
    script.write_text("import streamlit as st\nst.write('x')\n", encoding="utf-8")
    AppTest.from_file(str(script)).run()
    return [_timed(AppTest.from_file(str(script))) for _ in range(runs)]


def rerun_times(runs: int = 20) -> dict[str, list[float]]:
    """Seconds per script run: a new session's first load, selecting a region, changing the filter."""
    os.environ.pop("MRH_DATA_DIR", None)
    AppTest.from_file(APP, default_timeout=120).run()  # warm the process-wide caches once
    first = [_timed(AppTest.from_file(APP, default_timeout=120)) for _ in range(runs)]
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    regions = ["01060", "01062", "13076", "033530005"]
    select = []
    for i in range(runs):
        at.selectbox[0].set_value(regions[i % len(regions)])
        select.append(_timed(at))
    filters = [["wohnen"], ["mobilitaet", "senioren"], [], ["bildung"]]
    theme = []
    for i in range(runs):
        at.multiselect[0].set_value(filters[i % len(filters)])
        theme.append(_timed(at))
    return {"erster Aufruf (neue Sitzung)": first, "Region wählen": select, "Themenfilter ändern": theme}


def p50_p95(values: list[float]) -> tuple[float, float]:
    return statistics.median(values), statistics.quantiles(values, n=20, method="inclusive")[-1]
