"""Lighthouse (mobile preset: simulated slow 4G, 4x CPU slowdown) in Debian's Chromium, side by side with
an empty Streamlit page served the same way (the floor), in one run: both direct and both behind the nginx
front (``python -m deploy --tls``: HTTPS and HTTP/2, as in production; one instance each), plus the repeat
visit of both behind nginx (a second
Lighthouse run in the same browser profile without storage reset: what a reload moves and blocks). A second
table throttles for real instead of simulating and compares when the map is drawn (a User Timing mark of
``geo/map/web/messaging.js``) with when the empty page paints, and says when Streamlit's frame asked for the
map document and had it. Beside them, the empty page with one ``st.iframe`` of a 1 KB document that sets the
same mark once drawn: the earliest any map in a Streamlit frame can stand, whatever the map does.

The npm package ``lighthouse`` is installed once into the cache folder (``~/.cache/mrh-daseinsvorsorge``),
never into the repository. Run: ``python -m bench.lighthouse [--runs N]``.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

from deploy.cluster import down, free_ports, up
from geo.build.vg250 import cache_dir
from geo.data.paths import ROOT
from geo.view.formats import format_de
from harness.browser import chromium_path, streamlit_server

PACKAGE = "lighthouse@12.8.2"
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "interactive")
MAP_DRAWN = "mrh-karte-gezeichnet"  # the User Timing mark geo/map/web/messaging.js sets when the map stands
MAP_DOCUMENT = "/app/static/maps/karte"  # the map document's address (ui/mapview.py), as the frame requests it
# Lighthouse's mobile preset throttled for real (DevTools): the link's download rate, 1,6 Mbit/s × 0,9
# (constants.throttling.mobileSlow4G), in bytes per millisecond.
DOWNLOAD_BYTES_PER_MS = 1.6 * 1024 * 1024 * 0.9 / 8 / 1000
EMPTY_APP = 'import streamlit as st\n\nst.title("Leere Seite")\n'
# The empty page with a frame as its first element, served like the map document (ui/mapview.py), whose
# document sets the map's mark after its first frame: no Leaflet, no data, ≈ 0,3 KB.
FRAME_APP = EMPTY_APP + 'st.iframe("/app/static/maps/karte-rahmen.html", height=420)\n'
FRAME_DOCUMENT = """<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Rahmen</title></head>
<body><p>Rahmen</p><script>
requestAnimationFrame(function () { setTimeout(function () { parent.performance.mark("mrh-karte-gezeichnet"); }, 0); });
</script></body></html>
"""
FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-sync "
    "--disable-background-networking --disable-component-update"
)


def lighthouse_cli() -> Path:
    """The installed CLI (installs ``lighthouse`` with npm into the cache folder once)."""
    prefix = cache_dir() / "lighthouse"
    cli = prefix / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.exists():
        prefix.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", str(prefix), "--no-audit", "--no-fund", PACKAGE], check=True)
    return cli


def spki(certificate: Path) -> str:
    """Base64 SHA-256 of a certificate's public key, for Chromium's ``--ignore-certificate-errors-spki-list``.

    That flag makes the browser trust the nginx front's self-signed certificate like a real one. The blunt
    ``--ignore-certificate-errors`` would not do: Chromium then caches nothing, and a repeat visit would
    load everything again."""
    key = subprocess.run(
        ["openssl", "x509", "-pubkey", "-noout", "-in", str(certificate)], capture_output=True, check=True
    ).stdout
    der = subprocess.run(
        ["openssl", "pkey", "-pubin", "-outform", "der"], input=key, capture_output=True, check=True
    ).stdout
    return base64.b64encode(hashlib.sha256(der).digest()).decode()


def lighthouse(
    cli: Path,
    url: str,
    profile: Path | None = None,
    keep: bool = False,
    observed: bool = False,
    attempt: int = 1,
    trusted: tuple[str, ...] = (),
) -> dict[str, Any]:
    """One Lighthouse run: performance score, FCP, LCP, TBT, TTI (ms), transferred and decoded bytes, top 5,
    and when the map was first drawn (the page's User Timing mark; None on the empty page).

    ``profile``: a browser profile folder of our own; ``keep``: leave its cache as it is (a repeat visit);
    ``observed``: throttle for real (DevTools: the preset's 4G and 4x CPU) instead of simulating, so that
    the mark, which the simulation cannot move, is on the same clock as FCP and LCP; ``trusted``: public key
    hashes of certificates to accept (see :func:`spki`)."""
    flags = FLAGS + (f" --user-data-dir={profile}" if profile else "")
    flags += f" --ignore-certificate-errors-spki-list={','.join(trusted)}" if trusted else ""
    result = subprocess.run(
        [
            "node",
            str(cli),
            url,
            "--output=json",
            "--output-path=stdout",
            "--only-categories=performance",
            "--quiet",
            f"--chrome-path={chromium_path()}",
            f"--chrome-flags={flags}",
            *(["--disable-storage-reset"] if keep else []),
            *(["--throttling-method=devtools"] if observed else []),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    report = json.loads(result.stdout)
    audits = report["audits"]
    missing = [k for k in METRICS if "numericValue" not in audits[k]]
    if missing:  # Lighthouse sometimes cannot compute a metric from its trace: measure again
        if attempt < 3:
            return lighthouse(cli, url, profile, keep, observed, attempt + 1, trusted)
        raise RuntimeError(f"Lighthouse left out {missing} three times for {url}")
    requests = audits["network-requests"]["details"]["items"]
    marks = {m["name"]: m["startTime"] for m in audits["user-timings"].get("details", {}).get("items", [])}
    document = next((r for r in requests if MAP_DOCUMENT in r["url"]), None)
    return {
        "score": report["categories"]["performance"]["score"],
        "fcp": audits["first-contentful-paint"]["numericValue"],
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "tbt": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "tti": audits["interactive"]["numericValue"],
        "map": marks.get(MAP_DRAWN),
        # when the frame asked for the map document, and when it had it (ms, the same clock)
        "map_url": document["url"] if document else None,
        "map_requested": document["rendererStartTime"] if document else None,
        "map_loaded": document["networkEndTime"] if document else None,
        "map_bytes": document["transferSize"] if document else None,  # as sent: compressed, with headers
        "map_decoded": document["resourceSize"] if document else None,  # the first map document, decoded
        "transferred": sum(r.get("transferSize", 0) for r in requests),
        "decoded": sum(r.get("resourceSize", 0) for r in requests),
        "largest": sorted(
            ((r.get("resourceSize", 0), r["url"].rsplit("/", 1)[-1][:40]) for r in requests), reverse=True
        )[:5],
    }


def repeat_visit(cli: Path, url: str, trusted: tuple[str, ...] = ()) -> dict[str, Any]:
    """A repeat visit: a first Lighthouse run fills a new browser profile's cache, the second, in the same
    profile and without storage reset, is the one returned."""
    with tempfile.TemporaryDirectory() as profile:
        lighthouse(cli, url, Path(profile), trusted=trusted)
        return lighthouse(cli, url, Path(profile), keep=True, trusted=trusted)


def median_report(runs: list[dict[str, Any]]) -> dict[str, Any]:
    keys = ("score", "fcp", "lcp", "tbt", "cls", "tti", "transferred", "decoded")
    out = {k: statistics.median(r[k] for r in runs) for k in keys}
    for key in ("map", "map_requested", "map_loaded", "map_bytes", "map_decoded"):
        values = [r[key] for r in runs if r[key] is not None]
        out[key] = statistics.median(values) if values else None
    out["largest"] = runs[0]["largest"]
    return out


def map_table(pages: dict[str, tuple[dict[str, Any], dict[str, Any], dict[str, Any]]]) -> str:
    """When the map stands, against when the empty page paints; ``pages``: setting -> (floor, frame, ours),
    ``frame`` the empty page with a 1 KB frame (:data:`FRAME_APP`). Below it, per setting, whether even that
    frame stands within the target."""

    def sec(ms: float | None) -> str:
        return "–" if ms is None else f"{format_de(ms / 1000, 1)} s"

    lines = [
        "Wann die Karte steht – echte Drosselung (DevTools: 4G, 4 × CPU), Median, gleiche Läufe:",
        "",
        "| Aufbau | leere Seite: FCP / LCP | leere Seite mit 1-KB-Rahmen: gezeichnet | Dashboard: FCP / LCP "
        "| Kartendokument angefordert / geladen | Karte gezeichnet | ≤ 1,25 × LCP der leeren Seite |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    notes = []
    for setting, (floor, frame, ours) in pages.items():
        drawn, limit = ours["map"], 1.25 * floor["lcp"]
        ok = drawn is not None and drawn <= limit
        lines.append(
            f"| {setting} | {sec(floor['fcp'])} / {sec(floor['lcp'])} | {sec(frame['map'])} | "
            f"{sec(ours['fcp'])} / {sec(ours['lcp'])} | {sec(ours['map_requested'])} / {sec(ours['map_loaded'])} | "
            f"{sec(drawn)} | {'ja' if ok else '**nein**'} |"
        )
        if frame["map"] is not None and frame["map"] > limit:
            notes.append(
                f"- {setting}: schon der leere 1-KB-Rahmen steht erst bei {sec(frame['map'])}, nach der Grenze von "
                f"{sec(limit)}: keine Karte in einem Streamlit-Rahmen (`st.iframe`) erreicht dieses Ziel."
            )
        elif frame["map"] is not None and not ok:
            left = limit - frame["map"]
            note = (
                f"- {setting}: der leere 1-KB-Rahmen steht bei {sec(frame['map'])}, vor der Grenze von {sec(limit)}; "
                f"die Karte braucht {format_de((drawn or 0) - frame['map'])} ms länger als er."
            )
            if ours["map_bytes"]:
                transfer = ours["map_bytes"] / DOWNLOAD_BYTES_PER_MS
                note += (
                    f" Nach dem Rahmen bleiben {format_de(left)} ms; allein das Kartendokument "
                    f"({format_de(ours['map_bytes'] / 1000)} KB übertragen) braucht auf dieser Leitung "
                    f"{format_de(transfer)} ms"
                    + (
                        ", mehr als bleibt – ohne Leaflet und ohne den Aufbau der Karte."
                        if transfer > left
                        else "; der Rest muss für Leaflet und den Aufbau der Karte reichen."
                    )
                )
            notes.append(note)
    return "\n".join(lines + (["", *notes] if notes else []))


def table(
    floor: dict[str, Any],
    ours: dict[str, Any],
    runs: int,
    floor_nginx: dict[str, Any],
    ours_nginx: dict[str, Any],
    repeat: dict[str, Any],
    floor_repeat: dict[str, Any],
) -> str:
    def row(name: str, r: dict[str, Any]) -> str:
        return (
            f"| {name} | {format_de(r['score'], 2)} | {format_de(r['fcp'] / 1000, 1)} s | "
            f"{format_de(r['lcp'] / 1000, 1)} s | {format_de(r['tbt'])} ms | {format_de(r['cls'], 2)} | "
            f"{format_de(r['tti'] / 1000, 1)} s | "
            f"{format_de(r['transferred'] / 1e6, 2)} MB | {format_de(r['decoded'] / 1e6, 2)} MB |"
        )

    ratio = ours["decoded"] / floor["decoded"]
    score_kept = ours["score"] >= floor["score"] - 0.05 and ours_nginx["score"] >= floor_nginx["score"] - 0.05
    lines = [
        f"Lighthouse {PACKAGE.split('@')[1]}, mobile preset, Median aus {runs} Läufen je Seite, Debian-Chromium:",
        "",
        "| Seite | Performance | FCP | LCP | TBT | CLS | TTI | übertragen | dekodiert |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        row("leere Streamlit-Seite (Boden)", floor),
        row("dieses Dashboard, direkt", ours),
        row("leere Streamlit-Seite hinter nginx (HTTP/2)", floor_nginx),
        row("dieses Dashboard hinter nginx (HTTP/2)", ours_nginx),
        row("leere Streamlit-Seite hinter nginx (HTTP/2), Wiederbesuch", floor_repeat),
        row("dieses Dashboard hinter nginx (HTTP/2), Wiederbesuch", repeat),
        "",
        "| Ziel | Wert | erreicht |",
        "|---|---:|---|",
        f"| dekodierte Bytes ≤ 1,5 × Boden | {format_de(ratio, 2)} × | {'ja' if ratio <= 1.5 else '**nein**'} |",
        f"| TBT ≤ 200 ms, direkt / hinter nginx | {format_de(ours['tbt'])} ms / {format_de(ours_nginx['tbt'])} ms | "
        f"{'ja' if max(ours['tbt'], ours_nginx['tbt']) <= 200 else '**nein**'} |",
        f"| Performance ≥ Boden − 0,05, direkt / hinter nginx | {format_de(ours['score'], 2)} (Boden "
        f"{format_de(floor['score'], 2)}) / {format_de(ours_nginx['score'], 2)} (Boden "
        f"{format_de(floor_nginx['score'], 2)}) | "
        f"{'ja' if score_kept else '**nein**'} |",
        f"| hinter nginx übertragen ≤ 1,0 MB | {format_de(ours_nginx['transferred'] / 1e6, 2)} MB "
        f"(leere Seite {format_de(floor_nginx['transferred'] / 1e6, 2)} MB) | "
        f"{'ja' if ours_nginx['transferred'] <= 1e6 else '**nein**'} |",
        f"| Wiederbesuch ≤ 150 KB übertragen | {format_de(repeat['transferred'] / 1000, 1)} KB | "
        f"{'ja' if repeat['transferred'] <= 150_000 else '**nein**'} |",
        f"| Wiederbesuch blockiert nichts (TBT 0 ms) | {format_de(repeat['tbt'])} ms "
        f"(leere Seite {format_de(floor_repeat['tbt'])} ms) | {'ja' if repeat['tbt'] == 0 else '**nein**'} |",
        f"| Wiederbesuch blockiert ≤ leere Seite + 150 ms (welche Teile: [parts.md](parts.md)) | "
        f"{format_de(repeat['tbt'])} ms "
        f"(≤ {format_de(floor_repeat['tbt'] + 150)} ms) | "
        f"{'ja' if repeat['tbt'] <= floor_repeat['tbt'] + 150 else '**nein**'} |",
        "",
        "Größte Antworten des Dashboards (dekodiert): "
        + "; ".join(f"{format_de(size / 1000)} KB {name}" for size, name in ours["largest"]),
    ]
    return "\n".join(lines)


@contextmanager
def front(port: int, script: Path | None = None) -> Iterator[tuple[str, str]]:
    """The page behind the nginx front (HTTPS, HTTP/2) with one instance; yields its URL and its
    certificate's key hash."""
    cluster = up(instances=1, port=port, script=script, tls=True)
    try:
        yield cluster.url, spki(Path(cluster.state_dir) / "tls-cert.pem")
    finally:
        down(port)


# Issue 33's targets behind nginx: the map drawn at most this long after the empty 1-KB frame, and the first
# map document (HTML and data, decoded) at most this large.
AFTER_FRAME_MS = 1000
FIRST_DOCUMENT_BYTES = 200_000


def phone_table(
    frame: dict[str, Any], ours: dict[str, Any], runs: int, frame_alone: dict[str, Any], ours_alone: dict[str, Any]
) -> str:
    """The map's start behind nginx against the empty page with a 1-KB frame (issue 33's targets); below it
    the floor without Streamlit: both documents opened on their own, as the first page of a new browser."""
    after = ours["map"] - frame["map"]
    floor = ours_alone["map"] - frame_alone["map"]
    decoded = ours["map_decoded"]
    return "\n".join(
        [
            f"Karte hinter nginx (HTTPS, HTTP/2), echte Drosselung (DevTools: 4G, 4 × CPU), Median aus {runs} Läufen:",
            "",
            "| | Wert | Ziel | erreicht |",
            "|---|---:|---:|---|",
            f"| leere Seite mit 1-KB-Rahmen: gezeichnet | {format_de(frame['map'] / 1000, 2)} s | | |",
            f"| Dashboard: Kartendokument angefordert / geladen | {format_de(ours['map_requested'] / 1000, 2)} s / "
            f"{format_de(ours['map_loaded'] / 1000, 2)} s | | |",
            f"| Dashboard: Karte gezeichnet | {format_de(ours['map'] / 1000, 2)} s | | |",
            f"| Karte nach dem Rahmen | {format_de(after)} ms | ≤ {format_de(AFTER_FRAME_MS)} ms | "
            f"{'ja' if after <= AFTER_FRAME_MS else '**nein**'} |",
            f"| erstes Kartendokument dekodiert (übertragen) | {format_de(decoded / 1000)} KB "
            f"({format_de(ours['map_bytes'] / 1000)} KB) | ≤ {format_de(FIRST_DOCUMENT_BYTES / 1000)} KB | "
            f"{'ja' if decoded <= FIRST_DOCUMENT_BYTES else '**nein**'} |",
            "",
            "Ohne Streamlit: dieselben zwei Dokumente allein geöffnet, hinter demselben nginx, gleich gedrosselt. "
            "Ihr Abstand ist die Untergrenze für „Karte nach dem Rahmen“, wenn die Seite beide im selben Augenblick "
            "anforderte und sonst nichts Leitung und Hauptthread teilte:",
            "",
            "| | Wert | Ziel | erreicht |",
            "|---|---:|---:|---|",
            f"| 1-KB-Rahmendokument allein: gezeichnet | {format_de(frame_alone['map'] / 1000, 2)} s | | |",
            f"| Kartendokument allein: gezeichnet | {format_de(ours_alone['map'] / 1000, 2)} s | | |",
            f"| Untergrenze ohne Streamlit | {format_de(floor)} ms | ≤ {format_de(AFTER_FRAME_MS)} ms | "
            f"{'ja' if floor <= AFTER_FRAME_MS else '**nein**'} |",
            f"| Anteil der Seite (Karte nach dem Rahmen − Untergrenze) | {format_de(after - floor)} ms | | |",
        ]
    )


def phone_only(cli: Path, runs: int, tmp: Path) -> str:
    """``--karte``: only the map's start behind nginx, the dashboard and the 1-KB frame interleaved."""
    framed = tmp / "rahmen.py"
    framed.write_text(FRAME_APP, encoding="utf-8")
    (tmp / "static" / "maps").mkdir(parents=True)
    (tmp / "static" / "maps" / "karte-rahmen.html").write_text(FRAME_DOCUMENT, encoding="utf-8")
    shutil.copytree(ROOT / ".streamlit", tmp / ".streamlit")
    frame_port, our_port = free_ports(2, set())
    with front(frame_port, framed) as (frame_url, frame_key), front(our_port) as (our_url, our_key):
        audit = partial(lighthouse, trusted=(frame_key, our_key), observed=True)
        warm = audit(cli, our_url)  # warm-up: the server builds the map document and nginx fills its cache
        document_url, frame_document_url = warm["map_url"], frame_url + "app/static/maps/karte-rahmen.html"
        frames, ours, frames_alone, ours_alone = [], [], [], []
        for _ in range(runs):
            frames.append(audit(cli, frame_url))
            ours.append(audit(cli, our_url))
            frames_alone.append(audit(cli, frame_document_url))
            ours_alone.append(audit(cli, document_url))
    return phone_table(
        median_report(frames), median_report(ours), runs, median_report(frames_alone), median_report(ours_alone)
    )


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.lighthouse")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--karte", action="store_true", help="nur der Start der Karte hinter nginx (bench/karte.md)")
    args = parser.parse_args()
    cli = lighthouse_cli()
    if args.karte:
        with tempfile.TemporaryDirectory() as tmp:
            text = phone_only(cli, args.runs, Path(tmp))
        out = Path(__file__).resolve().parent / "karte.md"
        out.write_text(
            f"Gemessen am {time.strftime('%Y-%m-%d %H:%M')} mit `python -m bench.lighthouse --karte`.\n\n{text}\n",
            encoding="utf-8",
        )
        print(text)
        print(f"\n→ {out}")
        return
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "leer.py"
        empty.write_text(EMPTY_APP, encoding="utf-8")
        framed = Path(tmp) / "rahmen.py"
        framed.write_text(FRAME_APP, encoding="utf-8")
        (Path(tmp) / "static" / "maps").mkdir(parents=True)
        (Path(tmp) / "static" / "maps" / "karte-rahmen.html").write_text(FRAME_DOCUMENT, encoding="utf-8")
        shutil.copytree(ROOT / ".streamlit", Path(tmp) / ".streamlit")
        floor_port, frame_port, our_port = free_ports(3, set())
        with (
            streamlit_server(script=empty) as floor_base,
            streamlit_server(script=framed) as frame_base,
            streamlit_server() as our_base,
            front(floor_port, empty) as (floor_proxied, floor_key),
            front(frame_port, framed) as (frame_proxied, frame_key),
            front(our_port) as (our_proxied, our_key),
        ):
            floor_url, frame_url, our_url = floor_base + "/", frame_base + "/", our_base + "/"
            audit = partial(lighthouse, trusted=(floor_key, frame_key, our_key))
            audit(cli, our_url)  # warm-up: the server builds and writes the map document once
            audit(cli, our_proxied)  # and nginx fills its cache
            audit(cli, floor_proxied)
            kinds = ["floor", "ours", "floor_n", "ours_n", "repeat", "floor_repeat"]
            # observed, for the map mark
            kinds += [f"o_{k}" for k in ("floor", "frame", "ours", "floor_n", "frame_n", "ours_n")]
            runs: dict[str, list[dict[str, Any]]] = {k: [] for k in kinds}
            for _ in range(args.runs):  # interleaved, so all see the same machine load
                runs["floor"].append(audit(cli, floor_url))
                runs["ours"].append(audit(cli, our_url))
                runs["floor_n"].append(audit(cli, floor_proxied))
                runs["ours_n"].append(audit(cli, our_proxied))
                for kind, url in (("floor", floor_url), ("frame", frame_url), ("ours", our_url)):
                    runs[f"o_{kind}"].append(audit(cli, url, observed=True))
                for kind, url in (("floor_n", floor_proxied), ("frame_n", frame_proxied), ("ours_n", our_proxied)):
                    runs[f"o_{kind}"].append(audit(cli, url, observed=True))
                for kind, url in (("repeat", our_proxied), ("floor_repeat", floor_proxied)):
                    runs[kind].append(repeat_visit(cli, url, trusted=(floor_key, frame_key, our_key)))
    medians = {k: median_report(v) for k, v in runs.items()}
    text = table(
        medians["floor"],
        medians["ours"],
        args.runs,
        medians["floor_n"],
        medians["ours_n"],
        medians["repeat"],
        medians["floor_repeat"],
    )
    text += "\n\n" + map_table(
        {
            "direkt (HTTP/1.1)": (medians["o_floor"], medians["o_frame"], medians["o_ours"]),
            "hinter nginx (HTTPS, HTTP/2)": (medians["o_floor_n"], medians["o_frame_n"], medians["o_ours_n"]),
        }
    )
    out = Path(__file__).resolve().parent / "lighthouse.md"
    out.write_text(
        f"Gemessen am {time.strftime('%Y-%m-%d %H:%M')} mit `python -m bench.lighthouse`.\n\n{text}\n", encoding="utf-8"
    )
    print(text)
    print(f"\n→ {out}")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
