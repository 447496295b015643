"""Additional map layers: Metropolregion context, Einwohnerdichte (with legend), Vernetzung, basemap."""

from __future__ import annotations

from datetime import date

import folium

from geo.data.project import Project
from geo.data.themes import theme_labels
from geo.map.script import Script
from geo.view.density import DENSITY_CLASSES, NO_DATA_COLOR, density_by_partner, density_color
from geo.view.escape import html_template, html_text
from geo.view.formats import format_day, format_number
from geo.view.i18n import text

BASEMAP_URL = (
    "https://sgx.geodatenzentrum.de/wmts_basemapde/tile/1.0.0/de_basemapde_web_raster_grau/default/"
    "GLOBAL_WEBMERCATOR/{z}/{y}/{x}.png"
)
CONTEXT_STYLES = {
    "mitglied": {"color": "#777777", "weight": 1, "fillColor": "#eeeeee", "fillOpacity": 0.5},
    "hamburg": {"color": "#555555", "weight": 1.5, "fillColor": "#bbbbbb", "fillOpacity": 0.6},
    "ab_2017": {"color": "#777777", "weight": 1, "dashArray": "4 4", "fillOpacity": 0},
    "land": {"color": "#444444", "weight": 2, "fillOpacity": 0},
}


def basemap_attribution() -> str:
    return f"© basemap.de / BKG ({date.today().year})"


def add_basemap(fmap: folium.Map) -> folium.TileLayer:
    """basemap.de grau as the only tile layer (opt-in: the visitor's IP address goes to the BKG)."""
    layer = folium.TileLayer(
        BASEMAP_URL, attr=html_text(basemap_attribution()), name="basemap.de (grau)", max_zoom=18, control=False
    )
    layer.add_to(fmap)
    return layer


class ContextLabel(Script):
    """A name in the context layer (Hamburg): one statement, so the marker never shows Leaflet's default
    icon (an image request) while folium's steps run with its group already on the map (geo/map/steps.py)."""

    _source = """
    L.marker({{ this.location|js }}, {interactive: false, keyboard: false, icon: L.divIcon({
        className: "mrh-context-icon", iconSize: [60, 14], iconAnchor: [30, 7],
        html: MRH.dom.el("div", "mrh-context-label", {{ this.text|js }})
    })}).addTo({{ this._parent.get_name() }});
    """


def context_layer(project: Project, lang: str) -> folium.FeatureGroup | None:
    """Muted, non-clickable: members 2014–2016 (Hamburg darker, Schwerin dashed = joined 2017), Länder.

    One layer, drawn in the lowest pane; ``None`` when there is no context file content.
    """
    if project.context.empty:
        return None
    # Partners are drawn anyway; sending their member shapes again would only add weight.
    context = project.context[~project.context.index.isin(project.partners.index)]
    group = folium.FeatureGroup(name=text(lang, "Metropolregion Hamburg 2014–2016 und Ländergrenzen"), control=False)
    for kind in ("mitglied", "ab_2017", "hamburg", "land"):
        part = context[context["kind"] == kind]
        if part.empty:
            continue
        style = CONTEXT_STYLES[kind]
        folium.GeoJson(
            part[["geometry"]].__geo_interface__,
            style_function=lambda _f, s=style: s,
            interactive=False,
            control=False,
            pane="mrhContext",
        ).add_to(group)
    if "02000" in context.index:
        point = context.loc["02000"].geometry.representative_point()
        ContextLabel(location=[round(point.y, 5), round(point.x, 5)], text="Hamburg").add_to(group)
    return group


class DensityFill(Script):
    """Fills the density group in the browser from the partner shapes (no second copy of geometry)."""

    _source = """
    (function () {
        var palette = {{ this.palette|js }}, classes = {{ this.classes|js }}, filled = false;
        function fill() {  // the copies are made when the layer is first shown
            if (filled) { return; }
            filled = true;
            {{ this.partners.get_name() }}.eachLayer(function (layer) {
                var c = palette[classes[layer.feature.properties.rs]];
                L.geoJSON(layer.feature, {interactive: false, pane: "mrhDensity", style: {stroke: false,
                    fillColor: c, fillOpacity: 0.85}}).addTo({{ this.group.get_name() }});
            });
        }
        var legend = L.control({position: "bottomleft"});
        legend.onAdd = function () {
            var div = L.DomUtil.create("div", "mrh-legend");
            div.style.cssText = "background:#fff;padding:6px 8px;font:12px sans-serif;border-radius:4px;"
                + "box-shadow:0 0 4px rgba(0,0,0,.3)";
            div.innerHTML = {{ this.legend|js }};
            return div;
        };
        var map = {{ this._parent.get_name() }};
        map.on("layeradd", function (e) {
            if (e.layer === {{ this.group.get_name() }}) { fill(); legend.addTo(map); }
        });
        map.on("layerremove", function (e) { if (e.layer === {{ this.group.get_name() }}) legend.remove(); });
    })();
    """


