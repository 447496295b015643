"""Streamlit dashboard: MRH-Leitprojekt „Demographie und Daseinsvorsorge“ (run: streamlit run app.py).

The page, top to bottom. What each part shows is built in ``geo/``; ``ui/`` places it on the page and
keeps the visitor's view (``ui/session.py``).
"""

from __future__ import annotations

import streamlit as st

from geo.view.dachprojekt import dachprojekt_markdown
from geo.view.i18n import Texts
from ui import loaders, mapview, pages, sections
from ui.loaders import Served
from ui.session import Session, choices_of
from ui.sidebar import sidebar

# Embedded in a partner's website (?embed=true): the map and the details carry the page, the sidebar starts closed.
st.set_page_config(
    initial_sidebar_state="collapsed" if st.context.is_embedded else "auto",
    page_title="Demographie und Daseinsvorsorge – MRH",
    page_icon="🗺️",
    layout="wide",
)
page = pages.requested_page()
if page:  # Barrierefreiheit, Leichte Sprache, Datenprüfung: from every view, instead of the dashboard
    pages.show_page(page)
    st.stop()

snapshot = loaders.snapshot()
if snapshot.project is None:  # never valid since the server started: the maintainers' list, nothing else
    sections.data_error([str(p) for p in snapshot.problems])
    st.stop()
served = Served(snapshot.signature, snapshot.project)
project = served.project

session = Session(choices_of(project), lambda query: loaders.find(served, query))
t = Texts(session.lang)
labels = session.theme_labels(project.themes)

sections.data_watch(t, served.signature)
sections.header(t, session.notices())
answer = sidebar(t, session, labels, dachprojekt_markdown(project, t.lang))
view = session.view()
session.write_url(view)

frame = sections.map_and_details(t, served, view, answer)
sections.comparison(t, project, view)
sections.table_and_overview(t, project, view, session, labels)
sections.downloads(t, served, view)
sections.gis(t)
sections.share(t, view)
sections.cite(t, project, view)
sections.footer(t)
if frame:  # passes the map's clicks and ticks to the session; draws nothing, so it comes last
    mapview.listen(frame, session.select, session.set_themes)
