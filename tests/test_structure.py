"""Rules about the code itself: layers, who imports whom, public APIs only, paths that exist, lint and types."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from fnmatch import fnmatch
from pathlib import Path

import pytest

from geo.data.paths import ROOT

OWN = {"geo", "ui", "app", "harness", "bench", "deploy", "ogc", "tests"}  # our top-level modules and packages


def repository_files() -> list[Path]:
    """Files of the checkout that git would see (tracked or new), not ignored ones such as .venv. In a tree
    without ``.git`` (a release archive, a ZIP download) the same set by the rules of ``.gitignore``."""
    if not (ROOT / ".git").exists():
        return unpacked_files(ROOT)
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    return [ROOT / name for name in listed if (ROOT / name).is_file()]


def unpacked_files(root: Path) -> list[Path]:
    """Every file below ``root`` that ``.gitignore`` (this project's simple patterns) does not exclude."""
    patterns = [
        line.strip()
        for line in (root / ".gitignore").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]

    def ignored(relative: str) -> bool:
        parts = relative.split("/")
        for pattern in patterns:
            anchored, folder, name = pattern.startswith("/"), pattern.endswith("/"), pattern.strip("/")
            if "/" in name or anchored:  # a path from the root (its folder, or a file pattern in it)
                if fnmatch(relative, name) or (folder and relative.startswith(name + "/")):
                    return True
            elif any(fnmatch(part, name) for part in (parts[:-1] if folder else parts)):
                return True
        return parts[0] == ".git"

    # tool caches (.mypy_cache, .pytest_cache) ignore themselves with a .gitignore of "*"
    hidden = [
        g.parent
        for g in root.rglob(".gitignore")
        if g.parent != root and "*" in (line.strip() for line in g.read_text().splitlines())
    ]
    return sorted(
        p
        for p in root.rglob("*")
        if p.is_file()
        and not ignored(p.relative_to(root).as_posix())
        and not any(p.is_relative_to(folder) for folder in hidden)
    )


def python_files() -> list[Path]:
    return [p for p in repository_files() if p.suffix == ".py"]


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
    assert private_imports("from geo.map.mapdoc import _stable_ids\nimport json") == []


def test_no_module_imports_a_private_name_from_a_third_party_package():
    assert len(python_files()) > 20
    offenders = {str(p.relative_to(ROOT)): private_imports(p.read_text(encoding="utf-8")) for p in python_files()}
    assert {k: v for k, v in offenders.items() if v} == {}


# Names with one leading underscore that libraries document for use: not private parts.
LIBRARY_SEAMS = {
    "_template": "branca's MacroElement: 'Overwrite the _template attribute' (every folium plugin does)",
    "_name": "branca's MacroElement: 'Overwrite the _name attribute'",
    "_asdict": "typing.NamedTuple's method (the underscore only avoids field names)",
    "_replace": "typing.NamedTuple's method",
    "_fields": "pygeoapi's BaseProvider.fields returns it; its own providers set it in get_fields()",
}
# In a template string: an attribute with one leading underscore (``this._parent``)
_TEMPLATE_PRIVATE = re.compile(r"\bthis\.(_[a-z]\w*)")


def private_attributes(sources: dict[str, str]) -> dict[str, list[str]]:
    """Per file, the attributes with one leading underscore it reads that none of ``sources`` defines (so they
    are a library's) and that are no documented seam, plus any ``this._x`` inside a template string."""
    trees = {name: ast.parse(text) for name, text in sources.items()}
    defined = set()
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                defined.add(node.name)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                defined.add(node.id)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                defined.add(node.attr)
    found: dict[str, list[str]] = {}
    for name, tree in trees.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
                if node.attr not in defined and node.attr not in LIBRARY_SEAMS:
                    found.setdefault(name, []).append(node.attr)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                found_here = _TEMPLATE_PRIVATE.findall(node.value)
                if found_here:
                    found.setdefault(name, []).extend(found_here)
    return found


def test_the_rule_catches_private_attributes():
    assert private_attributes({"a.py": "for c in figure.script._children.values(): pass"}) == {"a.py": ["_children"]}
    assert private_attributes({"a.py": 'T = "{{ this._parent.get_name() }}"'}) == {"a.py": ["_parent"]}
    assert private_attributes({"a.py": "self._seen = 1\nprint(self._seen, x._asdict())"}) == {}


def test_no_module_reads_a_private_attribute_of_a_library():
    """folium's output is built through its public seams: no ``figure.script._children``, no ``this._parent``."""
    sources = {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in python_files()}
    sources.pop("tests/test_structure.py")  # this file names them, as examples
    assert private_attributes(sources) == {}


def test_streamlit_folium_is_gone():
    """The map component is ours (ui/mapview.py); nothing imports streamlit-folium any more."""
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
@pytest.mark.slow
def test_code_checks_are_clean(command):
    result = subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


# Who may import whom, over the whole repository: the top-level name of an importer → names it must not import.
FORBIDDEN = {
    "geo": {"ui", "app", "harness", "bench", "deploy", "ogc", "tests", "streamlit", "pygeoapi"},
    "ui": {"app", "harness", "bench", "deploy", "ogc", "tests", "pygeoapi"},
    "harness": {"app", "bench", "tests"},
    "deploy": {"app", "ui", "bench", "ogc", "tests"},
    "ogc": {"app", "ui", "harness", "bench", "deploy", "tests", "streamlit"},
    "bench": {"app", "tests"},
}


def top_level_imports(source: str) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            found |= {a.name.split(".")[0] for a in node.names}
    return found


def forbidden_imports(root: Path) -> dict[str, set[str]]:
    offenders = {}
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root)
        if rel.parts[0].startswith("."):
            continue
        importer = rel.parts[0].removesuffix(".py")
        wrong = top_level_imports(path.read_text(encoding="utf-8")) & FORBIDDEN.get(importer, set())
        if wrong:
            offenders[str(rel)] = wrong
    return offenders