DENSITY_LEGEND = html_template(
    "<b>{{ title }}</b>"
    "{% for color, label in rows %}"
    '<br><i style="display:inline-block;width:14px;height:10px;background:{{ color }};'
    'border:1px solid #555;margin-right:4px"></i>{{ label }}'
    "{% endfor %}"
    "<br><small>{{ source }}</small>"
)


def density_legend_html(lang: str) -> str:
    """Legend as static HTML (no branca/d3, so nothing is loaded from a CDN); the template escapes."""
    rows = []
    for low, high, color in DENSITY_CLASSES:
        if high is None:
            label = text(lang, "ab {low}", low=format_number(low, lang))
        else:
            label = text(lang, "{low} bis unter {high}", low=format_number(low, lang), high=format_number(high, lang))
        rows.append((color, label))
    rows.append((NO_DATA_COLOR, text(lang, "nicht verfügbar")))
    return DENSITY_LEGEND.render(
        title=text(lang, "Einwohner je km²"),
        rows=rows,
        source=text(lang, "Destatis, Stand {date}", date=format_day("2018-12-31", lang)),
    )


def density_layer(project: Project, fmap: folium.Map, partners: folium.GeoJson, lang: str) -> folium.FeatureGroup:
    """Choropleth of Einwohner je km² (hidden until switched on) with its own legend control."""
    group = folium.FeatureGroup(name=text(lang, "Einwohnerdichte"), show=False, control=False)
    group.add_to(fmap)
    colors = {rs: density_color(d) for rs, d in density_by_partner(project).items()}
    palette = sorted(set(colors.values()))  # an index per partner: the payload grows slowly with many regions
    DensityFill(
        partners=partners,
        group=group,
        palette=palette,
        classes={rs: palette.index(color) for rs, color in colors.items()},
        legend=density_legend_html(lang),
    ).add_to(fmap)
    return group


class NetworkLines(Script):
    """Draws the Vernetzung lines in the browser when the layer is first shown.

    Pairs are computed from the partner features' themes and points, so the payload grows with the
    number of partners, not with the number of pairs (mirrors :func:`geo.view.network.shared_theme_links`).
    """

    _source = """
    (function () {
        var group = {{ this.group.get_name() }}, labels = {{ this.labels|js }}, order = {{ this.order|js }};
        var drawn = false;
        function draw() {
            if (drawn) { return; }
            drawn = true;
            var items = [];
            {{ this.partners.get_name() }}.eachLayer(function (l) { items.push(l.feature.properties); });
            items.sort(function (a, b) { return a.rs < b.rs ? -1 : 1; });
            for (var i = 0; i < items.length; i++) {
                for (var j = i + 1; j < items.length; j++) {
                    var shared = order.filter(function (s) {
                        return items[i].themen.indexOf(s) >= 0 && items[j].themen.indexOf(s) >= 0;
                    });
                    if (!shared.length) { continue; }
                    var tip = document.createElement("span");
                    tip.textContent = items[i].name + " – " + items[j].name + ": "
                        + shared.map(function (s) { return labels[s]; }).join(", ");
                    L.polyline([items[i].pt, items[j].pt], {color: "#CC3311", opacity: 0.8,
                        weight: 1.5 + 2 * shared.length}).bindTooltip(tip).addTo(group);
                }
            }
        }
        var map = {{ this._parent.get_name() }};
        map.on("layeradd", function (e) { if (e.layer === group) { draw(); } });
        if (map.hasLayer(group)) { draw(); }
        window.mrhDrawNetwork = draw;
    })();
    """


def network_layer(project: Project, fmap: folium.Map, partners: folium.GeoJson, lang: str) -> folium.FeatureGroup:
    """Lines between partners sharing themes; width grows with the number of shared themes."""
    group = folium.FeatureGroup(name=text(lang, "Vernetzung (gemeinsame Themen)"), show=False, control=False)
    group.add_to(fmap)
    labels = theme_labels(project.themes, lang)  # plain text, inserted with textContent
    NetworkLines(group=group, partners=partners, labels=labels, order=[t.slug for t in project.themes]).add_to(fmap)
    return group
