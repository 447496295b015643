"""A Streamlit client that speaks the page's websocket protocol, for load tests (Locust) without a browser.

It does what the browser does (recorded from Chromium, Streamlit 1.67; ``../shared/research/stack-notes.md``
§9): fetch the page, ask ``/_stcore/health`` and ``/_stcore/host-config``, open ``/_stcore/stream`` with the
subprotocols ``streamlit`` + placeholder token, send a ``rerun_script`` with the URL's query string, read
``ForwardMsg``s until ``script_finished``. A later interaction is a ``rerun_script`` with the states of all
widgets the page shows (ids and current values read from the run's deltas; select widgets carry their
displayed labels), plus the changed one: a map click is the map component's ``select`` event.
Static files are not fetched: a returning browser has them, and behind nginx they come from its cache.
"""

from __future__ import annotations

import json
import time
import urllib.request
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import websocket
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

MAP_KEY = "map_messages"  # ui.mapview.KEY: the map listener component (tests/ops/test_load.py uses it)


class ProtocolError(RuntimeError):
    """The server answered something a browser would show as an error."""


@dataclass
class Run:
    """One script run as the client saw it."""

    seconds: float
    bytes_received: int
    messages: int
    markers: frozenset[bytes] = frozenset()  # which of the session's ``markers`` the run's messages held


@dataclass
class Widget:
    id: str
    kind: str  # "string" | "strings" | "bool"
    value: Any


