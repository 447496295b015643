"""The map's elements, each writing its JavaScript as steps that the browser runs a few per task.

folium writes a map as one inline script: at 4× CPU slowdown that ran as one task of ≈ 130 ms
(``bench/trace.md``), and a phone could neither paint nor answer input meanwhile. Our elements are folium
elements like its plugins (a ``MacroElement`` with its own template), but their template's ``html`` macro writes
their code as inert nodes into the document's body, ``<script type="text/x-mrh-step">`` (the browser does not
run those); ``geo/map/web/steps.js`` runs them in order, as many per task as fit into its budget, once
:class:`RunSteps` says the document is there. A layer is on the map before its data arrives, and a layer of
shapes gets its features in batches of at most ``BATCH_BYTES``, so that Leaflet draws each batch as it comes.

Every element has a fixed JavaScript name (:class:`Names`), so the same map gives the same bytes: folium's
own elements name themselves with random UUIDs.
"""

from __future__ import annotations

import json
import re
from typing import Any, ClassVar

from branca.element import Element, MacroElement
from jinja2 import Template

from geo.view.escape import js_json, script_template

STEP_TYPE = "text/x-mrh-step"
BATCH_BYTES = 16_000  # of GeoJSON text per step: ≈ 10 ms to parse and draw at 4× (bench/trace.md)
_IDENTIFIER = re.compile(r"[a-z][a-z0-9_]*")
# Inside a <script> element these would end it, or switch the HTML parser into a state where "</script>"
# does not end it. js_json escapes "<" in data; our own code has neither.
_UNSAFE_IN_SCRIPT = re.compile(r"</script|<!--", re.I)


def step_node(code: str) -> str:
    """One step as an inert script node; refuses code that could end the node early."""
    if _UNSAFE_IN_SCRIPT.search(code):
        raise ValueError(f"a step must not contain '</script' or '<!--': {code[:80]!r}")
    return f'<script type="{STEP_TYPE}">{code.strip()}</script>\n'


class Names:
    """Hands out the JavaScript names of one map's elements and refuses a name twice: folium keeps an
    element's output under its name, so a second element of the same name would silently replace the first."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def __call__(self, name: str) -> str:
        if not _IDENTIFIER.fullmatch(name):
            raise ValueError(f"not a plain JavaScript name: {name!r}")
        if name in self.taken:
            raise ValueError(f"the map already has an element named {name!r}")
        self.taken.add(name)
        return name


class Steps:
    """What an element that runs as steps has: a fixed name and its code. Mixed into folium elements."""

    name: str

    def get_name(self) -> str:
        """The element's JavaScript name (folium's elements would give ``<kind>_<random uuid>``)."""
        return self.name

    def steps(self) -> list[str]:
        """The element's JavaScript, one text per step, in order."""
        raise NotImplementedError

    def nodes(self) -> str:
        return "".join(step_node(code) for code in self.steps())


# An element's html macro: its steps, where folium puts the element's HTML (in the body, in tree order).
STEPS_TEMPLATE = script_template("{% macro html(this, kwargs) %}{{ this.nodes() }}{% endmacro %}")


class Step(Steps, MacroElement):
    """An element whose code (``_code``, a script template over ``this``) is one step.

    Data values go into the template through the ``js`` filter (:func:`js_json`); only names of other
    elements (``x.get_name()``, the parent's ``this.parent.get_name()``) are written bare.
    """

    _code = ""
    _compiled: ClassVar[dict[type, Template]] = {}

    def __init__(self, name: str, **fields: Any) -> None:
        super().__init__()
        self._name = type(self).__name__  # folium's convention for a MacroElement
        self._template = STEPS_TEMPLATE
        self.name = name
        for key, value in fields.items():
            setattr(self, key, value)

    def add_to(self, parent: Element, name: str | None = None, index: int | None = None) -> Step:
        """Put the element into ``parent`` (folium's ``add_to``), which its code may name: ``this.parent``."""
        self.parent = parent
        super().add_to(parent, name=name, index=index)
        return self

    def steps(self) -> list[str]:
        kind = type(self)
        if kind not in Step._compiled:
            Step._compiled[kind] = script_template(self._code)
        return [Step._compiled[kind].render(this=self)]


class Group(Step):
    """A layer group (``L.featureGroup``), on its parent's map from the start if ``show``."""

    _code = """
    var {{ this.name }} = L.featureGroup();
    {% if this.show %}{{ this.name }}.addTo({{ this.parent.get_name() }});{% endif %}
    """

    def __init__(self, name: str, label: str, show: bool = True) -> None:
        super().__init__(name)
        self.label = label
        self.show = show


def batches(collection: dict[str, Any]) -> list[dict[str, Any]]:
    """The collection as collections of whole features in their order, each at most ``BATCH_BYTES`` of
    compact JSON (or one feature)."""
    features = collection.get("features") or []
    rest = {key: value for key, value in collection.items() if key != "features"}
    parts: list[list[Any]] = [[]]
    size = 0
    for feature in features:
        cost = len(json.dumps(feature, separators=(",", ":")))
        if parts[-1] and size + cost > BATCH_BYTES:
            parts.append([])
            size = 0
        parts[-1].append(feature)
        size += cost
    return [{**rest, "features": part} for part in parts]


class Shapes(Step):
    """A GeoJSON layer on its parent, in ``pane``: created and on the map first, its features following in
    batches. ``start`` holds the style they are painted with until map.js styles them for the view: ``base``,
    merged with ``lead`` for a feature whose property ``lead`` is true (``MRH.startStyle``, layers.js)."""

    _code = """
    var {{ this.name }} = L.geoJson(null, {pane: {{ this.pane|js }}, style: MRH.startStyle({{ this.start|js }})});
    {{ this.name }}.addTo({{ this.parent.get_name() }});
    """

    def __init__(self, name: str, label: str, data: dict[str, Any], pane: str, start: dict[str, Any]) -> None:
        super().__init__(name)
        self.label = label
        self.data = data
        self.pane = pane
        self.start = start

    def steps(self) -> list[str]:
        return [
            *super().steps(),
            *(f"{self.name}.addData({js_json(part, compact=True)});" for part in batches(self.data)),
        ]


class RunSteps(MacroElement):
    """The document's one running script, after its body: ``MRH.runSteps()`` (``geo/map/web/steps.js``)."""

    _template = script_template("{% macro script(this, kwargs) %}MRH.runSteps();{% endmacro %}")

    def __init__(self) -> None:
        super().__init__()
        self._name = "RunSteps"

    def get_name(self) -> str:
        return "run_steps"
