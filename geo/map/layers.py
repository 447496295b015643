"""Folium objects for the dashboard; builders return objects and never render or touch disk."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import folium
import geopandas as gpd
from branca.element import Figure

from geo.data.checks import is_web_url
from geo.data.partners import LEAD
from geo.data.project import Project
from geo.data.sources import ATTRIBUTION
from geo.map import overlays
from geo.map.steps import Group, Names, RunSteps, Shapes, Step, Steps
from geo.map.styles import BASE_STYLE, LEAD_STYLE, MATCH_STYLE, MUTED_STYLE, SELECTED_STYLE
from geo.view.contacts import precision_note
from geo.view.escape import html_template, script_template
from geo.view.features import feature_collection
from geo.view.formats import source_period, tel_uri
from geo.view.i18n import LANGUAGES, N_, ptext, text
from geo.view.record import PERIOD, PROJECT, SOURCES, THEMES, narrow_name, partner_records, short_name
from geo.view.state import ViewState

CONTACT_COLORS = {"dach": "#EE7733", "teil": "#009988"}
# The partners are framed with a margin, and room below them for the legend plus ``below``. The start
# (StartView, map.js) uses ``legend``, an estimate of the legend's height without a filter (``legend_closed``
# on narrow maps, where it is folded): the first view is the one kept, the layers are projected once and
# nothing forces a layout before the browser's own. Later views measure the legend (map.js, fit()).
MAP_PADDING = {"margin": 12, "below": 40, "legend": 46, "legend_closed": 26}
# Maps narrower than this (px) are phones: short names (labels.js), a folded legend (panel.js) and a first
# view without the partners' small outlying parts (core_bounds). map.css's media query uses the same width.
NARROW_PX = 480
# A part of a partner smaller than this share of its area does not count for the phone's first view.
OUTLYING_SHARE = 0.01
AREA_CRS = 3035  # ETRS89-LAEA: equal areas


def core_bounds(partners: gpd.GeoDataFrame) -> list[list[float]]:
    """``[[south, west], [north, east]]`` of the partners without their small outlying parts.

    Helgoland (Kreis Pinneberg, 1,7 km² of 664) lies 60 km out in the North Sea: on a 358 px map framing it
    costs a fifth of the width, and it is a dot there anyway. Wide maps frame everything."""
    parts = partners.geometry.explode(index_parts=False)
    area = parts.to_crs(AREA_CRS).area.to_numpy()
    whole = partners.geometry.to_crs(AREA_CRS).area.reindex(parts.index).to_numpy()
    kept = parts[area >= OUTLYING_SHARE * whole]
    west, south, east, north = kept.total_bounds
    return [[south, west], [north, east]]


class StartView(Step):
    """The first view: the partners framed with room for the legend (``MRH.startView``, map.js), before any
    layer is added; on narrow maps without outlying parts and with room for the folded legend."""

    _code = "MRH.startView({{ this.parent.get_name() }}, {{ this.frame|js }});"


def camel(key: str) -> str:
    """``zoom_snap`` → ``zoomSnap``: folium's option names as Leaflet spells them."""
    head, *rest = key.split("_")
    return head + "".join(word.capitalize() for word in rest)


class DashboardMap(Steps, folium.Map):
    """folium's Map with its own template, as folium's plugins are made: the map's div, and ``L.map`` as the
    first step (geo/map/steps.py) under the fixed name ``map``. Its viewport lets visitors zoom the page
    (folium's forbids it: ``user-scalable=no``, against WCAG 1.4.4), and nothing comes from a CDN (Leaflet
    comes with the document, geo/map/mapdoc.py)."""

    name = "map"  # set before folium's __init__, which files the map under its name
    # folium's own attributes, set on the class as its plugins do (folium reads them per instance)
    default_js: list[tuple[str, str]] = []  # noqa: RUF012
    default_css: list[tuple[str, str]] = []  # noqa: RUF012
    _template = script_template(
        """
        {% macro header(this, kwargs) %}
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <style>
                #{{ this.get_name() }} {
                    position: {{ this.position }};
                    width: {{ this.width[0] }}{{ this.width[1] }};
                    height: {{ this.height[0] }}{{ this.height[1] }};
                    left: {{ this.left[0] }}{{ this.left[1] }};
                    top: {{ this.top[0] }}{{ this.top[1] }};
                }
                .leaflet-container { font-size: {{ this.font_size }}; }
                html, body { width: 100%; height: 100%; margin: 0; padding: 0; }
            </style>
        {% endmacro %}

        {% macro html(this, kwargs) %}
            <div class="folium-map" id="{{ this.get_name() }}"></div>
            {{ this.nodes() }}
        {% endmacro %}
        """
    )
    _code = script_template(
        """
        var {{ this.get_name() }} = L.map({{ this.get_name()|js }}, Object.assign(
            {center: {{ this.location|js }}, crs: L.CRS.{{ this.crs }}}, {{ this.leaflet_options()|js }}));
        {% if this.control_scale %}L.control.scale().addTo({{ this.get_name() }});{% endif %}
        """
    )

    def leaflet_options(self) -> dict[str, Any]:
        return {camel(key): value for key, value in self.options.items()}

    def steps(self) -> list[str]:
        return [self._code.render(this=self)]


