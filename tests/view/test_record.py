"""One record per partner and language, many renderers: every entry an output shows reaches that output.

Each output is read back as a reader gets it (markdown unescaped, the PDF's extracted text, the CSV's
cells, the popup's data) and must carry, for every entry of the record it shows, the label, the value
(each item, each source's host, each contact's organisation), the source and the note.
"""

from __future__ import annotations

import csv
import io

import pytest
from pypdf import PdfReader

from geo.data.project import load_project
from geo.map.export import table_csv
from geo.map.layers import POPUP, partner_details
from geo.map.steckbrief import factsheet_pdf
from geo.view.details import COMPARED, compare_markdown, details_markdown
from geo.view.record import (
    ALTKREIS_ONLY,
    COMPILED,
    FIGURES,
    NETWORK,
    OUTCOMES,
    PERIOD,
    PROGRAMMES,
    PROJECT,
    STAND,
    THEMES,
    Entry,
    partner_record,
    readable_entries,
)
from geo.view.table import export_table, partner_table

PROJECT_DATA = load_project()
KEYS = [str(rs) for rs in PROJECT_DATA.partners.index]
CASES = [(rs, lang) for rs in KEYS for lang in ("de", "en")]


def flat(text: str) -> str:
    return " ".join(text.replace("\\", "").split())


def pieces(entry: Entry, with_label: bool = True) -> list[str]:
    """What a reader must find of ``entry``."""
    found = [entry.label] if with_label else []
    if entry.missing_value:
        found.append(entry.missing)
    found += [entry.value] if entry.value else []
    found += list(entry.items)
    found += [link.label for link in entry.links]
    found += [contact.organisation for contact in entry.contacts]
    found += [contact.phone for contact in entry.contacts if contact.phone]
    found += [c.text for c in entry.cited] + [link.label for c in entry.cited for link in c.links]
    found += [part for part in (entry.source, entry.note) if part]
    return [flat(p) for p in found]


def missing_pieces(entries: list[Entry], output: str, with_label: bool = True) -> list[tuple[str, str]]:
    text = flat(output)
    return [(e.key, p) for e in entries for p in pieces(e, with_label) if p not in text]


@pytest.mark.parametrize(("rs", "lang"), CASES)
def test_the_panel_shows_every_readable_entry(rs, lang):
    record = partner_record(PROJECT_DATA, rs, lang)
    entries = [e for e in readable_entries(record)]
    assert missing_pieces(entries, details_markdown(PROJECT_DATA, rs, lang)) == []


@pytest.mark.parametrize(("rs", "lang"), CASES)
def test_the_comparison_shows_its_entries_for_every_partner(rs, lang):
    other = KEYS[0] if rs != KEYS[0] else KEYS[1]
    record = partner_record(PROJECT_DATA, rs, lang)
    output = compare_markdown(PROJECT_DATA, rs, (rs, other), lang)
    assert missing_pieces([record[key] for key in COMPARED], output) == []


@pytest.mark.parametrize(("rs", "lang"), CASES)
def test_the_steckbrief_shows_every_readable_entry_and_its_metadata(rs, lang):
    record = partner_record(PROJECT_DATA, rs, lang)
    reader = PdfReader(io.BytesIO(factsheet_pdf(PROJECT_DATA, rs, lang)))
    text = " ".join(page.extract_text() for page in reader.pages)
    entries = [e for e in readable_entries(record) if e.key != NETWORK or e.items]
    assert missing_pieces(entries, text) == []
    title = reader.metadata.title if reader.metadata else None
    assert title == ("Steckbrief " if lang == "de" else "Fact sheet ") + record.name


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_popup_and_the_table_show_the_records_fields(lang):
    details = partner_details(PROJECT_DATA, lang)
    table = partner_table(PROJECT_DATA, (), lang)
    for rs in KEYS:
        record = partner_record(PROJECT_DATA, rs, lang)
        assert details[rs]["fields"] == [[record[key].label, record[key].plain] for key in POPUP]
        row = table.loc[rs]
        for key in (PROJECT, PERIOD, THEMES):
            shown = row[record[key].label]
            assert shown == (
                record[key].plain if not record[key].missing_value else record[key].missing.split(" – ")[0]
            )


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_csv_carries_every_text_entry_and_the_figures_note(lang):
    rows = list(
        csv.DictReader(io.StringIO(table_csv(export_table(PROJECT_DATA, (), lang)).decode("utf-8-sig")), delimiter=";")
    )
    by_rs = {row["RS"]: row for row in rows}
    assert set(by_rs) == set(KEYS)
    for rs in KEYS:
        record = partner_record(PROJECT_DATA, rs, lang)
        cells = " ".join(by_rs[rs].values())
        # figures travel as numbers (own columns), their note as text; Stand and erfasst as partners.csv has them
        shown = [
            e
            for e in record.entries
            if e.key not in (FIGURES, NETWORK, STAND, COMPILED) and not e.missing_value and not e.cited
        ]
        assert missing_pieces(shown, cells, with_label=False) == [], rs
        assert record[FIGURES].note in cells
        for key in (OUTCOMES, PROGRAMMES):  # each statement with its sources' addresses, or what was searched
            entry = record[key]
            assert all(c.text in cells and all(x.url in cells for x in c.links) for c in entry.cited), (rs, key)
            assert entry.cited or entry.missing in cells, (rs, key)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_ludwigslust_parchims_figures_say_they_cover_the_whole_landkreis_everywhere(lang):
    note = partner_record(PROJECT_DATA, ALTKREIS_ONLY, lang)[FIGURES].note
    assert note.startswith(
        "Zur Metropolregion gehörte 2014–2016 nur der Altkreis" if lang == "de" else "In 2014–2016 only"
    )
    pdf = PdfReader(io.BytesIO(factsheet_pdf(PROJECT_DATA, ALTKREIS_ONLY, lang)))
    assert flat(note) in flat(" ".join(page.extract_text() for page in pdf.pages))
    assert flat(note) in flat(details_markdown(PROJECT_DATA, ALTKREIS_ONLY, lang))
    assert flat(note) in flat(compare_markdown(PROJECT_DATA, ALTKREIS_ONLY, (ALTKREIS_ONLY, KEYS[0]), lang))
    others = [rs for rs in KEYS if rs != ALTKREIS_ONLY]
    assert not any(partner_record(PROJECT_DATA, rs, lang)[FIGURES].note for rs in others)
