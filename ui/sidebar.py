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
            t("Ort suchen"),
            key=keys.PLACE,
            placeholder=t("z. B. Bad Oldesloe, Mölln"),
            help=t(
                "Gemeinde oder Stadt in Deutschland (Stand 2016). Groß- und Kleinschreibung egal, "
                "ae/oe/ue/ss statt ä/ö/ü/ß gehen, der Anfang des Namens genügt."
            ),
            max_chars=MAX_PLACE,
            on_change=session.searched,
        )
        answer = session.find(st.session_state[keys.PLACE])
        search_answer(t, session, answer, st.session_state[keys.PLACE])
        st.multiselect(
            t("Themenfeld"),
            list(labels),
            key=keys.THEMES,
            placeholder=t("alle Themen"),
            format_func=lambda slug: f"{labels[slug]} ({counts[slug]})",
            help=t("Zeigt Partner mit mindestens einem der gewählten Themen."),
        )
        st.markdown(t("Gezeigt werden Partner mit **mindestens einem** der gewählten Themen."))
        options: list[str | None] = [None, *names]
        st.selectbox(
            t("Partner"),
            options,
            key=keys.PARTNER,
            placeholder=t("– keiner gewählt –"),
            help=t("Dasselbe wie ein Klick auf die Karte."),
            format_func=lambda rs: t("– keiner gewählt –") if rs is None else names[rs],
        )
        st.multiselect(
            t("Vergleichen (2 bis 4 Partner)"),
            list(names),
            key=keys.COMPARE,
            max_selections=MAX_COMPARE,
            placeholder=t("– keine gewählt –"),
            format_func=lambda rs: names[rs],
            help=t("Zeigt die gewählten Partner nebeneinander; steht auch im Link zu dieser Ansicht."),
        )
        st.toggle(
            t("Hintergrundkarte basemap.de (grau)"),
            key=keys.BASEMAP,
            help=t("Lädt Kartenkacheln vom Server des Bundesamts für Kartographie und Geodäsie."),
        )
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
        where = {"name": md_text(place.name), "kreis": md_text(place.kreis), "land": place.land}
        if place.partner:
            st.markdown(
                t(
                    "**{name}** ({kreis}, {land}) liegt im Gebiet von **{partner}** – auf der Karte markiert.",
                    **where,
                    partner=md_text(names[place.partner]),
                )
            )
        else:
            st.markdown(
                t("**{name}** ({kreis}, {land}) liegt in keinem Partnergebiet – auf der Karte markiert.", **where)
            )
    elif answer.kind == "several":
        n = len(answer.places) + answer.more
        if answer.partner:
            st.markdown(
                t(
                    "{n} Orte passen, alle im Gebiet von **{partner}** – der Partner ist gewählt. Einen Ort "
                    "wählen markiert ihn auf der Karte:",
                    n=n,
                    partner=md_text(names.get(answer.partner, "")),
                )
            )
        else:
            st.markdown(t("{n} Orte passen – bitte wählen (Partnergebiete zuerst):", n=n))
        for number, place in enumerate(answer.places):
            mark = " · " + t("Partner") + f": {md_text(names[place.partner])}" if place.partner else ""
            st.button(
                f"{md_text(place.name)} – {md_text(place.kreis)}, {place.land}{mark}",
                key=f"pick-{number}",
                on_click=session.pick,
                args=(place,),
                width="stretch",
            )
        if answer.more:
            st.caption(t("… und {n} weitere: genauer eingeben.", n=answer.more))
    elif answer.kind == "none":
        st.warning(md_text(t("Kein Ort „{query}“ gefunden.", query=query)))
        if answer.suggestions:
            st.markdown(md_text(t("Ähnliche Namen: {names}", names=", ".join(answer.suggestions))))
    elif answer.kind in ("too_long", "missing"):
        if answer.kind == "too_long":
            st.warning(t("Der Suchtext ist zu lang (höchstens 100 Zeichen)."))
        else:
            st.warning(
                t("Das Ortsverzeichnis (data/orte.csv) fehlt – neu erzeugen mit: python -m geo build-boundaries")
            )
