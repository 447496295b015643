"""The OGC service under load beside the dashboard's visitors: two instances and pygeoapi behind nginx.

    .venv/bin/python -m bench.ogc              # ≈ 1 minute; writes bench/ogc.md
    .venv/bin/python -m bench.ogc --visitors 5 --desks 2

Dashboard visitors (``Visitor`` of bench/locustfile.py: open, choose a partner, change the filter) arrive at
``--visitors`` per second; ``--desks`` GIS desks (``GisDesk``) each ask every 2 s for all partner areas,
for one theme, for one partner in EPSG:25832 and for a box never asked for before. nginx keeps answers for
60 s, so the first three come mostly from its cache (as they would for real desks); the box always reaches
pygeoapi. Reported: p50 / p95 per request and step, errors.
Locust runs in this process on the same two cores as the servers.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
from datetime import datetime
from pathlib import Path

import gevent

from bench.load import STEPS, Steps, environment, stop, warm
from bench.locustfile import PACING_SECONDS, GisDesk, Visitor
from deploy.cluster import down, free_ports, up
from geo.view.formats import format_de

OUT = Path(__file__).with_name("ogc.md")
REQUESTS = ("OGC alle Partner", "OGC ein Thema", "OGC ein Partner (UTM)", "OGC bbox (nicht im Cache)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.ogc")
    parser.add_argument("--visitors", type=float, default=5.0, help="Dashboard-Besucher je Sekunde")
    parser.add_argument("--desks", type=int, default=4, help="GIS-Arbeitsplätze, je einer alle 2 s")
    parser.add_argument("--seconds", type=float, default=30.0)
    args = parser.parse_args(argv)
    port = free_ports(1, set())[0]
    cluster = up(instances=2, port=port, ogc=True)
    try:
        for instance in cluster.instances:
            warm(f"http://127.0.0.1:{instance.port}/")
        env = environment(Visitor, cluster.url)
        GisDesk.host = cluster.url
        env.user_classes = [Visitor, GisDesk]
        runner = env.create_local_runner()
        visitors = max(1, round(args.visitors * PACING_SECONDS))
        GisDesk.fixed_count = args.desks  # exactly that many desks; every other user is a visitor
        runner.start(visitors + args.desks, spawn_rate=20)
        gevent.sleep(6)
        env.stats.reset_all()
        gevent.sleep(args.seconds)
        steps = Steps.of(env)
        gis = {name: env.stats.get(name, "GET") for name in REQUESTS}
        stop(runner)
    finally:
        down(port)
    rows = [
        f"| {name} | {entry.num_requests} | {format_de(entry.get_response_time_percentile(0.5) or 0)} / "
        f"{format_de(entry.get_response_time_percentile(0.95) or 0)} | {entry.num_failures} |"
        for name, entry in gis.items()
    ]
    rows += [
        f"| Dashboard: {step} | {steps.count[step]} | {format_de(steps.p50[step])} / {format_de(steps.p95[step])} | |"
        for step in STEPS
    ]
    errors = steps.errors + sum(e.num_failures for e in gis.values())
    lines = [
        f"Gemessen am {datetime.now():%Y-%m-%d %H:%M} mit `python -m bench.ogc --visitors {args.visitors:g} "
        f"--desks {args.desks} --seconds {args.seconds:g}` auf {platform.machine()} ({os.cpu_count()} Kerne), "
        f"Python {platform.python_version()}: zwei Dashboard-Instanzen und der OGC-Dienst hinter nginx, Locust im "
        "selben Prozess. Fehler insgesamt: " + str(errors) + ".",
        "",
        "| Anfrage | Anzahl | p50 / p95 in ms | Fehler |",
        "|---|---:|---:|---:|",
        *rows,
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0 if errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
