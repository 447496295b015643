"""Small building blocks for our own Leaflet JavaScript inside folium maps."""

from __future__ import annotations

import json
from typing import Any

from branca.element import MacroElement
from jinja2 import Environment, Template


def js_json(value: Any) -> str:
    """JSON that is safe inside an inline ``<script>`` (no ``</script>``, no line separators)."""
    encoded = json.dumps(value, ensure_ascii=False, sort_keys=True)
    for raw, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        encoded = encoded.replace(raw, escaped)
    return encoded


# Templates of our scripts escape at the point of insertion: ``{{ this.value|js }}``.
_ENV = Environment(autoescape=False)
_ENV.filters["js"] = js_json
# HTML fragments (popups, legends): every ``{{ … }}`` is HTML-escaped unless marked safe in the template.
_HTML = Environment(autoescape=True)


def html_template(source: str) -> Template:
    """An HTML template that escapes every inserted value (Jinja autoescape)."""
    return _HTML.from_string(source)


class Script(MacroElement):
    """A MacroElement whose script is a Jinja template (``_source``) over ``this`` and its fields.

    Data values go into the template through the ``js`` filter (:func:`js_json`); only names of other
    folium elements (``x.get_name()``) are written bare.
    """

    _source = ""

    def __init__(self, **fields: Any) -> None:
        super().__init__()
        self._name = type(self).__name__
        self._template = _ENV.from_string("{% macro script(this, kwargs) %}" + self._source + "{% endmacro %}")
        for key, value in fields.items():
            setattr(self, key, value)
