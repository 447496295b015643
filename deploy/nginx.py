"""The nginx front: one configuration, rendered for a local cluster or for a production server.

What the front does, and why:

- **Compression.** Streamlit serves its frontend (≈ 2.7 MB) uncompressed on purpose and leaves that to the
  proxy. nginx compresses text assets with brotli (Debian's ``libnginx-mod-http-brotli-filter``, if
  installed) and gzip.
- **Caching.** Streamlit's ``/static/`` bundles carry content hashes and ``Cache-Control: immutable``
  already; our map documents (``/app/static/maps/karte-<hash>.html``) and component modules
  (``/app/static/ui/<name>.js?v=<hash>``) get the same header here. nginx also keeps a copy of all of them
  (``proxy_cache``), so a visitor's first load costs Python only the page and the websocket, not 3 MB of
  files.
- **Websocket.** ``/_stcore/stream`` is upgraded and may stay open for a day.
- **Session affinity by a route cookie.** A Streamlit session lives in one process (widget state, download
  and media URLs), so a browser must stay with the instance that serves it. The first response of an
  instance sets ``mrh_route=i<k>`` (the instance's number, nothing about the visitor); later requests with
  that cookie go to a pool where instance *k* is first and every other instance is a ``backup``. When
  instance *k* is down, the request (and the websocket's reconnect) goes to a backup, and that response
  sets the cookie to the instance that actually answered, so downloads follow the session. Why not
  ``ip_hash``: a Kreisverwaltung reaches the internet through one address, so all its staff would land on
  one instance. The cookie is strictly necessary for the service the visitor asked for (§ 25 Abs. 2 Nr. 2
  TDDDG) and holds no identifier of the person.
- **Security headers.** A Content-Security-Policy that allows only the own origin (the basemap host only
  in documents made with the opt-in basemap), ``X-Content-Type-Options: nosniff``,
  ``Referrer-Policy: no-referrer``, and ``frame-ancestors`` set by the operator for embedding.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from geo.map.mapdoc import BASEMAP_PREFIX
from geo.map.overlays import BASEMAP_URL

BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so")
ROUTE_COOKIE = "mrh_route"
# Text types worth compressing (woff2 and PNG are compressed already).
COMPRESS_TYPES = (
    "text/css text/javascript application/javascript application/json application/geo+json "
    "image/svg+xml text/csv text/plain application/manifest+json font/ttf application/x-font-ttf"
)
YEAR = 31_536_000


def streamlit_inline_hashes() -> tuple[str, ...]:
    """CSP hashes of the inline scripts in the installed Streamlit's page (today one line,
    ``window.prerenderReady = false``). Render the configuration again after upgrading Streamlit."""
    import streamlit

    page = (Path(streamlit.__file__).parent / "static" / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", page, flags=re.S)
    return tuple(
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'" for body in scripts
    )


def basemap_origin() -> str:
    """Scheme and host of the opt-in basemap's tiles."""
    match = re.match(r"https://[^/]+", BASEMAP_URL)
    assert match, BASEMAP_URL
    return match.group(0)


@dataclass(frozen=True)
class Front:
    """Everything that differs between a local cluster and a production server."""

    instances: tuple[str, ...]  # host:port of each Streamlit instance
    listen: str = "127.0.0.1:8080"
    server_name: str = "_"
    base_path: str = ""  # Streamlit's server.baseUrlPath, e.g. "mrh"
    frame_ancestors: str = "'self'"  # who may embed the dashboard, e.g. "'self' https://www.kreis-xy.de"
    cache_dir: str = "/var/cache/nginx/mrh"
    brotli: bool = field(default_factory=BROTLI_MODULE.exists)
    # HTTPS with HTTP/2: paths of the certificate (chain) and its key; empty: plain HTTP/1.1 (behind another
    # TLS proxy, or for a trial). Browsers speak HTTP/2 only over TLS, and without it a first visit waits in
    # six connections for Streamlit's ≈ 50 small bundles (README „Leistung“: the map stood ≈ 6 s instead of
    # ≈ 3 s after the page's first paint).
    tls_certificate: str = ""
    tls_key: str = ""

    @property
    def tls(self) -> bool:
        return bool(self.tls_certificate and self.tls_key)

    @property
    def prefix(self) -> str:
        base = self.base_path.strip("/")
        return f"/{base}/" if base else "/"


