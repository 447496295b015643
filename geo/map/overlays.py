"""Additional map layers: Metropolregion context, Einwohnerdichte (with legend), Vernetzung, basemap."""

from __future__ import annotations

from datetime import date
from typing import Any

from geo.data.project import Project
from geo.data.themes import theme_labels
from geo.map.steps import Step
from geo.view.density import DENSITY_CLASSES, NO_DATA_COLOR, density_by_partner, density_color
from geo.view.escape import html_template
from geo.view.formats import format_day, format_number
from geo.view.i18n import text
from geo.view.network import theme_links

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


class Basemap(Step):
    """basemap.de grau as the only tile layer (opt-in: the visitor's IP address goes to the BKG)."""

    _code = """
    var {{ this.name }} = L.tileLayer({{ this.url|js }}, {attribution: {{ this.attribution|e|js }}, maxZoom: 18})
        .addTo({{ this.parent.get_name() }});
    """

    def __init__(self, name: str) -> None:
        super().__init__(name, url=BASEMAP_URL, attribution=basemap_attribution())


class Fill(Step):
    """Fills a layer group in the browser when it is first shown (``MRH.fill``, ``geo/map/web/overlays.js``).

    ``source`` is the layer's data (:func:`context_data`, :func:`density_data`, :func:`network_data`) or, in
    the dashboard, the address of a JSON file beside the map document holding it: the first document then
    carries only what is drawn at once, and a layer's data comes when the layer does (the context, shown
    from the start, is fetched while the partners are drawn).
    """

    _code = """
    MRH.fill({{ this.parent.get_name() }}, {{ this.group.get_name() }}, {{ this.kind|js }}, {{ this.source|js(True) }},
        {{ this.partners.get_name() }}, {{ this.failed|js }});
    """


def context_data(project: Project) -> dict[str, Any] | None:
    """Muted, non-clickable: members 2014–2016 (Hamburg darker, Schwerin dashed = joined 2017), Länder, and
    Hamburg's name; ``None`` when there is no context file content."""
    if project.context.empty:
        return None
    # Partners are drawn anyway; sending their member shapes again would only add weight.
    context = project.context[~project.context.index.isin(project.partners.index)]
    parts = []
    for kind in ("mitglied", "ab_2017", "hamburg", "land"):
        part = context[context["kind"] == kind]
        if not part.empty:
            parts.append({"style": CONTEXT_STYLES[kind], "shapes": part[["geometry"]].to_geo_dict(drop_id=True)})
    names = []
    if "02000" in context.index:
        point = context.loc["02000"].geometry.representative_point()
        names.append({"pt": [round(point.y, 5), round(point.x, 5)], "text": "Hamburg"})
    return {"parts": parts, "names": names}


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


def density_data(project: Project, lang: str) -> dict[str, Any]:
    """Einwohner je km² per partner as a colour class, and the legend: the browser fills copies of the
    partner shapes it already has (no second copy of geometry)."""
    colors = {rs: density_color(d) for rs, d in density_by_partner(project).items()}
    palette = sorted(set(colors.values()))  # an index per partner: the payload grows slowly with many regions
    return {
        "palette": palette,
        "classes": {rs: palette.index(color) for rs, color in colors.items()},
        "legend": density_legend_html(lang),
    }


def network_data(project: Project, lang: str) -> dict[str, Any]:
    """The Vernetzung lines: one per pair of partners sharing themes (:func:`geo.view.network.theme_links`,
    the rule the details panel and the table use too), from point to point, wider with more shared themes;
    the tooltip is plain text."""
    partners = project.partners
    points = partners.geometry.representative_point()
    labels = theme_labels(project.themes, lang)
    lines = []
    for link in theme_links(project):
        a, b = points[link.a], points[link.b]
        tip = f"{partners.at[link.a, 'display_name']} – {partners.at[link.b, 'display_name']}: " + ", ".join(
            labels[slug] for slug in link.shared
        )
        lines.append(
            {
                "line": [[round(a.y, 4), round(a.x, 4)], [round(b.y, 4), round(b.x, 4)]],
                "weight": 1.5 + 2 * len(link.shared),
                "tip": tip,
            }
        )
    return {"lines": lines}
