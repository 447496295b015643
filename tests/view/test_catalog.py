"""The English catalog: complete for every German string in the code, nothing fuzzy, placeholders alike."""

from __future__ import annotations

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from geo.build.catalog import catalog_problems, extract, read_catalog
from geo.view.i18n import NOTE_2017, Texts, ptext, role_label, text, type_label


def test_every_string_of_the_code_is_translated_and_checked():
    template = extract()
    assert len(template) > 150  # the extraction found the code's strings, not an empty list
    assert catalog_problems(read_catalog("en"), template) == []


def test_the_catalog_holds_no_translation_of_a_string_the_code_no_longer_has():
    code = {(m.id, m.context) for m in extract() if m.id}
    catalog = {(m.id, m.context) for m in read_catalog("en") if m.id}
    assert catalog - code == set(), "stale entries: run python -m geo texts"


def test_the_committed_template_is_the_code_of_today():
    """messages.pot (what translators' tools read) lists exactly the strings the code has."""
    from geo.build.catalog import DOMAIN
    from geo.data.paths import LOCALE_DIR

    with (LOCALE_DIR / f"{DOMAIN}.pot").open("rb") as pot:
        committed = {(m.id, m.context) for m in read_po(pot) if m.id}
    assert committed == {(m.id, m.context) for m in extract() if m.id}, "run python -m geo texts"


def small_catalog(*entries: tuple[str, str, bool]) -> Catalog:
    catalog = Catalog(locale="en")
    for german, english, fuzzy in entries:
        catalog.add(german, english, flags=["fuzzy"] if fuzzy else [])
    return catalog


def test_the_check_reports_missing_fuzzy_and_placeholder_mismatches():
    template = Catalog(locale="de")
    for german in ("Laufzeit", "Themen", "{n} von {total} Partnern", "Quellen"):
        template.add(german, locations=[("ui/sections.py", 1)])
    catalog = small_catalog(
        ("Laufzeit", "Duration", False),
        ("Themen", "Fields", True),  # German changed, translation not yet confirmed
        ("{n} von {total} Partnern", "{n} of {count} partners", False),
    )
    problems = catalog_problems(catalog, template)
    assert len(problems) == 3
    assert "fuzzy" in problems[0] and "„Themen“" in problems[0]
    assert "Platzhalter ['n', 'total'] ≠ übersetzt ['count', 'n']" in problems[1]
    assert "keine Übersetzung (en) für „Quellen“" in problems[2]


def test_texts_follow_the_language_and_german_is_the_source():
    assert text("de", "Laufzeit") == "Laufzeit"
    assert text("en", "Laufzeit") == "Duration"
    assert text("fr", "Laufzeit") == "Laufzeit"  # unknown language: the German source
    assert Texts("en")("{n} von {total} Partnern – {themes}", n=3, total=12, themes="Housing") == (
        "3 of 12 partners – Housing"
    )
    assert ptext("en", "Kontaktart", "Teilprojekt") == "sub-project" and text("en", "Teilprojekt") == "Sub-project"
    assert text("en", NOTE_2017).startswith("Until 2016 only the former district of Ludwigslust")
    assert role_label("Federführung", "en") == "lead partner" and role_label("Federführung", "de") == "Federführung"
    assert type_label("Samtgemeinde", "en") == "joint municipality (Samtgemeinde)"
    assert type_label("Unbekannt", "en") == "Unbekannt"  # a value the catalog does not know stays as it is