def csp(front: Front, basemap: bool = False) -> str:
    """Content-Security-Policy: the own origin only; the basemap's tiles only where asked for.

    Exceptions, each needed by Streamlit or by the map and nothing else: ``blob:`` scripts (Streamlit runs a
    component's module from a blob URL), inline styles (Streamlit's CSS-in-JS and Leaflet), inline
    scripts in the map document only (folium writes the map as inline script; the document is static and
    content-addressed), ``data:`` images and fonts, and ``'wasm-unsafe-eval'`` (WebAssembly only, not
    JavaScript's eval: long.js in Streamlit's protobuf bundle compiles a tiny module for 64-bit arithmetic).
    Streamlit's page has one inline line of its own: it is allowed by its hash, not by ``'unsafe-inline'``.
    """
    scripts = " ".join(("'self'", "blob:", "'wasm-unsafe-eval'", *streamlit_inline_hashes()))
    images = "'self' data: blob:" + (f" {basemap_origin()}" if basemap else "")
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self' 'unsafe-inline'",
            f"img-src {images}",
            "font-src 'self' data:",
            "connect-src 'self'",
            "frame-src 'self'",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            f"frame-ancestors {front.frame_ancestors}",
        ]
    )


def map_csp(front: Front, basemap: bool) -> str:
    """The map document's policy: like the page's, plus its own inline scripts."""
    return re.sub(r"script-src [^;]*", "script-src 'self' 'unsafe-inline'", csp(front, basemap))


def _headers(policy: str, cache_control: str | None = None) -> str:
    """nginx drops a server's add_header lines in any location that has its own, so each location gets all."""
    lines = [
        f'add_header Content-Security-Policy "{policy}" always;',
        'add_header X-Content-Type-Options "nosniff" always;',
        'add_header Referrer-Policy "no-referrer" always;',
        'add_header Permissions-Policy "camera=(), microphone=(), geolocation=(), interest-cohort=()" always;',
        'add_header Set-Cookie "$mrh_set_route" always;',
    ]
    if cache_control:
        lines.append(f'add_header Cache-Control "{cache_control}" always;')
    return "\n        ".join(lines)


def _proxy(front: Front) -> str:
    return "\n        ".join(
        [
            "proxy_pass http://$mrh_pool;",
            "proxy_http_version 1.1;",
            'proxy_set_header Connection "";',
            "proxy_set_header Host $host;",
            "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
            "proxy_set_header X-Forwarded-Proto $scheme;",
            "proxy_next_upstream error timeout http_502 http_503;",
            "proxy_connect_timeout 2s;",
        ]
    )


