"""Plain-text phrases about contacts (used in popups and in the detail panel)."""

from __future__ import annotations

import pandas as pd

from geo.view.i18n import text


def precision_note(contact: pd.Series, lang: str) -> str:
    """Plain text saying how exactly a contact marker is placed."""
    if contact["lage"] == "adresse":
        return text(lang, "p_address")
    return text(lang, "p_approx", level=text(lang, f"lvl_{contact['lage']}"), place=contact["ort_name"])
