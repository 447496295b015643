"""A local cluster: N Streamlit instances behind nginx, for tests, the benchmark and a trial run.

Everything it writes lives in the system temp directory (``<tmp>/mrh-deploy-<port>/``: nginx.conf, logs,
pid files, nginx's cache and temp files, ``cluster.json``) or in the repository's ``static/maps/``; nothing
else on the machine is touched. Processes are started in their own session, so ``up`` returns and ``down``
(from any shell) stops them.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

from deploy.nginx import Front, main_config
from geo.data.paths import OGC_URL_VARIABLE, ROOT

HOST = "127.0.0.1"


class DeployError(RuntimeError):
    """Something the person starting the cluster must fix; the message says what."""


@dataclass
class Instance:
    port: int
    pid: int
    log: str

    @property
    def address(self) -> str:
        return f"{HOST}:{self.port}"

    def alive(self) -> bool:
        return _alive(self.pid)

    def stop(self, sig: int = signal.SIGTERM) -> None:
        """Stop this instance (SIGKILL to simulate a crash); waits until it is gone."""
        _stop(self.pid, sig)


@dataclass
class Cluster:
    port: int
    state_dir: str
    instances: list[Instance]
    base_path: str = ""
    tls: bool = False
    ogc: Instance | None = None  # the OGC API – Features service, when started with ogc=True

    @property
    def url(self) -> str:
        base = self.base_path.strip("/")
        return f"{'https' if self.tls else 'http'}://{HOST}:{self.port}/{base + '/' if base else ''}"

    def save(self) -> None:
        Path(self.state_dir, "cluster.json").write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")

    @classmethod
    def load(cls, state_dir: Path) -> Cluster:
        raw = json.loads((state_dir / "cluster.json").read_text(encoding="utf-8"))
        raw["instances"] = [Instance(**i) for i in raw["instances"]]
        raw["ogc"] = Instance(**raw["ogc"]) if raw.get("ogc") else None
        return cls(**raw)

    def instance(self, route: str) -> Instance:
        """The instance a route cookie value (``i1``, ``i2`` …) names."""
        return self.instances[int(route.removeprefix("i")) - 1]


def state_dir_for(port: int) -> Path:
    return Path(tempfile.gettempdir()) / f"mrh-deploy-{port}"


def nginx_binary() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if not found:
        raise DeployError(
            "nginx fehlt – installieren mit: sudo apt-get install -y nginx libnginx-mod-http-brotli-filter"
        )
    return found


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie child of this process counts as gone
        done, _ = os.waitpid(pid, os.WNOHANG)
        return done == 0
    except ChildProcessError:
        return True


def _stop(pid: int, sig: int = signal.SIGTERM, timeout: float = 10) -> None:
    if not _alive(pid):
        return
    try:
        os.killpg(pid, sig)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + timeout
    while _alive(pid):
        if time.monotonic() > deadline:
            os.killpg(pid, signal.SIGKILL)
            deadline = time.monotonic() + timeout
        time.sleep(0.05)


def port_free(port: int, host: str = HOST) -> bool:
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def free_ports(count: int, avoid: set[int]) -> list[int]:
    ports: list[int] = []
    sockets = []
    try:
        while len(ports) < count:
            sock = socket.socket()
            sock.bind((HOST, 0))
            sockets.append(sock)
            port = sock.getsockname()[1]
            if port not in avoid:
                ports.append(port)
    finally:
        for sock in sockets:
            sock.close()
    return ports


def trusting(certificate: Path) -> ssl.SSLContext:
    """A TLS client context that trusts exactly ``certificate`` (the cluster's own, see :func:`self_signed`),
    with the host name checked as usual."""
    return ssl.create_default_context(cafile=str(certificate))


def healthy(url: str, body: bytes | None = b"ok", certificate: Path | None = None) -> bool:
    """Does ``url`` answer 200 (with ``body``, unless that is None)? ``certificate``: the one an HTTPS
    address must present (a local cluster's own)."""
    context = trusting(certificate) if certificate and url.startswith("https:") else None
    try:
        with urllib.request.urlopen(url, timeout=2, context=context) as response:
            return bool(response.status == 200 and (body is None or response.read() == body))
    except OSError:
        return False


def wait_ready(
    url: str,
    what: str,
    pid: int | None,
    log: Path,
    timeout: float = 90,
    body: bytes | None = b"ok",
    certificate: Path | None = None,
) -> None:
    """Return when ``url`` answers 200 (with ``body``, unless ``None``); raise :class:`DeployError` with the
    log's tail when the process ``pid`` ends first or ``timeout`` seconds pass."""
    deadline = time.monotonic() + timeout
    while not healthy(url, body, certificate):
        if (pid is not None and not _alive(pid)) or time.monotonic() > deadline:
            tail = log.read_text(encoding="utf-8", errors="replace")[-2000:] if log.exists() else ""
            raise DeployError(f"{what} ist nicht gestartet ({url}). Protokoll {log}:\n{tail}")
        time.sleep(0.2)


# Production runs each instance with the systemd unit's command line; so do the local cluster, the browser
# tests' servers (harness/browser.py) and the benchmarks: read from the unit, with this checkout for the
# unit's install folder.
UNIT = Path(__file__).parent / "systemd" / "mrh-dashboard@.service"
INSTALL_DIR = "/opt/mrh-daseinsvorsorge"  # where the unit expects the checkout and its .venv


def unit_command(unit: Path = UNIT) -> list[str]:
    """The unit's ``ExecStart=`` as words, the way systemd reads it (continued lines joined; reads the file)."""
    text = re.sub(r"\\\n[ \t]*", " ", unit.read_text(encoding="utf-8"))
    lines = [line.removeprefix("ExecStart=") for line in text.splitlines() if line.startswith("ExecStart=")]
    if len(lines) != 1:
        raise DeployError(f"{unit}: genau eine Zeile ExecStart= erwartet, gefunden: {len(lines)}")
    return shlex.split(lines[0])


def streamlit_command(port: int, base_path: str = "", script: Path | None = None) -> list[str]:
    """The unit's command line for the instance on ``HOST:port`` (``%i``) of this checkout: its venv's
    Streamlit (the interpreter running this), ``script`` instead of ``app.py`` if given, and
    ``--server.baseUrlPath`` if ``base_path``; run it in :func:`working_dir`."""
    command: list[str] = []
    for word in unit_command():
        if word == f"{INSTALL_DIR}/.venv/bin/streamlit":
            command += [sys.executable, "-m", "streamlit"]
        elif word == "app.py":
            command.append(str(script or ROOT / "app.py"))
        else:
            command.append(word.replace("%i", str(port)).replace(INSTALL_DIR, str(ROOT)))
    if "--server.address" not in command or command[command.index("--server.address") + 1] != HOST:
        raise DeployError(f"{UNIT}: die Instanz muss auf {HOST} lauschen (--server.address {HOST})")
    return command + (["--server.baseUrlPath", base_path] if base_path else [])


def working_dir(script: Path | None = None) -> Path:
    """The repository (its .streamlit/ config), or another script's own folder."""
    return script.parent if script else ROOT


def start_ogc(port: int, state_dir: Path, url: str) -> Instance:
    """Start the OGC API – Features service (``python -m ogc serve``) for clients that reach it at ``url``."""
    log = state_dir / f"ogc-{port}.log"
    command = [sys.executable, "-m", "ogc", "serve", "--host", HOST, "--port", str(port), "--url", url]
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.Popen(
            [*command, "--out", str(state_dir / "ogc")],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    return Instance(port=port, pid=proc.pid, log=str(log))


def start_instance(
    port: int, state_dir: Path, base_path: str = "", script: Path | None = None, env: dict[str, str] | None = None
) -> Instance:
    """Start one instance in its own process session, logging to ``state_dir``; ``env``: added variables."""
    log = state_dir / f"instance-{port}.log"
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.Popen(
            streamlit_command(port, base_path, script),
            cwd=working_dir(script),
            env={**os.environ, **(env or {})},
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    return Instance(port=port, pid=proc.pid, log=str(log))


# Streamlit's words when its port was taken between choosing and binding (a port set on the command line:
# it logs this and exits; streamlit/web/server/starlette/starlette_server.py).
PORT_TAKEN = "is not available"


def serve_streamlit(
    state_dir: Path,
    base_path: str = "",
    script: Path | None = None,
    env: dict[str, str] | None = None,
    avoid: frozenset[int] = frozenset(),
    started: Instance | None = None,
    attempts: int = 3,
) -> Instance:
    """Start one Streamlit instance on a free port (or take ``started``, begun with :func:`start_instance`)
    and return it once it answers healthy: the one way the cluster, the browser tests and the benchmarks
    start an instance.

    A free port is only free until someone binds it; when another process takes it first, Streamlit says
    so and exits, and this tries the next free port (``attempts`` in all) before it gives up with the log."""
    for attempt in range(1, attempts + 1):
        instance = started or start_instance(free_ports(1, avoid=set(avoid))[0], state_dir, base_path, script, env)
        started = None
        try:
            wait_ready(
                health_url(instance.address, base_path),
                f"Streamlit-Instanz {instance.port}",
                instance.pid,
                Path(instance.log),
            )
            return instance
        except DeployError:
            taken = PORT_TAKEN in Path(instance.log).read_text(encoding="utf-8", errors="replace")
            _stop(instance.pid)
            if not taken or attempt == attempts:
                raise
    raise AssertionError("unreachable: the last attempt returns or raises")


def health_url(address: str, base_path: str) -> str:
    base = base_path.strip("/")
    return f"http://{address}/{base + '/' if base else ''}_stcore/health"


def self_signed(state_dir: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key, made with openssl for this cluster only (valid 7 days)."""
    cert, key = state_dir / "tls-cert.pem", state_dir / "tls-key.pem"
    made = subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "7", "-subj", f"/CN={HOST}",
         "-addext", f"subjectAltName=IP:{HOST}", "-keyout", str(key), "-out", str(cert)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if made.returncode != 0:
        raise DeployError(f"openssl konnte kein Zertifikat erzeugen:\n{made.stderr}")
    return cert, key


def up(
    instances: int = 2,
    port: int = 8080,
    base_path: str = "",
    frame_ancestors: str = "'self'",
    script: Path | None = None,
    tls: bool = False,
    ogc: bool = False,
) -> Cluster:
    """Start ``instances`` Streamlit processes and nginx on ``port``; return when all answer healthy.

    ``tls``: nginx speaks HTTPS and HTTP/2 with a self-signed certificate (browsers must be told to accept
    it), as a production server would with a real one. ``ogc``: also the OGC API – Features service,
    under ``<url>ogc/`` (needs ``pip install -e ".[gis]"``)."""
    if instances < 1:
        raise DeployError("--instances muss mindestens 1 sein")
    state_dir = state_dir_for(port)
    if (state_dir / "cluster.json").exists():
        running = Cluster.load(state_dir)
        if any(i.alive() for i in running.instances):
            raise DeployError(f"Auf Port {port} läuft schon ein Cluster: python -m deploy down --port {port}")
        shutil.rmtree(state_dir)
    if not port_free(port):
        raise DeployError(f"Port {port} ist belegt – einen anderen wählen: python -m deploy up --port <frei>")
    nginx = nginx_binary()
    state_dir.mkdir(parents=True, exist_ok=True)
    cluster = Cluster(port=port, state_dir=str(state_dir), instances=[], base_path=base_path, tls=tls)
    try:
        told = {OGC_URL_VARIABLE: cluster.url + "ogc/"} if ogc else {}  # the page shows GIS desks the address
        for instance_port in free_ports(instances, avoid={port}):  # all start at once, then each is awaited
            cluster.instances.append(start_instance(instance_port, state_dir, base_path, script, told))
            cluster.save()
        for k, instance in enumerate(cluster.instances):
            taken = frozenset({port, *(i.port for i in cluster.instances)})
            cluster.instances[k] = serve_streamlit(state_dir, base_path, script, told, avoid=taken, started=instance)
            cluster.save()
        if ogc:
            (ogc_port,) = free_ports(1, avoid={port, *(i.port for i in cluster.instances)})
            cluster.ogc = start_ogc(ogc_port, state_dir, cluster.url + "ogc/")
            cluster.save()
            wait_ready(
                f"http://{cluster.ogc.address}/conformance?f=json",
                "OGC-Dienst",
                cluster.ogc.pid,
                Path(cluster.ogc.log),
                body=None,
            )
        cert, key = self_signed(state_dir) if tls else ("", "")
        front = Front(
            instances=tuple(i.address for i in cluster.instances),
            listen=f"{HOST}:{port}",
            base_path=base_path,
            frame_ancestors=frame_ancestors,
            cache_dir=str(state_dir / "cache"),
            tls_certificate=str(cert),
            tls_key=str(key),
            ogc=cluster.ogc.address if cluster.ogc else "",
        )
        conf = state_dir / "nginx.conf"
        conf.write_text(main_config(front, state_dir), encoding="utf-8")
        args = [nginx, "-p", str(state_dir), "-c", str(conf), "-e", str(state_dir / "error.log")]
        checked = subprocess.run([*args, "-t", "-q"], capture_output=True, text=True, check=False)
        if checked.returncode != 0:
            raise DeployError(f"nginx-Konfiguration {conf} ungültig:\n{checked.stderr}")
        started = subprocess.run(args, capture_output=True, text=True, check=False)
        if started.returncode != 0:
            raise DeployError(f"nginx startet nicht:\n{started.stderr}")
        wait_ready(
            cluster.url + "_stcore/health",
            "nginx",
            None,
            state_dir / "error.log",
            timeout=20,
            certificate=Path(cert) if tls else None,
        )
    except BaseException:
        down(port)
        raise
    return cluster


def down(port: int) -> bool:
    """Stop the cluster on ``port`` (nginx and all instances) and remove its temp folder."""
    state_dir = state_dir_for(port)
    if not state_dir.exists():
        return False
    pid_file = state_dir / "nginx.pid"
    if pid_file.exists():
        try:
            pid = int(pid_file.read_text().strip())
        except ValueError:
            pid = 0
        if pid and _alive(pid):
            os.kill(pid, signal.SIGQUIT)
            deadline = time.monotonic() + 10
            while _alive(pid) and time.monotonic() < deadline:
                time.sleep(0.05)
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
    if (state_dir / "cluster.json").exists():
        stopped = Cluster.load(state_dir)
        for instance in [*stopped.instances, *([stopped.ogc] if stopped.ogc else [])]:
            instance.stop()
    shutil.rmtree(state_dir, ignore_errors=True)
    return True


def running_ports() -> list[int]:
    return sorted(
        int(p.name.removeprefix("mrh-deploy-"))
        for p in Path(tempfile.gettempdir()).glob("mrh-deploy-*")
        if p.name.removeprefix("mrh-deploy-").isdigit()
    )
