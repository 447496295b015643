"""Rules about the code itself: layers, public APIs of third-party packages only, lint, format and types."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from geo.data.paths import ROOT

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
            found += [
                f"from {node.module} import {a.name}" for a in node.names if any(p.startswith("_") for p in parts)
            ]
        elif isinstance(node, ast.Import):
            found += [
                a.name
                for a in node.names
                if a.name.split(".")[0] not in OWN and any(p.startswith("_") for p in a.name.split("."))
            ]
    return found


def test_the_rule_catches_private_names():
    assert private_imports("from streamlit_folium import _component_func") == [
        "from streamlit_folium import _component_func"
    ]
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


# Bottom to top: a module may import its own layer and the layers below, never one above.
LAYERS = ("geo.data", "geo.build", "geo.view", "geo.map")


def layer_of(module: str) -> int | None:
    return next((i for i, name in enumerate(LAYERS) if module == name or module.startswith(name + ".")), None)


def geo_imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("geo"):
            found += [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.startswith("geo")]
    return found


def upward_imports() -> dict[str, list[str]]:
    offenders: dict[str, list[str]] = {}
    for path in sorted((ROOT / "geo").rglob("*.py")):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        own = layer_of(module)
        if own is None:
            continue
        wrong = [m for m in geo_imports(path) if (layer_of(m) or -1) > own]
        if wrong:
            offenders[module] = wrong
    return offenders


def test_every_geo_module_lives_in_a_layer():
    loose = [
        p
        for p in (ROOT / "geo").rglob("*.py")
        if p.parent == ROOT / "geo" and p.name not in ("__init__.py", "__main__.py")
    ]
    assert loose == []
    assert {p.name for p in (ROOT / "geo").iterdir() if p.is_dir() and not p.name.startswith("__")} == {
        "data",
        "build",
        "view",
        "map",
    }


def test_lower_layers_never_import_higher_ones():
    assert upward_imports() == {}


def test_the_layer_rule_would_catch_an_upward_import(tmp_path, monkeypatch):
    fake = tmp_path / "geo" / "data"
    fake.mkdir(parents=True)
    (fake / "bad.py").write_text("from geo.map.layers import build_map\n")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert upward_imports() == {"geo.data.bad": ["geo.map.layers", "geo.map.layers.build_map"]}


def test_geo_does_not_import_streamlit():
    for path in (ROOT / "geo").rglob("*.py"):
        tops = {m.split(".")[0] for m in private_and_all_imports(path)}
        assert "streamlit" not in tops, path


def private_and_all_imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append(node.module)
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names]
    return found


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "."],
        ["ruff", "format", "--check", "."],
        ["mypy"],
    ],
    ids=["ruff check", "ruff format", "mypy"],
)
def test_code_checks_are_clean(command):
    result = subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
