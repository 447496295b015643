"""Interface text: German source strings in the code, other languages from gettext catalogs (``geo/view/locale``).

A text is written once, in German, where it is used: ``text(lang, "Laufzeit")`` or, in a section,
``t("Laufzeit")``. ``python -m geo texts`` extracts every such string into ``geo/view/locale/messages.pot`` and
updates ``geo/view/locale/en/LC_MESSAGES/messages.po`` (babel, as ``pybabel extract`` and ``update`` do); the
English catalog is compiled when first used, in memory, so nothing is built before the dashboard starts.
A German string that changes becomes a new entry the English catalog does not have yet: the tests fail until
it is translated (``tests/view/test_catalog.py``). Data values stay as they are (names, Teilprojekte);
project prose lives in ``data/texte/`` (:mod:`geo.data.prose`).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from gettext import NullTranslations
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from geo.data.paths import LOCALE_DIR

DOMAIN = "messages"
SOURCE_LANGUAGE = "de"
LANGUAGES = ("de", "en")


def N_(message: str) -> str:
    """Mark ``message`` for the catalog where it is defined; :func:`text` translates it where it is shown."""
    return message


def catalog_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(lang: str) -> NullTranslations:
    """The compiled catalog of ``lang`` (read once per process); German is the source and needs none.

    Fuzzy entries are left out (``write_mo`` skips them), so a string whose German changed shows in German
    until its translation is confirmed – never a stale English one.
    """
    if lang not in LANGUAGES or lang == SOURCE_LANGUAGE:
        return NullTranslations()
    with catalog_path(lang).open("rb") as po:
        catalog = read_po(po, locale=lang, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def text(lang: str, message: str, **values: object) -> str:
    """``message`` (German) in ``lang``, formatted with ``values``."""
    template = translations(lang).gettext(message)
    return template.format(**values) if values else template


def ptext(lang: str, context: str, message: str, **values: object) -> str:
    """:func:`text` for a German string that needs another translation in ``context`` (gettext's pgettext)."""
    template = translations(lang).pgettext(context, message)
    return template.format(**values) if values else template


@dataclass(frozen=True)
class Texts:
    """The interface texts of one language, ``t("Laufzeit")``: what a page section is handed."""

    lang: str

    def __call__(self, message: str, **values: object) -> str:
        return text(self.lang, message, **values)


# Said under the map and in the overview: why Ludwigslust-Parchim is larger on the map than in the project.
NOTE_2017 = N_(
    "Bis 2016 gehörte vom Landkreis Ludwigslust-Parchim nur der Altkreis Ludwigslust zur Metropolregion; "
    "am 1. Januar 2017 kamen Schwerin und der Altkreis Parchim hinzu."
)


# Roles and types of partners as partners.csv writes them; English pages show the catalog's translation.
ROLES = (N_("Federführung"), N_("Kooperationspartner"))
TYPES = (
    N_("Kreis"),
    N_("Landkreis"),
    N_("Kreisfreie Stadt"),
    N_("Stadtkreis"),
    N_("Regionalverband"),
    N_("Städteregion"),
    N_("Samtgemeinde"),
    N_("Amt"),
    N_("Verbandsgemeinde"),
    N_("Verwaltungsgemeinschaft"),
    N_("Stadt"),
    N_("Gemeinde"),
)


def role_label(value: str, lang: str) -> str:
    return text(lang, value)


def type_label(value: str, lang: str) -> str:
    return text(lang, value)
