"""Load with Locust: (a) one Streamlit instance direct, (b) two instances behind nginx (``python -m deploy``).

    .venv/bin/python -m bench.load            # ≈ 6 minutes; writes bench/load.md
    .venv/bin/python -m bench.load --quick    # shorter runs, for trying it out

Measured per setup, each with the Locust users of ``bench/locustfile.py`` (Streamlit's websocket protocol):

- server CPU per visitor (first load + one selection), 30 visits one after another, from ``/proc`` (all
  instances, and nginx separately);
- a burst: N visitors arriving at the same moment, each opening a shared link, clicking a partner and
  changing the filter – p50/p95 per step;
- steady arrivals at several rates – p50/p95 per step, the rate actually achieved, CPU per instance; the
  highest rate with p95 ≤ 1 s in every step and no error is reported as sustained;
- sessions held: N visitors who open the page and stay connected; errors and memory (RSS) per instance and
  per session.

Locust runs in this process on the same two cores as the servers; its own CPU time is reported beside theirs.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import gevent
from locust import User
from locust.env import Environment
from locust.runners import LocalRunner

from bench.locustfile import OPEN, PACING_SECONDS, BurstVisitor, IdleVisitor, Visitor
from bench.protocol import Session
from deploy.cluster import Cluster, down, free_ports, up
from geo.view.formats import format_de

OUT = Path(__file__).with_name("load.md")
STEPS = ["1 Seite öffnen", "2 Partner wählen", "3 Filter ändern"]
TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pids: Iterable[int]) -> float:
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += (int(fields[11]) + int(fields[12])) / TICK
    return total


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def nginx_pids(cluster: Cluster) -> list[int]:
    master = int(Path(cluster.state_dir, "nginx.pid").read_text().strip())
    children = Path(f"/proc/{master}/task/{master}/children")
    return [master, *(int(p) for p in children.read_text().split())] if children.exists() else [master]


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


@dataclass
class Steps:
    """Percentiles per step from one Locust run."""

    p50: dict[str, float] = field(default_factory=dict)
    p95: dict[str, float] = field(default_factory=dict)
    count: dict[str, int] = field(default_factory=dict)
    errors: int = 0
    error_text: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, env: Environment) -> Steps:
        steps = cls()
        for name in STEPS:
            entry = env.stats.get(name, "WS")
            steps.count[name] = entry.num_requests
            steps.p50[name] = entry.get_response_time_percentile(0.5) or 0
            steps.p95[name] = entry.get_response_time_percentile(0.95) or 0
            steps.errors += entry.num_failures
        steps.error_text = [f"{e.name}: {e.error}" for e in env.stats.errors.values()][:3]
        return steps

    def cells(self) -> str:
        """``öffnen 270 / 540 · wählen 170 / 330 · Filter 120 / 250`` (p50 / p95 in ms)."""
        short = dict(zip(STEPS, ("öffnen", "wählen", "Filter"), strict=True))
        return " · ".join(f"{short[s]} {_ms(self.p50[s])} / {_ms(self.p95[s])}" for s in STEPS)

    def within(self, limit_ms: float) -> bool:
        return self.errors == 0 and all(self.p95[s] <= limit_ms and self.count[s] for s in STEPS)


def _ms(value: float) -> str:
    return format_de(value)


def stop(runner: LocalRunner) -> None:
    """Stop a Locust run after its measurement: drop the connections of visits still waiting for a script run
    (at saturation ``runner.quit()`` alone hung with every greenlet idle), then quit, waiting 30 s at most."""
    for session in list(OPEN):
        session.abort()
    OPEN.clear()
    with gevent.Timeout(30, False):
        runner.quit()
        return
    print("    Locust hielt nicht binnen 30 s an – weiter mit der nächsten Messung", flush=True)


def environment(user: type[User], host: str) -> Environment:
    user.host = host
    return Environment(user_classes=[user])


def warm(host: str) -> None:
    session = Session(host)
    session.open("")
    session.select("01060")
    session.close()


def cpu_per_visit(host: str, pids: list[int], extra: list[int], visits: int) -> tuple[float, float]:
    """Server CPU-s per visitor (open a shared link + one selection), instances and nginx."""
    before, before_extra = cpu_seconds(pids), cpu_seconds(extra)
    for _ in range(visits):
        session = Session(host)
        session.open("region=01051&thema=wohnen")
        session.select("01062")
        session.close()
    return (cpu_seconds(pids) - before) / visits, (cpu_seconds(extra) - before_extra) / visits


def burst(host: str, visitors: int, timeout: float = 180) -> tuple[Steps, float]:
    env = environment(BurstVisitor, host)
    runner = env.create_local_runner()
    start = time.perf_counter()
    runner.start(visitors, spawn_rate=visitors)
    deadline = time.monotonic() + timeout
    gevent.sleep(1)
    while runner.user_count > 0 and time.monotonic() < deadline:
        gevent.sleep(0.2)
    took = time.perf_counter() - start
    stop(runner)
    return Steps.of(env), took


@dataclass
class Steady:
    rate: float
    achieved: float
    steps: Steps
    cpu_per_instance: float  # CPU-s per second, mean over instances (1.0 = one core busy)
    locust_cpu: float


def steady(host: str, rate: float, seconds: float, pids: list[int]) -> Steady:
    env = environment(Visitor, host)
    runner = env.create_local_runner()
    users = max(1, round(rate * PACING_SECONDS))  # each user starts a visit every PACING_SECONDS
    runner.start(users, spawn_rate=rate)
    gevent.sleep(users / rate + 4)  # ramp, then let the first visits settle
    env.stats.reset_all()
    cpu0, own0, t0 = cpu_seconds(pids), own_cpu(), time.perf_counter()
    gevent.sleep(seconds)
    elapsed = time.perf_counter() - t0
    cpu, own = cpu_seconds(pids) - cpu0, own_cpu() - own0
    steps = Steps.of(env)
    stop(runner)
    return Steady(rate, steps.count[STEPS[0]] / elapsed, steps, cpu / elapsed / len(pids), own / elapsed)


def hold(host: str, sessions: int, pids: list[int], timeout: float = 240) -> tuple[Steps, float, float, list[float]]:
    """Open ``sessions`` pages and keep them; returns steps, RSS growth per session (MiB), time, RSS per pid."""
    rss0 = [rss_mib(p) for p in pids]
    env = environment(IdleVisitor, host)
    runner = env.create_local_runner()
    start = time.perf_counter()
    runner.start(sessions, spawn_rate=min(sessions, 20))
    deadline = time.monotonic() + timeout
    while env.stats.get(STEPS[0], "WS").num_requests < sessions and time.monotonic() < deadline:
        gevent.sleep(0.5)
    took = time.perf_counter() - start
    gevent.sleep(2)
    rss1 = [rss_mib(p) for p in pids]
    steps = Steps.of(env)
    stop(runner)
    return steps, (sum(rss1) - sum(rss0)) / sessions, took, rss1


def row(label: str, what: str, value: str, target: str = "", ok: bool | None = None) -> str:
    verdict = "" if ok is None else ("ja" if ok else "**nein**")
    line = f"| {label} | {what} | {value} | {target} | {verdict} |"
    print(line, flush=True)
    return line


def run_setup(label: str, cluster: Cluster, direct: bool, rates: list[float], args: argparse.Namespace) -> list[str]:
    instances = cluster.instances[:1] if direct else cluster.instances
    host = f"http://127.0.0.1:{instances[0].port}/" if direct else cluster.url
    pids = [i.pid for i in instances]
    extra = [] if direct else nginx_pids(cluster)
    for instance in cluster.instances:
        warm(f"http://127.0.0.1:{instance.port}/")
    rows = []
    per_visit, per_visit_nginx = cpu_per_visit(host, pids, extra, args.visits)
    value = f"{format_de(per_visit, 3)} s" + ("" if direct else f" (nginx {format_de(per_visit_nginx, 3)} s dazu)")
    what = f"Server-CPU je Besucher (öffnen + 1 Auswahl, {args.visits} nacheinander)"
    rows.append(row(label, what, value, "≤ 0,1 s", per_visit <= 0.1))

    steps, took = burst(host, args.burst)
    done = format_de(took, 1)
    what = f"{args.burst} gleichzeitige Ankünfte, p50 / p95 in ms: {steps.cells()}; alle fertig nach {done} s"
    rows.append(row(label, what, f"Fehler {steps.errors}"))

    sustained = 0.0
    for rate in rates:
        result = steady(host, rate, args.seconds, pids)
        ok = result.steps.within(1000) and result.achieved >= 0.95 * rate
        sustained = rate if ok else sustained
        what = (
            f"{rate:g} Besucher/s über {args.seconds:g} s (erreicht {format_de(result.achieved, 1)}/s), "
            f"p50 / p95 in ms: {result.steps.cells()}; "
            f"CPU je Instanz {result.cpu_per_instance:.0%}, Locust {result.locust_cpu:.0%}"
        )
        rows.append(row(label, what, f"Fehler {result.steps.errors}", "p95 ≤ 1 s, 0 Fehler", ok))
        if result.steps.error_text:
            print("   ", result.steps.error_text, flush=True)
    what = "höchste gehaltene Ankunftsrate (p95 ≤ 1 s, 0 Fehler)"
    target, ok_rate = ("", None) if direct else ("≥ 10/s", sustained >= 10)
    rows.append(row(label, what, f"{sustained:g} Besucher/s", target, ok_rate))

    gevent.sleep(3)
    steps, per_session, took, rss = hold(host, args.sessions, pids)
    held = steps.errors == 0 and steps.count[STEPS[0]] >= args.sessions
    what = f"{args.sessions} verbundene Sitzungen (geöffnet in {took:.0f} s): Fehler"
    rows.append(row(label, what, str(steps.errors), "0", held))
    rss_text = ", ".join(f"{r:.0f}" for r in rss)
    what = f"Speicher je Sitzung (RSS-Zuwachs / Sitzungen); RSS je Instanz danach {rss_text} MiB"
    rows.append(row(label, what, f"{format_de(per_session, 2)} MiB", "≤ 1 MiB", per_session <= 1))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load")
    parser.add_argument("--quick", action="store_true", help="kurze Läufe zum Ausprobieren")
    args = parser.parse_args(argv)
    args.visits = 10 if args.quick else 30
    args.burst = 30 if args.quick else 100
    args.seconds = 8.0 if args.quick else 20.0
    args.sessions = 40 if args.quick else 200
    header = [
        f"Gemessen am {datetime.now():%Y-%m-%d %H:%M} mit `python -m bench.load{' --quick' if args.quick else ''}` "
        f"auf {platform.machine()} ({os.cpu_count()} Kerne), Python {platform.python_version()}; Locust im selben "
        "Prozess auf denselben Kernen.",
        "",
        "| Aufbau | Messung | Wert | Ziel | erreicht |",
        "|---|---|---|---|---|",
    ]
    rows: list[str] = []
    for label, instances, direct, rates in (
        ("(a) 1 Instanz direkt", 1, True, [2.0, 5.0, 10.0]),
        ("(b) 2 Instanzen hinter nginx", 2, False, [5.0, 10.0, 15.0, 20.0, 30.0]),
    ):
        port = free_ports(1, set())[0]
        cluster = up(instances=instances, port=port)
        try:
            rows += run_setup(label, cluster, direct, rates, args)
        finally:
            down(port)
    OUT.write_text("\n".join([*header, *rows]) + "\n", encoding="utf-8")
    print(f"\ngeschrieben: {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
