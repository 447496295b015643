"""The committed data say what their sources say (source audit of November 2026), and no more."""

from __future__ import annotations

import re

import pytest

from geo.data.project import load_project

MIRRORS = ("fdocuments.net", "fdokument.com", "docslib.org", "expydoc.com", "yumpu.com")


@pytest.fixture(scope="module")
def project():
    return load_project()


def row(project, rs):
    return project.partners.loc[rs]


def everything(project, rs) -> str:
    r = row(project, rs)
    return " ".join(str(v) if not isinstance(v, tuple) else " ".join(v) for v in r.to_dict().values())


def test_steinburg_finished_but_not_ahead_of_plan(project):
    text = everything(project, "01061")
    assert "vorzeitig" not in text
    assert "Abgeschlossen bis Oktober 2015; Abschlussbericht veröffentlicht" in row(project, "01061")["ergebnisse"]


def test_pinneberg_forecast_is_the_basis_not_a_result(project):
    pinneberg = row(project, "01056")
    assert not any("298.826" in item for item in pinneberg["ergebnisse"])
    assert "298.826" in pinneberg["kurzbeschreibung"] and "Grundlage" in pinneberg["kurzbeschreibung"]
    assert "Ergebnisse der Bevölkerungsprognose an regionale und örtliche Akteure vermittelt" in pinneberg["ergebnisse"]


def test_buchholz_awards_are_planned_and_the_funding_is_quoted(project):
    text = everything(project, "033530005")
    assert "zertifiziert" not in text and "80 % von" not in text
    assert (
        "Bis zu 17 Einrichtungen sollen ausgezeichnet werden (Stand 08/2016)" in row(project, "033530005")["ergebnisse"]
    )
    assert "„wird mit 36.000 Euro zu 80 Prozent … finanziert“" in row(project, "033530005")["anmerkung"]


def test_segeberg_cites_its_own_page_and_has_no_unrecorded_vote(project):
    segeberg = row(project, "01060")
    assert any(u.startswith("https://www.segeberg.de/") for u in segeberg["quellen"])
    assert "barrierefreiheit" in segeberg["themen"]
    assert not any("Kreistagsbeschluss" in item for item in segeberg["ergebnisse"])
    assert any("sollte am 10.12.2015" in item for item in segeberg["ergebnisse"])
    contact = project.contacts[project.contacts["rs"] == "01060"].iloc[0]
    assert contact["telefon"] == "04554 951 213" and "04551" in contact["anmerkung"]  # shown with the note


def test_filled_gaps(project):
    assert row(project, "03352")["laufzeit"] == "02/2014 – 12/2015"
    assert row(project, "033555401")["laufzeit"] == "05/2014 – 11/2015"
    nordkehdingen = row(project, "033595407")
    assert "62.000 €" in nordkehdingen["kurzbeschreibung"]
    assert sum("kreiszeitung-wochenblatt.de" in u for u in nordkehdingen["quellen"]) == 3
    assert nordkehdingen["teilprojekt"] == ""  # no formal title found: the UI says „nicht dokumentiert“


@pytest.mark.parametrize("rs", ["01053", "13074"])
def test_unknown_stays_unknown(project, rs):
    partner = row(project, rs)
    assert partner["teilprojekt"] == partner["kurzbeschreibung"] == partner["zustaendig"] == ""
    assert partner["ergebnisse"] == () and partner["themen"] == ()


def test_stand_is_when_the_source_said_it_and_the_compile_date_has_its_own_column(project):
    for frame in (project.partners, project.contacts):
        assert not frame["stand"].str.startswith("2026").any()
        assert (frame["erfasst"] == "2026-11-25").all()
        assert frame["stand"].map(lambda s: bool(re.fullmatch(r"\d{4}(-\d{2})?(\s?–\s?\d{4}(-\d{2})?)?", s))).all()


def test_a_mirror_is_never_the_only_source(project):
    for rs, sources in project.partners["quellen"].items():
        originals = [u for u in sources if not any(m in u for m in MIRRORS)]
        assert originals, rs


def test_demography_names_both_licences(project):
    for licence in project.demography["lizenz"]:
        assert "mit Quellenangabe gestattet" in licence and "CC BY 4.0" in licence
