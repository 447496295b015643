"""The dashboard behind nginx with two instances (``python -m deploy up``), in real Chromium.

Compression, caching, security headers under a real CSP, downloads through the affinity cookie, and
failover when the instance serving an open page dies.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from deploy.cluster import (
    INSTALL_DIR,
    PORT_TAKEN,
    UNIT,
    Cluster,
    down,
    nginx_binary,
    serve_streamlit,
    start_instance,
    trusting,
    unit_command,
    up,
)
from deploy.nginx import ROUTE_COOKIE, ConfigValueError, Front, http_block, main_config
from geo.data.paths import ROOT
from harness.browser import click_lonlat, foreign, free_port, open_map, wait_view

SEGEBERG = (10.2, 53.93)
STORMARN = (10.3, 53.7)
# Collects every CSP violation in the page and in its frames (the map document is a frame of its own).
CSP_PROBE = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));
"""


@pytest.fixture(scope="module")
def cluster():
    port = free_port()
    started = up(instances=2, port=port)
    yield started
    down(port)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="de-DE")
    context.add_init_script(CSP_PROBE)
    page = context.new_page()
    page.requests = []  # type: ignore[attr-defined]
    page.console = []  # type: ignore[attr-defined]
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("console", lambda message: page.console.append(message.text))
    yield page
    context.close()


def csp_violations(page) -> list[str]:  # type: ignore[no-untyped-def]
    found = [m for m in page.console if "Content Security Policy" in m]
    for frame in page.frames:
        found += frame.evaluate("() => window.__csp || []")
    return found


def access_log(cluster: Cluster) -> list[str]:
    return Path(cluster.state_dir, "access.log").read_text(encoding="utf-8").splitlines()


def route_of(page) -> str:  # type: ignore[no-untyped-def]
    return {c["name"]: c["value"] for c in page.context.cookies()}[ROUTE_COOKIE]


