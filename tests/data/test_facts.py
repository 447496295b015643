"""The committed data say what their sources say (source audits of November and December 2026), and no more."""

from __future__ import annotations

import re

import pytest

from geo.data.paths import DATA_DIR
from geo.data.project import load_project
from geo.data.sources import MIRROR_HOSTS as MIRRORS

MRH_END = "https://metropolregion.hamburg.de/presse/7011500/abschluss-leitprojekt-demografie-daseinsvorsorge/"
MRH_LUP_END = "https://metropolregion.hamburg.de/presse/6697770/aelterwerden-im-landkreis-ludwigslust-parchim/"
SVZ_2014 = "https://www.svz.de/lokales/ludwigsluster-tageblatt/uns-kommt-die-jugend-abhanden-id6524876.html"


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
    assert "Abgeschlossen bis Oktober 2015" in row(project, "01061")["ergebnisse"]


def test_steinburg_says_childcare_as_the_german_release_does_and_no_unverified_report(project):
    steinburg = row(project, "01061")
    assert "Abschlussbericht veröffentlicht" not in everything(project, "01061")
    assert "Betreuungsangebote für Kinder" in steinburg["ergebnisse"][0]
    assert "englische Fassung" in steinburg["ergebnisse"][0]  # the holiday wording is the English version's
    assert any("hamburg-news.hamburg/en/" in u for u in steinburg["quellen"])


def test_pinneberg_forecast_is_the_basis_not_a_result(project):
    pinneberg = row(project, "01056")
    assert not any("298.826" in item for item in pinneberg["ergebnisse"])
    assert "298.826" in pinneberg["kurzbeschreibung"] and "Grundlage" in pinneberg["kurzbeschreibung"]


def test_pinneberg_communicating_was_the_aim_and_the_growth_is_said_of_the_border_gemeinden(project):
    pinneberg = row(project, "01056")
    assert "Ziel des Teilprojekts war" in pinneberg["kurzbeschreibung"]
    assert "direkt an der Grenze zu Hamburg" in pinneberg["kurzbeschreibung"]
    assert "lange" not in pinneberg["kurzbeschreibung"]
    assert not any("vermittelt" in item for item in pinneberg["ergebnisse"])  # an aim, not a described activity
    assert any(
        "erfolgreich abgeschlossen" in item and "beschreibt die Seite nicht" in item for item in pinneberg["ergebnisse"]
    )


def test_buchholz_awards_are_planned_and_the_funding_is_quoted(project):
    text = everything(project, "033530005")
    assert "80 % von" not in text
    # the one certification the sources name, not „17 zertifiziert“
    assert text.count("zertifiziert") == 1 and "Gasthaus zum Kiekeberg zertifiziert" in text
    assert "Bis zu 17 Einrichtungen sollen ausgezeichnet werden (Stand 08/2016)" in " ".join(
        row(project, "033530005")["ergebnisse"]
    )
    assert "„wird mit 36.000 Euro zu 80 Prozent … finanziert“" in row(project, "033530005")["anmerkung"]


def test_segeberg_cites_its_own_page_and_the_recorded_vote(project):
    segeberg = row(project, "01060")
    assert any(u.startswith("https://www.segeberg.de/") for u in segeberg["quellen"])
    assert "barrierefreiheit" in segeberg["themen"]
    # December audit: the Kreis' own publication (14.12.2016) says the Kreistag decided it
    vote = next(item for item in segeberg["ergebnisse"] if item.startswith("Pkw-Mitnahmesystem"))
    assert "vom Kreistag beschlossen (Datum nicht genannt)" in vote and "7:4" in vote
    assert "nicht belegt" not in everything(project, "01060")
    assert "Was wurde daraus?" in segeberg["anmerkung"]  # the Mitfahrnetz of 2018 is in verbleib.csv
    assert any("Kreis-Segeberg-will-Mitfahrzentrale-einrichten" in u for u in segeberg["quellen"])
    contact = project.contacts[project.contacts["rs"] == "01060"].iloc[0]
    assert contact["telefon"] == "04554 951 213" and "04551" in contact["anmerkung"]  # shown with the note


def test_segeberg_lead_office_and_dates(project):
    segeberg = row(project, "01060")
    assert "Projektleitung: Sandra Kind" in segeberg["zustaendig"]
    assert "Gertz Gutsche Rümenapp (Jens-Martin Gutsche)" in segeberg["zustaendig"]
    assert "27.09.2013" in segeberg["anmerkung"] and "28.02.2014" in segeberg["anmerkung"]
    assert any("erst „Perspektiven der hausärztlichen Versorgung“ fertig" in item for item in segeberg["ergebnisse"])
    assert segeberg["stand"] == "2014–2018"  # the Mitfahrnetz note is from 2018


def test_cuxhaven_closing_priorities_and_the_release_it_quotes(project):
    cuxhaven = row(project, "03352")
    closing = next(item for item in cuxhaven["ergebnisse"] if item.startswith("Abschlussveranstaltung"))
    assert "rund 60 Teilnehmenden" in closing and "„rad+bus.STATION“" in closing
    assert "https://metropolregion.hamburg.de/presse/4275674/demographie-cuxhaven/" in cuxhaven["quellen"]
    assert MRH_END in cuxhaven["quellen"]
    assert "Gabi Kasten" in cuxhaven["zustaendig"] and "07.07.2015" in cuxhaven["anmerkung"]


def test_buchholz_cites_the_page_of_its_laufzeit_and_names_the_first_awards(project):
    buchholz = row(project, "033530005")
    assert "http://freiheitswerke.de/portfolio/regionalpark-rosengarten/" in buchholz["quellen"]
    assert "Wanderwege" in buchholz["kurzbeschreibung"]
    assert any("Daniela Behrens" in item and "Wennerstorf" in item for item in buchholz["ergebnisse"])


