"""The extra pages (``?seite=…``), reachable from every view; they replace the dashboard for that run.

One small router instead of ``st.navigation``: Streamlit's pages live at their own paths (``/seite``),
which would change the addresses already shared and linked (``?seite=barrierefreiheit``).
"""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st

from geo.data.betreiber import read_operator
from geo.view.escape import md_text
from geo.view.formats import format_day
from geo.view.i18n import Texts
from geo.view.pages import ACCESSIBILITY, DATA_CHECK, accessibility_markdown, data_check_markdown, easy_markdown
from geo.view.state import LANG, PAGE, PAGE_NAMES
from ui import loaders


def requested_page() -> str | None:
    """The extra page the URL asks for, if it names one (an unknown name is a notice on the dashboard)."""
    wanted = st.query_params.get_all(PAGE)
    return wanted[0] if wanted and wanted[0] in PAGE_NAMES else None


def show_page(name: str) -> None:
    t = Texts("en" if st.query_params.get(LANG) == "en" else "de")
    st.markdown("[" + t("← Zur Karte") + "](./)")
    if name == DATA_CHECK:
        data_check()
        return
    operator, operator_problems = read_operator()
    for problem in operator_problems:
        st.warning(md_text(str(problem)))
    if name == ACCESSIBILITY:
        if not (operator.name and operator.email):
            st.warning(t("Der Betreiber hat seine Kontaktstelle noch nicht eingetragen (Datei betreiber.toml)."))
        st.markdown(accessibility_markdown(operator))
    else:
        st.markdown(easy_markdown())


def data_check() -> None:
    """For maintainers (``?seite=datenpruefung``): the problems ``python -m geo validate`` would report."""
    snapshot = loaders.snapshot()
    newest = max((mtime for _, mtime, _ in snapshot.signature[1:]), default=0)
    served = format_day(datetime.fromtimestamp(newest / 1e9, UTC).date().isoformat(), "de") if newest else None
    problems = [str(p) for p in snapshot.problems]
    st.markdown(data_check_markdown(problems, served if snapshot.project else None))
    if problems:
        st.code("\n".join(problems), language=None)