def test_packages_import_only_downwards():
    """geo knows none of the Streamlit page, the tools or the tests; bench and deploy never import tests."""
    assert forbidden_imports(ROOT) == {}


def test_the_import_rule_would_catch_bench_importing_tests(tmp_path):
    (tmp_path / "bench").mkdir()
    (tmp_path / "bench" / "x.py").write_text("from tests.browser import open_map\nimport geo.data\n")
    (tmp_path / "geo").mkdir()
    (tmp_path / "geo" / "y.py").write_text("import ui.session\n")
    assert forbidden_imports(tmp_path) == {"bench/x.py": {"tests"}, "geo/y.py": {"ui"}}


# A repository path as code, comments and docs write it: starts with one of our top-level names.
_TOPS = r"(?:app\.py|geo|ui|harness|bench|deploy|tests|static|data|docs|\.ci|\.streamlit|CONTRIBUTING\.md)"
_PATH = re.compile(rf"(?<![\w/.~-]){_TOPS}(?:/[\w.@-]+)*")
_MODULE = re.compile(r"(?<![\w/.])(?:geo|ui|harness|bench|deploy)(?:\.[a-z_][a-z0-9_]*)+")
_READ = {".py", ".md", ".toml", ".js", ".css", ".service", ".txt"}
# copies of Leaflet, data whose text cites other people's paths, and this file's examples of stale paths
_NOT_OURS = ("static/vendor/", "data/", "tests/test_structure.py")
# folders the dashboard makes when it runs (ignored by git): named in docs before the first run made them
_MADE_AT_RUN = ("static/maps",)


def module_exists(root: Path, dotted: str) -> bool:
    """``geo.map.mapdoc`` or ``geo.map.mapdoc.map_document``: a module of ours at the first two parts or more."""
    parts = dotted.split(".")
    return any(
        root.joinpath(*parts[:i]).with_suffix(".py").exists() or (root.joinpath(*parts[:i]) / "__init__.py").exists()
        for i in range(2, len(parts) + 1)
    )


def missing_paths(root: Path, files: list[Path]) -> list[str]:
    missing = []
    for path in files:
        rel = path.relative_to(root).as_posix()
        if (path.suffix not in _READ and rel != ".ci/run") or rel.startswith(_NOT_OURS):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in _PATH.finditer(text):
            named = match.group(0).rstrip(".")
            if text[match.end() : match.end() + 1] in ("<", "*", "{"):  # a pattern, not a path
                continue
            if not (root / named).exists() and not named.startswith(_MADE_AT_RUN):
                missing.append(f"{rel}: {named}")
        missing += [f"{rel}: {m.group(0)}" for m in _MODULE.finditer(text) if not module_exists(root, m.group(0))]
    return missing


def test_every_repository_path_named_in_code_and_docs_exists():
    assert len(repository_files()) > 100
    assert missing_paths(ROOT, repository_files()) == []


def test_the_path_rule_would_catch_a_stale_path(tmp_path):
    (tmp_path / "geo" / "map").mkdir(parents=True)
    (tmp_path / "geo" / "map" / "mapdoc.py").write_text("")
    note = tmp_path / "README.md"
    note.write_text("See geo/map/mapdoc.py, geo/mapdoc.py, geo.map.mapdoc, geo.mapdoc and /app/static/maps/.\n")
    assert missing_paths(tmp_path, [note]) == ["README.md: geo/mapdoc.py", "README.md: geo.mapdoc"]


@pytest.mark.slow  # runs pytest --collect-only over the suite
def test_every_test_file_is_collected():
    """Folders pytest would skip (it skips folders named build by default) or lacking __init__.py fail here."""
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    collected = {line.split("::")[0] for line in result.stdout.splitlines() if "::" in line}
    files = {
        p.relative_to(ROOT).as_posix() for p in repository_files() if p.name.startswith("test_") and p.suffix == ".py"
    }
    assert files - collected == set()
    folders = {p.parent for p in (ROOT / "tests").rglob("test_*.py")}
    assert all((folder / "__init__.py").exists() for folder in folders)


def test_the_file_list_is_the_same_without_git(tmp_path):
    """A release archive has no .git: the checks then read the same files, chosen by .gitignore."""
    with_git = {p.relative_to(ROOT).as_posix() for p in repository_files()}
    without = {p.relative_to(ROOT).as_posix() for p in unpacked_files(ROOT)}
    assert without == with_git
