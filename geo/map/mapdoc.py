"""The map as one HTML document: our scripts and styles inlined, nothing from other hosts.

The same document serves the dashboard (loaded once into a frame, then driven by messages) and the
offline download; the dashboard's loads Leaflet's script from beside it (``leaflet_src``), the download
carries it inline. folium's layer script travels as small steps (``geo/map/steps.py``). It is
deterministic: the same project, language, basemap switch and start view give the same bytes, so its
content hash can name it and a browser can keep it.
"""

from __future__ import annotations

import base64
import hashlib
import re
from typing import NamedTuple

from branca.element import Element, Figure

from geo.data.paths import MAP_WEB, VENDOR_LEAFLET
from geo.data.project import Project
from geo.map.layers import build_map
from geo.map.steps import stepwise
from geo.view.escape import html_template
from geo.view.i18n import text
from geo.view.state import ViewState


class ExportInfo(NamedTuple):
    """What the offline map says about itself (all plain text; the template escapes)."""

    title: str
    view_label: str
    view: str
    made: str
    attribution: str


# folium's Map header forbids zooming the page (WCAG 1.4.4); ours allows it.
_VIEWPORT = re.compile(r'<meta name="viewport"[^>]*?user-scalable=no"\s*/>')
VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1" />'
TITLE = html_template("<title>{{ title }}</title>")
_ELEMENT_ID = re.compile(r"_([0-9a-f]{32})(?![0-9a-f])")


def _script_safe(source: str) -> str:
    return source.replace("</", "<\\/")


def _css_with_inlined_images(css: str) -> str:
    def inline(match: re.Match[str]) -> str:
        path = VENDOR_LEAFLET / match.group(1)
        if not path.exists():
            return match.group(0)
        return f"url(data:image/png;base64,{base64.b64encode(path.read_bytes()).decode()})"

    return re.sub(r"url\((images/[\w.-]+\.png)\)", inline, css)


def _stable_ids(html: str) -> str:
    """folium names elements with random UUIDs; number them in order of appearance instead."""
    numbers: dict[str, str] = {}

    def number(match: re.Match[str]) -> str:
        return "_" + numbers.setdefault(match.group(1), f"{len(numbers):04d}")

    return _ELEMENT_ID.sub(number, html)


# The parts of the map's behaviour, in the order they build on each other (see geo/map/web/map.js).
MAP_SCRIPTS = ("dom.js", "layers.js", "labels.js", "panel.js", "keyboard.js", "messaging.js", "steps.js", "map.js")


LEAFLET_JS = VENDOR_LEAFLET / "leaflet.js"


def leaflet_name() -> str:
    """Name of Leaflet's script beside the dashboard's map documents: ``leaflet-<16 hex>.js`` (reads the file)."""
    return f"leaflet-{hashlib.sha256(LEAFLET_JS.read_bytes()).hexdigest()[:16]}.js"


def inlined_assets(leaflet_src: str | None = None) -> str:
    """Leaflet's CSS (with its images) and JS, then ours, as inline ``<style>``/``<script>`` (reads files).

    With ``leaflet_src`` Leaflet's script is loaded from there instead (same origin): the browser compiles
    a loaded script while it arrives, off the main thread, and keeps it for every map document; an inline
    one costs a task of ≈ 60–100 ms at 4× CPU slowdown on every start (bench/trace.md).
    """
    css = _css_with_inlined_images((VENDOR_LEAFLET / "leaflet.css").read_text(encoding="utf-8"))
    css += "\n" + (MAP_WEB / "map.css").read_text(encoding="utf-8")
    ours = "\n".join((MAP_WEB / name).read_text(encoding="utf-8") for name in MAP_SCRIPTS)
    if leaflet_src:
        leaflet = SCRIPT_SRC.render(src=leaflet_src)
    else:
        leaflet = f"<script>{_script_safe(LEAFLET_JS.read_text(encoding='utf-8'))}</script>"
    return f"<style>{css}</style>" + leaflet + f"<script>{_script_safe(ours)}</script>"


SCRIPT_SRC = html_template('<script src="{{ src }}"></script>')


# The faces of the map's text, used once before anything is drawn (map.css, .mrh-fonts).
FONT_PRIMER = (
    '<div class="mrh-fonts" aria-hidden="true">Ää <span class="w600">Ää</span> '
    '<span class="w700">Ää</span> <span class="w800">Ää</span> <span class="context">Ää</span> '
    '<span class="zoom">+−</span></div>'
)
HEADER = html_template(
    '<header class="mrh-export-header"><h1>{{ title }}</h1>'
    "<p><strong>{{ view_label }}:</strong> {{ view }}</p>"
    '<p class="mrh-export-meta">{{ made }} · {{ attribution }}</p></header>'
)
HEADER_CSS = (
    "<style>body{display:flex;flex-direction:column;height:100vh}"
    ".mrh-export-header{padding:8px 14px;font:14px/1.4 Arial,sans-serif;color:#1f1f1f;border-bottom:1px solid #ccc}"
    ".mrh-export-header h1{font-size:20px;margin:0 0 4px}.mrh-export-header p{margin:2px 0}"
    ".mrh-export-meta{color:#3d3d3d;font-size:12.5px}"
    ".folium-map{position:relative!important;flex:1;height:auto!important;min-height:300px}</style>"
)


def map_document(
    project: Project,
    basemap: bool,
    lang: str,
    state: ViewState | None = None,
    export: ExportInfo | None = None,
    leaflet_src: str | None = None,
) -> str:
    """The whole map page as HTML text (reads the vendored assets, writes nothing).

    Self-contained unless ``leaflet_src`` names where Leaflet's script is served (the dashboard: see
    :func:`inlined_assets`); the offline download always carries it.

    With ``export`` (the offline download) the page gets a heading with the view and the date it was
    made, and a click on a partner opens a popup with Teilprojekt, Themen, Laufzeit and sources.
    """
    fmap = build_map(project, basemap=basemap, lang=lang, state=state, popups=export is not None)
    root = fmap.get_root()
    assert isinstance(root, Figure)  # build_map puts the map into a titled Figure
    head = TITLE.render(
        title=export.title if export else text(lang, "Demographie und Daseinsvorsorge")
    ) + inlined_assets(None if export else leaflet_src)
    if export:
        head += HEADER_CSS
        root.html.add_child(Element(HEADER.render(**export._asdict())), name="export_header", index=0)
    root.header.add_child(Element(head), name="inlined_assets", index=0)
    root.html.add_child(Element(FONT_PRIMER), name="font_primer", index=0)
    html, found = _VIEWPORT.subn(VIEWPORT, stepwise(root, root.render()), count=1)
    if found != 1:
        raise RuntimeError("folium's viewport meta changed; update geo/map/mapdoc.py")
    html = html.replace("<html>", f'<html lang="{lang}">', 1)
    return _stable_ids(html)


BASEMAP_PREFIX = "karte-hintergrund-"


def content_name(document: str, basemap: bool = False) -> str:
    """File name that changes whenever the document does: ``karte-<16 hex>.html``.

    Documents with the opt-in web basemap are named ``karte-hintergrund-<16 hex>.html``, so that a proxy can
    allow the basemap host for those documents only (see ``deploy/nginx.py``)."""
    digest = hashlib.sha256(document.encode("utf-8")).hexdigest()[:16]
    return f"{BASEMAP_PREFIX if basemap else 'karte-'}{digest}.html"
