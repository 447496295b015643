"""The map as one HTML document: our scripts and styles, nothing from other hosts.

The same document serves the dashboard (loaded once into a frame, then driven by messages) and the
offline download. The dashboard's loads Leaflet's script, ours and the data of the layers drawn later
from files beside it (:func:`published_map`); the download carries everything inline. The map's elements
write their code as small steps (``geo/map/steps.py``). It is deterministic: the same project, language,
basemap switch and start view give the same bytes (every element has a fixed name), so its content hash can
name it and a browser can keep it.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from typing import NamedTuple

from branca.element import Element, Figure

from geo.data.paths import MAP_WEB, VENDOR_LEAFLET
from geo.data.project import Project
from geo.map.layers import REMOTE_LAYERS, build_map, layer_data
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


TITLE = html_template("<title>{{ title }}</title>")


def _script_safe(source: str) -> str:
    return source.replace("</", "<\\/")


def _css_with_inlined_images(css: str) -> str:
    def inline(match: re.Match[str]) -> str:
        path = VENDOR_LEAFLET / match.group(1)
        if not path.exists():
            return match.group(0)
        return f"url(data:image/png;base64,{base64.b64encode(path.read_bytes()).decode()})"

    return re.sub(r"url\((images/[\w.-]+\.png)\)", inline, css)


# The parts of the map's behaviour, in the order they build on each other (see geo/map/web/map.js).
MAP_SCRIPTS = (
    "dom.js",
    "layers.js",
    "labels.js",
    "panel.js",
    "keyboard.js",
    "messaging.js",
    "steps.js",
    "overlays.js",
    "map.js",
)


LEAFLET_JS = VENDOR_LEAFLET / "leaflet.js"


def leaflet_name() -> str:
    """Name of Leaflet's script beside the dashboard's map documents: ``leaflet-<16 hex>.js`` (reads the file)."""
    return f"leaflet-{hashlib.sha256(LEAFLET_JS.read_bytes()).hexdigest()[:16]}.js"


def map_script() -> str:
    """Our scripts (``geo/map/web/*.js``) as one text, in :data:`MAP_SCRIPTS` order (reads the files)."""
    return "\n".join((MAP_WEB / name).read_text(encoding="utf-8") for name in MAP_SCRIPTS)


def hashed_name(prefix: str, text: str, suffix: str) -> str:
    """``<prefix><16 hex of the text's SHA-256><suffix>``: a name that changes whenever the content does."""
    return f"{prefix}{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}{suffix}"


class Beside(NamedTuple):
    """Files the dashboard's map document loads from its own folder, by name (ui/mapview.py writes them)."""

    leaflet: str  # leaflet-<hash>.js
    script: str  # karte-skript-<hash>.js: geo/map/web/*.js
    layers: dict[str, str]  # layer kind → ebene-<hash>.json (geo/map/layers.py, REMOTE_LAYERS)


def inlined_assets(beside: Beside | None = None) -> str:
    """Leaflet's CSS (with its images) and JS, then ours, as inline ``<style>``/``<script>`` (reads files).

    With ``beside`` both scripts are loaded from the document's folder instead (same origin): the browser
    fetches them side by side, compiles them while they arrive, off the main thread, and keeps them for every
    map document; an inline Leaflet cost a task of ≈ 60–100 ms at 4× CPU slowdown on every start
    (bench/trace.md), and our ≈ 40 KB of script made every document that much larger.
    """
    css = _css_with_inlined_images((VENDOR_LEAFLET / "leaflet.css").read_text(encoding="utf-8"))
    css += "\n" + (MAP_WEB / "map.css").read_text(encoding="utf-8")
    if beside:
        scripts = SCRIPT_SRC.render(src=beside.leaflet) + SCRIPT_SRC.render(src=beside.script)
    else:
        leaflet = _script_safe(LEAFLET_JS.read_text(encoding="utf-8"))
        scripts = f"<script>{leaflet}</script><script>{_script_safe(map_script())}</script>"
    return f"<style>{css}</style>" + scripts


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


def published_map(project: Project, basemap: bool, lang: str) -> tuple[str, dict[str, str]]:
    """The dashboard's map: its document and the files beside it (name → text), which the document loads
    by relative address (reads the vendored assets, writes nothing).

    The first document carries what is drawn at once (partners, names, contacts, legend); Leaflet, our
    scripts and the data of the context and network layers are files of their own, named by their content,
    so that a browser fetches them side by side and keeps them across documents and languages."""
    files = {leaflet_name(): LEAFLET_JS.read_text(encoding="utf-8")}
    script = map_script()
    script_name = hashed_name("karte-skript-", script, ".js")
    files[script_name] = script
    layers = {}
    for kind in REMOTE_LAYERS:
        data = layer_data(project, lang, kind)
        if data is not None:
            body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            layers[kind] = hashed_name("ebene-", body, ".json")
            files[layers[kind]] = body
    beside = Beside(leaflet=leaflet_name(), script=script_name, layers=layers)
    return map_document(project, basemap, lang, beside=beside), files


def map_document(
    project: Project,
    basemap: bool,
    lang: str,
    state: ViewState | None = None,
    export: ExportInfo | None = None,
    beside: Beside | None = None,
) -> str:
    """The whole map page as HTML text (reads the vendored assets, writes nothing).

    Self-contained unless ``beside`` names the files loaded from the document's folder (the dashboard: see
    :func:`published_map`); the offline download always carries everything.

    With ``export`` (the offline download) the page gets a heading with the view and the date it was
    made, and a click on a partner opens a popup with Teilprojekt, Themen, Laufzeit and sources.
    """
    remote = beside.layers if beside and not export else None
    fmap = build_map(project, basemap=basemap, lang=lang, state=state, popups=export is not None, remote=remote)
    root = fmap.get_root()
    assert isinstance(root, Figure)  # build_map puts the map into a page
    head = TITLE.render(
        title=export.title if export else text(lang, "Demographie und Daseinsvorsorge")
    ) + inlined_assets(None if export else beside)
    if export:
        head += HEADER_CSS
        root.html.add_child(Element(HEADER.render(**export._asdict())), name="export_header", index=0)
    root.header.add_child(Element(head), name="inlined_assets", index=0)
    root.html.add_child(Element(FONT_PRIMER), name="font_primer", index=0)
    return root.render()


BASEMAP_PREFIX = "karte-hintergrund-"


def content_name(document: str, basemap: bool = False) -> str:
    """File name that changes whenever the document does: ``karte-<16 hex>.html``.

    Documents with the opt-in web basemap are named ``karte-hintergrund-<16 hex>.html``, so that a proxy can
    allow the basemap host for those documents only (see ``deploy/nginx.py``)."""
    digest = hashlib.sha256(document.encode("utf-8")).hexdigest()[:16]
    return f"{BASEMAP_PREFIX if basemap else 'karte-'}{digest}.html"
