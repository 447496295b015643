"""Bytes of the map, ours vs. a naive folium build from unsimplified VG250."""

from __future__ import annotations

import folium
import geopandas as gpd
from streamlit.testing.v1 import AppTest

from geo.build.boundaries import dissolve_parts
from geo.build.vg250 import load_parts
from geo.data.paths import APP
from geo.data.project import Project
from geo.map.mapdoc import inlined_assets, map_document, published_map


def ours(project: Project) -> tuple[int, int]:
    """(map document as served, of which inlined Leaflet and our script/styles) in bytes."""
    return len(map_document(project, False, "de").encode()), len(inlined_assets().encode())


def first_document(project: Project) -> tuple[int, dict[str, int]]:
    """The dashboard's map document (bytes, decoded) and the files beside it that it loads (name → bytes)."""
    document, beside = published_map(project, False, "de")
    return len(document.encode()), {name: len(body.encode()) for name, body in beside.items()}


def map_element_bytes(query: dict[str, str | list[str]]) -> int:
    """Bytes of the map's two elements in the messages a script run sends (serialised protobuf, as they go
    into the websocket frames), for the view given by ``query``: the frame (its address carries the view)
    and the component that passes its messages on."""
    at = AppTest.from_file(str(APP), default_timeout=120)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    (frame,) = [f for f in at.get("iframe") if "/static/maps/" in f.proto.src]
    (element,) = [c for c in at.get("bidi_component") if c.proto.component_name == "mrh_mapframe"]
    return int(frame.proto.ByteSize() + element.proto.ByteSize())


def naive(project: Project, tarball) -> int:  # type: ignore[no-untyped-def]
    """Same layers with folium defaults: OSM tiles and CDN assets (not counted), full VG250 geometry per layer."""
    parts, _ = load_parts(set(project.partners.index), tarball)
    full = dissolve_parts(parts).to_crs(4326)
    full["themen"] = project.partners["themen"].reindex(full.index).map(list)
    west, south, east, north = full.total_bounds
    fmap = folium.Map(location=[(south + north) / 2, (west + east) / 2], zoom_start=8)
    data = full.reset_index()[["RS", "GEN", "geometry"]]
    folium.GeoJson(data, name="Partnerregionen", tooltip=folium.GeoJsonTooltip(fields=["GEN"])).add_to(fmap)
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
    return len(fmap.get_root().render().encode())
