"""The view state (selected region, theme filter) and its URL form ``?region=…&thema=…``."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple
from urllib.parse import urlencode, urlsplit

from geo.view.escape import html_text
from geo.view.formats import short

REGION = "region"
THEME = "thema"
BASEMAP = "karte"  # karte=basemap: opt-in web basemap (tiles from the BKG)
BASEMAP_ON = "basemap"
COMPARE = "vergleich"  # vergleich=<RS>, repeated: 2 to 4 partners side by side
MAX_COMPARE = 4
PLACE = "ort"  # ort=<text>: „Ort suchen“ (geo.view.search)
MAX_PLACE = 100
LANG = "lang"  # lang=en: English interface text; German is the default
LANGUAGES = ("de", "en")
# Streamlit's own URL parameters; they are not ours to judge.
PASSTHROUGH = frozenset({"embed", "embed_options"})
PAGE = "seite"  # ?seite=barrierefreiheit | leichte-sprache | datenpruefung: the extra pages (ui/pages.py)
PAGE_NAMES = ("barrierefreiheit", "leichte-sprache", "datenpruefung")


class Notice(NamedTuple):
    """Something in the URL that was ignored: an i18n key (``n_*``) and the shortened value."""

    key: str
    value: str = ""


@dataclass(frozen=True)
class ViewState:
    """What a shared URL restores: one selected region (or none) and the selected themes."""

    region: str | None = None
    themes: tuple[str, ...] = ()
    basemap: bool = False
    lang: str = "de"
    compare: tuple[str, ...] = ()
    place: str = ""  # the text in „Ort suchen“


def parse_query(
    params: Mapping[str, Sequence[str]],
    regions: Collection[str],
    themes: Sequence[str],
    empty_themes: Collection[str] = (),
) -> tuple[ViewState, list[Notice]]:
    """Turn raw query parameters into a valid state plus notices for what was dropped.

    Pure and total: any input (unknown keys, repeated keys, garbage) gives a state. Themes come
    back in catalogue order, without duplicates. ``empty_themes`` are catalogue themes no partner
    has: they cannot match, so they are dropped with their own notice.
    """
    notices: list[Notice] = []
    region = None
    for value in params.get(REGION, ()):
        if value in regions and region is None:
            region = value
        elif value in regions:
            notices.append(Notice("n_regions"))
        else:
            notices.append(Notice("n_region", short(value)))
    wanted = set()
    for value in params.get(THEME, ()):
        if value in themes:
            wanted.add(value)
        elif value in empty_themes:
            notices.append(Notice("n_theme_empty", short(value)))
        else:
            notices.append(Notice("n_theme", short(value)))
    basemap = False
    for value in params.get(BASEMAP, ()):
        if value == BASEMAP_ON:
            basemap = True
        else:
            notices.append(Notice("n_map", short(value)))
    lang = "de"
    for value in params.get(LANG, ()):
        if value in LANGUAGES:
            lang = value
        else:
            notices.append(Notice("n_lang", short(value)))
    compare: list[str] = []
    for value in params.get(COMPARE, ()):
        if value not in regions:
            notices.append(Notice("n_compare", short(value)))
        elif value in compare:
            notices.append(Notice("n_compare_twice", short(value)))
        elif len(compare) == MAX_COMPARE:
            notices.append(Notice("n_compare_many"))
        else:
            compare.append(value)
    place = ""
    for value in params.get(PLACE, ())[:1]:
        text = " ".join("".join(c if c.isprintable() else " " for c in value).split())
        if len(text) > MAX_PLACE:
            notices.append(Notice("n_place", short(text)))
        else:
            place = text
    for key in params:
        if key == PAGE:
            notices += [Notice("n_page", short(v)) for v in params[key] if v not in PAGE_NAMES]
        elif key not in (REGION, THEME, BASEMAP, LANG, COMPARE, PLACE) and key not in PASSTHROUGH:
            notices.append(Notice("n_key", short(key)))
    ordered = tuple(slug for slug in themes if slug in wanted)
    state = ViewState(region, ordered, basemap, lang, tuple(compare), place)
    return state, list(dict.fromkeys(notices))[:10]


def to_query(state: ViewState) -> dict[str, list[str]]:
    """The canonical query parameters of a state (empty parts left out)."""
    query: dict[str, list[str]] = {}
    if state.region:
        query[REGION] = [state.region]
    if state.themes:
        query[THEME] = list(state.themes)
    if state.basemap:
        query[BASEMAP] = [BASEMAP_ON]
    if state.lang != "de":
        query[LANG] = [state.lang]
    if state.compare:
        query[COMPARE] = list(state.compare)
    if state.place:
        query[PLACE] = [state.place]
    return query


def embed_snippet(base: str | None, state: ViewState, title: str) -> str:
    """An ``<iframe>`` showing this view in Streamlit's embed mode, for partners' websites."""
    url = share_url(base, state)
    url += ("&" if "?" in url.rstrip("?") else "?" if not url.endswith("?") else "") + "embed=true"
    return (
        f'<iframe src="{html_text(url)}" title="{html_text(title)}" width="100%" height="900" '
        'style="border:0" loading="lazy"></iframe>'
    )


def share_url(base: str | None, state: ViewState) -> str:
    """Absolute link to this view; ``base`` is the page URL without query (may be unknown)."""
    query = urlencode(to_query(state), doseq=True)
    root = (base or "").split("?", 1)[0].split("#", 1)[0]
    if root and not urlsplit(root).path:
        root += "/"  # http://host:8501 → http://host:8501/ (what a browser shows and copies)
    return f"{root}?{query}" if query else root or "?"
