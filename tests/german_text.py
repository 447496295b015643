"""Finds German interface text in an output meant to be English.

The German interface strings are the catalog's msgids. Every phrase of them that never occurs in English
text (no English translation contains it) counts as German: "Laufzeit", "Stand der Quellen", "nicht
dokumentiert". The data stay German on English pages (names, Teilprojekte, sources' words), so everything
the data files say is taken out of the output first; what remains must hold no German phrase.
"""

from __future__ import annotations

import csv
import html
import re
from functools import cache
from string import Formatter

from geo.build.catalog import read_catalog
from geo.data.paths import DATA_DIR
from geo.data.sources import ATTRIBUTION
from geo.map.export import BKG_LICENCE, DESTATIS_LICENCE
from geo.view.dachprojekt import SOURCE_TITLE

# The German names the English pages quote: official titles and licence wording stay as they are.
QUOTED = (
    ATTRIBUTION,
    BKG_LICENCE,
    DESTATIS_LICENCE,
    SOURCE_TITLE,
    "Regionalmanagement",
    "Demographie und Daseinsvorsorge",
)
URL = re.compile(r"https?://[^\s\"'<>;|]+")  # CSV cells end at ; and lists at |
SPLIT = re.compile(r"[\n*_#\[\]()„“:;,.–·?!/]+")


@cache
def german_phrases() -> tuple[str, ...]:
    catalog = read_catalog("en")
    english = " ".join(str(m.string) for m in catalog if m.id).lower()
    phrases = set()
    for message in catalog:
        if not message.id or message.string == message.id:
            continue
        for literal, *_ in Formatter().parse(str(message.id)):
            for phrase in SPLIT.split(literal):
                phrase = " ".join(phrase.split())
                # one lower-case word ("gemeinsam") is too common in the German data to tell apart
                single = " " not in phrase
                if single and not phrase[:1].isupper():
                    continue
                if len(phrase) >= 5 and any(c.isalpha() for c in phrase) and phrase.lower() not in english:
                    phrases.add(phrase)
    return tuple(sorted(phrases, key=len, reverse=True))


@cache
def data_strings() -> tuple[str, ...]:
    """Every text the data files hold (cells, and each item of a list cell), longest first."""
    found: set[str] = set(QUOTED)
    for path in DATA_DIR.glob("*.csv"):
        if path.name == "orte.csv":
            continue
        with path.open(encoding="utf-8-sig", newline="") as f:
            for row in csv.reader(f, delimiter=";"):
                for cell in row:
                    found.update(part.strip() for part in [cell, *cell.split("|")] if len(part.strip()) >= 3)
    return tuple(sorted(found, key=len, reverse=True))


def plain(text: str) -> str:
    """Unescaped, without addresses (their paths are the sources' words, not text), one space between words."""
    return " ".join(URL.sub(" ", html.unescape(text).replace("\\", "")).split())


def without_data(text: str) -> str:
    """``text`` without what the data say."""
    text = plain(text)
    for value in data_strings():
        if len(cleaned := plain(value)) >= 3:  # a cell that was only an address is nothing now
            text = text.replace(cleaned, " ")
    return text


def german_ui_text(text: str) -> list[str]:
    """The German interface phrases in ``text`` once the data are taken out (empty: none)."""
    rest = without_data(text)
    return [p for p in german_phrases() if re.search(rf"(?<!\w){re.escape(p)}(?!\w)", rest)]