def test_amelinghausen_homes_are_planned_not_built(project):
    amelinghausen = row(project, "033555401")
    lerchenweg = next(item for item in amelinghausen["ergebnisse"] if "Lerchenweg" in item)
    assert "fertig werden sollen sie Ende 2017 / Anfang 2018" in lerchenweg
    assert MRH_END in amelinghausen["quellen"]  # „barrierefreies Wohnquartier geplant“ is from that release
    assert "Baustein im Leitprojekt" in amelinghausen["kurzbeschreibung"]
    assert "ging" not in amelinghausen["kurzbeschreibung"]  # no „daraus ging … hervor“
    assert "planW" in amelinghausen["zustaendig"] and "„Hof wird Dorf“" in " ".join(amelinghausen["ergebnisse"])


def test_nordkehdingen_names_no_applicant_the_source_does_not_name(project):
    nordkehdingen = row(project, "033595407")
    assert "beantragte die Samtgemeinde" not in nordkehdingen["kurzbeschreibung"]
    assert "wer sie beantragte, nennt die Quelle nicht" in nordkehdingen["kurzbeschreibung"]
    costs = next(item for item in nordkehdingen["ergebnisse"] if "2,8 Mio. €" in item)
    # audit 2026-12b, Q2 #2: a conditional estimate, and only about 1 Mio € of grants "derzeit" available
    assert "falls auch das Dach erneuert werden muss" in costs and "„derzeit“" in costs and "offen" in costs


def test_lup_network_start_and_stormarn_consultant(project):
    lup = row(project, "13076")
    assert any("30.03.2016" in item and "Seniorenratgeber" in item for item in lup["ergebnisse"])
    assert any("svz.de" in u for u in lup["quellen"])
    stormarn = row(project, "01062")
    assert "BPW baumgart+partner, Bremen" in stormarn["zustaendig"]
    assert "nur als Kopie auf docslib.org" in stormarn["anmerkung"]


def test_the_dachprojekt_end_is_dated_and_sourced(project):
    events = project.events[project.events["rs"] == ""]
    assert list(events["datum"]) == ["2014-05-12", "2016-09-26"]
    assert list(events["quelle"]) == [SVZ_2014, MRH_END]


def test_every_gap_says_what_was_searched(project):
    for rs, partner in project.partners.iterrows():
        if not partner["teilprojekt"]:
            assert partner["gesucht"], rs
        if partner["gesucht"]:
            assert " in MRH-Seiten" in partner["gesucht"] and partner["gesucht"].endswith("Stand 12/2026"), rs
    searched = set(project.partners.index[project.partners["gesucht"] != ""])
    assert searched == {"13076", "01051", "01061", "01053", "13074", "033555401", "033595407"}


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
        assert frame["erfasst"].isin(["2026-11-25", "2026-12-03", "2026-12-07"]).all()  # the three source audits
        assert frame["stand"].map(lambda s: bool(re.fullmatch(r"\d{4}(-\d{2})?(\s?–\s?\d{4}(-\d{2})?)?", s))).all()


def test_a_mirror_is_never_the_only_source(project):
    for rs, sources in project.partners["quellen"].items():
        originals = [u for u in sources if not any(m in u for m in MIRRORS)]
        assert originals, rs


def test_demography_names_both_licences(project):
    for licence in project.demography["lizenz"]:
        assert "mit Quellenangabe gestattet" in licence and "CC BY 4.0" in licence


# Audit 2026-12b (../shared/research/audit-2026-12b.md), each correction pinned.


def test_30_march_2016_closed_the_lup_teilprojekt_not_the_leitprojekt(project):
    day = project.events[project.events["datum"] == "2016-03-30"]
    assert list(day["rs"]) == ["13076"]  # one event, the svz row merged into it
    (event,) = day.to_dict("records")
    assert event["quelle"] == MRH_LUP_END and "zum Abschluss des Teilprojekts" in event["ereignis"]
    assert "Leitprojekts" not in event["ereignis"]
    assert MRH_LUP_END in row(project, "13076")["quellen"]
    assert "Abschluss-Fachtagung" not in row(project, "13076")["anmerkung"]


def test_the_first_fachwerkstatt_is_dated_from_the_article_of_the_next_day(project):
    (event,) = project.events[project.events["datum"] == "2014-05-12"].to_dict("records")
    assert event["rs"] == "" and event["quelle"] == SVZ_2014 and "„gestern“" in event["anmerkung"]


def test_stormarns_wohnlotse_was_a_recommendation_and_rosengarten_counts_about_20(project):
    assert any(
        "Vorschlag, einen „Wohnlotsen“" in r and "zeigt keine Quelle" in r for r in row(project, "01062")["ergebnisse"]
    )
    rosengarten = " ".join(row(project, "033530005")["ergebnisse"])
    assert "Rund 20 Einrichtungen" in rosengarten and "Mehr als 20 Einrichtungen" not in rosengarten


def test_rosengartens_phase_2_contact_and_the_addresses_no_longer_lost(project):
    contacts = project.contacts[project.contacts["rs"] == "033530005"]
    assert list(contacts["personen"]) == [("Stefanie Zedler",)] and list(contacts["email"]) == ["zedler@kontor21.de"]
    assert "Adresse nicht erhalten" not in row(project, "03352")["anmerkung"]
    assert any("Tarmstedter" in u for u in row(project, "03352")["quellen"])
    assert "Adresse der Meldung nicht erhalten" not in row(project, "01060")["anmerkung"]


def test_no_address_carries_a_session_id():
    for path in DATA_DIR.glob("*.csv"):
        assert ";jsessionid=" not in path.read_text(encoding="utf-8"), path.name
