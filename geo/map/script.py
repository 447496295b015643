"""Small building blocks for our own Leaflet JavaScript inside folium maps."""

from __future__ import annotations

from typing import Any

from branca.element import MacroElement

from geo.view.escape import script_template


class Script(MacroElement):
    """A MacroElement whose script is a Jinja template (``_source``) over ``this`` and its fields.

    Data values go into the template through the ``js`` filter (:func:`js_json`); only names of other
    folium elements (``x.get_name()``) are written bare.
    """

    _source = ""

    def __init__(self, **fields: Any) -> None:
        super().__init__()
        self._name = type(self).__name__
        self._template = script_template("{% macro script(this, kwargs) %}" + self._source + "{% endmacro %}")
        for key, value in fields.items():
            setattr(self, key, value)
