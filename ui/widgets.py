"""Light Streamlit widgets of our own (st.components.v2, no frontend build): share link, partner table.

They replace ``st.code`` (which loads a 1.5 MB syntax highlighter for one link) and ``st.dataframe``
(≈ 1.2 MB of data-grid code for twelve rows). Texts reach the browser as data and are inserted with
``textContent``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import streamlit as st

WEB = Path(__file__).resolve().parent / "web"
SHARE_CSS = """
.mrh-share-row { margin: 0 0 .6rem; }
.mrh-share-row label { display: block; font-weight: 600; margin-bottom: .2rem; }
.mrh-share-line { display: flex; gap: .5rem; }
.mrh-share-line input, .mrh-share-line textarea {
  flex: 1; min-width: 0; font: 14px/1.4 "Source Code Pro", monospace; padding: .4rem .5rem;
  border: 1px solid #8a8f98; border-radius: 4px; background: #f7f8fa; color: #1f1f1f; resize: vertical;
}
.mrh-share-line button {
  font: inherit; padding: .4rem .9rem; border: 1px solid #8a8f98; border-radius: 4px; background: #fff;
  color: #1f1f1f; cursor: pointer; white-space: nowrap;
}
.mrh-share-line button:hover { border-color: #ff4b4b; color: #b3001b; }
.mrh-share-line button:focus-visible, .mrh-share-line input:focus-visible { outline: 3px solid #e8a200; }
.mrh-share-status { font-size: 13px; color: #1a6b2f; }
"""
TABLE_CSS = """
.mrh-table { overflow-x: auto; }
.mrh-table table { width: 100%; border-collapse: collapse; font-size: 15px; color: #1f1f1f; }
.mrh-table caption { text-align: left; font-size: 13px; color: #3d3d3d; padding: 0 0 .3rem; }
.mrh-table th, .mrh-table td { text-align: left; vertical-align: top; padding: .4rem .5rem;
  border-bottom: 1px solid #dde1e6; }
.mrh-table thead th { border-bottom: 2px solid #8a8f98; font-weight: 700; }
.mrh-table tbody th { font-weight: 400; }
.mrh-table tbody th button {
  font: inherit; color: #0b57a4; background: none; border: 0; padding: 0; text-align: left; cursor: pointer;
  text-decoration: underline;
}
.mrh-table tr.mrh-selected { background: #fff3c4; }
.mrh-table tr.mrh-selected th button { font-weight: 700; color: #000; }
.mrh-table .mrh-missing { color: #5c5c5c; font-style: italic; }
.mrh-table button:focus-visible { outline: 3px solid #e8a200; }
@media (max-width: 640px) { .mrh-table table { font-size: 14px; } }
"""

MATRIX_CSS = """
.mrh-matrix { overflow-x: auto; max-width: 100%; }
.mrh-matrix:focus-visible { outline: 3px solid #e8a200; }
.mrh-matrix table { border-collapse: collapse; font-size: 14px; color: #1f1f1f; }
.mrh-matrix caption { text-align: left; font-size: 13px; color: #3d3d3d; padding: 0 0 .3rem; }
.mrh-matrix th, .mrh-matrix td { border: 1px solid #dde1e6; padding: .3rem .45rem; text-align: center; }
.mrh-matrix tbody th, .mrh-matrix tfoot th { text-align: left; font-weight: 400; white-space: nowrap; }
.mrh-matrix thead th { vertical-align: bottom; }
.mrh-matrix button { font: inherit; color: #0b57a4; background: none; border: 0; padding: 0; cursor: pointer;
  text-decoration: underline; text-align: left; }
.mrh-matrix button[aria-pressed="true"] { font-weight: 700; color: #000; }
.mrh-matrix button:focus-visible { outline: 3px solid #e8a200; }
.mrh-matrix tr.mrh-selected { background: #fff3c4; }
.mrh-matrix .mrh-sum { font-weight: 700; }
.mrh-matrix .mrh-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
"""

_share = st.components.v2.component("mrh_share", js=(WEB / "share.js").read_text(encoding="utf-8"), css=SHARE_CSS)
_matrix = st.components.v2.component("mrh_matrix", js=(WEB / "matrix.js").read_text(encoding="utf-8"), css=MATRIX_CSS)
_table = st.components.v2.component("mrh_table", js=(WEB / "table.js").read_text(encoding="utf-8"), css=TABLE_CSS)


def share_fields(fields: list[dict[str, object]], copy: str, copied: str, select: str) -> None:
    """Read-only fields (``label``, ``value``, ``multiline``) each with a copy button."""
    _share(key="share", data={"fields": fields, "copy": copy, "copied": copied, "select": select}, height="content")


def partner_table(
    table: pd.DataFrame,
    selected: str | None,
    caption: str,
    choose: str,
    missing: str,
    on_select: Callable[[str], None],
) -> None:
    """The table (index = RS, first column = name); choosing a name calls ``on_select(rs)`` before the rerun."""

    def chosen() -> None:
        value = st.session_state["tabelle"].get("select")
        if isinstance(value, str):
            on_select(value)

    rows = [
        {"rs": str(rs), "cells": [str(v) for v in row.tolist()], "missing": [v == missing for v in row.tolist()]}
        for rs, row in table.iterrows()
    ]
    _table(
        key="tabelle",
        data={
            "columns": [str(c) for c in table.columns],
            "rows": rows,
            "selected": selected,
            "caption": caption,
            "choose": choose,
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
