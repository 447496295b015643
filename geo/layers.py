"""Folium objects for the dashboard; builders return objects and never render or touch disk."""

from __future__ import annotations

from typing import Any

import folium

from geo import assets, overlays
from geo.checks import tel_uri
from geo.details import precision_note
from geo.i18n import text
from geo.partners import LEAD, display_name
from geo.project import Project
from geo.script import Script, js_json
from geo.state import ViewState
from geo.text import html_link, html_text
from geo.vg250 import ATTRIBUTION
from geo.views import BASE_STYLE, LEAD_STYLE, theme_counts, view_styles

CONTACT_COLORS = {"dach": "#EE7733", "teil": "#009988"}


class ThemeFill(Script):
    """Fills each theme's FeatureGroup in the browser with copies of the partner shapes.

    The geometry is sent once (in the partner layer), not once per theme.
    """

    _source = """
    {{ this.partners.get_name() }}.eachLayer(function (layer) {
        var themes = layer.feature.properties.themen || [];
        {%- for slug, group, color in this.groups %}
        if (themes.indexOf({{ slug }}) >= 0) {
            L.geoJSON(layer.feature, {interactive: false, style: {color: {{ color }}, weight: 2,
                fillColor: {{ color }}, fillOpacity: 0.55}}).addTo({{ group.get_name() }});
        }
        {%- endfor %}
    });
    """


class ViewControl(Script):
    """Defines ``window.mrhApplyView(view)``: restyles partners without rebuilding the map."""

    _source = """
    (function () {
        var layer = {{ this.partners.get_name() }};
        var styles = {};
        function apply(view) {
            styles = {};
            for (var key in view.of) { styles[key] = view.palette[view.of[key]]; }
            layer.eachLayer(function (l) {
                var rs = l.feature.properties.rs;
                if (styles[rs]) { l.setStyle(styles[rs]); }
                if (rs === view.selected && l.bringToFront) { l.bringToFront(); }
            });
        }
        layer.eachLayer(function (l) {
            l.on("mouseover", function () {
                var s = styles[l.feature.properties.rs] || {};
                l.setStyle({weight: (s.weight || 1.5) + 2});
            });
            l.on("mouseout", function () {
                var s = styles[l.feature.properties.rs];
                if (s) { l.setStyle(s); }
            });
        });
        window.mrhApplyView = apply;
        apply({{ this.view }});
    })();
    """


class ApplyView(Script):
    """Apply a view (selection/filter styles) to the map; per rerun in the app, once in exports."""

    _source = "if (window.mrhApplyView) { window.mrhApplyView({{ this.view }}); }"


class FitWhenSized(Script):
    """Fit the partners once the iframe has its final size (Streamlit sizes it after the map starts)."""

    _source = """
    (function () {
        var map = {{ this._parent.get_name() }};
        var bounds = {{ this.bounds }};
        var observer = new ResizeObserver(function () { map.invalidateSize(); map.fitBounds(bounds); });
        observer.observe(map.getContainer());
        function stop() { observer.disconnect(); }
        map.getContainer().addEventListener("pointerdown", stop, {once: true});
        map.getContainer().addEventListener("wheel", stop, {once: true});
        setTimeout(stop, 3000);
    })();
    """


class BindText(Script):
    """Popup and tooltip from JSON string literals built of escaped text.

    Replaces ``folium.Popup``/``folium.Tooltip``, which put HTML into JavaScript template literals
    (``${…}`` would run) and need jQuery.
    """

    _source = """
    {{ this._parent.get_name() }}.bindPopup({{ this.popup }}, {maxWidth: 320})
        .bindTooltip({{ this.tooltip }});
    """


class Attribution(Script):
    """Data attribution inside the map (there are no tiles to carry one)."""

    _source = "{{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.text }});"


def view_payload(project: Project, state: ViewState) -> str:
    """JS object literal for :class:`ViewControl`/:class:`ApplyView`: the distinct styles once
    (``palette``) and an index per partner (``of``), so the payload stays small for many regions."""
    palette: list[dict[str, object]] = []
    index: dict[str, int] = {}
    for rs, style in view_styles(project, state).items():
        if style not in palette:
            palette.append(style)
        index[rs] = palette.index(style)
    return js_json({"palette": palette, "of": index, "selected": state.region})


def partner_features(project: Project, lang: str = "de") -> dict[str, Any]:
    """GeoJSON of the partners with only what the browser needs; text pre-escaped for HTML."""
    features = []
    points = project.partners.geometry.representative_point()
    for rs, row in project.partners.iterrows():
        point = points[rs]
        label = display_name(row["typ"], row["name"])
        if row["rolle"] == LEAD:
            label += f" – {text(lang, 'l_lead')}"
        features.append({
            "type": "Feature", "id": str(rs),
            "properties": {"rs": str(rs), "label": html_text(label), "themen": list(row["themen"]),
                           "pt": [round(point.y, 5), round(point.x, 5)]},
            "geometry": row.geometry.__geo_interface__,
        })
    return {"type": "FeatureCollection", "features": features}


