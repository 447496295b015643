"""The view state (selected region, theme filter) and its URL form ``?region=…&thema=…``."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

from geo.text import short

REGION = "region"
THEME = "thema"
# Streamlit's own URL parameters; they are not ours to judge.
PASSTHROUGH = frozenset({"embed", "embed_options"})


@dataclass(frozen=True)
class ViewState:
    """What a shared URL restores: one selected region (or none) and the selected themes."""

    region: str | None = None
    themes: tuple[str, ...] = ()


def parse_query(
    params: Mapping[str, Sequence[str]], regions: Collection[str], themes: Sequence[str]
) -> tuple[ViewState, list[str]]:
    """Turn raw query parameters into a valid state plus German notices for what was dropped.

    Pure and total: any input (unknown keys, repeated keys, garbage) gives a state. Themes come
    back in catalogue order, without duplicates.
    """
    notices: list[str] = []
    region = None
    for value in params.get(REGION, ()):
        if value in regions and region is None:
            region = value
        elif value in regions:
            notices.append(f"Mehrere Regionen in der URL – angezeigt wird nur „{region}“.")
        else:
            notices.append(f"Unbekannte Region „{short(value)}“ in der URL ignoriert.")
    wanted = set()
    for value in params.get(THEME, ()):
        if value in themes:
            wanted.add(value)
        else:
            notices.append(f"Unbekanntes Thema „{short(value)}“ in der URL ignoriert.")
    for key in params:
        if key not in (REGION, THEME) and key not in PASSTHROUGH:
            notices.append(f"Unbekannter URL-Parameter „{short(key)}“ ignoriert.")
    ordered = tuple(slug for slug in themes if slug in wanted)
    return ViewState(region, ordered), list(dict.fromkeys(notices))[:10]


def to_query(state: ViewState) -> dict[str, list[str]]:
    """The canonical query parameters of a state (empty parts left out)."""
    query: dict[str, list[str]] = {}
    if state.region:
        query[REGION] = [state.region]
    if state.themes:
        query[THEME] = list(state.themes)
    return query


def share_url(base: str | None, state: ViewState) -> str:
    """Absolute link to this view; ``base`` is the page URL without query (may be unknown)."""
    query = urlencode(to_query(state), doseq=True)
    root = (base or "").split("?", 1)[0]
    return f"{root}?{query}" if query else root or "?"
