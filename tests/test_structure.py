"""Rules about the code itself: public APIs of third-party packages only."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OWN = {"geo", "tests", "bench", "mapview", "app"}


def python_files() -> list[Path]:
    return [p for p in ROOT.rglob("*.py") if not any(part.startswith(".") for part in p.relative_to(ROOT).parts)]


def private_imports(source: str) -> list[str]:
    """``from pkg import _name`` and ``import pkg._mod`` for packages that are not ours."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            top = node.module.split(".")[0]
            if top in OWN or top == "__future__":
                continue
            parts = node.module.split(".") + [alias.name for alias in node.names]
            found += [f"from {node.module} import {a.name}" for a in node.names
                      if any(p.startswith("_") for p in parts)]
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names
                      if a.name.split(".")[0] not in OWN and any(p.startswith("_") for p in a.name.split("."))]
    return found


def test_the_rule_catches_private_names():
    assert private_imports("from streamlit_folium import _component_func") == [
        "from streamlit_folium import _component_func"]
    assert private_imports("import streamlit.runtime._x") == ["streamlit.runtime._x"]
    assert private_imports("from geo.mapdoc import _stable_ids\nimport json") == []


def test_no_module_imports_a_private_name_from_a_third_party_package():
    assert len(python_files()) > 20
    offenders = {str(p.relative_to(ROOT)): private_imports(p.read_text(encoding="utf-8")) for p in python_files()}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_streamlit_folium_is_gone():
    """The map component is ours (mapview.py); nothing imports streamlit-folium any more."""
    for path in python_files():
        assert "streamlit_folium" not in path.read_text(encoding="utf-8") or path.name == "test_structure.py", path
