"""Locust users that visit the dashboard as people do, over Streamlit's websocket protocol (bench/protocol.py).

By hand (also distributed, see Locust's documentation)::

    .venv/bin/locust -f bench/locustfile.py --headless --host http://127.0.0.1:8080/ -u 20 -r 20 -t 60s Visitor

``python -m bench.load`` drives the same classes as a library and writes bench/load.md.
Each step is reported as a Locust request of type ``WS`` named after the step, timed from sending (for
„Seite öffnen“: from the page request) until the script run finished.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

import gevent
from locust import HttpUser, User, constant, constant_pacing, task
from locust.exception import StopUser

from bench.protocol import Run, Session
from geo.data.paths import configured_data_dir
from geo.data.project import load_project
from geo.view.table import theme_counts

# What people click, from the data the dashboard shows: every partner; every theme with partners, as the
# filter displays it ("Wohnen (3)"); shared links with a selection, a filter, both or neither.
_PROJECT = load_project(configured_data_dir())
_COUNTS = theme_counts(_PROJECT)
PARTNERS = list(_PROJECT.partners.index)
THEMES = [f"{t.label} ({_COUNTS[t.slug]})" for t in _PROJECT.themes if _COUNTS[t.slug]]
_SLUGS = [t.slug for t in _PROJECT.themes if _COUNTS[t.slug]]
SHARED = ["", f"region={PARTNERS[0]}", f"thema={_SLUGS[0]}", f"region={PARTNERS[1]}&thema={_SLUGS[1]}"]
PACING_SECONDS = 2.0
OPEN: set[Session] = set()  # sessions of running visits, so that a run can be cut off (bench/load.py)
# Set by bench/datachange.py: byte strings each run's messages are searched for, and what was found there
# as (monotonic start of the step, step, markers found), so that it can tell which data state a run showed.
MARKERS: tuple[bytes, ...] = ()
SEEN: list[tuple[float, str, frozenset[bytes]]] = []


class Visit:
    """One visitor's three steps, each reported to Locust."""

    def __init__(self, user: User) -> None:
        self.user = user
        host = user.host or "http://127.0.0.1:8501/"
        self.session = Session(host if host.endswith("/") else host + "/", markers=MARKERS)
        OPEN.add(self.session)

    def step(self, name: str, action: Callable[[], Run]) -> bool:
        start, began = time.perf_counter(), time.monotonic()
        try:
            run = action()
        except Exception as exc:
            self.user.environment.events.request.fire(
                request_type="WS",
                name=name,
                response_time=(time.perf_counter() - start) * 1000,
                response_length=0,
                exception=exc,
                context={},
            )
            self.session.close()
            OPEN.discard(self.session)
            return False
        if MARKERS:
            SEEN.append((began, name, run.markers))
        self.user.environment.events.request.fire(
            request_type="WS",
            name=name,
            response_time=run.seconds * 1000,
            response_length=run.bytes_received,
            exception=None,
            context={},
        )
        return True

    def run(self, hold: bool = False) -> None:
        """Open a shared link, click a partner on the map, change the filter; then leave (or stay)."""
        ok = (
            self.step("1 Seite öffnen", lambda: self.session.open(random.choice(SHARED)))
            and self.step("2 Partner wählen", lambda: self.session.select(random.choice(PARTNERS)))
            and self.step("3 Filter ändern", lambda: self.session.set_widget("themes", [random.choice(THEMES)]))
        )
        if ok and not hold:
            self.session.close()
            OPEN.discard(self.session)


class Visitor(User):
    """Steady arrivals: each user starts a visit every PACING_SECONDS (users / pacing = visitors per second)."""

    wait_time = constant_pacing(PACING_SECONDS)

    @task
    def visit(self) -> None:
        Visit(self).run()


class BurstVisitor(User):
    """One visit, then gone: N of them started at once are N simultaneous arrivals."""

    wait_time = constant(0)

    @task
    def visit(self) -> None:
        Visit(self).run()
        raise StopUser()


class IdleVisitor(User):
    """Opens the page and stays connected without doing anything (for sessions held and memory)."""

    wait_time = constant(3600)
    visit: Visit | None = None

    def on_start(self) -> None:
        self.visit = Visit(self)
        self.visit.step("1 Seite öffnen", lambda: self.visit.session.open(random.choice(SHARED)))  # type: ignore[union-attr]

    @task
    def stay(self) -> None:
        gevent.sleep(3600)

    def on_stop(self) -> None:
        if self.visit:
            self.visit.session.close()


class GisDesk(HttpUser):
    """A GIS desk on the OGC service (``/ogc/``): the partner areas, one theme, one partner in EPSG:25832.
    Each request is reported as ``GET`` named after what it asks for (bench/ogc.py)."""

    wait_time = constant_pacing(PACING_SECONDS)

    @task
    def load(self) -> None:
        get = self.client.get
        get("ogc/collections/partner/items?f=json&limit=1000", name="OGC alle Partner")
        get(f"ogc/collections/partner/items?f=json&themen={random.choice(_SLUGS)}", name="OGC ein Thema")
        utm = "http://www.opengis.net/def/crs/EPSG/0/25832"
        get(f"ogc/collections/partner/items/{random.choice(PARTNERS)}?f=json&crs={utm}", name="OGC ein Partner (UTM)")
        # a box never asked for before: nginx's cache cannot answer, pygeoapi must
        west, south = 9.5 + random.random(), 53.2 + random.random() * 0.5
        bbox = f"{west:.6f},{south:.6f},{west + 0.5:.6f},{south + 0.4:.6f}"
        get(f"ogc/collections/partner/items?f=json&bbox={bbox}", name="OGC bbox (nicht im Cache)")
