"""What a printed or downloaded view says about itself: the selection and filter, and when it was made."""

from __future__ import annotations

from datetime import date

from geo.data.project import Project
from geo.data.themes import theme_labels
from geo.view.formats import format_day
from geo.view.i18n import text
from geo.view.state import ViewState


def view_caption(project: Project, state: ViewState, with_rule: bool = False) -> str:
    """``Partner: Kreis Segeberg · Themenfeld: Mobilität, Wohnen`` (plain text), or „alle Partner …“."""
    lang = state.lang
    labels = theme_labels(project.themes, lang)
    parts = []
    if state.partner:
        row = project.partners.loc[state.partner]
        parts.append(text(lang, "Partner") + f": {row['display_name']}")
    if state.themes:
        themes = text(lang, "Themenfeld") + ": " + ", ".join(labels[s] for s in state.themes)
        parts.append(
            themes + " (" + text(lang, "Partner mit mindestens einem der gewählten Themen") + ")"
            if with_rule
            else themes
        )
    return " · ".join(parts) or text(lang, "alle Partner, kein Themenfilter")


def made_text(lang: str, made: date) -> str:
    """``Erstellt am 26.11.2026 mit dem Dashboard`` / ``Made on 26 Nov 2026 with the dashboard``."""
    return text(lang, "Erstellt am {date} mit dem Dashboard", date=format_day(made.isoformat(), lang))