def _initial_style(feature: dict[str, Any], lead: str) -> dict[str, Any]:
    style = dict(BASE_STYLE)
    if feature["properties"]["rs"] == lead:
        style.update(LEAD_STYLE)
    return style


def build_map(project: Project, basemap: bool = False, lang: str = "de") -> folium.Map:
    """The static map: context, partners, theme/density/network layers, contacts, layer control.

    No tiles unless ``basemap`` (opt-in: tiles come from the BKG's server).

    Everything that depends on the view state is sent separately (:func:`view_script`),
    so selecting or filtering never rebuilds this map in the browser.
    """
    fmap = folium.Map(location=None, tiles=None, zoom_start=8, control_scale=True,
                      double_click_zoom=False, zoom_snap=0.25, zoom_delta=0.5)
    fmap.default_js = list(assets.JS)  # instance attributes: the class lists stay untouched
    fmap.default_css = list(assets.CSS)
    west, south, east, north = project.partners.total_bounds
    bounds = [[south, west], [north, east]]
    fmap.fit_bounds(bounds)
    FitWhenSized(bounds=js_json(bounds)).add_to(fmap)
    Attribution(text=js_json(html_text(ATTRIBUTION))).add_to(fmap)
    if basemap:
        overlays.add_basemap(fmap)
    for group in overlays.context_layers(project, lang):
        group.add_to(fmap)

    leads = project.partners.index[project.partners["rolle"] == LEAD]
    lead = str(leads[0]) if len(leads) else ""
    partners = folium.GeoJson(
        partner_features(project, lang), name=html_text(text(lang, "l_partners")),
        style_function=lambda feature: _initial_style(feature, lead),
        tooltip=folium.GeoJsonTooltip(fields=["label"], labels=False, sticky=True),
    ).add_to(fmap)

    counts = theme_counts(project)
    groups = []
    for theme in project.themes:
        group = folium.FeatureGroup(
            name=html_text(text(lang, "l_theme", label=theme.label, n=counts[theme.slug])), show=False
        ).add_to(fmap)
        groups.append((js_json(theme.slug), group, js_json(theme.color)))
    ThemeFill(partners=partners, groups=groups).add_to(fmap)
    overlays.density_layer(project, fmap, partners, lang)
    overlays.network_layer(project, fmap, partners, lang)

    contact_layer(project, lang).add_to(fmap)
    ViewControl(partners=partners, view=view_payload(project, ViewState())).add_to(fmap)
    folium.LayerControl(collapsed=True).add_to(fmap)
    return fmap


def contact_layer(project: Project, lang: str = "de") -> folium.FeatureGroup:
    """Circle markers with a popup (organisation, people, ``tel:``/``mailto:`` links, source)."""
    group = folium.FeatureGroup(name=html_text(text(lang, "l_contacts")))
    for _, contact in project.contacts.iterrows():
        kind = "teil" if contact["rs"] else "dach"
        color = CONTACT_COLORS[kind]
        marker = folium.CircleMarker(
            location=(contact["lat"], contact["lon"]), radius=7, color="#333333", weight=1,
            fill=True, fill_color=color, fill_opacity=0.95,
        ).add_to(group)
        BindText(popup=js_json(contact_popup_html(contact, lang)),
                 tooltip=js_json(html_text(contact["organisation"]))).add_to(marker)
    return group


def contact_popup_html(contact: Any, lang: str = "de") -> str:
    """Popup HTML for one contact; every value escaped, links only from checked values."""
    lines = [f"<b>{html_text(contact['organisation'])}</b>"]
    if contact["rs"] == "":
        lines.append(f"<i>{html_text(text(lang, 'p_dach'))}</i>")
    if contact["personen"]:
        lines.append(html_text(", ".join(contact["personen"])))
    if contact["adresse"]:
        lines.append(html_text(contact["adresse"]))
    if contact["telefon"]:
        lines.append(f'Tel. <a href="{html_text(tel_uri(contact["telefon"]))}">'
                     f"{html_text(contact['telefon'])}</a>")
    if contact["email"]:
        lines.append(f'<a href="mailto:{html_text(contact["email"])}">{html_text(contact["email"])}</a>')
    lines.append(f"<small>{html_text(precision_note(contact, lang))}</small>")
    lines.append(f"<small>{html_link(text(lang, 'p_source'), contact['quelle'])}, "
                 f"{html_text(text(lang, 'f_stand'))} {html_text(contact['stand'])}</small>")
    return "<br>".join(lines)


def view_script(project: Project, state: ViewState) -> str:
    """The per-rerun JavaScript: apply selection and filter styles to the existing map."""
    return ApplyView._source.replace("{{ this.view }}", view_payload(project, state))
