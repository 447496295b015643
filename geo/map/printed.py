"""Printable products, drawn on the server from the same boundaries: the map as PNG, a partner's Steckbrief.

matplotlib draws the map (no browser, no tiles, no network); reportlab sets the one-page A4 PDF, because
its paragraph layout wraps long German texts and its standard fonts carry Umlauts, ß, „ “ and –.
Both functions return bytes and write nothing.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any
from urllib.parse import urlsplit

import geopandas as gpd
import matplotlib

matplotlib.use("Agg")  # no display: render to memory only

import matplotlib.patheffects as effects
import matplotlib.pyplot as plt
from matplotlib.patches import Patch

from geo.data.demography import figures_of
from geo.data.partners import LEAD
from geo.data.project import Project
from geo.data.sources import ATTRIBUTION, is_mirror
from geo.data.themes import theme_labels
from geo.map.layers import short_name
from geo.view.caption import made_text, view_caption
from geo.view.dachprojekt import dachprojekt_lines
from geo.view.escape import markup_text
from geo.view.formats import format_day, format_number, source_period
from geo.view.i18n import role_label, text
from geo.view.state import ViewState
from geo.view.table import is_documented, matches, undocumented_text

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
    renderer = fig.canvas.get_renderer()
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
    fig, ax = plt.subplots(figsize=size, dpi=100)
    fig.subplots_adjust(left=0.01, right=0.99, bottom=0.01, top=0.88 if legend else 0.99)
    ax.set_axis_off()
    ax.set_facecolor("#e6e9ee")
    matched = set(matches(project, state.themes)) if state.themes else set(regions.index)
    if len(members):
        members.plot(ax=ax, facecolor="#eeeeee", edgecolor="#888888", linewidth=0.6, zorder=1)
        hamburg = members[members.index == "02000"]
        if len(hamburg):
            hamburg.plot(ax=ax, facecolor="#bbbbbb", edgecolor="#555555", linewidth=0.8, zorder=2)
    regions.plot(
        ax=ax,
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
            having.plot(
                ax=ax,
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
    regions.plot(
        ax=ax,
        facecolor="none",
        edgecolor=[OUTLINE if rs in matched else "#7799BB" for rs in regions.index],
        linewidth=1.2,
        zorder=5,
    )
    lead = regions[regions["rolle"] == LEAD]
    if len(lead):
        lead.plot(ax=ax, facecolor="none", edgecolor=OUTLINE, linewidth=2.6, linestyle=(0, (5, 3)), zorder=6)
    if len(lands):
        lands.plot(ax=ax, facecolor="none", edgecolor="#444444", linewidth=1.6, zorder=7)
    if state.region in regions.index:
        regions.loc[[state.region]].plot(ax=ax, facecolor="none", edgecolor="white", linewidth=6, zorder=8)
        regions.loc[[state.region]].plot(ax=ax, facecolor="none", edgecolor="black", linewidth=3, zorder=9)
    frame = regions.loc[[focus]] if focus in regions.index else regions
    west, south, east, north = frame.total_bounds
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
    fig.canvas.draw()
    _labels(ax, fig, regions, state.region)
    _scale_bar(ax, (cx - half_w, cy - half_h, cx + half_w, cy + half_h), lang)
    if attribution:
        ax.text(
            0.995,
            0.006,
            f"{ATTRIBUTION}, VG250 (dl-de/by-2-0); Projektdaten: Metropolregion Hamburg u. a.",
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
                label=text(lang, "m_partner") if not state.themes else text(lang, "m_filter_rule"),
            ),
            Patch(facecolor="none", edgecolor=OUTLINE, linestyle="--", linewidth=2, label=text(lang, "m_lead")),
            Patch(facecolor="none", edgecolor="black", linewidth=3, label=text(lang, "m_selection")),
            Patch(facecolor="#eeeeee", edgecolor="#888888", label=text(lang, "m_context")),
        ]
        if state.themes:
            handles.insert(
                len(state.themes), Patch(facecolor=MUTED, edgecolor="#7799BB", label=text(lang, "m_no_match"))
            )
        ax.legend(
            handles=handles,
            loc="lower right",
            bbox_to_anchor=(0.995, 0.04),
            fontsize=11,
            framealpha=0.95,
            title=text(lang, "m_legend"),
            title_fontsize=12,
        ).set_zorder(50)
    return fig


def map_png(project: Project, state: ViewState, made: date | None = None) -> bytes:
    """The current view as a 1600×1000 PNG: title, view, legend, scale bar, attribution."""
    lang = state.lang
    fig = draw_map(project, state, (16, 10))
    fig.suptitle(
        f"{text(lang, 'title')} – {text(lang, 'map_title')}", x=0.01, y=0.975, ha="left", fontsize=22, fontweight="bold"
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
    plt.close(fig)
    return out.getvalue()


def factsheet_pdf(project: Project, rs: str, lang: str, made: date | None = None) -> bytes:
    """One A4 page about one partner: map excerpt, Teilprojekt, Laufzeit, Themen, Ergebnisse, Kontakte, Quellen."""
    from reportlab.lib.enums import TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Image, KeepInFrame, ListFlowable, Paragraph, SimpleDocTemplate, Spacer

    row = project.partners.loc[rs]
    labels = theme_labels(project.themes, lang)
    missing = text(lang, "not_documented")
    body = ParagraphStyle("body", fontName="Helvetica", fontSize=9.5, leading=12, alignment=TA_LEFT)
    small = ParagraphStyle("small", parent=body, fontSize=8, leading=10, textColor="#333333")
    title = ParagraphStyle("title", parent=body, fontName="Helvetica-Bold", fontSize=17, leading=21)

    def field(key: str, value: str) -> Paragraph:
        return Paragraph(
            f"<b>{markup_text(text(lang, key))}:</b> "
            + (markup_text(value) if value else f"<i>{markup_text(missing)}</i>"),
            body,
        )

    # the attribution stands in the page's footer
    fig = draw_map(project, ViewState(rs, (), False, lang), (6.4, 4.0), focus=rs, legend=False, attribution=False)
    image = io.BytesIO()
    fig.savefig(image, format="png", dpi=200)
    plt.close(fig)
    image.seek(0)

    story: list[Any] = [
        Paragraph(markup_text(row["display_name"]), title),
        Paragraph(
            markup_text(f"{text(lang, 'title')} – {text(lang, 'pdf_subtitle')} · {role_label(row['rolle'], lang)} · ")
            + markup_text(row["land"]),
            small,
        ),
        Spacer(1, 3 * mm),
        Image(image, width=160 * mm, height=100 * mm),
        Spacer(1, 3 * mm),
    ]
    if is_documented(row):
        story += [
            field("f_project", row["teilprojekt"]),
            field("f_period", row["laufzeit"]),
            field("f_themes", ", ".join(labels[s] for s in row["themen"])),
            field("f_summary", row["kurzbeschreibung"]),
            Paragraph(
                f"<b>{markup_text(text(lang, 'f_results'))}:</b>"
                + ("" if row["ergebnisse"] else f" <i>{markup_text(missing)}</i>"),
                body,
            ),
        ]
    else:
        story.append(
            Paragraph(
                f"<b>{markup_text(text(lang, 'f_project'))}:</b> <i>{markup_text(undocumented_text(row, lang))}</i>",
                body,
            )
        )
    if row["ergebnisse"]:
        story.append(
            ListFlowable(
                [Paragraph(markup_text(item), body) for item in row["ergebnisse"]], bulletType="bullet", leftIndent=10
            )
        )
    if is_documented(row):
        story.append(field("f_office", row["zustaendig"]))
    contacts = project.contacts[project.contacts["rs"] == rs]
    contact_lines = [
        ", ".join(
            filter(
                None,
                [
                    c["organisation"],
                    ", ".join(c["personen"]),
                    c["adresse"],
                    f"Tel. {c['telefon']}" if c["telefon"] else "",
                    c["email"],
                    c["anmerkung"],
                ],
            )
        )
        for _, c in contacts.iterrows()
    ]
    if is_documented(row) or contact_lines:
        story.append(field("f_contact", "; ".join(contact_lines)))
    if row["gesucht"] and is_documented(row):
        story.append(field("f_searched", row["gesucht"]))
    found = figures_of(project.demography, rs)
    if found:
        figures = (
            f"{format_number(found.einwohner, lang)} {text(lang, 'f_population')}, "
            f"{format_number(found.flaeche_km2, lang, 1)} km², "
            f"{format_number(found.einwohner_je_km2, lang, 1)} {text(lang, 'per_km2')} "
            f"({text(lang, 'destatis', date=format_day(found.stand, lang))}; {found.lizenz})"
        )
    else:
        area = format_number(row["area_km2"], lang, 1)
        figures = f"{area} km² (VG250); {text(lang, 'f_population')}: {text(lang, 'not_available')}"
    story.append(field("pdf_figures", figures))
    if row["anmerkung"]:
        story.append(field("f_note", row["anmerkung"]))
    sources = " · ".join(
        f'<link href="{markup_text(u)}">{markup_text(urlsplit(u).hostname or u)}</link>'
        + (f" ({markup_text(text(lang, 'mirror'))})" if is_mirror(u) else "")
        for u in row["quellen"]
    )
    story.append(Paragraph(f"<b>{markup_text(text(lang, 'f_sources'))}:</b> {sources}", body))
    story.append(
        Paragraph(
            f"<b>{markup_text(text(lang, 'tl_dach'))} – {markup_text(text(lang, 'dach_end'))}:</b> "
            + markup_text(" · ".join(dachprojekt_lines(project, lang))),
            small,
        )
    )
    story += [
        Spacer(1, 2 * mm),
        Paragraph(
            markup_text(
                f"{text(lang, 'f_stand')}: {source_period(row['stand'], lang)} · {text(lang, 'f_compiled')}: "
                f"{format_day(row['erfasst'], lang)} · "
                f"{made_text(lang, made or date.today())}"
            ),
            small,
        ),
        Paragraph(
            markup_text(
                f"{ATTRIBUTION} – VG250, Datenlizenz Deutschland – Namensnennung 2.0. Einwohner und Fläche: "
                "Statistisches Bundesamt (Destatis). Projektdaten: Metropolregion Hamburg und die genannten "
                "Quellen; Zusammenfassungen in eigenen Worten."
            ),
            small,
        ),
    ]
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=15 * mm,
        bottomMargin=12 * mm,
        title=f"Steckbrief {row['display_name']}",
        author="Kartendashboard Demographie und Daseinsvorsorge",
    )
    frame_width, frame_height = A4[0] - 36 * mm, A4[1] - 27 * mm
    doc.build([KeepInFrame(frame_width, frame_height, story, mode="shrink")])  # always one page
    return out.getvalue()
