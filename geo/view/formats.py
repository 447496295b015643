"""Numbers, dates, periods and phone numbers as the page's language writes them (babel/CLDR)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from babel.dates import format_date
from babel.numbers import format_decimal


def short(value: str, limit: int = 40) -> str:
    """Printable, shortened form of an untrusted value for notices (control characters dropped)."""
    printable = "".join(ch for ch in value if unicodedata.category(ch)[0] != "C")
    return printable if len(printable) <= limit else printable[: limit - 1] + "…"


LOCALES = {"de": "de_DE", "en": "en_GB"}


def format_number(value: float, lang: str, decimals: int = 0) -> str:
    """Number in the page's language (babel/CLDR): ``4766.8`` → ``4.766,8`` (de), ``4,766.8`` (en)."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=LOCALES.get(lang, "de_DE"))


def format_de(value: float, decimals: int = 0) -> str:
    """German number format: ``4766.8`` → ``4.766,8`` (exports and pages that are German only)."""
    return format_number(value, "de", decimals)


def format_day(iso: str, lang: str) -> str:
    """A day in the page's language: ``2018-12-31`` → ``31.12.2018`` (de), ``31 Dec 2018`` (en)."""
    day = date.fromisoformat(iso)
    return format_date(day, format="medium", locale=LOCALES.get(lang, "de_DE"))


def source_period(value: str, lang: str) -> str:
    """``2015-10 – 2016-09`` → ``10/2015 – 09/2016``; ``2014–2016`` stays; days as ``31.12.2018``."""

    def one(part: str) -> str:
        part = part.strip()
        if len(part) == 10:
            return format_day(part, lang)
        if len(part) == 7 and lang == "en":  # "Oct 2015": 10/2015 is read as a day by some English readers
            return format_date(date.fromisoformat(part + "-01"), format="MMM y", locale=LOCALES["en"])
        if len(part) == 7:
            return f"{part[5:7]}/{part[:4]}"
        return part

    parts = [one(p) for p in value.split("–")]
    return (" – " if any(len(p) > 4 for p in parts) else "–").join(parts)


def tel_uri(phone: str) -> str:
    """``tel:`` URI for a German number as printed, e.g. ``0461 2 54 81`` → ``tel:+49461225481``."""
    digits = re.sub(r"[^0-9+]", "", phone)
    if digits.startswith("+"):
        return "tel:" + digits
    if digits.startswith("00"):
        return "tel:+" + digits[2:]
    if digits.startswith("0"):
        return "tel:+49" + digits[1:]
    return "tel:" + digits
