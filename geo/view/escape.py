"""Make data text inert where it is inserted: HTML, inline scripts, Streamlit markdown, PDF markup.

The one home for escaping. Map (folium scripts and popups), views (markdown, timeline) and printed output
(the Steckbrief's reportlab paragraphs) all take their escaping from here, so that a fix reaches every
place a partner's name is shown.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from jinja2 import Environment, Template

from geo.data.checks import is_web_url

_HTML_EXTRA = str.maketrans({"`": "&#96;", "$": "&#36;", "\\": "&#92;", "{": "&#123;", "}": "&#125;"})
_MD_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation character
_SCRIPT_UNSAFE = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def html_text(value: object) -> str:
    """Escape for HTML *and* for the JS template literals folium wraps around popups/tooltips.

    Beyond ``html.escape`` this neutralises backticks, ``${…}`` and backslashes, which
    ``folium.Tooltip``/``folium.Popup`` would otherwise pass into a JavaScript template literal.
    """
    return html.escape(str(value), quote=True).translate(_HTML_EXTRA)


def js_json(value: Any, compact: bool = False) -> str:
    """JSON that is safe inside an inline ``<script>`` (no ``</script>``, no line separators); ``compact``
    leaves out the spaces after ``,`` and ``:`` (for geometry: ≈ 2 bytes per coordinate)."""
    separators = (",", ":") if compact else (", ", ": ")
    encoded = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=separators)
    for raw, escaped in _SCRIPT_UNSAFE:
        encoded = encoded.replace(raw, escaped)
    return encoded


def md_text(value: object) -> str:
    """Escape for ``st.markdown``: every ASCII punctuation mark is backslash-escaped (CommonMark),
    so data cannot form links, emphasis, HTML, math or Streamlit directives; newlines become spaces.
    """
    flat = " ".join(str(value).split())
    return _MD_SPECIAL.sub(r"\\\1", flat)


def md_link(label: str, url: str) -> str:
    """A markdown link if ``url`` is http(s), else the escaped label with the URL as text."""
    if not is_web_url(url):
        return md_text(label)
    safe = url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
    return f"[{md_text(label)}]({safe})"


def markup_text(value: object) -> str:
    """Escape for reportlab's paragraph markup (a small XML dialect: ``<b>``, ``<i>``, entities)."""
    return html.escape(str(value), quote=True)


# Our scripts' templates escape at the point of insertion: ``{{ this.value|js }}``; names of other folium
# elements are written bare (``{{ x.get_name() }}``).
_SCRIPT = Environment(autoescape=False)
_SCRIPT.filters["js"] = js_json
# HTML fragments (popups, legends, the timeline): every ``{{ … }}`` is escaped unless the template marks it safe.
_HTML = Environment(autoescape=True)


def script_template(source: str) -> Template:
    """A script template whose data values go through the ``js`` filter (:func:`js_json`)."""
    return _SCRIPT.from_string(source)


def html_template(source: str) -> Template:
    """An HTML template that escapes every inserted value (Jinja autoescape)."""
    return _HTML.from_string(source)
