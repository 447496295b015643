"""Map image and Steckbrief: drawn on the server, decoded and read back here."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import date

import pytest
from PIL import Image
from pypdf import PdfReader

from geo.data.paths import ROOT
from geo.data.project import load_project
from geo.map.png import map_png
from geo.map.steckbrief import factsheet_pdf
from geo.view.state import ViewState


@pytest.fixture(scope="module")
def project():
    return load_project()


def test_map_png_is_presentation_sized_and_not_blank(project):
    data = map_png(project, ViewState("01060", ("mobilitaet", "wohnen")), made=date(2026, 11, 26))
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG" and image.size == (1600, 1000)
    colours = image.convert("RGB").getcolors(maxcolors=1_000_000)
    assert colours is not None and len(colours) > 200  # a drawn map, not an empty canvas
    # the theme colours appear (hatches), and black (selection, text)
    rgb: set[tuple[int, int, int]] = {c for _, c in colours}  # type: ignore[misc]
    assert (0x33, 0x22, 0x88) in rgb or any(
        abs(r - 0x33) < 12 and abs(g - 0x22) < 12 and abs(b - 0x88) < 12 for r, g, b in rgb
    )


def test_map_png_without_filter_and_in_english(project):
    image = Image.open(io.BytesIO(map_png(project, ViewState(lang="en"))))
    assert image.size == (1600, 1000)


def pdf_text(data: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def test_steckbrief_is_one_a4_page_with_the_facts_and_the_attribution(project):
    data = factsheet_pdf(project, "01060", "de", made=date(2026, 11, 26))
    pages, content = pdf_text(data)
    assert pages == 1
    page = PdfReader(io.BytesIO(data)).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)  # A4 in points
    flat = " ".join(content.split())
    for expected in (
        "Kreis Segeberg",
        "Teilprojekt: „Kreis Segeberg 2030“",
        "Laufzeit: 06/2013 – Sommer 2016",
        "Barrierefreiheit",
        "53 Sitzungen mit 559 Teilnehmenden",
        "Sandra Kind",
        "276.032 Einwohner",
        "© GeoBasis-DE / BKG 2016 (Daten verändert)",
        "Stand der Quellen: 2014–2018",
        "Erstellt am 26.11.2026",
        "www.yumpu.com (Kopie; Original nicht gefunden)",
        "Verlauf und Abschluss: 12.05.2014: 1. Fachwerkstatt des Leitprojekts in Ludwigslust · 26.09.2016: Abschlussveranstaltung in Hamburg",
        "„Gesamtvolumen von etwa 1,2 Millionen Euro“",
        "ein veröffentlichtes Strategiedokument wurde nicht gefunden",
    ):
        assert expected in flat, expected


def test_steckbrief_says_what_was_searched(project):
    flat = " ".join(pdf_text(factsheet_pdf(project, "13074", "de"))[1].split())
    assert "Teilprojekt: nicht dokumentiert – gesucht: Teilprojekt (Titel, Inhalt, Kontakt) in MRH-Seiten" in flat
    assert "Laufzeit:" not in flat and "Zuständig:" not in flat  # one line, not a gap per field
    flat = " ".join(pdf_text(factsheet_pdf(project, "033595407", "de"))[1].split())
    assert "Gesucht: Offizieller Titel, Laufzeit und veröffentlichter Kontakt" in flat


@pytest.mark.parametrize("rs", ["033595407", "13074", "033530005"])
def test_steckbrief_of_sparse_and_long_partners_still_fits_one_page(project, rs):
    pages, content = pdf_text(factsheet_pdf(project, rs, "de"))
    assert pages == 1
    if rs == "13074":
        assert "nicht dokumentiert" in content


def test_hostile_text_in_the_steckbrief_is_printed_as_text(project):
    partners = project.partners.copy()
    partners.loc["01060", "teilprojekt"] = "<b>fett</b> & <link href='javascript:alert(1)'>x</link>"
    pages, content = pdf_text(factsheet_pdf(project._replace(partners=partners), "01060", "de"))
    assert pages == 1 and "<b>fett</b> & <link href='javascript:alert(1)'>x</link>" in " ".join(content.split())


def test_no_pyplot_in_the_server():
    """The PNG and the Steckbrief are drawn on matplotlib's object API: pyplot's global figures would be shared
    by every session of the threaded server."""
    code = (
        "import sys\n"
        "from geo.data.project import load_project\n"
        "from geo.map.png import map_png\n"
        "from geo.map.steckbrief import factsheet_pdf\n"
        "from geo.view.state import ViewState\n"
        "p = load_project()\n"
        "assert map_png(p, ViewState('01060')) and factsheet_pdf(p, '01060', 'en')\n"
        "print('matplotlib.pyplot' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "False"
