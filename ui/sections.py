"""The dashboard's sections, top to bottom: each gets its texts resolved for the page's language.

What they show comes from ``geo/`` (markdown, tables, files); here it is only placed on the page. Files
for the downloads are made only when someone clicks (callables), and clicking does not rerun the page.
"""

from __future__ import annotations

import os

import streamlit as st

from geo.data.live import Signature
from geo.data.paths import MAPS_DIR, ogc_url
from geo.data.project import Project
from geo.map.export import standalone_html, table_csv, table_geojson, table_geopackage
from geo.map.layers import view_data
from geo.map.overlays import basemap_attribution
from geo.map.printed import factsheet_pdf, map_png
from geo.view.compare import compare_markdown
from geo.view.details import details_markdown
from geo.view.escape import md_text
from geo.view.i18n import NOTE_2017, Texts
from geo.view.pages import page_links
from geo.view.search import Answer, search
from geo.view.state import Notice, ViewState, embed_snippet, share_url
from geo.view.table import export_table, partner_table, theme_matrix, undocumented_notes
from geo.view.timeline import timeline_html
from ui import loaders, mapview, widgets
from ui.loaders import Served, cached
from ui.session import Session

try:  # how often an open page checks data/ for a new state (tests shorten it)
    DATA_CHECK_SECONDS = max(1.0, float(os.environ.get("MRH_DATA_CHECK_SECONDS", "300")))
except ValueError:
    DATA_CHECK_SECONDS = 300.0
# Print on A4 landscape: title, map with legend, details and table; no sidebar, no buttons.
PRINT_CSS = """<style>
@media print {
  @page { size: A4 landscape; margin: 10mm; }
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"],
  [data-testid="stDownloadButton"], [data-testid="stBaseButton-headerNoPadding"] { display: none !important; }
  [data-testid="stMain"] .block-container { padding: 0 !important; max-width: none !important; }
  iframe[src*="/static/maps/"] { height: 150mm !important; }
}
</style>"""


def place_answer(project: Project, query: str) -> Answer:
    """„Ort suchen“ over 11.000 Gemeinden (≈ 20–60 ms): once per text, not on every rerun that shows it."""
    return search(project.gazetteer, list(project.partners.index), query)


find = cached(place_answer, max_entries=256)
map_src = cached(mapview.publish_map, max_entries=8, resource=True)
offline_map = cached(standalone_html)
picture = cached(map_png)
factsheet = cached(factsheet_pdf)


def data_error(problems: list[str]) -> None:
    """The maintainers' page when the data never validated since the server started: nothing else to show."""
    if not problems:  # the files kept changing while the server read them for the first time
        st.info("Die Daten werden gerade aktualisiert – bitte die Seite in einigen Sekunden neu laden.")
        return
    st.error(Texts("de")("data_error"))
    st.code("\n".join(problems), language=None)


@st.fragment(run_every=DATA_CHECK_SECONDS)
def data_watch(t: Texts, drawn: Signature) -> None:
    """Every five minutes: say so when a new valid state of ``data/`` is served, with a button to redraw.

    A broken edit is not news for visitors (they keep the last good state; the maintainers see it on
    ``?seite=datenpruefung`` and in the log). The timed fragment also matters for several instances:
    Streamlit's page asks a server for a script run after its websocket reconnects only when the page has
    one. Without it, a page moved to another instance stays silent, and its next click lands in a blank
    session that draws the old view from the URL (deploy/README.md, tests/ops/test_deploy.py)."""
    if loaders.snapshot().signature != drawn:
        st.info(t("data_changed"), icon="🔄")
        if st.button(t("data_reload")):
            st.rerun(scope="app")


def header(t: Texts, notices: list[Notice]) -> None:
    st.html(PRINT_CSS)
    st.title(t("title"))
    st.markdown(t("subtitle"))
    for notice in notices:
        st.info(md_text(t(notice.key, value=notice.value)), icon="ℹ️")


def map_and_details(t: Texts, served: Served, view: ViewState, answer: Answer) -> mapview.Frame | None:
    """The map (left) and the chosen partner's details (right); returns the map as drawn (for its listener)."""
    if view.basemap:
        st.warning(t("basemap_on", attribution=basemap_attribution()), icon="🌐")
    found = answer.places[0] if answer.kind == "one" else None
    marker = {"name": found.name, "lat": found.lat, "lon": found.lon} if found else None
    left, right = st.columns([5, 2], gap="medium")
    frame: mapview.Frame | None = None
    with left:
        try:
            frame = mapview.Frame(map_src(served, view.basemap, view.lang), view_data(view, marker), t("map_title"))
        except OSError as exc:  # e.g. a read-only installation: say where, keep the rest of the page
            st.error(t("map_unwritable", folder=str(MAPS_DIR), reason=exc.strerror or str(exc)))
        else:
            mapview.show_map(frame)
        st.markdown(t("legend", note=NOTE_2017[t.lang]))
    with right:
        mapview.details_anchor()
        project = served.project
        st.markdown(details_markdown(project, view.region, t.lang) if view.region else t("choose"))
    return frame


