"""Every class of bad input: the maintainer learns file, line and fix; nothing crashes or is written."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.data.errors import DataError
from geo.data.project import load_project
from geo.data.reader import read_table


def edit(name: str, old: str, new: str) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        path = data / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"test setup: {old!r} not in {name}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return apply


def write_bytes(name: str, content: bytes) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        (data / name).write_bytes(content)

    return apply


def reencode_cp1252(data: Path) -> None:
    path = data / "partners.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1252", errors="replace"))


def boundaries(transform: Callable[[dict], None]) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        path = data / "boundaries.geojson"
        doc = json.loads(path.read_text(encoding="utf-8"))
        transform(doc)
        path.write_text(json.dumps(doc), encoding="utf-8")

    return apply


def bowtie(doc: dict) -> None:
    doc["features"][0]["geometry"] = {
        "type": "Polygon",
        "coordinates": [[[9.0, 54.0], [9.2, 54.2], [9.2, 54.0], [9.0, 54.2], [9.0, 54.0]]],
    }


def utm(doc: dict) -> None:
    doc["features"][1]["geometry"]["coordinates"] = [
        [[500000.0, 6000000.0], [510000.0, 6000000.0], [510000.0, 6010000.0], [500000.0, 6000000.0]]
    ]
    doc["features"][1]["geometry"]["type"] = "Polygon"


BAD_INPUTS = [
    (
        "renamed column",
        edit("partners.csv", ";themen;", ";theme;"),
        [
            "partners.csv:1: Unbekannte Spalte 'theme' (meinten Sie 'themen'?)",
            "partners.csv:1: Pflichtspalte 'themen' fehlt.",
        ],
    ),
    (
        "duplicate key",
        edit("partners.csv", "01053;Herzogtum", "01051;Herzogtum"),
        ["partners.csv:6: Doppelter Regionalschlüssel '01051' (schon in Zeile 3)."],
    ),
    (
        "key without boundary",
        edit("partners.csv", "01053;Herzogtum Lauenburg", "01055;Ostholstein"),
        [
            "partners.csv:6: Regionalschlüssel '01055' fehlt in ",
            "boundaries.geojson: Gebiet 01053 (Herzogtum Lauenburg) hat keinen Partner",
        ],
    ),
    (
        "unknown theme",
        edit("partners.csv", ";mobilitaet;", ";mobilität;"),
        [
            "partners.csv:9: Unbekanntes Thema 'mobilität' in Spalte 'themen' (meinten Sie 'mobilitaet'?) – erlaubt: "
            "mobilitaet, wohnen, senioren"
        ],
    ),
    (
        "javascript URL",
        edit(
            "partners.csv",
            "https://landkreis-cuxhaven.de/Themenbereiche/%C3%96PNV/Mobilit%C3%A4tskonzept/ |",
            "javascript:alert(1) |",
        ),
        ["partners.csv:9: Ungültige Quelle 'javascript:alert(1)' in Spalte 'quellen' – nur http(s)-Adressen"],
    ),
    (
        "bad e-mail",
        edit("contacts.csv", "m.beck@kreis-stormarn.de", "m.beck(at)kreis-stormarn.de"),
        ["contacts.csv:5: Ungültige E-Mail-Adresse 'm.beck(at)kreis-stormarn.de' in Spalte 'email'"],
    ),
    (
        "bad phone",
        edit("contacts.csv", "04121 4502 4411", "04121 <b>4502</b>"),
        ["contacts.csv:6: Ungültige Telefonnummer '04121 <b>4502</b>' in Spalte 'telefon'"],
    ),
    (
        "contact of unknown partner",
        edit("contacts.csv", "01060;Kreis Segeberg", "01099;Kreis Segeberg"),
        ["contacts.csv:7: Regionalschlüssel '01099' in Spalte 'rs' gehört zu keinem Partner"],
    ),
    (
        "empty required field",
        edit(
            "partners.csv",
            "01061;Steinburg;Kreis;Schleswig-Holstein;Kooperationspartner",
            "01061;;Kreis;Schleswig-Holstein;",
        ),
        ["partners.csv:4: Pflichtfeld 'name' ist leer.", "partners.csv:4: Pflichtfeld 'rolle' ist leer."],
    ),
    (
        "broken quoting",
        edit("partners.csv", "01062;Stormarn;", '01062;"Stormarn;'),
        ["partners.csv:5: Fehlerhafte Anführungszeichen ab dieser Zeile"],
    ),
    (
        "truncated row",
        edit(
            "partners.csv",
            ";2026-12-03;Nur als Kooperationspartner genannt (MRH-Seite des Dachprojekts). Titel, Inhalt, "
            'Ergebnisse und Kontakt des Teilprojekts wurden in keiner Quelle gefunden.;"Teilprojekt (Titel, Inhalt, '
            "Kontakt) in MRH-Seiten und -Pressemitteilungen, Lokalpresse und Dokumentarchiven; zwei Quellenprüfungen, "
            'Stand 12/2026";;;\n01056',
            "\n01056",
        ),
        ["partners.csv:6: Die Zeile hat 13 Felder, erwartet sind 19 (abgeschnittene Zeile"],
    ),
    (
        "comma delimiter",
        write_bytes("partners.csv", b"rs,name,typ\n01051,Dithmarschen,Kreis\n"),
        ["partners.csv:1: Falsches Trennzeichen: Komma statt Semikolon „;“. Bitte als UTF-8 speichern"],
    ),
    ("empty file", write_bytes("themes.csv", b""), ["themes.csv: Die Datei ist leer."]),
    (
        "xlsx saved as csv",
        write_bytes("partners.csv", b"PK\x03\x04\x14\x00\x06\x00rest"),
        ["partners.csv: Das ist eine Excel-Arbeitsmappe (.xlsx), keine CSV-Datei."],
    ),
    (
        "binary file",
        write_bytes("contacts.csv", b"\x00\x01\x02garbage\xff"),
        ["contacts.csv: Die Datei enthält Binärdaten"],
    ),
    (
        "windows-1252",
        reencode_cp1252,
        [
            "partners.csv:2: Die Datei ist nicht UTF-8-kodiert: Byte 0xFC (in Windows-1252 wäre das „ü“",
            "„CSV UTF-8 (durch Trennzeichen getrennt)“",
        ],
    ),
    (
        "boundaries missing",
        lambda data: (data / "boundaries.geojson").unlink(),
        ["boundaries.geojson: Die Datei fehlt – neu erzeugen mit: python -m geo build-boundaries"],
    ),
    (
        "boundaries truncated",
        lambda data: (data / "boundaries.geojson").write_bytes((data / "boundaries.geojson").read_bytes()[:70_000]),
        ["boundaries.geojson:1: Ungültiges JSON in Spalte"],
    ),
    (
        "invalid geometry",
        boundaries(bowtie),
        ["boundaries.geojson: Feature 1 (RS 01051): ungültige Geometrie (Self-intersection"],
    ),
    (
        "projected coordinates",
        boundaries(utm),
        [
            "boundaries.geojson: Feature 2 (RS 01053): Koordinaten (500000, 6000000) liegen nicht in Deutschland in WGS84"
        ],
    ),
    (
        "crs member",
        boundaries(lambda doc: doc.update(crs={"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25832"}})),
        ["boundaries.geojson: Falsches Koordinatensystem"],
    ),
    (
        "contacts without places",
        write_bytes("places.geojson", b'{"type":"FeatureCollection","features":[]}'),
        [
            "contacts.csv:2: Ort '031520012012' fehlt in ",
            "places.geojson – neu erzeugen mit: python -m geo build-boundaries",
        ],
    ),
    (
        "days and months that do not exist",
        edit("partners.csv", ";2014–2016;2026-12-07;", ";2015-13;2026-02-31;"),
        [
            "partners.csv:2: Ungültige Zeitangabe '2015-13' in Spalte 'stand'",
            "partners.csv:2: Ungültiges Datum '2026-02-31' in Spalte 'erfasst'",
        ],
    ),
    (
        "demography date not as JJJJ-MM-TT",
        edit("demography.csv", "01051;133210;1428.17;93.3;2018-12-31;", "01051;133210;1428.17;93.3;31.12.2018;"),
        ["demography.csv:2: Ungültiges Datum '31.12.2018' in Spalte 'stand'"],
    ),
    (
        "bad theme colour and slug",
        edit(
            "themes.csv",
            "wohnen;Wohnen;Wohnungsbedarf, Siedlungsentwicklung und altersgerechtes Wohnen;#CC6677;Housing",
            "wohnen;Wohnen;Wohnungsbedarf;rot;Housing\nwohnen;Wohnen;x;#000000;Housing",
        ),
        ["themes.csv:3: Ungültige Farbe 'rot'", "themes.csv:4: Doppelter Slug 'wohnen' (schon in Zeile 3)."],
    ),
]


@pytest.mark.parametrize(("case", "breaker", "expected"), BAD_INPUTS, ids=[c[0] for c in BAD_INPUTS])
def test_bad_input_is_reported_with_file_line_and_fix(data_dir, case, breaker, expected):
    breaker(data_dir)
    files = {p.relative_to(data_dir): p.read_bytes() for p in data_dir.rglob("*") if p.is_file()}
    with pytest.raises(DataError) as info:
        load_project(data_dir)
    messages = [str(p) for p in info.value.problems]
    for text in expected:
        assert any(text in m for m in messages), (text, messages)
    assert {
        p.relative_to(data_dir): p.read_bytes() for p in data_dir.rglob("*") if p.is_file()
    } == files  # nothing written


def test_empty_places_are_fine_without_contacts(data_dir):
    (data_dir / "places.geojson").write_text('{"type":"FeatureCollection","features":[]}', encoding="utf-8")
    (data_dir / "contacts.csv").write_text(
        (data_dir / "contacts.csv").read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8"
    )
    assert load_project(data_dir).contacts.empty


def test_utf8_with_bom_is_accepted(data_dir):
    path = data_dir / "partners.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert len(load_project(data_dir).partners) == 12


def test_crlf_line_endings_and_blank_excel_rows_are_accepted(data_dir):
    path = data_dir / "partners.csv"
    text = path.read_text(encoding="utf-8").replace("\n", "\r\n") + ";;;;;;;;;;;;;\r\n"
    path.write_bytes(text.encode("utf-8"))
    assert len(load_project(data_dir).partners) == 12


# --- property-based: the CSV reader ---------------------------------------------------------------


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=2000))
def test_any_bytes_give_rows_or_problems_never_an_exception(tmp_path, blob):
    path = tmp_path / "x.csv"
    path.write_bytes(blob)
    rows, problems = read_table(path, ["a", "b"])
    assert rows or problems or not blob.strip(b"; \r\n\t")
    assert all(p.file.endswith("x.csv") for p in problems)


cell = st.text(alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=40)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(cell, cell), min_size=1, max_size=8))
def test_what_a_spreadsheet_writes_is_read_back(tmp_path, records):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(["a", "b"])
    writer.writerows(records)
    path = tmp_path / "x.csv"
    path.write_bytes(buffer.getvalue().encode("utf-8-sig"))
    rows, problems = read_table(path, ["a", "b"])
    assert problems == []
    expected = [(a.strip(), b.strip()) for a, b in records if (a.strip() or b.strip())]
    assert [(r["a"], r["b"]) for r in rows] == expected


def test_every_column_has_exactly_one_rule():
    from geo.data import contacts, events, partners, themes

    assert list(partners.partner_rules(["wohnen"])) == [*partners.COLUMNS, *partners.OPTIONAL]
    assert list(contacts.contact_rules()) == list(contacts.COLUMNS)
    assert list(themes.RULES) == [*themes.COLUMNS, *themes.OPTIONAL]
    assert list(events.RULES) == [*events.COLUMNS, *events.OPTIONAL]


@pytest.mark.parametrize("rs", ["01", "1051", "010510", "0105x", "01 051"])
def test_region_keys_the_message_does_not_allow_are_rejected(data_dir, rs):
    edit("partners.csv", "01061;Steinburg;", f"{rs};Steinburg;")(data_dir)
    with pytest.raises(DataError) as info:
        load_project(data_dir)
    assert any(
        f"Ungültiger Regionalschlüssel '{rs}' in Spalte 'rs' – erwartet 5, 9 oder 12 Ziffern" in str(p)
        for p in info.value.problems
    )


def test_a_column_name_that_the_file_does_not_declare_is_a_bug():
    from geo.data.reader import Row

    row = Row(2, {"rs": "01051"}, frozenset({"rs", "lon"}))
    assert row["rs"] == "01051" and row["lon"] == ""  # declared, absent from the file: empty
    with pytest.raises(KeyError, match="typo"):
        row["typo"]


def test_operator_settings_defaults_and_bad_values(tmp_path):
    from geo.data.betreiber import Operator, read_operator

    assert read_operator(tmp_path / "missing.toml") == (Operator(), [])
    bad = tmp_path / "betreiber.toml"
    bad.write_text('[betreiber]\nemail = "nobody(at)x"\n[erklaerung]\ndatum = "26.11.2026"\n', encoding="utf-8")
    values, problems = read_operator(bad)
    assert values.email == "" and values.date == ""
    assert [p.message.split(":")[0] for p in problems] == ["[betreiber] email", "[erklaerung] datum"]
    no_day = tmp_path / "no-day.toml"
    no_day.write_text('[erklaerung]\ndatum = "2026-02-31"\n', encoding="utf-8")
    values, problems = read_operator(no_day)
    assert values.date == "" and [p.message.split(":")[0] for p in problems] == ["[erklaerung] datum"]
    broken = tmp_path / "broken.toml"
    broken.write_text("[betreiber\n", encoding="utf-8")
    assert "Keine gültige TOML-Datei" in read_operator(broken)[1][0].message


def test_events_name_file_line_and_fix_and_the_file_is_optional(data_dir):
    edit("termine.csv", "2014-02-05;03352;", "2014-02-30;03352;")(data_dir)
    edit("termine.csv", "2015-12-15;03352;", "2015-12-15;99999;")(data_dir)
    with pytest.raises(DataError) as info:
        load_project(data_dir)
    assert [str(p).split("data/", 1)[1] for p in info.value.problems] == [
        "termine.csv:3: Ungültiges Datum '2014-02-30' in Spalte 'datum' – erwartet JJJJ-MM-TT.",
        "termine.csv:4: Regionalschlüssel '99999' in Spalte 'rs' gehört zu keinem Partner in partners.csv "
        "(leer lassen für Termine des Dachprojekts).",
    ]
    (data_dir / "termine.csv").unlink()
    assert load_project(data_dir).events.empty


def test_an_unreadable_partners_header_is_one_message_not_one_per_file(data_dir):
    edit("partners.csv", ";anmerkung;gesucht", ";anmerkung;gesuch")(data_dir)
    with pytest.raises(DataError) as info:
        load_project(data_dir)
    assert [Path(p.file).name for p in info.value.problems] == ["partners.csv"]
    assert "Unbekannte Spalte 'gesuch' (meinten Sie 'gesucht'?)" in str(info.value.problems[0])


def test_the_searched_column_is_optional(data_dir):
    path = data_dir / "partners.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8")), delimiter=";"))
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\n").writerows(row[:-4] for row in rows)  # drop „gesucht“, *_en
    path.write_text(out.getvalue(), encoding="utf-8")
    partners = load_project(data_dir).partners
    assert (partners["gesucht"] == "").all()
