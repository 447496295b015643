"""Visitors under load while the data changes: two instances behind nginx, Locust's visitors
(``bench/locustfile.py``) arriving steadily, and the data folder replaced during the run.

    .venv/bin/python -m bench.datachange            # ≈ 2 minutes; writes bench/datachange.md
    .venv/bin/python -m bench.datachange --rate 5   # another arrival rate

The served folder is a symlink (``MRH_DATA_DIR``) to one of two complete copies of ``data/``, state A and
state B. They differ in two files: every Teilprojekt title (``partners.csv``) and every event
(``termine.csv``) ends in „[Stand A]“ or „[Stand B]“. Every script run's messages are searched for both,
and for „Kries“, the typo of the invalid version. During the run, as deploy/README.md tells maintainers to:

1. the folder is swapped from A to B (symlink replaced: both files change at once);
2. ``partners.csv`` in B is replaced by a version with a typo (Segeberg's „Kreis“ → „Kries“), atomically;
3. it is replaced by the valid file again;
4. the folder is swapped back to A.

Reported per phase: runs that showed A, B, both (a mix) or neither (every marked element came from
Streamlit's message cache), and Locust's errors; the instances' ERROR lines for the typo. Wanted: no error,
no mix, no typo shown, and after each swap the new state.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import gevent

from bench import locustfile
from bench.datastates import Versions, point, replace, write_state
from bench.load import STEPS, Steps, environment, stop, warm
from bench.locustfile import PACING_SECONDS, Visitor
from deploy.cluster import down, free_ports, up
from geo.data.paths import DATA_DIR_VARIABLE
from geo.view.formats import format_de

OUT = Path(__file__).with_name("datachange.md")
A, B, TYPO = b"[Stand A]", b"[Stand B]", b"Kries"
GRACE = 3.0  # seconds around a change in which a step may show the state before or after it


@dataclass(frozen=True)
class Phase:
    start: float  # seconds into the run
    label: str
    expected: bytes  # the state a run started in this phase (after GRACE) must show


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.datachange")
    parser.add_argument("--rate", type=float, default=10.0, help="Besucher je Sekunde")
    parser.add_argument("--phase", type=float, default=15.0, help="Sekunden je Phase")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="mrh-datachange-") as tmp:
        root = Path(tmp)
        state_a, state_b, link = root / "stand-a", root / "stand-b", root / "data"
        write_state(state_a, "[Stand A]")
        write_state(state_b, "[Stand B]")
        point(link, state_a)
        versions = Versions.of(state_b / "partners.csv")
        os.environ[DATA_DIR_VARIABLE] = str(link)
        port = free_ports(1, set())[0]
        cluster = up(instances=2, port=port)
        try:
            for instance in cluster.instances:
                warm(f"http://127.0.0.1:{instance.port}/")
            rows, ok = run(cluster.url, link, state_a, state_b, versions, args)
            logs = [Path(i.log).read_text(encoding="utf-8", errors="replace") for i in cluster.instances]
        finally:
            down(port)
    logged = [log.count("ERROR mrh.data") for log in logs]
    where = all("partners.csv:" in log for log in logs)
    told = all(logged) and where
    rows.append(
        f"| Meldung an die Betreuer | Protokolleinträge ERROR mrh.data je Instanz: {', '.join(map(str, logged))}; "
        f"mit `partners.csv:Zeile`: {'ja' if where else 'nein'} | {'ja' if told else '**nein**'} |"
    )
    header = [
        f"Gemessen am {datetime.now():%Y-%m-%d %H:%M} mit `python -m bench.datachange --rate {args.rate:g} "
        f"--phase {args.phase:g}` auf {platform.machine()} ({os.cpu_count()} Kerne), Python "
        f"{platform.python_version()}: zwei Instanzen hinter nginx, {args.rate:g} Besucher/s (öffnen, Partner "
        "wählen, Filter ändern), Locust im selben Prozess. Je Phase zählen die Schritte, die in ihr begannen; "
        f"wer in den {GRACE:g} s vor oder nach einem Wechsel begann, darf den Stand davor oder danach zeigen.",
        "",
        "| Phase | Schritte, die zeigten: Stand A / Stand B / beide (gemischt) / keine Marke / den Tippfehler "
        "| wie gewollt |",
        "|---|---|---|",
    ]
    OUT.write_text("\n".join([*header, *rows]) + "\n", encoding="utf-8")
    print("\n".join([*header, *rows]))
    print(f"\ngeschrieben: {OUT}")
    return 0 if ok and told else 1


def run(
    host: str,
    link: Path,
    state_a: Path,
    state_b: Path,
    partners: Versions,
    args: argparse.Namespace,
) -> tuple[list[str], bool]:
    phases = [
        Phase(0, "1 Stand A", A),
        Phase(args.phase, "2 Ordner auf Stand B getauscht", B),
        Phase(2 * args.phase, "3 partners.csv mit Tippfehler ersetzt", B),
        Phase(3 * args.phase, "4 partners.csv wieder gültig", B),
        Phase(4 * args.phase, "5 Ordner zurück auf Stand A", A),
    ]
    changes = {
        1: lambda: point(link, state_b),
        2: lambda: replace(state_b / "partners.csv", partners.fields, partners.typo),
        3: lambda: replace(state_b / "partners.csv", partners.fields, partners.valid),
        4: lambda: point(link, state_a),
    }
    locustfile.MARKERS = (A, B, TYPO)
    locustfile.SEEN.clear()
    env = environment(Visitor, host)
    runner = env.create_local_runner()
    users = max(1, round(args.rate * PACING_SECONDS))
    runner.start(users, spawn_rate=args.rate)
    gevent.sleep(users / args.rate + 4)  # ramp up before the clock starts
    env.stats.reset_all()
    locustfile.SEEN.clear()
    begin = time.monotonic()
    for index, phase in enumerate(phases[1:], start=1):
        gevent.sleep(max(0.0, begin + phase.start - time.monotonic()))
        changes[index]()
        print(f"{time.monotonic() - begin:5.1f} s  {phase.label}", flush=True)
    gevent.sleep(max(0.0, begin + phases[-1].start + args.phase - time.monotonic()))
    steps = Steps.of(env)
    stop(runner)
    seen = list(locustfile.SEEN)
    locustfile.MARKERS = ()

    rows, ok = [], steps.errors == 0
    for index, phase in enumerate(phases):
        end = phases[index + 1].start if index + 1 < len(phases) else phase.start + args.phase
        inside = [(t - begin, m) for t, _, m in seen if phase.start <= t - begin < end]
        # A step that began just before a change may show the state after it: its run came later.
        last = index + 1 == len(phases)
        settled = [m for t, m in inside if phase.start + (GRACE if index else 0) <= t < end - (0 if last else GRACE)]
        counts = {
            "a": sum(A in m and B not in m for _, m in inside),
            "b": sum(B in m and A not in m for _, m in inside),
            "mix": sum(A in m and B in m for _, m in inside),
            "none": sum(A not in m and B not in m for _, m in inside),
            "typo": sum(TYPO in m for _, m in inside),
        }
        other = B if phase.expected == A else A
        wanted = (
            counts["mix"] == 0
            and counts["typo"] == 0
            and not any(other in m for m in settled)
            and any(phase.expected in m for m in settled)
        )
        ok = ok and wanted
        cells = " / ".join(format_de(counts[k]) for k in ("a", "b", "mix", "none", "typo"))
        rows.append(f"| {phase.label} | {cells} | {'ja' if wanted else '**nein**'} |")
    rows.append(
        f"| ganzer Lauf | {len(seen)} Schritte; Fehler {steps.errors}"
        f"{' (' + '; '.join(steps.error_text) + ')' if steps.error_text else ''}; p50 / p95 in ms: {steps.cells()} "
        f"| {'ja' if steps.errors == 0 else '**nein**'} |"
    )
    assert set(STEPS) >= {name for _, name, _ in seen}
    return rows, ok


if __name__ == "__main__":
    sys.exit(main())
