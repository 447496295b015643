"""Light Streamlit widgets of our own (st.components.v2, no frontend build): share link, partner table.

They replace ``st.code`` (which loads a 1.5 MB syntax highlighter for one link) and ``st.dataframe``
(≈ 1.2 MB of data-grid code for twelve rows). Texts reach the browser as data and are inserted with
``textContent``.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from ui.component import static_component

_share = static_component("share")
_matrix = static_component("matrix")
_table = static_component("table")


def share_fields(fields: list[dict[str, object]], copy: str, copied: str, select: str, key: str = "share") -> None:
    """Read-only fields (``label``, ``value``, ``multiline``) each with a copy button."""
    _share(key=key, data={"fields": fields, "copy": copy, "copied": copied, "select": select}, height="content")


def partner_table(
    table: pd.DataFrame,
    partner: str | None,
    caption: str,
    choose: str,
    missing: str,
    on_select: Callable[[str], None],
    german: tuple[int, ...] = (),
    notes: dict[str, str] | None = None,
) -> None:
    """The table (index = RS, first column = name), ``partner`` marked; choosing a name calls ``on_select(rs)``
    before the rerun. A row in ``notes`` (RS → text) shows that one line after its name instead of its cells.

    ``german``: indices of columns whose text is German whatever the page language (marked ``lang="de"``)."""

    def chosen() -> None:
        value = st.session_state["tabelle"].get("select")
        if isinstance(value, str):
            on_select(value)

    rows = [
        {
            "rs": str(rs),
            "cells": [str(v) for v in row.tolist()],
            "missing": [v == missing for v in row.tolist()],
            "note": (notes or {}).get(str(rs), ""),
        }
        for rs, row in table.iterrows()
    ]
    _table(
        key="tabelle",
        data={
            "columns": [str(c) for c in table.columns],
            "rows": rows,
            "partner": partner,
            "caption": caption,
            "choose": choose,
            "german": list(german),
        },
        on_select_change=chosen,
        height="content",
    )


def theme_matrix(data: dict[str, object], on_select: Callable[[str], None], on_theme: Callable[[str], None]) -> None:
    """Partners × themes (see ``geo.view.table.theme_matrix``); a name selects, a theme sets the filter."""

    def chosen() -> None:
        value = st.session_state["matrix"].get("select")
        if isinstance(value, str):
            on_select(value)

    def theme() -> None:
        value = st.session_state["matrix"].get("theme")
        if isinstance(value, str):
            on_theme(value)

    _matrix(key="matrix", data=data, on_select_change=chosen, on_theme_change=theme, height="content")
