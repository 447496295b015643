"""The map as a PNG, drawn on the server from the same boundaries (no browser, no tiles, no network).

matplotlib's object API only (``Figure`` and an Agg canvas, as matplotlib's web-server example does): no
pyplot, so no global figure state inside a threaded server. Shapes are drawn as matplotlib paths from the
shapely geometries. Returns bytes or figures and writes nothing.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import date
from typing import Any

import geopandas as gpd
import matplotlib.patheffects as effects
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PatchCollection
from matplotlib.figure import Figure
from matplotlib.patches import Patch, PathPatch
from matplotlib.path import Path
from shapely.geometry.base import BaseGeometry

from geo.data.partners import LEAD
from geo.data.project import Project
from geo.data.sources import ATTRIBUTION
from geo.view.caption import made_text, view_caption
from geo.view.i18n import text
from geo.view.record import short_name
from geo.view.state import ViewState
from geo.view.table import matches

METRIC = 25832
HATCHES = ("////", "\\\\\\\\", "----", "||||", "xxxx", "....", "++++", "oo")
BASE = "#c9d6e8"
MUTED = "#f4f6f9"
OUTLINE = "#223355"


def _context(project: Project) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    context = project.context.to_crs(METRIC) if len(project.context) else gpd.GeoDataFrame(geometry=[], crs=METRIC)
    lands = context[context["kind"] == "land"] if len(context) else context
    members = context[context["kind"] != "land"] if len(context) else context
    return members, lands


def geometry_path(geometry: BaseGeometry) -> Path:
    """One (Multi)Polygon as a compound path: every ring a closed part, holes included."""
    polygons = getattr(geometry, "geoms", (geometry,))
    rings = [ring for polygon in polygons for ring in (polygon.exterior, *polygon.interiors)]
    return Path.make_compound_path(*(Path(np.asarray(ring.coords)[:, :2], closed=True) for ring in rings))


def draw_shapes(ax: Any, geometries: Iterable[BaseGeometry], **style: Any) -> None:
    """Add the geometries to ``ax`` as one collection (``facecolor``/``edgecolor`` may be one per shape)."""
    patches = [PathPatch(geometry_path(g)) for g in geometries]
    if patches:
        ax.add_collection(PatchCollection(patches, **style))


def _scale_bar(ax: Any, extent: tuple[float, float, float, float], lang: str) -> None:
    west, south, east, north = extent
    length = 50_000 if east - west > 150_000 else 10_000
    x0, y0 = west + (east - west) * 0.03, south + (north - south) * 0.04
    ax.plot([x0, x0 + length], [y0, y0], color="black", linewidth=4, solid_capstyle="butt", zorder=20)
    ax.plot([x0, x0 + length / 2], [y0, y0], color="white", linewidth=2, solid_capstyle="butt", zorder=21)
    ax.text(
        x0 + length / 2,
        y0 + (north - south) * 0.012,
        f"{length // 1000} km",
        ha="center",
        va="bottom",
        fontsize=11,
        zorder=22,
        path_effects=[effects.withStroke(linewidth=3, foreground="white")],
    )


def _labels(ax: Any, fig: Any, regions: gpd.GeoDataFrame, selected: str | None) -> None:
    """Short names at the representative points, largest first; a name that would overlap is left out."""
    renderer = fig.canvas.get_renderer()  # the Agg canvas draw_map attached
    placed: list[Any] = []
    order = sorted(regions.index, key=lambda rs: (rs != selected, -regions.at[rs, "area_km2"]))
    for rs in order:
        point = regions.at[rs, "geometry"].representative_point()
        label = ax.text(
            point.x,
            point.y,
            short_name(regions.at[rs, "name"]),
            ha="center",
            va="center",
            fontsize=13 if rs == selected else 11.5,
            fontweight="bold",
            color="#14213d",
            zorder=30,
            path_effects=[effects.withStroke(linewidth=3.5, foreground="white")],
        )
        box = label.get_window_extent(renderer).expanded(1.05, 1.15)
        if any(box.overlaps(other) for other in placed):
            label.remove()
        else:
            placed.append(box)


def draw_map(
    project: Project,
    state: ViewState,
    size: tuple[float, float],
    focus: str | None = None,
    legend: bool = True,
    attribution: bool = True,
) -> Any:
    """A matplotlib figure of the view (``size`` in inches at 100 dpi); ``focus`` zooms to one partner."""
    lang = state.lang
    regions = project.partners.to_crs(METRIC)
    members, lands = _context(project)
    fig = Figure(figsize=size, dpi=100)
    canvas = FigureCanvasAgg(fig)
    ax = fig.subplots()
    fig.subplots_adjust(left=0.01, right=0.99, bottom=0.01, top=0.88 if legend else 0.99)
    ax.set_axis_off()
    ax.set_facecolor("#e6e9ee")
    matched = set(matches(project, state.themes)) if state.themes else set(regions.index)
    if len(members):
        draw_shapes(ax, members.geometry, facecolor="#eeeeee", edgecolor="#888888", linewidth=0.6, zorder=1)
        hamburg = members[members.index == "02000"]
        if len(hamburg):
            draw_shapes(ax, hamburg.geometry, facecolor="#bbbbbb", edgecolor="#555555", linewidth=0.8, zorder=2)
    draw_shapes(
        ax,
        regions.geometry,
        facecolor=[
            BASE if rs in matched and not state.themes else ("white" if rs in matched else MUTED)
            for rs in regions.index
        ],
        edgecolor="none",
        zorder=3,
    )
    themes = {t.slug: t for t in project.themes}
    handles = []
    for slot, slug in enumerate(state.themes):
        having = regions[regions["themen"].map(lambda t, s=slug: s in t)]
        if len(having):
            draw_shapes(
                ax,
                having.geometry,
                facecolor="none",
                edgecolor=themes[slug].color,
                hatch=HATCHES[slot % len(HATCHES)],
                linewidth=0,
                zorder=4,
            )
        handles.append(
            Patch(
                facecolor="white",
                edgecolor=themes[slug].color,
                hatch=HATCHES[slot % len(HATCHES)],
                label=f"{themes[slug].label_in(lang)} ({len(having)})",
            )
        )
    draw_shapes(
        ax,
        regions.geometry,
        facecolor="none",
        edgecolor=[OUTLINE if rs in matched else "#7799BB" for rs in regions.index],
        linewidth=1.2,
        zorder=5,
    )
    lead = regions[regions["rolle"] == LEAD]
    if len(lead):
        draw_shapes(
            ax, lead.geometry, facecolor="none", edgecolor=OUTLINE, linewidth=2.6, linestyle=(0, (5, 3)), zorder=6
        )
    if len(lands):
        draw_shapes(ax, lands.geometry, facecolor="none", edgecolor="#444444", linewidth=1.6, zorder=7)
    if state.partner in regions.index:
        draw_shapes(
            ax, regions.loc[[state.partner]].geometry, facecolor="none", edgecolor="white", linewidth=6, zorder=8
        )
        draw_shapes(
            ax, regions.loc[[state.partner]].geometry, facecolor="none", edgecolor="black", linewidth=3, zorder=9
        )
    shown = regions.loc[[focus]] if focus in regions.index else regions
    west, south, east, north = shown.total_bounds
    pad = max(east - west, north - south) * (0.25 if focus else 0.04)
    width, height = size
    cx, cy, half_w, half_h = (west + east) / 2, (south + north) / 2, (east - west) / 2 + pad, (north - south) / 2 + pad
    axes_ratio = width * 0.98 / (height * (0.87 if legend else 0.98))
    if half_w / half_h < axes_ratio:
        half_w = half_h * axes_ratio
    else:
        half_h = half_w / axes_ratio
    ax.set_xlim(cx - half_w, cx + half_w)
    ax.set_ylim(cy - half_h, cy + half_h)
    ax.set_aspect("equal")
    canvas.draw()  # the names' extents need a renderer
    _labels(ax, fig, regions, state.partner)
    _scale_bar(ax, (cx - half_w, cy - half_h, cx + half_w, cy + half_h), lang)
    if attribution:
        ax.text(
            0.995,
            0.006,
            f"{ATTRIBUTION}, VG250 (dl-de/by-2-0); " + text(lang, "Projektdaten: Metropolregion Hamburg u. a."),
            transform=ax.transAxes,
            ha="right",
            va="bottom",
            fontsize=9,
            color="#222222",
            zorder=40,
            bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none", "pad": 2},
        )
    if legend:
        handles = [
            *handles,
            Patch(
                facecolor=BASE if not state.themes else "white",
                edgecolor=OUTLINE,
                label=text(lang, "Partnerregion")
                if not state.themes
                else text(lang, "Partner mit mindestens einem der gewählten Themen"),
            ),
            Patch(
                facecolor="none",
                edgecolor=OUTLINE,
                linestyle="--",
                linewidth=2,
                label=text(lang, "Federführung (gestrichelt)"),
            ),
            Patch(facecolor="none", edgecolor="black", linewidth=3, label=text(lang, "Auswahl")),
            Patch(facecolor="#eeeeee", edgecolor="#888888", label=text(lang, "Metropolregion 2014–2016")),
        ]
        if state.themes:
            handles.insert(
                len(state.themes), Patch(facecolor=MUTED, edgecolor="#7799BB", label=text(lang, "ohne gewähltes Thema"))
            )
        ax.legend(
            handles=handles,
            loc="lower right",
            bbox_to_anchor=(0.995, 0.04),
            fontsize=11,
            framealpha=0.95,
            title=text(lang, "Legende"),
            title_fontsize=12,
        ).set_zorder(50)
    return fig


def map_png(project: Project, state: ViewState, made: date | None = None) -> bytes:
    """The current view as a 1600×1000 PNG: title, view, legend, scale bar, attribution."""
    lang = state.lang
    fig = draw_map(project, state, (16, 10))
    fig.suptitle(
        text(lang, "Demographie und Daseinsvorsorge") + " – " + text(lang, "Karte der Partnerregionen"),
        x=0.01,
        y=0.975,
        ha="left",
        fontsize=22,
        fontweight="bold",
    )
    fig.text(
        0.01,
        0.905,
        f"{view_caption(project, state)} · {made_text(lang, made or date.today())}",
        ha="left",
        fontsize=13,
        color="#333333",
    )
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=100)
    return out.getvalue()
