"""The last good state of data/ for a live server, and readers racing a writer (real files, real threads)."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from geo.build.boundaries import write_atomic
from geo.data.errors import DataError
from geo.data.live import LastGood, data_signature
from geo.data.partners import read_partners
from geo.data.project import load_project

SEGEBERG_TYPE = ";Kreis;Schleswig-Holstein;"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    write_atomic(path, text.replace(old, new, 1).encode("utf-8"))


def segeberg_line(data_dir: Path) -> int:
    lines = (data_dir / "partners.csv").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if line.startswith("01060;"))


def test_a_broken_edit_keeps_the_last_good_state_and_a_fix_is_served_without_restart(data_dir, caplog):
    keeper = LastGood(data_dir)
    good = keeper.snapshot()
    assert good.project is not None and good.problems == () and not good.stale
    assert keeper.snapshot() is good  # nothing changed: nothing read again

    partners = data_dir / "partners.csv"
    line = segeberg_line(data_dir)
    text = partners.read_text(encoding="utf-8").splitlines()[line - 1]
    edit(partners, text, text.replace(";Kreis;", ";Kries;", 1))
    with caplog.at_level(logging.ERROR, logger="mrh.data"):
        broken = keeper.snapshot()
    assert broken.project is good.project and broken.signature == good.signature and broken.stale
    assert [str(p) for p in broken.problems] == [
        f"{partners}:{line}: Unbekannter Typ 'Kries' in Spalte 'typ' (meinten Sie 'Kreis'?) – erlaubt: Kreis, "
        "Landkreis, Kreisfreie Stadt, Stadtkreis, Regionalverband, Städteregion, Samtgemeinde, Amt, "
        "Verbandsgemeinde, Verwaltungsgemeinschaft, Stadt, Gemeinde"
    ]
    (record,) = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert f"partners.csv:{line}: Unbekannter Typ 'Kries'" in record.getMessage()

    edit(partners, ";Kries;", ";Kreis;")
    edit(partners, "Kreis Segeberg 2030", "Kreis Segeberg 2031")
    fixed = keeper.snapshot()
    assert fixed.problems == () and fixed.project is not None and fixed.project is not good.project
    assert "Kreis Segeberg 2031" in fixed.project.partners.at["01060", "teilprojekt"]


def test_a_server_started_with_invalid_data_has_no_state_to_serve(data_dir):
    (data_dir / "boundaries.geojson").write_bytes(b"{")
    snapshot = LastGood(data_dir).snapshot()
    assert snapshot.project is None and not snapshot.stale
    assert any("boundaries.geojson:1: Ungültiges JSON" in str(p) for p in snapshot.problems)


def test_one_typo_in_a_partner_row_gives_one_message(data_dir):
    """The row no longer validates; contacts, demography and boundaries still name its key, silently."""
    edit(data_dir / "partners.csv", "\n01060;Segeberg;Kreis;", "\n01060;Segeberg;Kries;")
    try:
        load_project(data_dir)
    except DataError as exc:
        problems = [str(p) for p in exc.problems]
    assert len(problems) == 1 and "Unbekannter Typ 'Kries'" in problems[0]


def test_hidden_files_do_not_change_the_signature(data_dir):
    before = data_signature(data_dir)
    (data_dir / ".partners.csv.swp").write_bytes(b"editor state")
    assert data_signature(data_dir) == before


def test_readers_racing_an_atomic_writer_see_whole_files_only(data_dir):
    partners = data_dir / "partners.csv"
    slugs = [line.split(";")[0] for line in (data_dir / "themes.csv").read_text(encoding="utf-8").splitlines()[1:]]
    old = partners.read_bytes()
    new = old.replace(b"Kreis Segeberg 2030", b"Kreis Segeberg 2031")
    assert new != old
    stop, seen, failures = threading.Event(), set(), []

    def writer() -> None:
        for n in range(300):
            write_atomic(partners, new if n % 2 else old)
        stop.set()

    def reader() -> None:
        while not stop.is_set():
            frame, problems = read_partners(partners, slugs)
            if problems or len(frame) != 12:
                failures.append(problems)
            seen.add(frame.at["01060", "teilprojekt"])

    threads = [threading.Thread(target=writer), threading.Thread(target=reader)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert failures == []
    assert seen <= {"„Kreis Segeberg 2030“", "„Kreis Segeberg 2031“"} and seen


def test_last_good_under_a_racing_writer_serves_complete_states_only(data_dir):
    keeper = LastGood(data_dir)
    assert keeper.snapshot().project is not None  # the server started with good data
    partners = data_dir / "partners.csv"
    old = partners.read_bytes()
    versions = [old.replace(b"Kreis Segeberg 2030", f"Kreis Segeberg {2030 + n}".encode()) for n in range(4)]
    broken = old.replace(b";Kreis;", b";Kries;", 1)  # an invalid version in between
    stop = threading.Event()

    def writer() -> None:
        for n in range(40):
            write_atomic(partners, broken if n % 3 == 2 else versions[n % 4])
        write_atomic(partners, versions[3])
        stop.set()

    thread = threading.Thread(target=writer)
    thread.start()
    served = set()
    while not stop.is_set():
        snapshot = keeper.snapshot()
        assert snapshot.project is not None
        served.add(snapshot.project.partners.at["01060", "teilprojekt"])
    thread.join()
    assert served <= {f"„Kreis Segeberg {2030 + n}“" for n in range(4)}
    last = keeper.snapshot().project
    assert last is not None and last.partners.at["01060", "teilprojekt"] == "„Kreis Segeberg 2033“"
