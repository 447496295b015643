"""folium's layer script cut into steps: same code, same features in the same order, layers on the map first."""

from __future__ import annotations

import json
import re

import pytest

from geo.data.project import load_project
from geo.map.layers import build_map
from geo.map.mapdoc import map_document
from geo.map.steps import BATCH_BYTES, RUN, STEP_TYPE, steps_of

ADD = re.compile(r"^(\w+)_add\((\{.*\})\);$", re.S)
ADD_TO = re.compile(r"^\s*(\w+)\.addTo\((\w+)\);?\s*$")


@pytest.fixture(scope="module")
def rendered():
    fmap = build_map(load_project(), basemap=False, lang="de")
    root = fmap.get_root()
    root.render()
    return root, fmap


@pytest.fixture(scope="module")
def steps(rendered):
    return steps_of(rendered[0])


def test_every_feature_arrives_once_in_folium_order(rendered, steps):
    root, _ = rendered
    calls = re.findall(r"(\w+)_add\((\{.*?\})\);\n", root.script.render())
    assert len(calls) == 1  # the partners (the context is filled by overlays.js, from its data)
    for name, collection in calls:
        expected = [f.get("id", f["geometry"]["coordinates"][0][0]) for f in json.loads(collection)["features"]]
        batches = [json.loads(m[2]) for m in map(ADD.match, steps) if m and m[1] == name]
        got = [f.get("id", f["geometry"]["coordinates"][0][0]) for b in batches for f in b["features"]]
        assert got == expected, name
        assert len(batches) >= 1


def test_partners_arrive_in_batches_of_bounded_size(rendered, steps):
    _, fmap = rendered
    partners = next(c for c in fmap._children.values() if getattr(c, "layer_name", "") == "Partnerregionen")
    batches = [s for s in steps if s.startswith(f"{partners.get_name()}_add(")]
    assert len(batches) > 1
    for batch in batches:
        match = ADD.match(batch)
        assert match
        features = json.loads(match[2])["features"]
        assert len(features) == 1 or sum(len(json.dumps(f, separators=(",", ":"))) for f in features) <= BATCH_BYTES


def test_a_layer_is_on_its_parent_before_its_data_arrives(rendered, steps):
    """So Leaflet draws each batch as it comes, instead of every path in the step that adds the layer."""
    _, fmap = rendered
    partners = next(c for c in fmap._children.values() if getattr(c, "layer_name", "") == "Partnerregionen")
    name = partners.get_name()
    moves = [ADD_TO.match(s) for s in steps]
    on_map = next(i for i, m in enumerate(moves) if m and m[1] == name)
    first_data = next(i for i, s in enumerate(steps) if s.startswith(f"{name}_add("))
    assert on_map < first_data


def test_nothing_is_added_before_it_and_its_parent_exist(steps):
    defined: set[str] = set()
    for step in steps:
        move = ADD_TO.match(step)
        if move:
            assert {move[1], move[2]} <= defined, step
        defined.update(re.findall(r"^\s*var (\w+) = ", step, flags=re.M))


def test_the_document_runs_the_steps_and_has_no_other_folium_script():
    document = map_document(load_project(), False, "de")
    assert document.count(RUN) == 1
    nodes = re.findall(rf'<script type="{STEP_TYPE}">(.*?)</script>', document, flags=re.S)
    assert len(nodes) > 20
    assert document.index(f'<script type="{STEP_TYPE}">') < document.index(RUN)
    plain = re.findall(r"<script>(.*?)</script>", document, flags=re.S)
    assert not any("L.map(" in body for body in plain)  # folium's whole script is gone; its steps remain
    assert sum("L.map(" in body for body in nodes) == 1
