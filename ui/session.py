"""The visitor's session: one :class:`ViewState` behind the widgets, from the URL and back into it.

The first run of a session reads the URL (``geo.view.state.parse_query``: unknown values are dropped
with a notice); later runs read the widgets, after dropping what the data no longer has (a partner or
theme removed while the page was open). The widget callbacks here are the only writers of the state;
every run ends by writing the view back into the URL, so the address bar is always the share link.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import streamlit as st

from geo.data.project import Project
from geo.data.themes import Theme, theme_labels
from geo.view.search import Answer, Place
from geo.view.state import MAX_PLACE, Notice, ViewState, parse_query, to_query
from geo.view.table import theme_counts

# Widget keys in st.session_state: each holds one field of the ViewState.
PARTNER, THEMES, BASEMAP, LANG, COMPARE, PLACE = "partner", "themes", "basemap", "lang", "compare", "place"
NOTICES = "notices"


class Choices(NamedTuple):
    """What the data offers the widgets: partners by name, themes that at least one partner has."""

    names: dict[str, str]  # RS → display name, sorted by name
    counts: dict[str, int]  # theme slug → number of partners (catalogue order)
    offered: tuple[str, ...]  # slugs a filter can match
    empty: tuple[str, ...]  # slugs no partner has: not offered, dropped from a URL with their own notice


def choices_of(project: Project) -> Choices:
    names = dict(sorted(project.partners["display_name"].items(), key=lambda item: item[1]))
    counts = theme_counts(project)
    return Choices(
        {str(rs): str(name) for rs, name in names.items()},
        counts,
        tuple(slug for slug, n in counts.items() if n),
        tuple(slug for slug, n in counts.items() if not n),
    )


class Session:
    """The view of this visitor's session, kept in ``st.session_state`` under the widget keys above."""

    def __init__(self, choices: Choices, find: Callable[[str], Answer]) -> None:
        self.choices = choices
        self.find = find  # the place search over the served data (cached)
        if PARTNER not in st.session_state:
            self._start_from_url()
        else:
            self._reconcile()

    def _start_from_url(self) -> None:
        params = {key: st.query_params.get_all(key) for key in st.query_params}
        start, notices = parse_query(params, list(self.choices.names), self.choices.offered, self.choices.empty)
        st.session_state.update(
            {
                PARTNER: start.partner,
                THEMES: list(start.themes),
                BASEMAP: start.basemap,
                LANG: start.lang,
                COMPARE: list(start.compare),
                PLACE: start.place,
                NOTICES: notices,
            }
        )
        found = self.find(start.place)
        if start.partner is None and found.kind in ("one", "several"):
            st.session_state[PARTNER] = found_partner(found)

    def _reconcile(self) -> None:
        """The data may have changed since the last run: drop partners and themes it no longer has."""
        state = st.session_state
        if state[PARTNER] not in self.choices.names:
            state[PARTNER] = None
        state[THEMES] = [s for s in state[THEMES] if s in self.choices.offered]
        state[COMPARE] = [rs for rs in state[COMPARE] if rs in self.choices.names]

    @property
    def lang(self) -> str:
        return str(st.session_state[LANG])

    def theme_labels(self, themes: list[Theme]) -> dict[str, str]:
        """Slug → label in the page's language, for the themes a filter can match."""
        return {slug: label for slug, label in theme_labels(themes, self.lang).items() if slug in self.choices.offered}

    def notices(self) -> list[Notice]:
        """What the URL held that was ignored; once, on the session's first run."""
        return list(st.session_state.pop(NOTICES, []))

    def view(self) -> ViewState:
        state = st.session_state
        return ViewState(
            state[PARTNER],
            tuple(s for s in self.choices.offered if s in state[THEMES]),
            bool(state[BASEMAP]),
            self.lang,
            tuple(state[COMPARE]),
            " ".join(str(state[PLACE]).split())[:MAX_PLACE],
        )

    def write_url(self, view: ViewState) -> None:
        st.query_params.from_dict(to_query(view))

    # Callbacks: they run before the next script run.

    def select(self, rs: str) -> None:
        """A partner chosen on the map, in the table or in the overview."""
        if rs in self.choices.names:
            st.session_state[PARTNER] = rs

    def set_themes(self, slugs: list[str]) -> None:
        st.session_state[THEMES] = [s for s in self.choices.offered if s in slugs]

    def searched(self) -> None:
        """A new search text: a single match selects its partner, or no partner if it lies outside them all;
        several matches that all lie in one partner's area select that partner."""
        found = self.find(st.session_state[PLACE])
        if found.kind == "one" or (found.kind == "several" and found.partner):
            st.session_state[PARTNER] = found_partner(found)

    def pick(self, place: Place) -> None:
        """One of several namesakes chosen from the list under the search field."""
        st.session_state[PLACE] = place.label
        st.session_state[PARTNER] = place.partner


def found_partner(found: Answer) -> str | None:
    """The partner a search answer selects: the one match's, or the one all matches share (else none)."""
    if found.kind == "one":
        return found.places[0].partner
    return found.partner if found.kind == "several" else None