def http_block(front: Front) -> str:
    """The part that goes into nginx's ``http { }`` context (production: ``/etc/nginx/conf.d/mrh.conf``)."""
    if not front.instances:
        raise ValueError("mindestens eine Streamlit-Instanz angeben")
    prefix = front.prefix
    names = [f"i{k}" for k in range(1, len(front.instances) + 1)]
    upstreams = [
        "upstream mrh_all {\n    least_conn;\n"
        + "".join(f"    server {addr} max_fails=1 fail_timeout=10s;\n" for addr in front.instances)
        + "    keepalive 16;\n}"
    ]
    for name, addr in zip(names, front.instances, strict=True):
        backups = "".join(f"    server {other} backup;\n" for other in front.instances if other != addr)
        upstreams.append(
            f"upstream mrh_{name} {{\n    server {addr} max_fails=1 fail_timeout=10s;\n{backups}    keepalive 8;\n}}"
        )
    pools = "".join(f"    {name} mrh_{name};\n" for name in names)
    served = "".join(
        f'    "~(^|, ){re.escape(addr)}$" {name};\n' for name, addr in zip(names, front.instances, strict=True)
    )
    cookie = f"{ROUTE_COOKIE}=$mrh_route; Path={prefix}; HttpOnly; SameSite=Lax$mrh_secure"
    brotli = (
        f"brotli on;\nbrotli_comp_level 5;\nbrotli_min_length 1024;\nbrotli_types {COMPRESS_TYPES};\n"
        if front.brotli
        else "# brotli: Debian's libnginx-mod-http-brotli-filter is not installed; gzip only\n"
    )
    tls = (
        f"    ssl_certificate {front.tls_certificate};\n    ssl_certificate_key {front.tls_key};\n"
        "    ssl_protocols TLSv1.2 TLSv1.3;\n    ssl_session_cache shared:mrh_tls:10m;\n"
        if front.tls
        else ""
    )
    page = _headers(csp(front))
    hashed = _headers(csp(front), f"public, max-age={YEAR}, immutable")
    proxy = _proxy(front)
    return f"""# MRH Daseinsvorsorge – rendered by `python -m deploy` (deploy/nginx.py); edit there, not here.
{chr(10).join(upstreams)}

# Session affinity: the route cookie picks the instance's pool; without one, the least busy instance.
map $cookie_{ROUTE_COOKIE} $mrh_pool {{
    default mrh_all;
{pools}}}
# The instance that actually answered (the last address if nginx had to try another one).
map $upstream_addr $mrh_route {{
    default "";
{served}}}
# Set the cookie only when it is missing or names another instance than the one that answered.
map "$cookie_{ROUTE_COOKIE}|$mrh_route" $mrh_set_route {{
    default "{cookie}";
    "~^[^|]*\\|$" "";
    "~^(?<same>[^|]+)\\|(?P=same)$" "";
}}
# Behind TLS the cookie travels over HTTPS only.
map $scheme $mrh_secure {{
    default "";
    https "; Secure";
}}
map $http_upgrade $mrh_connection {{
    default upgrade;
    "" "";
}}

proxy_cache_path {front.cache_dir} levels=1:2 keys_zone=mrh_static:10m max_size=200m inactive=30d use_temp_path=off;

gzip on;
gzip_vary on;
gzip_proxied any;
gzip_comp_level 5;
gzip_min_length 1024;
gzip_types {COMPRESS_TYPES};
{brotli}
server {{
    listen {front.listen}{" ssl http2" if front.tls else ""};
{tls}    server_name {front.server_name};
    server_tokens off;
    client_max_body_size 1m;

    # Streamlit's frontend bundles: content-hashed names, immutable already; nginx keeps a copy.
    location {prefix}static/ {{
        {proxy}
        proxy_cache mrh_static;
        proxy_cache_valid 200 30d;
        proxy_cache_use_stale error timeout updating;
        {page}
    }}

    # Our map documents: named by content hash. Those with the opt-in basemap may load its tiles.
    location ~ ^{re.escape(prefix)}app/static/maps/{BASEMAP_PREFIX}[0-9a-f]+\\.html$ {{
        {proxy}
        proxy_cache mrh_static;
        proxy_cache_valid 200 30d;
        proxy_hide_header Cache-Control;
        {_headers(map_csp(front, basemap=True), f"public, max-age={YEAR}, immutable")}
    }}
    location {prefix}app/static/maps/ {{
        {proxy}
        proxy_cache mrh_static;
        proxy_cache_valid 200 30d;
        proxy_hide_header Cache-Control;
        {_headers(map_csp(front, basemap=False), f"public, max-age={YEAR}, immutable")}
    }}
    # Component modules, loaded with ?v=<content hash>; Leaflet's copy for the offline download.
    location {prefix}app/static/ {{
        {proxy}
        proxy_cache mrh_static;
        proxy_cache_key $scheme$host$request_uri;
        proxy_cache_valid 200 30d;
        proxy_hide_header Cache-Control;
        {hashed}
    }}

    # The session's websocket: upgraded, kept open for a working day and more.
    location = {prefix}_stcore/stream {{
        {proxy.replace('proxy_set_header Connection "";', "proxy_set_header Connection $mrh_connection;")}
        proxy_set_header Upgrade $http_upgrade;
        proxy_read_timeout 1d;
        proxy_send_timeout 1d;
        proxy_buffering off;
        {page}
    }}

    location {prefix} {{
        {proxy}
        {page}
    }}
}}
"""


def main_config(front: Front, state_dir: Path) -> str:
    """A complete nginx.conf for a local cluster: everything nginx writes stays in ``state_dir``."""
    modules = f"load_module {BROTLI_MODULE};\n" if front.brotli else ""
    kinds = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    temp = "\n    ".join(f"{kind}_temp_path {state_dir / ('tmp-' + kind)};" for kind in kinds)
    return f"""{modules}worker_processes 1;
pid {state_dir / "nginx.pid"};
error_log {state_dir / "error.log"} warn;
events {{
    worker_connections 2048;
}}
http {{
    log_format mrh '$remote_addr [$time_local] "$request" $status $bytes_sent upstream=$upstream_addr '
                   'cache=$upstream_cache_status t=$request_time';
    access_log {state_dir / "access.log"} mrh;
    default_type application/octet-stream;
    types {{
        text/html html;
        text/css css;
        application/javascript js mjs;
    }}
    {temp}

{http_block(front)}
}}
"""
