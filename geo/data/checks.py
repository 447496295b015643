"""Field validators shared by the data readers: region keys, URLs, e-mail, phone numbers."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

EMAIL_PATTERN = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$")
PHONE_PATTERN = re.compile(r"^\+?[0-9][0-9 /\-()]{4,30}$")
SLUG_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
COLOR_PATTERN = re.compile(r"^#[0-9A-Fa-f]{6}$")
DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_WHEN = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def is_date(value: str) -> bool:
    """A day that exists, as JJJJ-MM-TT: ``2026-02-31`` has the form but is no day (and could not be shown)."""
    if not DATE_PATTERN.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def is_period(value: str) -> bool:
    """When a source said it: a year, a month or a day that exist, or a range of them with „–“
    (``2014–2016``, ``2015-10 – 2016-09``); ``2015-13`` is no month."""
    parts = [part.strip() for part in value.split("–")]
    if len(parts) > 2:
        return False
    for part in parts:
        if not _WHEN.match(part):
            return False
        if len(part) == 7 and not is_date(part + "-01"):
            return False
        if len(part) == 10 and not is_date(part):
            return False
    return True


def is_web_url(value: str) -> bool:
    """Only absolute http(s) URLs with a host; ``javascript:``, ``data:`` and friends are not."""
    if any(ch.isspace() or ord(ch) < 32 for ch in value) or '"' in value or "<" in value:
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def is_email(value: str) -> bool:
    """A plain address (no display name, no ``mailto:``)."""
    return bool(EMAIL_PATTERN.match(value)) and len(value) <= 254


def is_phone(value: str) -> bool:
    """Digits with the usual separators (space, ``/``, ``-``, brackets), optional leading +."""
    return bool(PHONE_PATTERN.match(value))
