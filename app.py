"""Streamlit dashboard: MRH-Leitprojekt „Demographie und Daseinsvorsorge“ (run: streamlit run app.py)."""

from __future__ import annotations

import os

import streamlit as st

from geo.data.errors import DataError
from geo.data.operator import read_operator
from geo.data.partners import display_name
from geo.data.paths import MAPS_DIR, configured_data_dir
from geo.data.project import Project, load_project
from geo.data.themes import theme_labels
from geo.map.export import standalone_html, table_csv, table_geojson
from geo.map.layers import view_data
from geo.map.mapdoc import map_document
from geo.map.overlays import basemap_attribution
from geo.map.printed import factsheet_pdf, map_png
from geo.view.compare import compare_markdown
from geo.view.details import details_markdown
from geo.view.escape import md_text
from geo.view.i18n import NOTE_2017, text
from geo.view.pages import ACCESSIBILITY, accessibility_markdown, easy_markdown, page_links
from geo.view.search import Answer, Place, search
from geo.view.state import (
    LANGUAGES,
    MAX_COMPARE,
    MAX_PLACE,
    PAGE,
    PAGE_NAMES,
    ViewState,
    embed_snippet,
    parse_query,
    share_url,
    to_query,
)
from geo.view.table import export_table, partner_table, theme_counts, theme_matrix
from geo.view.timeline import timeline_html
from ui import mapview, widgets

# Embedded in a partner's website (?embed=true): the map and the details carry the page, the sidebar starts closed.
EMBEDDED = bool(st.context.is_embedded)
st.set_page_config(
    initial_sidebar_state="collapsed" if EMBEDDED else "auto",
    page_title="Demographie und Daseinsvorsorge – MRH",
    page_icon="🗺️",
    layout="wide",
)
DATA_DIR = configured_data_dir()
try:  # how often an open page checks data/ for changes (tests shorten it)
    DATA_CHECK_SECONDS = max(1.0, float(os.environ.get("MRH_DATA_CHECK_SECONDS", "300")))
except ValueError:
    DATA_CHECK_SECONDS = 300.0
# Print on A4 landscape: title, map with legend, details and table; no sidebar, no buttons.
PAGE_CSS = """<style>
@media print {
  @page { size: A4 landscape; margin: 10mm; }
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"],
  [data-testid="stDownloadButton"], [data-testid="stBaseButton-headerNoPadding"] { display: none !important; }
  [data-testid="stMain"] .block-container { padding: 0 !important; max-width: none !important; }
  iframe[src*="/static/maps/"] { height: 150mm !important; }
}
</style>"""


