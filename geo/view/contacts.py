"""Plain-text phrases about contacts (used in popups and in the detail panel)."""

from __future__ import annotations

import pandas as pd

from geo.view.i18n import N_, text

# How exactly a marker is placed when it is not at the published address (column lage of contacts.csv).
LEVELS = {"gemeinde": N_("Gemeinde"), "kreis": N_("Kreis")}


def precision_note(contact: pd.Series, lang: str) -> str:
    """Plain text saying how exactly a contact marker is placed."""
    if contact["lage"] == "adresse":
        return text(lang, "Markierung an der veröffentlichten Adresse")
    return text(
        lang,
        "Markierung ungefähr: irgendwo in {level} {place} (Adresse nicht verortet)",
        level=text(lang, LEVELS[contact["lage"]]),
        place=contact["ort_name"],
    )