def comparison(t: Texts, project: Project, view: ViewState) -> None:
    if not view.compare:
        return
    st.subheader(t("compare_title"))
    if len(view.compare) < 2:
        st.markdown(t("compare_more"))
        return
    for column, rs in zip(st.columns(len(view.compare)), view.compare, strict=True):
        column.markdown(compare_markdown(project, rs, view.compare, t.lang))


MATRIX_KEY = "offen_themen_uebersicht"
TIMELINE_KEY = "offen_zeitleiste"


def table_and_overview(t: Texts, project: Project, view: ViewState, session: Session, labels: dict[str, str]) -> None:
    """The partners the filter matches, the partners × themes overview and the timeline."""
    table = partner_table(project, view.themes, t.lang)
    themes_shown = ", ".join(labels[s] for s in view.themes) or t("themes_all")
    st.subheader(t("table", n=len(table), total=len(session.choices.names), themes=md_text(themes_shown)))
    widgets.partner_table(
        table,
        view.region,
        t("table_caption") if view.themes else t("table_caption_all"),
        t("table_choose"),
        t("not_documented"),
        session.select,
        german=(0, 1) if t.lang == "en" else (),  # names and Teilprojekt titles stay German
        notes=undocumented_notes(project, table.index, t.lang),
    )
    # Built when opened (a rerun; Streamlit's lazy expander): closed, they cost no bytes per click (the
    # timeline's HTML alone is ≈ 7 KB) and no elements in the page's first build (bench/results.md).
    overview = st.expander(t("matrix_title"), key=MATRIX_KEY, on_change="rerun")
    if overview.open:
        with overview:
            matrix = theme_matrix(project, t.lang, view.region, view.themes)
            widgets.theme_matrix(matrix, session.select, lambda slug: session.set_themes([slug]))
    timeline = st.expander(t("tl_expander"), key=TIMELINE_KEY, on_change="rerun")
    if timeline.open:
        with timeline:
            st.html(timeline_html(project, view.region, t.lang))


def downloads(t: Texts, served: Served, view: ViewState) -> None:
    project, lang, stem = served.project, t.lang, "mrh-daseinsvorsorge-partner"
    st.markdown(t("downloads"))
    csv_col, geojson_col, gpkg_col = st.columns(3)  # two rows of three: labels stay whole on a laptop
    html_col, png_col, pdf_col = st.columns(3)
    csv_col.download_button(
        t("csv"),
        lambda: table_csv(export_table(project, view.themes, lang)),
        f"{stem}.csv",
        "text/csv",
        on_click="ignore",
    )
    geojson_col.download_button(
        t("geojson"),
        lambda: table_geojson(project, export_table(project, view.themes, lang)),
        f"{stem}.geojson",
        "application/geo+json",
        on_click="ignore",
    )
    gpkg_col.download_button(
        t("gpkg"),
        lambda: table_geopackage(project, export_table(project, view.themes, lang)),
        f"{stem}.gpkg",
        "application/geopackage+sqlite3",
        on_click="ignore",
        help=t("gpkg_help"),
    )
    html_col.download_button(
        t("html"), lambda: offline_map(served, view), "mrh-daseinsvorsorge-karte.html", "text/html", on_click="ignore"
    )
    png_col.download_button(
        t("png"), lambda: picture(served, view), "mrh-daseinsvorsorge-karte.png", "image/png", on_click="ignore"
    )
    pdf_col.download_button(
        t("pdf"),
        lambda: factsheet(served, view.region or "", lang),
        f"steckbrief-{view.region or 'partner'}.pdf",
        "application/pdf",
        on_click="ignore",
        disabled=view.region is None,
        help=None if view.region else t("pdf_choose"),
    )


def gis(t: Texts) -> None:
    """How a GIS desk gets the data: the service's address to copy (where the server runs one), else the
    GeoPackage. The address comes from ``$MRH_OGC_URL`` (``python -m deploy up --ogc`` sets it)."""
    with st.expander(t("gis_title")):
        url = ogc_url()
        if not url:
            st.markdown(t("gis_no_service"))
            return
        st.markdown(t("gis_service"))
        widgets.share_fields(
            [{"label": t("gis_url"), "value": url, "copy": t("copy_url")}],
            t("copy"),
            t("copied"),
            t("copy_select"),
            key="gis",
        )


def share(t: Texts, view: ViewState) -> None:
    st.subheader(t("share_title"))
    page = st.context.url
    widgets.share_fields(
        [
            {"label": t("share"), "value": share_url(page, view), "copy": t("copy_link")},
            {
                "label": t("embed"),
                "value": embed_snippet(page, view, t("embed_title")),
                "multiline": True,
                "copy": t("copy_code"),
            },
        ],
        t("copy"),
        t("copied"),
        t("copy_select"),
    )


def footer(t: Texts) -> None:
    st.markdown(t("sources"))
    st.markdown(page_links(t.lang))