@pytest.mark.nginx
def test_rendered_configuration_passes_nginx_t(tmp_path):
    front = Front(instances=("127.0.0.1:9001", "127.0.0.1:9002"), listen="127.0.0.1:9000", cache_dir=str(tmp_path))
    conf = tmp_path / "nginx.conf"
    conf.write_text(main_config(front, tmp_path), encoding="utf-8")
    result = subprocess.run(
        [nginx_binary(), "-t", "-p", str(tmp_path), "-c", str(conf), "-e", str(tmp_path / "error.log")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    text = conf.read_text(encoding="utf-8")
    # every instance is first in its own pool and backup in the others
    assert (
        "upstream mrh_i1 {\n    server 127.0.0.1:9001 max_fails=1 fail_timeout=10s;\n    server 127.0.0.1:9002 backup;"
        in text
    )
    assert (
        "upstream mrh_i2 {\n    server 127.0.0.1:9002 max_fails=1 fail_timeout=10s;\n    server 127.0.0.1:9001 backup;"
        in text
    )


REFUSED: list[dict[str, object]] = [
    {"server_name": "dashboard.example; return 200"},  # would add a directive
    {"server_name": "a b"},
    {"instances": ("127.0.0.1:8501 backup",)},
    {"base_path": "mrh/ { }"},
    {"cache_dir": "/var/cache/$host"},  # nginx would read a variable
    {"frame_ancestors": "'self' https://x.de\" always; add_header X-Evil \"1"},  # leaves the quoted string
    {"tls_certificate": "/etc/ssl/a pem", "tls_key": "/etc/ssl/k.pem"},
]


@pytest.mark.parametrize("values", REFUSED, ids=[next(iter(v)) for v in REFUSED])
def test_a_value_that_would_change_the_configuration_is_refused(values):
    front = Front(**{"instances": ("127.0.0.1:8501",), **values})  # type: ignore[arg-type]
    with pytest.raises(ConfigValueError, match="nginx-Konfiguration"):
        http_block(front)


def test_values_are_written_as_given_where_they_are_plain():
    text = http_block(Front(("[::1]:8501", "127.0.0.1:8502"), server_name="dashboard.example", base_path="mrh"))
    assert "    server_name dashboard.example;\n" in text
    assert '    "~(^|, )\\[::1\\]:8501$" i1;\n' in text  # matched literally, brackets and all
    assert "location ~ ^/mrh/app/static/maps/karte\\-hintergrund\\-[0-9a-f]+\\.html$ {" in text
    assert 'default "mrh_route=$mrh_route; Path=/mrh/; HttpOnly; SameSite=Lax$mrh_secure";' in text


def test_nginx_config_command_reports_a_bad_value_without_a_traceback(capsys):
    from deploy.__main__ import main

    assert main(["nginx-config", "--instance", "127.0.0.1:8501", "--server-name", "x; y"]) == 2
    err = capsys.readouterr().err
    assert "Fehler:" in err and "'x; y'" in err and "Traceback" not in err


def test_port_in_use_is_refused_with_a_clear_message_and_nothing_is_left(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "deploy", "up", "--instances", "1", "--port", str(port)],
            cwd=ROOT,
            env={**os.environ, "TMPDIR": str(tmp_path)},
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 2
    assert f"Port {port} ist belegt" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.nginx
def test_up_writes_only_to_the_temp_folder_and_down_removes_it(tmp_path):
    port = free_port()
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    started = subprocess.run(
        [sys.executable, "-m", "deploy", "up", "--instances", "1", "--port", str(port)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    try:
        assert started.returncode == 0, started.stderr
        assert f"Dashboard: http://127.0.0.1:{port}/" in started.stdout
        assert [p.name for p in tmp_path.iterdir()] == [f"mrh-deploy-{port}"]
        assert {"nginx.conf", "access.log", "error.log", "cluster.json"} <= {
            p.name for p in (tmp_path / f"mrh-deploy-{port}").iterdir()
        }
    finally:
        stopped = subprocess.run(
            [sys.executable, "-m", "deploy", "down", "--port", str(port)], cwd=ROOT, env=env, capture_output=True
        )
    assert stopped.returncode == 0
    assert list(tmp_path.iterdir()) == []


@pytest.mark.nginx
def test_instances_run_the_command_line_of_the_systemd_unit(cluster):
    """What production runs (deploy/systemd/mrh-dashboard@.service, ExecStart) is what the cluster runs: the
    unit's words after its Streamlit, with the instance's port for %i, read from each running process."""
    words = unit_command()
    assert words[0] == f"{INSTALL_DIR}/.venv/bin/streamlit" and words[1:3] == ["run", "app.py"]
    for instance in cluster.instances:
        running = Path(f"/proc/{instance.pid}/cmdline").read_bytes().decode().split("\0")[:-1]
        assert running[:3] == [sys.executable, "-m", "streamlit"]
        assert running[3:5] == ["run", str(ROOT / "app.py")]
        assert running[5:] == [w.replace("%i", str(instance.port)) for w in words[3:]]


@pytest.mark.server
def test_a_port_taken_before_streamlit_binds_it_is_replaced_by_another(tmp_path):
    """The race of every 'find a free port, then start': here the port is taken for sure. Streamlit says so
    and exits; serve_streamlit starts it again on another port, and the instance answers there."""
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        taken = holder.getsockname()[1]
        first = start_instance(taken, tmp_path)
        instance = serve_streamlit(tmp_path, started=first, avoid=frozenset({taken}))
        try:
            assert instance.port != taken and instance.alive() and not first.alive()
            assert PORT_TAKEN in Path(first.log).read_text(encoding="utf-8")
            with urllib.request.urlopen(f"http://{instance.address}/_stcore/health", timeout=5) as response:
                assert response.read() == b"ok"
        finally:
            instance.stop()


@pytest.mark.systemd
def test_the_systemd_unit_passes_systemd_analyze_verify(tmp_path):
    """The unit as an operator installs it, with this checkout as its folder: systemd finds nothing to say
    (an unknown key, a bad value or a missing program would be reported)."""
    streamlit = Path(sys.executable).parent / "streamlit"  # the unit's .venv/bin/streamlit, in this venv
    text = UNIT.read_text(encoding="utf-8").replace(f"{INSTALL_DIR}/.venv/bin/streamlit", str(streamlit))
    (tmp_path / UNIT.name).write_text(text.replace(INSTALL_DIR, str(ROOT)), encoding="utf-8")
    result = subprocess.run(
        ["systemd-analyze", "verify", str(tmp_path / "mrh-dashboard@8501.service")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (result.returncode, result.stdout + result.stderr) == (0, "")
    # and it would say so: a misspelt value is reported
    (tmp_path / UNIT.name).write_text(text.replace("Restart=always", "Restart=allways"), encoding="utf-8")
    broken = subprocess.run(
        ["systemd-analyze", "verify", str(tmp_path / "mrh-dashboard@8501.service")], capture_output=True, text=True
    )
    assert "allways" in broken.stderr


@pytest.mark.nginx
@pytest.mark.browser
def test_map_click_filter_and_all_downloads_work_through_the_proxy(page, cluster):
    frame = open_map(page, cluster.url + "?thema=wohnen")
    expect(page.get_by_text("3 von 12 Partnern – Wohnen")).to_be_visible()
    click_lonlat(page, frame, *SEGEBERG)
    page.wait_for_url(re.compile(r"region=01060"), timeout=30_000)
    wait_view(page, frame)
    expect(page.get_by_role("heading", name="Kreis Segeberg")).to_be_visible()

    magic = {
        "Tabelle als CSV (Excel)": b"\xef\xbb\xbfRS;Name",
        "Tabelle als GeoJSON": b'{"type"',
        "GeoPackage (GIS)": b"SQLite format 3\x00",
        "Karte als HTML (offline)": b"<!DOCTYPE html>",
        "Karte als Bild (PNG)": b"\x89PNG",
        "Steckbrief (PDF)": b"%PDF-",
    }
    for button, start in magic.items():
        with page.expect_download() as info:
            page.get_by_role("button", name=button).click()
        assert Path(info.value.path()).read_bytes().startswith(start), button
    # every request of this browser went to the instance its cookie names (downloads included)
    served = [line for line in access_log(cluster) if "/media/" in line]
    instance = cluster.instance(route_of(page))
    assert served and all(f"upstream={instance.address}" in line for line in served)
    assert foreign(page.requests, cluster.url.rstrip("/")) == []
    assert csp_violations(page) == []


@pytest.mark.nginx
@pytest.mark.browser
def test_assets_arrive_compressed_are_kept_and_carry_the_security_headers(page, cluster):
    responses = []
    page.on("response", lambda response: responses.append(response))
    open_map(page, cluster.url + "?region=01062")
    document = next(r for r in responses if r.url == cluster.url + "?region=01062")
    headers = document.all_headers()
    policy = headers["content-security-policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'self'" in policy
    assert (
        "https:" not in policy
        and "'unsafe-eval'" not in policy
        and "'unsafe-inline'" not in policy.split("style-src")[0]
    )
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    # all scripts above nginx's 1 KB threshold: Streamlit's bundles and our component modules
    scripts = [r for r in responses if re.search(r"/static/.+\.js($|\?)", r.url) and len(r.body()) > 1024]
    assert len(scripts) > 5 and any("/app/static/ui/mapframe.js" in r.url for r in scripts)
    assert all(r.all_headers().get("content-encoding") in {"br", "gzip"} for r in scripts)
    mapdoc = next(r for r in responses if "/app/static/maps/karte-" in r.url)
    assert "immutable" in mapdoc.all_headers()["cache-control"]
    assert mapdoc.all_headers().get("content-encoding") in {"br", "gzip"}
    assert "img-src 'self' data: blob:;" in mapdoc.all_headers()["content-security-policy"]  # no basemap host
    assert csp_violations(page) == []

    # a reload asks nginx for the page and the websocket only: no static file, no map document
    before = len(access_log(cluster))
    page.reload()
    open_map(page, page.url)
    again = [line for line in access_log(cluster)[before:] if "/static/" in line]
    assert again == []
    expect(page.get_by_role("heading", name="Kreis Stormarn")).to_be_visible()


@pytest.mark.nginx
@pytest.mark.browser
def test_basemap_documents_alone_may_load_the_tiles(page, cluster):
    page.route(re.compile(r"https://sgx\.geodatenzentrum\.de/.*"), lambda route: route.abort())
    responses = []
    page.on("response", lambda response: responses.append(response))
    with page.expect_request(re.compile(r"https://sgx\.geodatenzentrum\.de/.*")):
        open_map(page, cluster.url + "?karte=basemap")
    mapdoc = next(r for r in responses if "/app/static/maps/karte-hintergrund-" in r.url)
    assert "https://sgx.geodatenzentrum.de" in mapdoc.all_headers()["content-security-policy"]
    assert [u for u in foreign(page.requests, cluster.url.rstrip("/")) if "geodatenzentrum" in u]
    assert csp_violations(page) == []


@pytest.mark.nginx
@pytest.mark.browser
def test_failover_keeps_the_view_and_the_next_click_works(browser):
    """The instance serving an open page is killed (SIGKILL, as in a crash).

    What the user sees (sampled every 250 ms here; by hand at 1400×900, 200 ms steps): the page stays as it
    was – title, map, the details of Kreis Segeberg, the Wohnen filter, the URL – and no error dialog
    appears. For about half a second Streamlit's corner says „CONNECTING“; then the page's websocket is
    connected through nginx to the other instance, which runs the script for the page's URL and widgets:
    the corner says „Stop“ and the elements fade as on every click, and after ≈ 2 s the page is as before.
    The next click on the map selects as usual, and a download works (served by the new instance).
    """
    port = free_port()
    cluster = up(instances=2, port=port)
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="de-DE")
    try:
        page = context.new_page()
        sockets: list[dict] = []

        def watch(ws) -> None:  # type: ignore[no-untyped-def]
            record = {"opened": time.monotonic(), "finished": 0}
            sockets.append(record)
            ws.on("framereceived", lambda payload: record.update(finished=record["finished"] + 1))

        page.on("websocket", watch)
        url = cluster.url + "?region=01060&thema=wohnen"
        frame = open_map(page, url)
        serving = cluster.instance(route_of(page))
        survivor = next(i for i in cluster.instances if i is not serving)
        assert len(sockets) == 1

        serving.stop(signal.SIGKILL)
        killed = time.monotonic()
        seen = []
        while time.monotonic() - killed < 10:  # time is what is tested: what a visitor sees in the 10 s after
            page.wait_for_timeout(250)
            seen.append(
                {
                    "heading": page.get_by_role("heading", name="Kreis Segeberg").is_visible(),
                    "filter": page.get_by_text("3 von 12 Partnern – Wohnen").is_visible(),
                    "dialog": page.locator("[role='dialog']").count(),
                    "error": page.locator("[data-testid='stException']").count(),
                    "url": page.url,
                }
            )
            if len(sockets) > 1 and sockets[-1]["finished"] and seen[-1]["heading"]:
                break
        assert len(sockets) == 2, "the page did not reconnect within 10 s"
        assert sockets[1]["finished"] > 0, "the new instance sent nothing: the page would ignore clicks"
        reconnected = sockets[1]["opened"] - killed
        assert reconnected < 10
        assert all(s["heading"] and s["filter"] and not s["dialog"] and not s["error"] for s in seen), seen
        assert {s["url"] for s in seen} == {url}
        assert route_of(page) == next(k for k in ("i1", "i2") if cluster.instance(k) is survivor)

        wait_view(page, frame)
        click_lonlat(page, frame, *STORMARN)
        page.wait_for_url(re.compile(r"region=01062"), timeout=10_000)
        wait_view(page, frame)
        expect(page.get_by_role("heading", name="Kreis Stormarn")).to_be_visible()
        with page.expect_download() as info:
            page.get_by_role("button", name="Tabelle als CSV (Excel)").click()
        assert Path(info.value.path()).read_bytes().startswith(b"\xef\xbb\xbfRS;Name")
        media = [line for line in access_log(cluster) if "/media/" in line]
        assert media and f"upstream={survivor.address}" in media[-1]
    finally:
        context.close()
        down(port)


@pytest.mark.nginx
@pytest.mark.browser
def test_base_path_behind_nginx(page):
    """Under a path (``--base-path mrh``): page, map document, component modules and websocket all under it."""
    port = free_port()
    cluster = up(instances=1, port=port, base_path="mrh")
    try:
        assert cluster.url.endswith("/mrh/")
        open_map(page, cluster.url + "?region=01060")
        expect(page.get_by_role("heading", name="Kreis Segeberg")).to_be_visible()
        own = [u for u in page.requests if u.startswith(f"http://127.0.0.1:{port}/")]
        assert own and all(u.startswith(cluster.url) for u in own), [u for u in own if "/mrh/" not in u]
        assert any("/mrh/app/static/maps/karte-" in u for u in own)
        assert csp_violations(page) == []
        cookie = next(c for c in page.context.cookies() if c["name"] == ROUTE_COOKIE)
        assert cookie["path"] == "/mrh/"
    finally:
        down(port)


def negotiated_protocol(cluster: Cluster) -> str | None:
    """What TLS's ALPN agrees on with nginx when the client offers HTTP/2 and HTTP/1.1 (trusting the
    cluster's own certificate, and only that)."""
    context = trusting(Path(cluster.state_dir) / "tls-cert.pem")
    context.set_alpn_protocols(["h2", "http/1.1"])
    port = cluster.port
    with (
        socket.create_connection(("127.0.0.1", port), timeout=5) as raw,
        context.wrap_socket(raw, server_hostname="127.0.0.1") as tls,
    ):
        return tls.selected_alpn_protocol()


@pytest.mark.nginx
@pytest.mark.browser
def test_https_front_speaks_http2_and_the_dashboard_works(browser):
    """``up --tls``: HTTPS with HTTP/2 (as a production front should: without it a first visit queues
    Streamlit's many small bundles in six connections), the route cookie only over HTTPS, map and click."""
    port = free_port()
    cluster = up(instances=1, port=port, tls=True)
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, ignore_https_errors=True)
    try:
        assert cluster.url.startswith("https://")
        assert negotiated_protocol(cluster) == "h2"
        page = context.new_page()
        frame = open_map(page, cluster.url)
        click_lonlat(page, frame, *SEGEBERG)
        page.wait_for_url(re.compile(r"region=01060"), timeout=30_000)
        wait_view(page, frame)
        expect(page.get_by_role("heading", name="Kreis Segeberg")).to_be_visible()
        assert page.evaluate("() => performance.getEntriesByType('navigation')[0].nextHopProtocol") == "h2"
        cookie = next(c for c in context.cookies() if c["name"] == ROUTE_COOKIE)
        assert cookie["secure"] is True
    finally:
        context.close()
        down(port)