class MapPage(Figure):
    """The document around the map: branca's Figure with the page's language on ``<html>``."""

    _template = script_template(
        "<!DOCTYPE html>\n"
        '<html lang="{{ this.lang }}">\n'
        "<head>\n"
        "    {{ this.header.render(**kwargs) }}\n"
        "</head>\n"
        "<body>\n"
        "    {{ this.html.render(**kwargs) }}\n"
        "</body>\n"
        "<script>\n"
        "    {{ this.script.render(**kwargs) }}\n"
        "</script>\n"
        "</html>\n"
    )

    def __init__(self, lang: str) -> None:
        super().__init__()
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}")
        self.lang = lang


class Panes(Step):
    """Create the map's panes (bottom to top) before any layer is added to one (see ``geo/map/web/layers.js``)."""

    _code = "MRH.createPanes({{ this.parent.get_name() }});"


class Attribution(Step):
    """Data attribution inside the map (there are no tiles to carry one); Leaflet shows it as HTML."""

    _code = "{{ this.parent.get_name() }}.attributionControl.addAttribution({{ this.text|e|js }});"


class Behaviour(Step):
    """Labels, legend, grouped layer panel, selection, keyboard and touch (the parts in ``geo/map/web/``).

    ``data`` holds plain values (texts are inserted with ``textContent`` in the browser).
    """

    _code = """
    MRH.init({{ this.parent.get_name() }}, Object.assign({
        partners: {{ this.partners.get_name() }},
        contacts: {{ this.contacts.get_name() }},
        density: {{ this.density.get_name() }},
        themes: [
        {%- for slug, label, color, group in this.themes %}
            {slug: {{ slug|js }}, label: {{ label|js }}, color: {{ color|js }}, group: {{ group.get_name() }}},
        {%- endfor %}
        ],
        layers: [
        {%- for label, layer in this.layers %}
            {label: {{ label|js }}, layer: {{ layer.get_name() }}},
        {%- endfor %}
        ]
    }, {{ this.data|js }}));
    """


# The map's own texts (legend, layer panel, accessible names), sent to the browser as plain strings.
MAP_TEXTS = {
    "region": N_("Karte der Partnerregionen"),
    "home": N_("Gesamtansicht"),
    "lead": N_("Federführung (gestrichelt)"),
    "lead_short": N_("Federführung"),
    "legend": N_("Legende"),
    "filter_one": N_("Filter: 1 Thema"),
    "filter_count": N_("Filter: {n} Themen"),
    "filter_rule": N_("Partner mit mindestens einem der gewählten Themen"),
    "no_match": N_("ohne gewähltes Thema"),
    "partner": N_("Partnerregion"),
    "selection": N_("Auswahl"),
    "contact": N_("Kontakt"),
    "contact_dach": N_("Dachprojekt"),
    "layers": N_("Ebenen und Themen"),
    "themes": N_("Themenfelder (Filter)"),
    "more_layers": N_("Weitere Ebenen"),
    "two_fingers": N_("Karte mit zwei Fingern verschieben und zoomen"),
    "selected": N_("ausgewählt – Details neben oder unter der Karte."),
}


def partner_features(project: Project, lang: str) -> dict[str, Any]:
    """GeoJSON of the partners with only what the browser needs.

    All text is plain: the browser inserts ``name``, ``short`` and ``narrow`` (phones) with ``textContent``
    (tooltips, labels, accessible names). Styles, too, are set in the browser (``layers.js``), so no
    per-feature style code is sent.
    """
    partners = project.partners
    points = partners.geometry.representative_point()
    frame = gpd.GeoDataFrame(
        {
            "rs": [str(rs) for rs in partners.index],
            "name": list(partners["display_name"]),
            "short": [short_name(name) for name in partners["name"]],
            "narrow": [narrow_name(name) for name in partners["name"]],
            "themen": list(partners["themen"]),
            "area": [round(float(a)) for a in partners["area_km2"]],
            "pt": [[round(p.y, 4), round(p.x, 4)] for p in points],
            "lead": list(partners["rolle"] == LEAD),
        },
        geometry=list(partners.geometry),
        index=partners.index,
        crs=partners.crs,
    )
    return feature_collection(frame)


