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

from jinja2 import Environment, FileSystemLoader, StrictUndefined

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
OGC_MAX_AGE = 60  # seconds a GIS client and nginx may keep an answer of the OGC service


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
    # six connections for Streamlit's ≈ 50 small bundles (bench/lighthouse.md).
    tls_certificate: str = ""
    tls_key: str = ""
    # host:port of the OGC API – Features service (python -m ogc serve), served under <prefix>ogc/; empty: none.
    ogc: str = ""

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


def ogc_csp(front: Front) -> str:
    """The OGC service's HTML pages: nothing from another host (pygeoapi's templates would load Leaflet and
    tiles from CDNs; the policy keeps the browser from asking them), no scripts at all."""
    return re.sub(r"script-src [^;]*", "script-src 'none'", csp(front))


def map_csp(front: Front, basemap: bool) -> str:
    """The map document's policy: like the page's, plus its own inline scripts."""
    return re.sub(r"script-src [^;]*", "script-src 'self' 'unsafe-inline'", csp(front, basemap))


# Values in the templates: one token each, unless a filter says otherwise (deploy/nginx.conf.j2).
_UNSAFE_TOKEN = re.compile(r"[\s\"'$;#{}\\]")
_UNSAFE_QUOTED = re.compile(r"[\x00-\x1f\x7f$\\\"]")


class ConfigValueError(ValueError):
    """A value (name, address, path, policy) that cannot be written into the configuration as given."""


class _Checked(str):
    """A value a filter has made safe for its place in the configuration."""


def _token(value: object) -> str:
    if isinstance(value, _Checked):
        return value
    text = str(value)
    if not text or _UNSAFE_TOKEN.search(text):
        raise ConfigValueError(
            f"Wert {text!r} passt nicht als ein Wort in die nginx-Konfiguration "
            "(ohne Leerzeichen, Anführungszeichen, $ ; # { } und \\)"
        )
    return text


def _quoted(value: object) -> _Checked:
    text = str(value)
    if _UNSAFE_QUOTED.search(text):
        raise ConfigValueError(
            f'Wert {text!r} passt nicht in eine Zeichenkette der nginx-Konfiguration ($, \\, " oder Steuerzeichen)'
        )
    return _Checked(f'"{text}"')


def _regex(value: object) -> _Checked:
    return _Checked(re.escape(_token(value)))


_TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).parent),
    finalize=_token,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    undefined=StrictUndefined,
    autoescape=False,  # not HTML: nginx's own rules are enforced by finalize and the filters above
)
_TEMPLATES.filters.update(
    quoted=_quoted, regex=_regex, words=lambda values: _Checked(" ".join(map(_token, values))), rendered=_Checked
)


def http_block(front: Front) -> str:
    """The part that goes into nginx's ``http { }`` context (production: ``/etc/nginx/conf.d/mrh.conf``)."""
    if not front.instances:
        raise ConfigValueError("mindestens eine Streamlit-Instanz angeben")
    page = csp(front)
    return _TEMPLATES.get_template("nginx.conf.j2").render(
        instances=front.instances,
        pools=[(f"i{k}", address) for k, address in enumerate(front.instances, start=1)],
        cookie_name=ROUTE_COOKIE,
        prefix=front.prefix,
        cache_dir=front.cache_dir,
        compress_types=COMPRESS_TYPES.split(),
        brotli=front.brotli,
        listen=front.listen,
        tls=front.tls,
        tls_certificate=front.tls_certificate,
        tls_key=front.tls_key,
        server_name=front.server_name,
        page_csp=page,
        map_csp=map_csp(front, basemap=False),
        basemap_map_csp=map_csp(front, basemap=True),
        basemap_prefix=BASEMAP_PREFIX,
        immutable=f"public, max-age={YEAR}, immutable",
        ogc=front.ogc,
        ogc_csp=ogc_csp(front),
        ogc_cache=f"public, max-age={OGC_MAX_AGE}",
        ogc_max_age=OGC_MAX_AGE,
    )


def main_config(front: Front, state_dir: Path) -> str:
    """A complete nginx.conf for a local cluster: everything nginx writes stays in ``state_dir``."""
    return _TEMPLATES.get_template("nginx-cluster.conf.j2").render(
        brotli=front.brotli, brotli_module=BROTLI_MODULE, state_dir=state_dir, http_block=http_block(front)
    )
