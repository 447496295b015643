"""Streamlit dashboard: MRH-Leitprojekt „Demographie und Daseinsvorsorge“ (run: streamlit run app.py)."""

from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from geo import texts
from geo.errors import DataError
from geo.layers import build_map, build_view_layer
from geo.partners import display_name
from geo.project import Project, configured_data_dir, load_project
from geo.state import ViewState, parse_query, share_url, to_query
from geo.text import md_text
from geo.views import details_markdown, partner_table, theme_counts

NONE_SELECTED = "– keiner gewählt –"
st.set_page_config(page_title=f"{texts.TITLE} – MRH", page_icon="🗺️", layout="wide")


DATA_DIR = configured_data_dir()


def data_signature() -> tuple[tuple[str, int, int], ...]:
    """Changes whenever a data file changes, so edits show up without a restart."""
    files = sorted(DATA_DIR.iterdir()) if DATA_DIR.is_dir() else []
    return tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in files if p.is_file())


@st.cache_resource(show_spinner=False, max_entries=4)
def load(signature: tuple[tuple[str, int, int], ...]) -> Project | DataError:
    try:
        return load_project(DATA_DIR)
    except DataError as exc:
        return exc


st.title(texts.TITLE)
st.caption(texts.SUBTITLE)
project = load(data_signature())
if isinstance(project, DataError):
    st.error(texts.DATA_ERROR)
    st.code("\n".join(str(p) for p in project.problems), language=None)
    st.stop()

regions = list(project.partners.index)
names = {rs: display_name(row["typ"], row["name"]) for rs, row in project.partners.iterrows()}
labels = {t.slug: t.label for t in project.themes}
counts = theme_counts(project)

if "region" not in st.session_state:  # first run of this session: the URL decides
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    initial, notices = parse_query(params, regions, list(labels))
    st.session_state.update(region=initial.region, themes=list(initial.themes), notices=notices)
for notice in st.session_state.pop("notices", []):
    st.info(md_text(notice), icon="ℹ️")


def on_map_click() -> None:
    clicked = (st.session_state.get("karte") or {}).get("last_active_drawing") or {}
    rs = str((clicked.get("properties") or {}).get("rs", ""))
    if rs in names:
        st.session_state["region"] = rs


with st.sidebar:
    st.multiselect("Themenfeld", list(labels), key="themes", placeholder="alle Themen",
                   format_func=lambda slug: f"{labels[slug]} ({counts[slug]})",
                   help="Zeigt Partner mit mindestens einem der gewählten Themen.")
    st.selectbox("Partner", [None, *sorted(regions, key=names.get)], key="region",
                 placeholder=NONE_SELECTED, format_func=lambda rs: NONE_SELECTED if rs is None else names[rs],
                 help="Dasselbe wie ein Klick auf die Karte.")
    st.markdown(texts.DACHPROJEKT)

state = ViewState(st.session_state["region"], tuple(s for s in labels if s in st.session_state["themes"]))
st.query_params.from_dict(to_query(state))

left, right = st.columns([3, 2], gap="medium")
with left:
    st_folium(build_map(project), key="karte", height=620, use_container_width=True,
              feature_group_to_add=build_view_layer(project, state),
              returned_objects=["last_object_clicked", "last_active_drawing"], on_change=on_map_click)
    st.caption(texts.LEGEND)
with right:
    if state.region:
        st.markdown(details_markdown(project, state.region))
    else:
        st.markdown("### Partner wählen\nEin Gebiet auf der Karte anklicken oder links einen Partner "
                    "auswählen, um sein Teilprojekt, Themen, Ergebnisse und Kontakte zu sehen.")

table = partner_table(project, state.themes)
filter_text = ", ".join(labels[s] for s in state.themes) or "alle Themen"
st.subheader(f"{len(table)} von {len(regions)} Partnern – {md_text(filter_text)}")
st.dataframe(table, hide_index=True, width="stretch")

st.markdown("**Link zu dieser Ansicht** (zum Weitergeben kopieren):")
st.code(share_url(st.context.url, state), language=None)
st.markdown(texts.SOURCES)
