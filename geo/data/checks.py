"""Field validators shared by the data readers: region keys, URLs, e-mail, phone numbers."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

EMAIL_PATTERN = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$")
PHONE_PATTERN = re.compile(r"^\+?[0-9][0-9 /\-()]{4,30}$")
SLUG_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
COLOR_PATTERN = re.compile(r"^#[0-9A-Fa-f]{6}$")
DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")


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
