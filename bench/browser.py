"""Browser timings in Debian Chromium: time to map, click to details, ten sessions at once."""

from __future__ import annotations

import asyncio
import os
import statistics
import time
from pathlib import Path

from playwright.async_api import async_playwright
from playwright.sync_api import sync_playwright

from harness.browser import CHROMIUM_ARGS, IDLE, IFRAME, chromium_path, click_lonlat, open_map

CLICKS = [((10.0, 53.85), "Kreis Segeberg"), ((10.35, 53.7), "Kreis Stormarn")]


def time_to_map(base: str, runs: int = 5) -> tuple[list[float], list[float]]:
    """Seconds from navigation to drawn partner polygons with the view applied: (cold, warm).

    Cold: a new browser context (empty cache). Warm: reloading in that context (cached assets),
    as for a colleague who opened the dashboard before.
    """
    cold, warm = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            page = context.new_page()
            start = time.perf_counter()
            open_map(page, base + "/")
            cold.append(time.perf_counter() - start)
            start = time.perf_counter()
            open_map(page, base + "/")
            warm.append(time.perf_counter() - start)
            context.close()
        browser.close()
    return cold, warm


def server_cpu_seconds(base: str) -> float:
    """CPU time used so far by the streamlit process serving ``base`` (Linux /proc)."""
    port = base.rsplit(":", 1)[1]
    for proc in Path("/proc").iterdir():
        try:
            cmdline = (proc / "cmdline").read_bytes().split(b"\0")
            if b"streamlit" in b" ".join(cmdline) and port.encode() in cmdline:
                fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
                return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError, IndexError):
            continue
    return float("nan")


def click_to_details(base: str, runs: int = 6) -> list[float]:
    """Seconds from a click on a district to its heading in the detail panel."""
    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        frame = open_map(page, base + "/")
        for i in range(runs):
            (lon, lat), name = CLICKS[i % len(CLICKS)]
            start = time.perf_counter()
            click_lonlat(page, frame, lon, lat)
            page.get_by_role("heading", name=name).wait_for(timeout=30_000)
            times.append(time.perf_counter() - start)
            page.wait_for_selector(IDLE, state="attached")
        browser.close()
    return times


async def _one_session(browser, base: str) -> float:  # type: ignore[no-untyped-def]
    context = await browser.new_context(viewport={"width": 1400, "height": 900})
    page = await context.new_page()
    start = time.perf_counter()
    await page.goto(base + "/")
    await page.wait_for_selector(IDLE, state="attached", timeout=60_000)
    await page.frame_locator(IFRAME).locator("path.mrh-partner").first.wait_for(timeout=60_000)
    elapsed = time.perf_counter() - start
    await context.close()
    return elapsed


async def _concurrent(base: str, sessions: int) -> tuple[list[float], int]:
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        results = await asyncio.gather(*(_one_session(browser, base) for _ in range(sessions)), return_exceptions=True)
        await browser.close()
    times = [r for r in results if isinstance(r, float)]
    return times, len(results) - len(times)


def concurrent_sessions(base: str, sessions: int = 10) -> tuple[list[float], int]:
    """``sessions`` browser sessions opening the dashboard at the same moment: (times, errors)."""
    return asyncio.run(_concurrent(base, sessions))


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1] if len(values) > 1 else values[0]
