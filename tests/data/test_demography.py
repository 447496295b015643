"""Population figures: built from Destatis (npm), read and shown with source, German number format."""

from __future__ import annotations

import pytest

from geo.build.demography import build_demography
from geo.data.demography import read_demography
from geo.data.paths import DATA_DIR
from geo.data.project import load_project
from geo.view.density import DENSITY_CLASSES, NO_DATA_COLOR, density_by_partner, density_color
from geo.view.details import details_markdown
from geo.view.record import FIGURES, partner_record

DISTRICTS = (
    "AGS;type;name;NUTS3;area_km2;population;population_male;population_female;population_per_km2\n"
    "13076;Landkreis;Ludwigslust-Parchim;DE80O;4766.79;212618;106198;106420;45\n"
    "01056;Kreis;Pinneberg;DEF09;664.25;314391;154211;160180;473\n"
    "09162;Kreisfreie Stadt;München;DE212;310.70;1471508;1;1;4736\n"
)


def test_build_takes_only_the_requested_kreise():
    data, missing = build_demography(DISTRICTS, {"13076", "01056", "033555401"})
    lines = data.decode().splitlines()
    assert lines[0] == "rs;einwohner;flaeche_km2;einwohner_je_km2;stand;quelle;lizenz"
    assert lines[1].startswith("01056;314391;664.25;473.3;2018-12-31;Destatis")
    assert lines[2].startswith("13076;212618;4766.79;44.6;")
    assert len(lines) == 3
    assert missing == {"033555401"}


def test_figures_entry_in_german_format_with_source_and_the_altkreis_note():
    project = load_project()
    figures = partner_record(project, "13076", "de")[FIGURES]
    assert figures.value == "212.618 Einwohner · 4.766,8 km² · 44,6 Einw./km²"
    assert figures.source.startswith("Destatis, Stand 31.12.2018; Lizenz: Destatis: Vervielfältigung und Verbreitung")
    assert figures.source.endswith("npm-Paket landkreise-deutschland: CC BY 4.0")
    assert "nur der Altkreis Ludwigslust" in figures.note  # the figure is for the whole Landkreis
    panel = details_markdown(project, "13076", "de")
    assert "**Einwohner und Fläche:** 212\\.618 Einwohner · 4\\.766\\,8 km² · 44\\,6 Einw\\.\\/km²" in panel
    assert "nur der Altkreis Ludwigslust" in panel
    other = partner_record(project, "033555401", "de")[FIGURES]
    assert other.value == "195,0 km² · Einwohnerzahl nicht verfügbar" and other.source == "VG250" and not other.note


def test_density_classes_and_missing_values():
    assert density_color(None) == NO_DATA_COLOR
    assert density_color(44.6) == DENSITY_CLASSES[0][2]
    assert density_color(473.3) == DENSITY_CLASSES[-1][2]
    densities = density_by_partner(load_project())
    assert densities["033530005"] is None and densities["01056"] == pytest.approx(473.3)


def test_figures_for_unknown_partners_are_rejected(tmp_path):
    path = tmp_path / "demography.csv"
    path.write_text(
        "rs;einwohner;flaeche_km2;einwohner_je_km2;stand;quelle;lizenz\n"
        "01099;1;1;1;2018-12-31;x;y\n01056;viele;1;1;2018-12-31;x;y\n",
        encoding="utf-8",
    )
    _, problems = read_demography(path, {"01056"})
    messages = [str(p) for p in problems]
    assert any(":2: Regionalschlüssel '01099' gehört zu keinem Partner." in m for m in messages)
    assert any(":3: Einwohner und Flächen müssen Zahlen sein" in m for m in messages)


@pytest.mark.vg250
def test_committed_figures_are_what_the_command_builds():

    from geo.build.demography import fetch_districts

    committed = DATA_DIR / "demography.csv"
    keys = set(load_project().partners.index)
    assert build_demography(fetch_districts(), keys)[0] == committed.read_bytes()