@dataclass(eq=False)  # compared and hashed by identity: a set holds the open ones (bench/locustfile.py)
class Session:
    """One visitor's page: ``open()``, then interactions, then ``close()``."""

    base_url: str  # e.g. http://127.0.0.1:8080/
    timeout: float = 120.0
    widgets: dict[str, Widget] = field(default_factory=dict)
    map_events_id: str | None = None
    page_script_hash: str = ""
    query: str = ""
    cookie: str = ""
    ws: websocket.WebSocket | None = None
    markers: tuple[bytes, ...] = ()  # byte strings to look for in every run's messages (bench/datachange.py)

    # -- HTTP, as the page does before it connects ------------------------------------------------------
    def _get(self, path: str) -> bytes:
        request = urllib.request.Request(self.base_url + path, headers={"Accept-Encoding": "identity"})
        if self.cookie:
            request.add_header("Cookie", self.cookie)
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            for header in response.headers.get_all("Set-Cookie") or []:
                pair = header.split(";", 1)[0]
                name = pair.split("=", 1)[0]
                kept = [c for c in self.cookie.split("; ") if c and not c.startswith(name + "=")]
                self.cookie = "; ".join([*kept, pair])
            return bytes(response.read())

    def open(self, query: str = "") -> Run:
        """Open the dashboard at ``?query`` and wait for the first script run to finish."""
        start = time.perf_counter()
        self.query = query
        self._get("?" + query if query else "")
        self._get("_stcore/health")
        self._get("_stcore/host-config")
        parts = urlsplit(self.base_url)
        scheme = "wss" if parts.scheme == "https" else "ws"
        self.ws = websocket.create_connection(
            f"{scheme}://{parts.netloc}{parts.path}_stcore/stream",
            subprotocols=["streamlit", "PLACEHOLDER_AUTH_TOKEN"],
            origin=f"{parts.scheme}://{parts.netloc}",
            cookie=self.cookie or None,
            timeout=self.timeout,
            enable_multithread=False,
        )
        message = BackMsg()
        message.rerun_script.query_string = query
        self._context(message)
        return self._run(message, start)

    def select(self, rs: str) -> Run:
        """Click partner ``rs`` on the map (the map component's ``select`` event)."""
        if self.map_events_id is None:
            raise ProtocolError("Die Karte fehlt auf der Seite: kein Klick möglich")
        message = self._rerun()
        trigger = message.rerun_script.widget_states.widgets.add()
        trigger.id = self.map_events_id
        trigger.json_trigger_value = json.dumps([{"event": "select", "value": rs}])
        return self._run(message, time.perf_counter())

    def set_widget(self, key: str, value: Any) -> Run:
        """Change the widget with user key ``key`` (select widgets take their displayed labels)."""
        widget = next((w for wid, w in self.widgets.items() if wid.endswith("-" + key)), None)
        if widget is None:
            raise ProtocolError(f"kein Widget mit Schlüssel {key!r} auf der Seite")
        widget.value = value
        return self._run(self._rerun(), time.perf_counter())

    def close(self) -> None:
        if self.ws is not None:
            self.ws.close()
            self.ws = None

    def abort(self) -> None:
        """Drop the connection at once (a step waiting for its script run ends with an error)."""
        if self.ws is not None:
            self.ws.abort()

    # -- messages ----------------------------------------------------------------------------------------
    def _context(self, message: BackMsg) -> None:
        context = message.rerun_script.context_info
        context.timezone = "Europe/Berlin"
        context.locale = "de-DE"
        context.url = self.base_url
        context.color_scheme = "light"

    def _rerun(self) -> BackMsg:
        message = BackMsg()
        rerun = message.rerun_script
        rerun.query_string = self.query
        rerun.page_script_hash = self.page_script_hash
        for widget in self.widgets.values():
            state = rerun.widget_states.widgets.add()
            state.id = widget.id
            if widget.kind == "bool":
                state.bool_value = bool(widget.value)
            elif widget.kind == "strings":
                state.string_array_value.data.extend(widget.value)
            else:
                state.string_value = widget.value
        self._context(message)
        return message

    def _run(self, message: BackMsg, start: float) -> Run:
        assert self.ws is not None, "open() first"
        self.ws.send_binary(message.SerializeToString())
        received = count = 0
        found: set[bytes] = set()
        while True:
            payload = self.ws.recv()
            if not isinstance(payload, bytes):
                raise ProtocolError("Textnachricht statt Protobuf")
            received += len(payload)
            count += 1
            found.update(m for m in self.markers if m in payload)
            forward = ForwardMsg()
            forward.ParseFromString(payload)
            kind = forward.WhichOneof("type")
            if kind == "new_session":
                self.page_script_hash = forward.new_session.page_script_hash
            elif kind == "delta":
                self._note(forward)
            elif kind == "session_event" and forward.session_event.WhichOneof("type") == "script_compilation_exception":
                raise ProtocolError("Skript nicht kompilierbar")
            elif kind == "script_finished":
                if forward.script_finished != 0:  # FINISHED_SUCCESSFULLY
                    raise ProtocolError(f"Skriptlauf endete mit Status {forward.script_finished}")
                return Run(time.perf_counter() - start, received, count, frozenset(found))

    def _note(self, forward: ForwardMsg) -> None:
        """Remember widget ids and values from a delta; fail on an exception element (a traceback)."""
        delta = forward.delta
        if delta.WhichOneof("type") != "new_element":
            return
        element = delta.new_element
        kind = element.WhichOneof("type")
        if kind == "exception":
            raise ProtocolError(f"Ausnahme auf der Seite: {element.exception.message}")
        if kind == "selectbox":
            box = element.selectbox
            value = box.raw_value if box.HasField("raw_value") else _option(box.options, box.default)
            self.widgets[box.id] = Widget(box.id, "string", value)
        elif kind == "multiselect":
            multi = element.multiselect
            values = list(multi.raw_values) if multi.set_value else [multi.options[i] for i in multi.default]
            self.widgets[multi.id] = Widget(multi.id, "strings", values)
        elif kind == "checkbox":
            self.widgets[element.checkbox.id] = Widget(element.checkbox.id, "bool", element.checkbox.value)
        elif kind == "radio":
            radio = element.radio
            value = radio.raw_value if radio.HasField("raw_value") else _option(radio.options, radio.default)
            self.widgets[radio.id] = Widget(radio.id, "string", value)
        elif kind == "bidi_component" and element.bidi_component.id.endswith("-" + MAP_KEY):
            self.map_events_id = f"$$STREAMLIT_INTERNAL_KEY_{element.bidi_component.id}__events"


def _option(options: Any, index: int) -> str:
    return str(options[index]) if 0 <= index < len(options) else ""


__all__ = ["ProtocolError", "Run", "Session", "WidgetState"]
