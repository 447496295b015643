"""Escaping: data text must stay text in HTML, JS template literals and Streamlit markdown."""

from __future__ import annotations

import re

import pytest

from geo.view.escape import html_text, md_link, md_text
from geo.view.formats import short

HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "<script>alert('x')</script>",
    "`${alert(document.cookie)}`",
    "C:\\users\\x",
    "[klick](javascript:alert(1))",
    "**fett** _kursiv_ $x^2$ :red[rot]",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_html_text_leaves_no_markup_or_template_syntax(value):
    escaped = html_text(value)
    assert not set("<>`$\\{}\"'") & set(escaped)
    assert re.sub(r"&#?\w+;", "", escaped).strip() or not value


@pytest.mark.parametrize("value", HOSTILE)
def test_md_text_escapes_every_markdown_character(value):
    escaped = md_text(value)
    assert not re.search(r"(?<!\\)[\[\]()<>*_`$:]", escaped)


def test_md_text_flattens_newlines():
    assert md_text("a\n# b") == "a \\# b"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "ftp://x", "//evil", "http:///x"])
def test_links_only_for_http(url):
    assert "](" not in md_link("x", url)


def test_http_links_are_built_safely():
    assert md_link("a(b)", "https://example.org/x(y)") == "[a\\(b\\)](https://example.org/x%28y%29)"


def test_short_drops_control_characters_and_truncates():
    assert short("a\x00b\u202ec") == "abc"
    assert short("x" * 100, 10) == "x" * 9 + "…"


def test_js_json_cannot_close_the_script_tag():
    import json

    from geo.view.escape import js_json

    value = "</script><script>alert(1)</script>\u2028&amp;"
    encoded = js_json(value)
    assert "<" not in encoded and ">" not in encoded and "\u2028" not in encoded
    assert json.loads(encoded) == value
