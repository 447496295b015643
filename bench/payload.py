"""Bytes the browser receives for the map, ours vs. a naive folium build from unsimplified VG250."""

from __future__ import annotations

import folium
import geopandas as gpd
from streamlit_folium import _get_header, _get_html, _get_map_string

import mapview
from geo.boundaries import dissolve_parts
from geo.layers import build_map, view_script
from geo.project import Project
from geo.state import ViewState
from geo.vg250 import load_parts


def component_bytes(fmap: folium.Map) -> int:
    """Map script + html + header as streamlit-folium sends them."""
    fmap.get_root().render()
    return len((_get_map_string(fmap) + _get_html(fmap) + _get_header(fmap)).encode())


def ours(project: Project, state: ViewState | None = None) -> tuple[int, int]:
    """(static map part, per-run view part) exactly as app.py sends them through mapview."""
    args = mapview.static_args(build_map(project))
    static = sum(len(args[k].encode()) for k in ("script", "html", "header"))
    view = mapview.feature_group_script(view_script(project, state or ViewState()))
    return static, len(view.encode())


def naive(project: Project, tarball) -> int:  # type: ignore[no-untyped-def]
    """Same layers with folium defaults: OSM tiles and CDN assets, full VG250 geometry per layer."""
    parts, _ = load_parts(set(project.partners.index), tarball)
    full = dissolve_parts(parts).to_crs(4326)
    full["themen"] = project.partners["themen"].reindex(full.index).map(list)
    west, south, east, north = full.total_bounds
    fmap = folium.Map(location=[(south + north) / 2, (west + east) / 2], zoom_start=8)
    data = full.reset_index()[["RS", "GEN", "geometry"]]
    folium.GeoJson(data, name="Partnerregionen",
                   tooltip=folium.GeoJsonTooltip(fields=["GEN"])).add_to(fmap)
    for theme in project.themes:
        subset = full[full["themen"].map(lambda t, s=theme.slug: s in t)].reset_index()[["RS", "geometry"]]
        if len(subset):
            group = folium.FeatureGroup(name=theme.label, show=False).add_to(fmap)
            folium.GeoJson(subset).add_to(group)
    density = folium.FeatureGroup(name="Einwohnerdichte", show=False).add_to(fmap)
    folium.GeoJson(data).add_to(density)
    if not project.context.empty:
        members, _ = load_parts([rs for rs in project.context.index if len(rs) == 5], tarball)
        context = gpd.GeoDataFrame(dissolve_parts(members).to_crs(4326).reset_index()[["RS", "geometry"]])
        folium.GeoJson(context, name="Metropolregion").add_to(fmap)
    contacts = folium.FeatureGroup(name="Kontakte").add_to(fmap)
    for _, c in project.contacts.iterrows():
        folium.Marker((c["lat"], c["lon"]), popup=c["organisation"]).add_to(contacts)
    folium.LayerControl().add_to(fmap)
    return component_bytes(fmap)
