"""„Ort suchen“: does a town belong to a partner's area? Pure functions over the gazetteer (``orte.csv``).

Matching ignores case, accents and the usual German spellings without umlauts (Moelln → Mölln,
Strasse → Straße, Muenchen → München) and accepts the beginning of the name or of any word in it
(„Oldesloe“ finds Bad Oldesloe). A whole name ranks above a name that merely begins with the text, and that
above a word inside another name („Boizenburg“: Boizenburg/Elbe before Tessin b. Boizenburg); partner areas
come first within a rank. When every match lies in one partner's area, the answer names that partner. A Kreis
after a dash narrows namesakes: „Neustadt – Landkreis Neuwied“
– that is also how a pick from the list of namesakes is written into the field and the URL (names
themselves may hold brackets: „Neustadt (Wied)“).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

MAX_QUERY = 100
MAX_LIST = 12
_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
KREIS_SEPARATOR = " – "


def fold(text: str) -> str:
    """Comparable form: lower case, umlauts as ae/oe/ue, ß as ss, other accents dropped, words by spaces."""
    text = unicodedata.normalize("NFC", text).casefold().translate(_FOLD)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


@dataclass(frozen=True)
class Place:
    rs: str
    name: str
    kreis: str
    land: str
    lon: float
    lat: float
    partner: str | None  # the partner whose area holds it

    @property
    def label(self) -> str:
        """How the place is written into the search field when picked: name and Kreis."""
        return f"{self.name}{KREIS_SEPARATOR}{self.kreis}" if self.kreis else self.name


@dataclass(frozen=True)
class Answer:
    """``kind``: empty | too_long | missing (no gazetteer) | one | several | none."""

    kind: str
    places: tuple[Place, ...] = ()
    more: int = 0  # matches beyond the list
    suggestions: tuple[str, ...] = ()
    partner: str | None = None  # several: the partner whose area holds every match (listed or not)


def partner_of(rs: str, partners: Collection[str]) -> str | None:
    """The partner whose key is a prefix of the Gemeinde key (Kreis: 5 digits, Samtgemeinde: 9)."""
    for key in sorted(partners, key=len, reverse=True):
        if rs.startswith(key):
            return key
    return None


@lru_cache(maxsize=4)
def _folded(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(fold(n) for n in names)


def search(gazetteer: pd.DataFrame, partners: Collection[str], query: str) -> Answer:
    """Answer a search; total for any text."""
    text = " ".join(query.split())
    if not text:
        return Answer("empty")
    if len(text) > MAX_QUERY:
        return Answer("too_long")
    if gazetteer.empty:
        return Answer("missing")
    wanted_kreis = ""
    if KREIS_SEPARATOR in text:
        text, kreis = text.split(KREIS_SEPARATOR, 1)
        wanted_kreis = fold(kreis)
    wanted = fold(text)
    if not wanted:
        return Answer("none")
    names = _folded(tuple(gazetteer["name"]))
    kreise = gazetteer["kreis"].tolist()
    ranked = []
    for position, folded in enumerate(names):
        if wanted_kreis and fold(kreise[position]) != wanted_kreis:
            continue
        if folded == wanted:
            rank = 0
        elif folded.startswith(wanted + " "):  # the whole name and more: Boizenburg/Elbe, Neustadt (Wied)
            rank = 1
        elif folded.startswith(wanted):
            rank = 2
        elif any(word.startswith(wanted) for word in folded.split(" ")[1:]) or f" {wanted}" in f" {folded}":
            rank = 3
        else:
            continue
        ranked.append((rank, position))
    if not ranked:
        close = difflib.get_close_matches(wanted, set(names), n=3, cutoff=0.75)
        shown = {fold(n): n for n in gazetteer["name"] if fold(n) in close}
        return Answer("none", suggestions=tuple(shown[c] for c in close if c in shown))
    places = [_place(gazetteer, position, partners) for _, position in ranked]
    exact = [p for (rank, _), p in zip(ranked, places, strict=True) if rank == 0]
    if len(exact) == 1 and (len(places) == 1 or wanted_kreis or len(wanted) >= 4):
        return Answer("one", (exact[0],))
    if len(places) == 1:
        return Answer("one", (places[0],))
    order = sorted(
        zip(ranked, places, strict=True),
        key=lambda item: (item[0][0], item[1].partner is None, fold(item[1].name), item[1].kreis),
    )
    listed = tuple(place for _, place in order[:MAX_LIST])
    shared = {place.partner for place in places}
    partner = shared.pop() if len(shared) == 1 else None
    return Answer("several", listed, more=max(0, len(order) - MAX_LIST), partner=partner)


def _place(gazetteer: pd.DataFrame, position: int, partners: Collection[str]) -> Place:
    row = gazetteer.iloc[position]
    rs = str(gazetteer.index[position])
    return Place(
        rs, row["name"], row["kreis"], row["land"], float(row["lon"]), float(row["lat"]), partner_of(rs, partners)
    )
