"""The data behind a script run, the one helper that caches what is made from it, and what is cached.

A server process keeps one :class:`geo.data.live.LastGood` per data folder: a run serves the last data
that validated, even while a maintainer's edit leaves ``data/`` broken. Everything made from the data (map
document, search answers, downloads) is cached by the served data's signature, so a new state is made
once and an old one is never mixed into a run that started on the new one.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, Concatenate, NamedTuple, ParamSpec, TypeVar

import streamlit as st

from geo.data.live import LastGood, Signature, Snapshot
from geo.data.paths import configured_data_dir
from geo.data.project import Project
from geo.map.export import standalone_html
from geo.map.png import map_png
from geo.map.steckbrief import factsheet_pdf
from geo.view.search import Answer, search
from ui import mapview

# The server's log (stderr, journald under systemd): data problems as "… ERROR mrh.data: file:line: …".
_LOG = logging.getLogger("mrh")
if not _LOG.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    _LOG.addHandler(_handler)
    _LOG.propagate = False

P = ParamSpec("P")
R = TypeVar("R")


class Served(NamedTuple):
    """The data one script run shows, start to end (also when the files change during the run)."""

    signature: Signature
    project: Project


@st.cache_resource(show_spinner=False)
def _last_good(data_dir: str) -> LastGood:
    return LastGood(Path(data_dir))


def snapshot() -> Snapshot:
    """What to serve now, and what is wrong with the files on disk (reads ``data/`` only when it changed)."""
    return _last_good(str(configured_data_dir())).snapshot()


def cached(
    function: Callable[Concatenate[Project, P], R], *, max_entries: int = 32, resource: bool = False
) -> Callable[Concatenate[Served, P], R]:
    """``function(project, *args)`` cached per served data and arguments.

    ``resource=True`` keeps the returned object itself (no copy; for values with side effects such as a
    written file), else Streamlit's data cache returns a copy. Arguments must be hashable by Streamlit.
    """

    def run(signature: Signature, _project: Project, *args: Any, **kwargs: Any) -> R:  # ``_project``: not hashed
        return function(_project, *args, **kwargs)  # type: ignore[call-arg]

    # Streamlit tells cached functions apart by module and qualified name: one cache per wrapped function.
    run.__module__, run.__qualname__, run.__name__ = function.__module__, function.__qualname__, function.__name__
    store = st.cache_resource if resource else st.cache_data
    runner = store(max_entries=max_entries, show_spinner=False)(run)

    def call(served: Served, *args: P.args, **kwargs: P.kwargs) -> R:
        return runner(served.signature, served.project, *args, **kwargs)

    return call


try:  # how often an open page checks data/ for a new state (tests shorten it)
    DATA_CHECK_SECONDS = max(1.0, float(os.environ.get("MRH_DATA_CHECK_SECONDS", "300")))
except ValueError:
    DATA_CHECK_SECONDS = 300.0


# What the page makes from the served data, each cached per data state and arguments.
def place_answer(project: Project, query: str) -> Answer:
    """„Ort suchen“ over 11.000 Gemeinden (≈ 20–60 ms): once per text, not on every rerun that shows it."""
    return search(project.gazetteer, list(project.partners.index), query)


find = cached(place_answer, max_entries=256)
map_src = cached(mapview.publish_map, max_entries=8, resource=True)
offline_map = cached(standalone_html)
picture = cached(map_png)
factsheet = cached(factsheet_pdf)
