"""folium's layer script as small steps, so that a phone can paint and answer input while the map is built.

folium writes the whole map as one inline script: at 4× CPU slowdown it ran as one task of ≈ 130 ms
(``bench/trace.md``). Here the same code is cut where folium's elements end, each layer's GeoJSON is cut
into batches of at most ``BATCH_BYTES``, and a layer is added to its parent (``X.addTo(Y)``) right after it
is created rather than after its data, so that Leaflet projects and draws each batch as it arrives instead
of all paths at once. The steps travel as ``<script type="text/x-mrh-step">`` (the browser does not run
those); ``geo/map/web/steps.js`` runs them in order, as many per task as fit into its budget.

The end state is folium's: the same layers with the same features in the same order.
"""

from __future__ import annotations

import json
import re
from typing import Any

from branca.element import Figure

from geo.view.escape import js_json

STEP_TYPE = "text/x-mrh-step"
BATCH_BYTES = 16_000  # of GeoJSON text per step: ≈ 10 ms to parse and draw at 4× (bench/trace.md)
RUN = "<script>MRH.runSteps();</script>"

_DATA = re.compile(r"^[ \t]*(\w+)_add\((\{.*\})\);[ \t]*$", re.M)  # folium's GeoJson: NAME_add({…});
_ADD_TO = re.compile(r"\s*(\w+)\.addTo\((\w+)\);?\s*")
_DEFINES = re.compile(r"^\s*var (\w+) = ", re.M)


def _batches(name: str, collection: dict[str, Any]) -> list[str]:
    """``NAME_add(<part of the collection>);`` per batch of whole features, in their order."""
    features = collection.get("features") or []
    rest = {key: value for key, value in collection.items() if key != "features"}
    batches: list[list[Any]] = [[]]
    size = 0
    for feature in features:
        cost = len(json.dumps(feature, separators=(",", ":")))
        if batches[-1] and size + cost > BATCH_BYTES:
            batches.append([])
            size = 0
        batches[-1].append(feature)
        size += cost
    return [f"{name}_add({js_json({**rest, 'features': batch}, compact=True)});" for batch in batches]


def _split_data(text: str) -> list[str]:
    """One element's script, its GeoJSON call cut into batches (other elements are one step)."""
    match = _DATA.search(text)
    if not match:
        return [text]
    collection = json.loads(match.group(2))
    if collection.get("type") != "FeatureCollection":
        return [text]
    head, tail = text[: match.start()], text[match.end() :]
    return [part for part in (head, *_batches(match.group(1), collection), tail) if part.strip()]


def _hoisted(steps: list[str]) -> list[str]:
    """Move each ``X.addTo(Y);`` step to just after the step that creates ``X`` (if ``Y`` exists by then)."""
    result: list[str] = []
    where: dict[str, int] = {}  # name → index in result of the step that creates it
    for step in steps:
        move = _ADD_TO.fullmatch(step)
        if move and move[1] in where and where.get(move[2], len(result)) < where[move[1]]:
            at = where[move[1]] + 1
            result.insert(at, step)
            where = {name: index + 1 if index >= at else index for name, index in where.items()}
            continue
        for name in _DEFINES.findall(step):
            where[name] = len(result)
        result.append(step)
    return result


def steps_of(figure: Figure) -> list[str]:
    """folium's script of a rendered figure as steps (call after ``figure.render()``)."""
    steps: list[str] = []
    for element in figure.script._children.values():
        steps.extend(_split_data(element.render()))
    return _hoisted(steps)


def stepwise(figure: Figure, html: str) -> str:
    """The rendered ``html`` with folium's one script replaced by its steps and the call that runs them."""
    whole = figure.script.render()
    start = html.find(whole)
    if start < 0:
        raise RuntimeError("folium's script is not where geo/map/steps.py expects it; update it")
    opening = html.rindex("<script>", 0, start)
    closing = html.index("</script>", start + len(whole)) + len("</script>")
    nodes = "".join(f'<script type="{STEP_TYPE}">{step}</script>\n' for step in steps_of(figure))
    return html[:opening] + nodes + RUN + html[closing:]
