"""The last data that validated: what a live server shows while someone is editing the files in ``data/``.

Like nginx refusing a broken configuration on reload, a data folder that no longer validates never
replaces the state being served: visitors keep the last good :class:`Snapshot`, the maintainers get the
problems (an ERROR log line with every ``file:line``, and :attr:`Snapshot.problems`). Once the files
validate again, the next look serves them, without a restart.

Files are expected to be replaced atomically (written to a temporary file in the same folder, then
renamed; ``geo.build`` does so), so a reader sees either the old or the new file. A reading that overlaps
a change of the folder is not trusted: it is read again.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from stat import S_ISREG

from geo.data.errors import DataError, Problem
from geo.data.project import Project, load_project

Signature = tuple[tuple[str, int, int], ...]
LOG = logging.getLogger("mrh.data")
ATTEMPTS = 3  # readings in a row that a concurrent writer may spoil before the problems are reported


def data_signature(data_dir: Path) -> Signature:
    """Changes whenever the data folder or a file in it changes (name, mtime, size; I/O, reads no file).

    Hidden files (an editor's swap file, a writer's temporary file before its rename) do not count."""
    files = sorted(p for p in data_dir.iterdir() if not p.name.startswith(".")) if data_dir.is_dir() else []
    stats = []
    for path in files:
        try:
            stat = path.stat()
        except FileNotFoundError:  # replaced while we looked
            continue
        if S_ISREG(stat.st_mode):
            stats.append((path.name, stat.st_mtime_ns, stat.st_size))
    return ((str(data_dir.resolve()), 0, 0), *stats)


@dataclass(frozen=True)
class Snapshot:
    """The state being served and what is wrong with the files on disk now.

    ``project`` is ``None`` only while the folder has never validated since the server started;
    ``signature`` is that of the files ``project`` was read from; ``problems`` are those of the files on
    disk, empty when they are the ones served.
    """

    signature: Signature
    project: Project | None
    problems: tuple[Problem, ...] = ()

    @property
    def stale(self) -> bool:
        """True when the files on disk do not validate and an older good state is being served."""
        return self.project is not None and bool(self.problems)


class LastGood:
    """Keeps the last good :class:`Snapshot` of one data folder; thread-safe (one per server process)."""

    def __init__(self, data_dir: Path, load: Callable[[Path], Project] = load_project) -> None:
        self.data_dir = data_dir
        self._load = load
        self._lock = threading.Lock()
        self._seen: Signature | None = None  # signature of the files behind ``_snapshot``'s verdict
        self._snapshot = Snapshot((), None)

    def snapshot(self) -> Snapshot:
        """The state to serve now: reads the folder again only when its signature changed (I/O)."""
        with self._lock:
            for _ in range(ATTEMPTS):
                before = data_signature(self.data_dir)
                if before == self._seen:
                    return self._snapshot
                try:
                    project = self._load(self.data_dir)
                except DataError as exc:
                    verdict = Snapshot(self._snapshot.signature, self._snapshot.project, exc.problems)
                else:
                    verdict = Snapshot(before, project)
                if data_signature(self.data_dir) == before:  # nothing changed while reading: trust it
                    break
            else:  # a writer kept changing the folder: serve what we have, look again next time
                return self._snapshot
            self._seen = before
            if verdict.problems:
                LOG.error(
                    "%s: %d Problem(e) – %s\n%s",
                    self.data_dir,
                    len(verdict.problems),
                    "weiter ausgeliefert wird der letzte gültige Stand" if verdict.project else "kein gültiger Stand",
                    "\n".join(str(p) for p in verdict.problems),
                )
            elif self._snapshot.problems:
                LOG.warning("%s: Daten wieder gültig, neuer Stand wird ausgeliefert", self.data_dir)
            self._snapshot = verdict
            return verdict
