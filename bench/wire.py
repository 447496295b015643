"""What a visitor's browser moves, measured in Debian Chromium: websocket bytes per interaction, HTTP bytes
of the first and of a repeat visit, time to map.

Websocket bytes are the payloads of the frames Chromium sent and received (Playwright's websocket events),
summed from the interaction until the page is idle again and the map shows the new view. If the server
negotiated ``permessage-deflate``, fewer bytes cross the network; the figure is then an upper bound, and the
table says whether compression was on. HTTP bytes are Chromium's ``encodedDataLength`` per response
(headers and body as received, CDP ``Network.loadingFinished``); responses served from the browser cache count 0.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from playwright.sync_api import Page, sync_playwright

from harness.browser import CHROMIUM_ARGS, chromium_path, click_lonlat, map_frame, open_map, wait_view

SEGEBERG = (10.0, 53.85)
STORMARN = (10.35, 53.7)


@dataclass
class Wire:
    """Counters a page feeds while it runs."""

    ws_bytes: int = 0
    ws_frames: int = 0
    http_bytes: int = 0
    http_requests: int = 0
    compressed: bool = False
    largest: list[tuple[int, str]] = field(default_factory=list)

    def reset(self) -> None:
        self.ws_bytes = self.ws_frames = self.http_bytes = self.http_requests = 0
        self.largest = []


def _size(payload: str | bytes) -> int:
    return len(payload.encode("utf-8")) if isinstance(payload, str) else len(payload)


def watch(page: Page) -> Wire:
    """Count websocket frames (both directions) and HTTP bytes of ``page`` and its frames."""
    wire = Wire()

    def on_frame(payload: str | bytes) -> None:
        wire.ws_bytes += _size(payload)
        wire.ws_frames += 1

    def on_socket(socket) -> None:  # type: ignore[no-untyped-def]
        socket.on("framereceived", on_frame)
        socket.on("framesent", on_frame)

    page.on("websocket", on_socket)
    session = page.context.new_cdp_session(page)
    session.send("Network.enable")
    urls: dict[str, str] = {}

    def on_response(event: dict) -> None:  # type: ignore[type-arg]
        urls[event["requestId"]] = event["response"]["url"]

    def on_finished(event: dict) -> None:  # type: ignore[type-arg]
        size = int(event.get("encodedDataLength", 0))
        wire.http_bytes += size
        wire.http_requests += 1
        wire.largest.append((size, urls.get(event["requestId"], "?")))

    def on_handshake(event: dict) -> None:  # type: ignore[type-arg]
        headers = {k.lower(): v for k, v in event["response"].get("headers", {}).items()}
        wire.compressed = "permessage-deflate" in headers.get("sec-websocket-extensions", "")

    session.on("Network.responseReceived", on_response)
    session.on("Network.loadingFinished", on_finished)
    session.on("Network.webSocketHandshakeResponseReceived", on_handshake)
    return wire


@dataclass
class Visit:
    first_http: list[int] = field(default_factory=list)
    repeat_http: list[int] = field(default_factory=list)
    first_ms: list[float] = field(default_factory=list)
    repeat_ms: list[float] = field(default_factory=list)
    map_doc_repeat: list[int] = field(default_factory=list)  # map document bytes moved on the repeat visit
    largest: list[tuple[int, str]] = field(default_factory=list)
    interactions: dict[str, list[int]] = field(default_factory=dict)
    compressed: bool = False


def _interact(page: Page, frame, wire: Wire, action: Callable[[], object]) -> int:  # type: ignore[no-untyped-def]
    page.wait_for_timeout(300)
    wire.reset()
    action()
    wait_view(page, frame)
    page.wait_for_timeout(300)
    return wire.ws_bytes


def interactions(page: Page, frame) -> dict[str, Callable[[], object]]:  # type: ignore[no-untyped-def]
    """What a visitor does after the page is there, in order."""

    def tick_theme() -> None:
        frame.locator(".mrh-panel").evaluate("d => { d.open = true; }")
        frame.locator(".mrh-panel label").filter(has_text="Wohnen").locator("input").check()

    def pick_in_sidebar() -> None:
        page.locator("[data-testid='stSelectbox']").first.click()
        page.get_by_role("option", name="Kreis Stormarn").click()

    return {
        "Klick auf ein Gebiet": lambda: click_lonlat(page, frame, *SEGEBERG),
        "Thema in der Karte ankreuzen": tick_theme,
        "Partner in der Seitenleiste wählen": pick_in_sidebar,
        "zweiter Klick auf ein Gebiet": lambda: click_lonlat(page, frame, *STORMARN),
    }


def measure(base: str, runs: int = 3) -> Visit:
    """First and repeat visit, then a click, a filter change and a sidebar selection, ``runs`` times."""
    visit = Visit()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="de-DE")
            page = context.new_page()
            wire = watch(page)
            start = time.perf_counter()
            frame = open_map(page, base + "/")
            visit.first_ms.append((time.perf_counter() - start) * 1000)
            visit.first_http.append(wire.http_bytes)
            visit.largest = sorted(wire.largest, reverse=True)[:5]
            visit.compressed = wire.compressed

            clicks = interactions(page, frame)
            for name, action in clicks.items():
                visit.interactions.setdefault(name, []).append(_interact(page, frame, wire, action))

            wire.reset()
            start = time.perf_counter()
            page.reload()
            frame = map_frame(page)
            wait_view(page, frame)
            visit.repeat_ms.append((time.perf_counter() - start) * 1000)
            visit.repeat_http.append(wire.http_bytes)
            visit.map_doc_repeat.append(sum(s for s, u in wire.largest if "/app/static/maps/" in u))
            context.close()
        browser.close()
    return visit


def median(values: list[float] | list[int]) -> float:
    return float(statistics.median(values))