def data_signature() -> tuple[tuple[str, int, int], ...]:
    """Changes whenever the data folder or a file in it changes, so edits show up without a restart."""
    files = sorted(DATA_DIR.iterdir()) if DATA_DIR.is_dir() else []
    return (
        (str(DATA_DIR.resolve()), 0, 0),
        *((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in files if p.is_file()),
    )


@st.cache_resource(show_spinner=False, max_entries=4)
def load(signature: tuple[tuple[str, int, int], ...]) -> Project | DataError:
    try:
        return load_project(DATA_DIR)
    except DataError as exc:
        return exc


@st.cache_resource(show_spinner=False, max_entries=8)
def map_src(signature: tuple[tuple[str, int, int], ...], basemap: bool, lang: str) -> str:
    """URL of the map document for this data, basemap switch and language (built and written once)."""
    project = load(signature)
    assert isinstance(project, Project)
    return mapview.publish(map_document(project, basemap, lang), basemap)


@st.cache_data(show_spinner=False, max_entries=32)
def offline_map(signature: tuple[tuple[str, int, int], ...], state: ViewState) -> bytes:
    project = load(signature)
    assert isinstance(project, Project)
    return standalone_html(project, state)


requested = st.query_params.get_all(PAGE)
if requested and requested[0] in PAGE_NAMES:  # Barrierefreiheit or Leichte Sprache, from every view
    page_lang = "en" if st.query_params.get("lang") == "en" else "de"
    st.markdown(f"[{text(page_lang, 'back')}](./)")
    operator, operator_problems = read_operator()
    for problem in operator_problems:
        st.warning(md_text(str(problem)))
    if requested[0] == ACCESSIBILITY:
        if not (operator.name and operator.email):
            st.warning(text(page_lang, "operator_missing"))
        st.markdown(accessibility_markdown(operator))
    else:
        st.markdown(easy_markdown())
    st.stop()


@st.cache_data(show_spinner=False, max_entries=32)
def picture(signature: tuple[tuple[str, int, int], ...], state: ViewState) -> bytes:
    project = load(signature)
    assert isinstance(project, Project)
    return map_png(project, state)


@st.cache_data(show_spinner=False, max_entries=32)
def factsheet(signature: tuple[tuple[str, int, int], ...], rs: str, lang: str) -> bytes:
    project = load(signature)
    assert isinstance(project, Project)
    return factsheet_pdf(project, rs, lang)


@st.cache_data(show_spinner=False, max_entries=256)
def find(signature: tuple[tuple[str, int, int], ...], query: str) -> Answer:
    """„Ort suchen“ over 11.000 Gemeinden (≈ 20–60 ms): once per text, not on every rerun that shows it."""
    project = load(signature)
    assert isinstance(project, Project)
    return search(project.gazetteer, list(project.partners.index), query)


signature = data_signature()
loaded = load(signature)
if isinstance(loaded, DataError):
    st.error(text("de", "data_error"))
    st.code("\n".join(str(p) for p in loaded.problems), language=None)
    st.stop()
project: Project = loaded

regions = list(project.partners.index)
names = {rs: display_name(row["typ"], row["name"]) for rs, row in project.partners.iterrows()}
counts = theme_counts(project)
# Only themes that at least one partner has: a filter that cannot match is not offered.
labels = {t.slug: t.label for t in project.themes if counts[t.slug]}
empty_themes = [t.slug for t in project.themes if not counts[t.slug]]

if "region" not in st.session_state:  # first run of this session: the URL decides
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    initial, notices = parse_query(params, regions, list(labels), empty_themes)
    st.session_state.update(
        region=initial.region,
        themes=list(initial.themes),
        basemap=initial.basemap,
        lang=initial.lang,
        compare=list(initial.compare),
        place=initial.place,
        notices=notices,
    )
    found = find(signature, initial.place)
    if initial.region is None and found.kind == "one":
        st.session_state["region"] = found.places[0].partner
else:  # the data may have changed since this session started
    if st.session_state["region"] not in names:
        st.session_state["region"] = None
    st.session_state["themes"] = [s for s in st.session_state["themes"] if s in labels]
    st.session_state["compare"] = [rs for rs in st.session_state["compare"] if rs in names]
lang = st.session_state["lang"]
labels = {slug: label for slug, label in theme_labels(project.themes, lang).items() if slug in labels}


def on_map_select(rs: str) -> None:
    if rs in names:
        st.session_state["region"] = rs


def on_map_themes(slugs: list[str]) -> None:
    st.session_state["themes"] = [s for s in labels if s in slugs]


def on_search() -> None:
    """A new search text: a single match selects its partner, or no partner if it lies outside them all."""
    found = find(signature, st.session_state["place"])
    if found.kind == "one":
        st.session_state["region"] = found.places[0].partner


def on_pick(place: Place) -> None:
    st.session_state["place"] = place.label
    st.session_state["region"] = place.partner


def show_answer(answer: Answer, query: str) -> None:
    """Under the search field: the place and whether it lies in a partner's area, or what to do next."""
    if answer.kind == "one":
        place = answer.places[0]
        key = "search_in" if place.partner else "search_out"
        partner = md_text(names.get(place.partner or "", ""))
        st.markdown(
            text(lang, key, name=md_text(place.name), kreis=md_text(place.kreis), land=place.land, partner=partner)
        )
    elif answer.kind == "several":
        st.markdown(text(lang, "search_several", n=len(answer.places) + answer.more))
        for number, place in enumerate(answer.places):
            mark = f" · {text(lang, 'search_partner')}: {md_text(names[place.partner])}" if place.partner else ""
            st.button(
                f"{md_text(place.name)} – {md_text(place.kreis)}, {place.land}{mark}",
                key=f"pick-{number}",
                on_click=on_pick,
                args=(place,),
                width="stretch",
            )
        if answer.more:
            st.caption(text(lang, "search_more", n=answer.more))
    elif answer.kind == "none":
        st.warning(md_text(text(lang, "search_none", query=query)))
        if answer.suggestions:
            st.markdown(md_text(text(lang, "search_close", names=", ".join(answer.suggestions))))
    elif answer.kind in ("too_long", "missing"):
        st.warning(text(lang, "search_long" if answer.kind == "too_long" else "search_missing"))


@st.fragment(run_every=DATA_CHECK_SECONDS)
def data_watch(drawn: tuple[tuple[str, int, int], ...]) -> None:
    """Every five minutes: say so when ``data/`` changed since the page was drawn, with a button to redraw.

    It also matters for running several instances: Streamlit's page asks a server for a script run after
    its websocket reconnects only when the page has a timed fragment. Without one, a page moved to another
    instance (its own died) stays silent, and its next click lands in a blank session that draws the old
    view from the URL (see README „Betrieb“, tests/test_deploy.py)."""
    if data_signature() != drawn:
        st.info(text(lang, "data_changed"), icon="🔄")
        if st.button(text(lang, "data_reload")):
            st.rerun(scope="app")


st.html(PAGE_CSS)
data_watch(signature)
st.title(text(lang, "title"))
st.markdown(text(lang, "subtitle"))
for notice in st.session_state.pop("notices", []):
    st.info(md_text(text(lang, notice.key, value=notice.value)), icon="ℹ️")

with st.sidebar:
    st.text_input(
        text(lang, "search"),
        key="place",
        placeholder=text(lang, "search_placeholder"),
        help=text(lang, "search_help"),
        max_chars=MAX_PLACE,
        on_change=on_search,
    )
    answer = find(signature, st.session_state["place"])
    show_answer(answer, st.session_state["place"])
    st.multiselect(
        text(lang, "themes"),
        list(labels),
        key="themes",
        placeholder=text(lang, "themes_all"),
        format_func=lambda slug: f"{labels[slug]} ({counts[slug]})",
        help=text(lang, "themes_help"),
    )
    options: list[str | None] = [None, *sorted(regions, key=lambda rs: names[rs])]
    st.markdown(text(lang, "themes_rule"))
    st.selectbox(
        text(lang, "partner"),
        options,
        key="region",
        placeholder=text(lang, "partner_none"),
        help=text(lang, "partner_help"),
        format_func=lambda rs: text(lang, "partner_none") if rs is None else names[rs],
    )
    st.multiselect(
        text(lang, "compare"),
        sorted(regions, key=lambda rs: names[rs]),
        key="compare",
        max_selections=MAX_COMPARE,
        placeholder=text(lang, "compare_none"),
        format_func=lambda rs: names[rs],
        help=text(lang, "compare_help"),
    )
    st.toggle(text(lang, "basemap"), key="basemap", help=text(lang, "basemap_help"))
    st.radio(
        "Sprache / Language", LANGUAGES, key="lang", horizontal=True, format_func={"de": "Deutsch", "en": "English"}.get
    )
    st.markdown(text(lang, "dachprojekt"))
    st.markdown(page_links(lang))

state = ViewState(
    st.session_state["region"],
    tuple(s for s in labels if s in st.session_state["themes"]),
    st.session_state["basemap"],
    lang,
    tuple(st.session_state["compare"]),
    " ".join(st.session_state["place"].split())[:MAX_PLACE],
)
found_place = answer.places[0] if answer.kind == "one" else None
marker = {"name": found_place.name, "lat": found_place.lat, "lon": found_place.lon} if found_place else None
st.query_params.from_dict(to_query(state))
if state.basemap:
    st.warning(text(lang, "basemap_on", attribution=basemap_attribution()), icon="🌐")

left, right = st.columns([5, 2], gap="medium")
map_view = view_data(state, marker)
src: str | None = None
with left:
    try:
        src = map_src(signature, state.basemap, lang)
    except OSError as exc:  # e.g. a read-only installation: say where, keep the rest of the page
        st.error(text(lang, "map_unwritable", folder=str(MAPS_DIR), reason=exc.strerror or str(exc)))
    else:
        mapview.show_map(src, map_view, text(lang, "map_title"))
    st.markdown(text(lang, "legend", note=NOTE_2017[lang]))
with right:
    mapview.details_anchor()
    st.markdown(details_markdown(project, state.region, lang) if state.region else text(lang, "choose"))

if state.compare:
    st.subheader(text(lang, "compare_title"))
    if len(state.compare) < 2:
        st.markdown(text(lang, "compare_more"))
    else:
        for column, rs in zip(st.columns(len(state.compare)), state.compare, strict=True):
            column.markdown(compare_markdown(project, rs, state.compare, lang))

table = partner_table(project, state.themes, lang)
themes_shown = ", ".join(labels[s] for s in state.themes) or text(lang, "themes_all")
st.subheader(text(lang, "table", n=len(table), total=len(regions), themes=md_text(themes_shown)))
widgets.partner_table(
    table,
    state.region,
    text(lang, "table_caption") if state.themes else text(lang, "table_caption_all"),
    text(lang, "table_choose"),
    text(lang, "not_documented"),
    on_map_select,
    german=(0, 1) if lang == "en" else (),  # names and Teilprojekt titles stay German
)

with st.expander(text(lang, "matrix_title")):
    matrix = theme_matrix(project, lang)
    matrix.update(
        caption=text(lang, "matrix_caption"),
        partner=text(lang, "partner"),
        total=text(lang, "matrix_total"),
        yes=text(lang, "matrix_yes"),
        filterBy=text(lang, "matrix_filter"),
        selected=state.region,
        themes=list(state.themes),
    )
    widgets.theme_matrix(matrix, on_map_select, lambda slug: on_map_themes([slug]))

with st.expander(text(lang, "tl_expander")):
    st.html(timeline_html(project, state.region, lang))

st.markdown(text(lang, "downloads"))
csv_col, geojson_col, html_col, png_col, pdf_col = st.columns(5)
stem = "mrh-daseinsvorsorge-partner"
# Callables: files are made only when someone clicks, and clicking does not rerun the page.
csv_col.download_button(
    text(lang, "csv"),
    lambda: table_csv(export_table(project, state.themes, lang)),
    f"{stem}.csv",
    "text/csv",
    on_click="ignore",
)
geojson_col.download_button(
    text(lang, "geojson"),
    lambda: table_geojson(project, export_table(project, state.themes, lang)),
    f"{stem}.geojson",
    "application/geo+json",
    on_click="ignore",
)
html_col.download_button(
    text(lang, "html"),
    lambda: offline_map(signature, state),
    "mrh-daseinsvorsorge-karte.html",
    "text/html",
    on_click="ignore",
)
png_col.download_button(
    text(lang, "png"),
    lambda: picture(signature, state),
    "mrh-daseinsvorsorge-karte.png",
    "image/png",
    on_click="ignore",
)
pdf_col.download_button(
    text(lang, "pdf"),
    lambda: factsheet(signature, state.region or "", lang),
    f"steckbrief-{state.region or 'partner'}.pdf",
    "application/pdf",
    on_click="ignore",
    disabled=state.region is None,
    help=None if state.region else text(lang, "pdf_choose"),
)

st.subheader(text(lang, "share_title"))
widgets.share_fields(
    [
        {"label": text(lang, "share"), "value": share_url(st.context.url, state), "copy": text(lang, "copy_link")},
        {
            "label": text(lang, "embed"),
            "value": embed_snippet(st.context.url, state, text(lang, "embed_title")),
            "multiline": True,
            "copy": text(lang, "copy_code"),
        },
    ],
    text(lang, "copy"),
    text(lang, "copied"),
    text(lang, "copy_select"),
)
st.markdown(text(lang, "sources"))
st.markdown(page_links(lang))
if src:  # passes the map's clicks and ticks to the callbacks; draws nothing, so it comes last
    mapview.listen(src, map_view, text(lang, "map_title"), on_map_select, on_map_themes)
