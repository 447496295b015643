"""The view state (the selected partner, theme filter, …) and its URL form ``?region=…&thema=…``."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple
from urllib.parse import urlencode, urlsplit

from geo.view.escape import html_text
from geo.view.formats import short
from geo.view.i18n import N_

REGION = "region"  # the selected partner in the URL (the URL contract: shared links keep working)
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
    """Something in the URL that was ignored: the message (German, translated where shown) and the value."""

    message: str
    value: str = ""


@dataclass(frozen=True)
class ViewState:
    """What a shared URL restores: the selected partner (its RS, or none), the selected themes and the rest."""

    partner: str | None = None  # the selected partner's RS; ``?region=`` in the URL
    themes: tuple[str, ...] = ()
    basemap: bool = False
    lang: str = "de"
    compare: tuple[str, ...] = ()
    place: str = ""  # the text in „Ort suchen“


def parse_query(
    params: Mapping[str, Sequence[str]],
    partner_keys: Collection[str],
    themes: Sequence[str],
    empty_themes: Collection[str] = (),
) -> tuple[ViewState, list[Notice]]:
    """Turn raw query parameters into a valid state plus notices for what was dropped.

    Pure and total: any input (unknown keys, repeated keys, garbage) gives a state. Themes come
    back in catalogue order, without duplicates. ``empty_themes`` are catalogue themes no partner
    has: they cannot match, so they are dropped with their own notice.
    """
    notices: list[Notice] = []
    partner = None
    for value in params.get(REGION, ()):
        if value in partner_keys and partner is None:
            partner = value
        elif value in partner_keys:
            notices.append(Notice(N_("Mehrere Regionen in der URL – angezeigt wird nur die erste gültige.")))
        else:
            notices.append(Notice(N_("Unbekannte Region „{value}“ in der URL ignoriert."), short(value)))
    wanted = set()
    for value in params.get(THEME, ()):
        if value in themes:
            wanted.add(value)
        elif value in empty_themes:
            notices.append(
                Notice(N_("Thema „{value}“ aus der URL ignoriert: kein Partner hat dieses Thema."), short(value))
            )
        else:
            notices.append(Notice(N_("Unbekanntes Thema „{value}“ in der URL ignoriert."), short(value)))
    basemap = False
    for value in params.get(BASEMAP, ()):
        if value == BASEMAP_ON:
            basemap = True
        else:
            notices.append(
                Notice(N_("Unbekannte Karte „{value}“ in der URL ignoriert (erlaubt: karte=basemap)."), short(value))
            )
    lang = "de"
    for value in params.get(LANG, ()):
        if value in LANGUAGES:
            lang = value
        else:
            notices.append(
                Notice(N_("Unbekannte Sprache „{value}“ in der URL ignoriert (erlaubt: de, en)."), short(value))
            )
    compare: list[str] = []
    for value in params.get(COMPARE, ()):
        if value not in partner_keys:
            notices.append(Notice(N_("Unbekannter Partner „{value}“ im Vergleich ignoriert."), short(value)))
        elif value in compare:
            notices.append(Notice(N_("Partner „{value}“ steht doppelt im Vergleich – einmal genügt."), short(value)))
        elif len(compare) == MAX_COMPARE:
            notices.append(Notice(N_("Höchstens vier Partner lassen sich vergleichen; weitere ignoriert.")))
        else:
            compare.append(value)
    place = ""
    for value in params.get(PLACE, ())[:1]:
        text = " ".join("".join(c if c.isprintable() else " " for c in value).split())
        if len(text) > MAX_PLACE:
            notices.append(
                Notice(
                    N_("Suchtext „{value}“ ist zu lang (höchstens 100 Zeichen) und wurde nicht gesucht."), short(text)
                )
            )
        else:
            place = text
    for key in params:
        if key == PAGE:
            notices += [
                Notice(
                    N_(
                        "Unbekannte Seite „{value}“ in der URL ignoriert "
                        "(erlaubt: seite=barrierefreiheit, seite=leichte-sprache)."
                    ),
                    short(v),
                )
                for v in params[key]
                if v not in PAGE_NAMES
            ]
        elif key not in (REGION, THEME, BASEMAP, LANG, COMPARE, PLACE) and key not in PASSTHROUGH:
            notices.append(Notice(N_("Unbekannter URL-Parameter „{value}“ ignoriert."), short(key)))
    ordered = tuple(slug for slug in themes if slug in wanted)
    state = ViewState(partner, ordered, basemap, lang, tuple(compare), place)
    return state, list(dict.fromkeys(notices))[:10]


def to_query(state: ViewState) -> dict[str, list[str]]:
    """The canonical query parameters of a state (empty parts left out)."""
    query: dict[str, list[str]] = {}
    if state.partner:
        query[REGION] = [state.partner]
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
