"""The load client speaks Streamlit's protocol as the page does, against a real server (no browser)."""

from __future__ import annotations

import csv
import subprocess
import sys

import pytest

from bench.protocol import ProtocolError, Session
from geo.data.paths import ROOT

pytestmark = pytest.mark.server


def labels(session: Session) -> dict[str, object]:
    """Widget values by user key (``…-region`` → ``region``)."""
    return {wid.rsplit("-", 1)[1]: widget.value for wid, widget in session.widgets.items()}


def test_protocol_client_opens_a_shared_link_clicks_and_filters(server):
    session = Session(server + "/")
    try:
        first = session.open("region=01051")
        assert first.bytes_received > 5_000 and first.messages > 10
        assert labels(session)["partner"] == "Kreis Dithmarschen"
        assert labels(session)["themes"] == []
        assert session.map_events_id and session.map_events_id.endswith("-map_messages__events")

        session.select("01062")  # the map's click event, as the component sends it
        assert labels(session)["partner"] == "Kreis Stormarn"

        session.set_widget("themes", ["Wohnen (3)"])
        assert labels(session)["themes"] == ["Wohnen (3)"]
        with pytest.raises(ProtocolError, match="kein Widget mit Schlüssel 'gibtsnicht'"):
            session.set_widget("gibtsnicht", "x")
    finally:
        session.close()


def test_locust_visitors_finish_every_step_without_errors(server, tmp_path):
    stats = tmp_path / "run"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "locust",
            "-f",
            "bench/locustfile.py",
            "--headless",
            "--host",
            server + "/",
            "-u",
            "3",
            "-r",
            "3",
            "-t",
            "15s",
            "--csv",
            str(stats),
            "--only-summary",
            "BurstVisitor",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    with (tmp_path / "run_stats.csv").open(encoding="utf-8") as file:
        rows = {row["Name"]: row for row in csv.DictReader(file)}
    for step in ("1 Seite öffnen", "2 Partner wählen", "3 Filter ändern"):
        assert rows[step]["Request Count"] == "3", rows[step]
        assert rows[step]["Failure Count"] == "0"


def test_the_client_tells_which_markers_a_run_held(server):
    session = Session(server + "/", markers=(b"Kreis Stormarn", b"[Stand A]"))
    try:
        assert session.open("region=01062").markers == {b"Kreis Stormarn"}
    finally:
        session.close()


def test_the_data_change_benchmark_serves_two_valid_states_and_one_typo(tmp_path):
    """bench/datachange.py (bench/datastates.py): states A and B validate and are marked in both files; the typo is one problem."""
    from bench.datastates import Versions, replace, write_state
    from geo.data.errors import DataError
    from geo.data.project import load_project

    write_state(tmp_path / "b", "[Stand B]")
    project = load_project(tmp_path / "b")
    titles = [t for t in project.partners["teilprojekt"] if t]
    assert titles and all(t.endswith(" [Stand B]") for t in titles)
    assert all(e.endswith(" [Stand B]") for e in project.events["ereignis"])
    versions = Versions.of(tmp_path / "b" / "partners.csv")
    replace(tmp_path / "b" / "partners.csv", versions.fields, versions.typo)
    with pytest.raises(DataError) as caught:
        load_project(tmp_path / "b")
    (problem,) = caught.value.problems  # one typo, one message
    assert "'Kries'" in problem.message and problem.file.endswith("partners.csv") and problem.line
    replace(tmp_path / "b" / "partners.csv", versions.fields, versions.valid)
    assert list(load_project(tmp_path / "b").partners.index) == list(project.partners.index)
