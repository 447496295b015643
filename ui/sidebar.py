"""The sidebar: place search with its answer, theme filter, partner, comparison, basemap, language, links."""

from __future__ import annotations

import streamlit as st

from geo.view.escape import md_text
from geo.view.i18n import Texts
from geo.view.pages import page_links
from geo.view.search import Answer
from geo.view.state import LANGUAGES, MAX_COMPARE, MAX_PLACE
from ui import session as keys
from ui.session import Session


def sidebar(t: Texts, session: Session, labels: dict[str, str], dachprojekt: str) -> Answer:
    """Draw the sidebar (``dachprojekt``: its section as markdown); returns the answer of the place search (its
    place is marked on the map)."""
    names, counts = session.choices.names, session.choices.counts
    with st.sidebar:
        st.text_input(
            t("search"),
            key=keys.PLACE,
            placeholder=t("search_placeholder"),
            help=t("search_help"),
            max_chars=MAX_PLACE,
            on_change=session.searched,
        )
        answer = session.find(st.session_state[keys.PLACE])
        search_answer(t, session, answer, st.session_state[keys.PLACE])
        st.multiselect(
            t("themes"),
            list(labels),
            key=keys.THEMES,
            placeholder=t("themes_all"),
            format_func=lambda slug: f"{labels[slug]} ({counts[slug]})",
            help=t("themes_help"),
        )
        st.markdown(t("themes_rule"))
        options: list[str | None] = [None, *names]
        st.selectbox(
            t("partner"),
            options,
            key=keys.PARTNER,
            placeholder=t("partner_none"),
            help=t("partner_help"),
            format_func=lambda rs: t("partner_none") if rs is None else names[rs],
        )
        st.multiselect(
            t("compare"),
            list(names),
            key=keys.COMPARE,
            max_selections=MAX_COMPARE,
            placeholder=t("compare_none"),
            format_func=lambda rs: names[rs],
            help=t("compare_help"),
        )
        st.toggle(t("basemap"), key=keys.BASEMAP, help=t("basemap_help"))
        st.radio(
            "Sprache / Language",
            LANGUAGES,
            key=keys.LANG,
            horizontal=True,
            format_func={"de": "Deutsch", "en": "English"}.get,
        )
        st.markdown(dachprojekt)
        st.markdown(page_links(t.lang))
    return answer


def search_answer(t: Texts, session: Session, answer: Answer, query: str) -> None:
    """Under the search field: the place and whether it lies in a partner's area, or what to do next."""
    names = session.choices.names
    if answer.kind == "one":
        place = answer.places[0]
        key = "search_in" if place.partner else "search_out"
        partner = md_text(names.get(place.partner or "", ""))
        st.markdown(t(key, name=md_text(place.name), kreis=md_text(place.kreis), land=place.land, partner=partner))
    elif answer.kind == "several":
        n = len(answer.places) + answer.more
        if answer.partner:
            st.markdown(t("search_several_one", n=n, partner=md_text(names.get(answer.partner, ""))))
        else:
            st.markdown(t("search_several", n=n))
        for number, place in enumerate(answer.places):
            mark = f" · {t('search_partner')}: {md_text(names[place.partner])}" if place.partner else ""
            st.button(
                f"{md_text(place.name)} – {md_text(place.kreis)}, {place.land}{mark}",
                key=f"pick-{number}",
                on_click=session.pick,
                args=(place,),
                width="stretch",
            )
        if answer.more:
            st.caption(t("search_more", n=answer.more))
    elif answer.kind == "none":
        st.warning(md_text(t("search_none", query=query)))
        if answer.suggestions:
            st.markdown(md_text(t("search_close", names=", ".join(answer.suggestions))))
    elif answer.kind in ("too_long", "missing"):
        st.warning(t("search_long" if answer.kind == "too_long" else "search_missing"))