def partner_details(project: Project, lang: str) -> dict[str, dict[str, Any]]:
    """What a partner's popup shows in the offline map: the record's Teilprojekt, Themen and Laufzeit (plain
    text) and its sources (only checked http(s) addresses)."""
    details = {}
    for record in partner_records(project, project.partners.index, lang):
        details[record.rs] = {
            "fields": [[record[key].label, record[key].plain] for key in POPUP],
            "sources": [x.url for x in record[SOURCES].links if is_web_url(x.url)],
            "sourcesLabel": record[SOURCES].label,
        }
    return details


# The record's entries a popup shows, in this order.
POPUP = (PROJECT, THEMES, PERIOD)


def map_styles() -> dict[str, dict[str, object]]:
    """Leaflet path styles the browser combines per partner (see ``styleOf`` in ``geo/map/web/layers.js``)."""
    return {
        "base": BASE_STYLE,
        "lead": LEAD_STYLE,
        "match": MATCH_STYLE,
        "muted": MUTED_STYLE,
        "selected": SELECTED_STYLE,
    }


def view_data(state: ViewState, place: dict[str, Any] | None = None) -> dict[str, Any]:
    """What travels per rerun: the selection, the filter and a found place (a few dozen bytes)."""
    return {"partner": state.partner, "themes": list(state.themes), "place": place}


def build_map(
    project: Project,
    basemap: bool,
    lang: str,
    state: ViewState | None = None,
    popups: bool = False,
    remote: Mapping[str, str] | None = None,
) -> DashboardMap:
    """The map: context, partners, theme/density/network layers, contacts, legend and layer panel.

    No tiles unless ``basemap`` (opt-in: tiles come from the BKG's server). ``state`` is the view the
    map starts with; in the dashboard later views arrive as messages (:func:`view_data`), so selecting
    or filtering never rebuilds the map in the browser. ``remote`` maps a layer (``context``, ``network``)
    to the address of its data (:func:`layer_data`) beside the document; layers not in it carry their data.
    Every element runs as steps under a fixed name (geo/map/steps.py); the page runs them at its end.
    """
    remote = remote or {}
    names = Names()
    page = MapPage(lang)  # the document's <title> is added by geo.map.mapdoc (escaped there)
    fmap = DashboardMap(
        location=None,
        tiles=None,
        zoom_start=8,
        control_scale=True,
        double_click_zoom=False,
        zoom_snap=0.05,  # the first view fills the frame (a quarter step left up to a fifth of it empty)
        zoom_delta=0.5,
    )
    names(fmap.get_name())
    page.add_child(fmap)
    Panes(names("panes")).add_to(fmap)
    west, south, east, north = project.partners.total_bounds
    frame = {
        "bounds": [[south, west], [north, east]],
        "core": core_bounds(project.partners),
        "padding": MAP_PADDING,
        "narrow": NARROW_PX,
    }
    StartView(names("start_view"), frame=frame).add_to(fmap)
    Attribution(names("attribution"), text=ATTRIBUTION).add_to(fmap)
    layers: list[tuple[str, Step]] = []
    if basemap:
        basemap_layer = overlays.Basemap(names("basemap"))
        basemap_layer.add_to(fmap)
        layers.append((text(lang, "Hintergrundkarte basemap.de"), basemap_layer))
    context_name = text(lang, "Metropolregion Hamburg 2014–2016 und Ländergrenzen")
    context = None if project.context.empty else Group(names("context"), context_name, show=True)
    if context is not None:
        context.add_to(fmap)

    # The base style from the start: the partners are painted as their batches arrive (geo/map/steps.py),
    # before map.js styles them for the view.
    partners = Shapes(
        names("partners"),
        label=text(lang, "Partnerregionen"),
        data=partner_features(project, lang),
        pane="mrhPartners",
        start={"base": BASE_STYLE, "lead": LEAD_STYLE},
    )
    partners.add_to(fmap)
    layers.append((partners.label, partners))

    groups = []
    for number, theme in enumerate(project.themes, start=1):
        group = Group(names(f"theme_{number}"), theme.slug, show=False)
        group.add_to(fmap)
        groups.append((theme.slug, theme.label_in(lang), theme.color, group))
    density = Group(names("density"), text(lang, "Einwohnerdichte"), show=False)
    network = Group(names("network"), text(lang, "Vernetzung (gemeinsame Themen)"), show=False)
    density.add_to(fmap)
    network.add_to(fmap)
    failed = text(lang, "Diese Ebene ließ sich nicht laden. Bitte später noch einmal einschalten.")
    filled = [("context", context), ("density", density), ("network", network)]
    for kind, lazy in filled:
        if lazy is not None:
            source = remote[kind] if kind in remote else layer_data(project, lang, kind)
            overlays.Fill(
                names(f"fill_{kind}"), group=lazy, kind=kind, source=source, partners=partners, failed=failed
            ).add_to(fmap)
    contacts = contact_points(project, lang, names)
    contacts.add_to(fmap)
    layers += [(contacts.label, contacts), (density.label, density), (network.label, network)]
    if context is not None:
        layers.append((context_name, context))

    behaviour = {
        "styles": map_styles(),
        "view": view_data(state or ViewState()),
        "contactColors": CONTACT_COLORS,
        "texts": {
            **{key: text(lang, message) for key, message in MAP_TEXTS.items()},
            "contact_teil": ptext(lang, "Kontaktart", "Teilprojekt"),  # lower case in English, as "umbrella project"
        },
        "details": partner_details(project, lang) if popups else None,
    }
    Behaviour(
        names("behaviour"),
        partners=partners,
        contacts=contacts,
        density=density,
        themes=groups,
        layers=layers,
        data=behaviour,
    ).add_to(fmap)
    page.add_child(RunSteps())
    return fmap


