"""Helpers for the real-browser tests: a Streamlit server on a free port, Debian Chromium."""

from __future__ import annotations

import os
import re
import shutil
import socket
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from deploy.cluster import DeployError, serve_streamlit

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
    "--disable-background-networking",
    "--disable-component-update",
]
IFRAME = 'iframe[src*="/app/static/maps/"]'  # the map's frame (st.iframe; ui/mapview.py)
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


def chromium_path() -> str:
    """Debian's Chromium; the browser tests fail (not skip) without it."""
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        raise RuntimeError("Chromium fehlt: sudo apt-get install -y chromium (oder CHROMIUM=/pfad setzen)")
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def streamlit_server(data_dir: Path | None = None, base_path: str = "", script: Path | None = None) -> Iterator[str]:
    """Run the dashboard (or ``script``, with its own folder as working directory) as production does
    (deploy/cluster.py, serve_streamlit: the systemd unit's command line); yield its base URL (without
    ``base_path``). The server's output goes to a file, not a pipe: a pipe nobody reads fills up, and a
    server that logs a lot (a data problem on every run) would then block."""
    with tempfile.TemporaryDirectory(prefix="mrh-server-") as state:
        try:
            instance = serve_streamlit(Path(state), base_path, script, {"MRH_DATA_DIR": str(data_dir or "")})
        except DeployError as error:
            raise RuntimeError(f"streamlit did not start:\n{error}") from error
        try:
            yield f"http://{instance.address}"
        finally:
            instance.stop()


def wait_idle(page) -> None:  # type: ignore[no-untyped-def]
    page.wait_for_selector(IDLE, state="attached", timeout=60_000)


def map_frame(page):  # type: ignore[no-untyped-def]
    """The frame holding the map document."""
    page.frame_locator(IFRAME).locator("path.mrh-partner").first.wait_for(timeout=30_000)
    frame = page.locator(IFRAME).element_handle().content_frame()
    assert frame is not None
    return frame


# The map frame shows the view its address carries: the page writes the view into the frame's fragment
# (#view=<JSON>, ui/mapview.py); the map applies it on "hashchange", a task after the address changed, and
# keeps it as window.mrhView (geo/map/web/map.js).
SHOWS_ITS_VIEW = """(selector) => {
  const element = document.querySelector(selector);
  const map = element && element.contentWindow;
  if (!map || map.mrhFromPage !== true || !map.mrhView) { return false; }
  const match = /#view=(.*)$/.exec(element.getAttribute("src"));
  if (!match || map.location.hash !== "#view=" + match[1]) { return false; }
  const want = JSON.parse(decodeURIComponent(match[1])), got = map.mrhView;
  return want.partner === got.partner && JSON.stringify(want.themes) === JSON.stringify(got.themes)
    && JSON.stringify(want.place || null) === JSON.stringify(got.place || null);
}"""


def wait_view(page, frame) -> None:  # type: ignore[no-untyped-def]
    """Wait until the page is idle and the map shows the view the page last sent (no fixed pause: the
    frame's address and the view the map applied are compared)."""
    wait_idle(page)
    page.wait_for_function(SHOWS_ITS_VIEW, arg=IFRAME, timeout=30_000)


def open_map(page, url: str):  # type: ignore[no-untyped-def]
    """Navigate, wait for the script run, the drawn partners and the view; return the map frame."""
    page.goto(url)
    wait_idle(page)
    frame = map_frame(page)
    wait_view(page, frame)
    return frame


def page_point(page, frame, lon: float, lat: float) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Page pixel where the map draws the given WGS84 coordinate."""
    x, y = frame.evaluate(
        "([lat, lon]) => { const p = window.map.latLngToContainerPoint([lat, lon]); return [p.x, p.y]; }", [lat, lon]
    )
    box = page.locator(IFRAME).bounding_box()
    return box["x"] + x, box["y"] + y


def click_lonlat(page, frame, lon: float, lat: float) -> None:  # type: ignore[no-untyped-def]
    """Click the map where the given WGS84 coordinate is drawn."""
    page.mouse.click(*page_point(page, frame, lon, lat))


def hover_lonlat(page, frame, lon: float, lat: float) -> None:  # type: ignore[no-untyped-def]
    x, y = page_point(page, frame, lon, lat)
    page.mouse.move(x - 3, y - 3)
    page.mouse.move(x, y, steps=3)


def foreign(urls: list[str], base: str) -> list[str]:
    """Requests that went anywhere but the app's own origin."""
    return [u for u in urls if not (u.startswith(base) or re.match(r"^(data|blob|about):", u))]
