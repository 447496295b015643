"""The map's elements write their code as steps: every feature once and in order, in bounded batches, each
layer on the map before its data, nothing used before it exists, fixed names, nothing that ends a node early."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from geo.data.project import load_project
from geo.map.layers import build_map, partner_features
from geo.map.mapdoc import map_document
from geo.map.steps import BATCH_BYTES, STEP_TYPE, Names, Step, batches, step_node

DEFINES = re.compile(r"^\s*var (\w+) = ", re.M)


class StepNodes(HTMLParser):
    """The text of every ``<script type="text/x-mrh-step">`` in a document, and of every script after its
    body, as a browser's HTML parser sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.steps: list[str] = []
        self.scripts: list[str] = []
        self.inside: list[str] | None = None
        self.after_body = False

    def handle_starttag(self, tag, attrs):
        if tag == "script" and not dict(attrs).get("src"):
            if dict(attrs).get("type") == STEP_TYPE:
                self.inside = self.steps
            elif self.after_body:
                self.inside = self.scripts
            else:
                return
            self.inside.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self.inside = None
        if tag == "body":
            self.after_body = True

    def handle_data(self, data):
        if self.inside is not None:
            self.inside[-1] += data


def parsed(document: str) -> StepNodes:
    nodes = StepNodes()
    nodes.feed(document)
    return nodes


@pytest.fixture(scope="module")
def project():
    return load_project()


@pytest.fixture(scope="module")
def steps(project):
    return parsed(map_document(project, False, "de")).steps


def data_steps(steps: list[str], name: str) -> list[dict]:
    prefix = f"{name}.addData("
    return [json.loads(step[len(prefix) : -2]) for step in steps if step.startswith(prefix)]


def test_every_partner_arrives_once_in_order_in_bounded_batches(project, steps):
    expected = [f["properties"]["rs"] for f in partner_features(project, "de")["features"]]
    parts = data_steps(steps, "partners")
    assert [f["properties"]["rs"] for part in parts for f in part["features"]] == expected
    assert len(parts) > 1
    for part in parts:
        size = sum(len(json.dumps(f, separators=(",", ":"))) for f in part["features"])
        assert len(part["features"]) == 1 or size <= BATCH_BYTES


def test_batches_keep_the_collection_and_split_only_between_features():
    big = {"type": "Feature", "properties": {"x": "a" * (BATCH_BYTES // 3)}, "geometry": None}
    collection = {"type": "FeatureCollection", "features": [big] * 7}
    parts = batches(collection)
    assert [len(p["features"]) for p in parts] == [2, 2, 2, 1]
    assert all(p["type"] == "FeatureCollection" for p in parts)
    assert batches({"type": "FeatureCollection", "features": []}) == [{"type": "FeatureCollection", "features": []}]


def test_a_layer_is_on_the_map_before_its_data_arrives(steps):
    """So Leaflet draws each batch as it comes, instead of every path in the step that adds the layer."""
    on_map = next(i for i, step in enumerate(steps) if "partners.addTo(map);" in step)
    first_data = next(i for i, step in enumerate(steps) if step.startswith("partners.addData("))
    assert on_map < first_data


def test_nothing_is_used_before_it_exists(steps):
    names = [name for step in steps for name in DEFINES.findall(step)]
    assert len(names) == len(set(names)) and {"map", "partners", "contacts", "density", "network"} <= set(names)
    defined: set[str] = set()
    for step in steps:
        here = set(DEFINES.findall(step))
        used = {name for name in names if re.search(rf"(?<![\w.\"]){name}(?![\w\"])", step)}
        assert used <= defined | here, (used - defined - here, step[:120])
        defined |= here


def test_the_document_runs_its_steps_once_after_its_body(project):
    nodes = parsed(map_document(project, False, "de"))
    assert len(nodes.steps) > 20
    assert [script.strip() for script in nodes.scripts] == ["MRH.runSteps();"]


def test_every_element_has_a_fixed_name(project):
    """folium would name elements ``kind_<random uuid>``; ours are named by the builder, so the bytes repeat."""
    first, second = (map_document(project, False, "en") for _ in range(2))
    assert first == second
    assert not re.search(r"[0-9a-f]{32}", first)
    assert build_map(project, False, "de").get_name() == "map"


def test_a_name_is_given_once_and_only_a_plain_one():
    names = Names()
    assert names("theme_1") == "theme_1"
    with pytest.raises(ValueError, match="already"):
        names("theme_1")
    for bad in ("1x", "a-b", "x;alert(1)", "", "Map"):
        with pytest.raises(ValueError, match="plain"):
            names(bad)


def test_a_step_cannot_end_its_node_early():
    assert step_node("a < b;") == f'<script type="{STEP_TYPE}">a < b;</script>\n'
    for code in ("x = '</script><img src=x onerror=alert(1)>';", "x = '<!-- y';", "'</SCRIPT >'"):
        with pytest.raises(ValueError, match="must not contain"):
            step_node(code)


def test_data_in_a_step_is_escaped_where_it_is_inserted():
    class Say(Step):
        _code = "say({{ this.text|js }});"

    (code,) = Say("say", text="</script><script>alert(1)</script>").steps()
    assert code == 'say("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e");'
    assert "<script" not in step_node(code).removeprefix(f'<script type="{STEP_TYPE}">')