# The layers whose data may live beside the map document (geo/map/mapdoc.py): the context is drawn from
# the start but need not be in the first document; the network is drawn only when switched on.
REMOTE_LAYERS = ("context", "network")


def layer_data(project: Project, lang: str, kind: str) -> dict[str, Any] | None:
    """The data of a layer filled in the browser (``overlays.Fill``): ``context`` (``None`` without context
    shapes), ``density`` or ``network``."""
    if kind == "context":
        return overlays.context_data(project)
    if kind == "density":
        return overlays.density_data(project, lang)
    if kind == "network":
        return overlays.network_data(project, lang)
    raise ValueError(f"unknown layer {kind!r}")


class ContactPoint(Step):
    """A contact's circle on its group, with a popup and a tooltip: HTML of escaped text, as JSON strings.

    folium's Popup and Tooltip would put HTML into JavaScript template literals (``${…}`` would run) and
    need jQuery."""

    _code = """
    var {{ this.name }} = L.circleMarker({{ this.location|js }}, {{ this.options|js }})
        .bindPopup({{ this.popup|js }}, {maxWidth: 320})
        .bindTooltip({{ this.tooltip|js }})
        .addTo({{ this.parent.get_name() }});
    """


def contact_points(project: Project, lang: str, names: Names) -> Group:
    """Circle markers with a popup (organisation, people, ``tel:``/``mailto:`` links, source)."""
    group = Group(names("contacts"), text(lang, "Kontakte"))
    for number, (_, contact) in enumerate(project.contacts.iterrows(), start=1):
        kind = "teil" if contact["rs"] else "dach"
        ContactPoint(
            names(f"contact_{number}"),
            location=[float(contact["lat"]), float(contact["lon"])],
            options={
                "radius": 7,
                "color": "#333333",
                "weight": 1,
                "fill": True,
                "fillColor": CONTACT_COLORS[kind],
                "fillOpacity": 0.95,
            },
            popup=contact_popup_html(contact, lang),
            tooltip=TOOLTIP.render(text=contact["organisation"]),
        ).add_to(group)
    return group


TOOLTIP = html_template("{{ text }}")
CONTACT_POPUP = html_template(
    "<b>{{ c.organisation }}</b>"
    "{% if dach %}<br><i>{{ dach }}</i>{% endif %}"
    "{% if c.personen %}<br>{{ c.personen|join(', ') }}{% endif %}"
    "{% if c.adresse %}<br>{{ c.adresse }}{% endif %}"
    '{% if c.telefon %}<br>{{ phone }} <a href="{{ tel }}">{{ c.telefon }}</a>{% endif %}'
    '{% if c.email %}<br><a href="mailto:{{ c.email }}">{{ c.email }}</a>{% endif %}'
    "<br><small>{{ note }}</small>"
    "<br><small>"
    '{% if source_ok %}<a href="{{ c.quelle }}" target="_blank" rel="noopener noreferrer">{{ source }}</a>'
    "{% else %}{{ source }}{% endif %}, {{ stand }} {{ period }}</small>"
    "{% if c.anmerkung %}<br><small><i>{{ c.anmerkung }}</i></small>{% endif %}"
)


def contact_popup_html(contact: Any, lang: str) -> str:
    """Popup HTML for one contact: the template escapes every value; links only from checked values."""
    return CONTACT_POPUP.render(
        c=contact,
        dach=text(lang, "Dachprojekt „Regionalmanagement“") if contact["rs"] == "" else "",
        phone=text(lang, "Tel."),
        tel=tel_uri(contact["telefon"]) if contact["telefon"] else "",
        note=precision_note(contact, lang),
        source=text(lang, "Quelle"),
        source_ok=is_web_url(contact["quelle"]),
        stand=text(lang, "Stand der Quellen"),
        period=source_period(contact["stand"], lang),
    )
