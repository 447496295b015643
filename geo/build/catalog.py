"""The translation catalogs: German strings extracted from the code, the English catalog kept in step (babel).

``python -m geo texts`` does what ``pybabel extract`` and ``pybabel update`` do, with this project's keywords
written down once: it writes ``geo/view/locale/messages.pot`` and updates every ``<lang>/LC_MESSAGES/messages.po``
(a changed German string becomes a new entry, marked fuzzy where babel finds its old translation; a string
no longer in the code becomes obsolete), then reports what is missing. ``catalog_problems`` is what the
tests check: every string of the code translated, none fuzzy, placeholders alike (babel's checkers for
``%`` formats, :func:`brace_fields` for the ``{name}`` formats the code uses).
"""

from __future__ import annotations

import io
from pathlib import Path
from string import Formatter

from babel.messages.catalog import Catalog, TranslationError
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from geo.data.paths import LOCALE_DIR, ROOT, display_path

DOMAIN = "messages"
# text(lang, "…"), ptext(lang, "Kontext", "…"), t("…") in sections, N_("…") where a string is defined for
# later, each_language("…") for configuration values in every language (ogc/config.py).
KEYWORDS = {"text": (2,), "ptext": ((2, "c"), 3), "t": (1,), "N_": None, "each_language": (1,)}
SOURCES = ("geo", "ui", "ogc", "app.py")
PO_WIDTH = 116


def extract(root: Path = ROOT) -> Catalog:
    """Every German string the code asks to translate, with where it stands (reads the code)."""
    template = Catalog(project="mrh-daseinsvorsorge", domain=DOMAIN, charset="utf-8", fuzzy=False)
    for name in SOURCES:
        source = root / name
        if source.is_file():
            found = extract_from_dir(root, [(name, "python")], keywords=KEYWORDS)
        else:
            found = extract_from_dir(source, [("**.py", "python")], keywords=KEYWORDS)
        for filename, line, message, _comments, context in found:
            where = filename if source.is_file() else f"{name}/{filename}"
            template.add(message, None, [(where, line)], context=context)
    return template


def catalog_path(lang: str, folder: Path = LOCALE_DIR) -> Path:
    return folder / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(lang: str, folder: Path = LOCALE_DIR) -> Catalog:
    with catalog_path(lang, folder).open("rb") as po:
        return read_po(po, locale=lang, domain=DOMAIN)


def update_catalogs(folder: Path = LOCALE_DIR, root: Path = ROOT) -> dict[str, Catalog]:
    """Write ``messages.pot`` from the code and bring every language's ``messages.po`` in step (I/O)."""
    template = extract(root)
    with (folder / f"{DOMAIN}.pot").open("wb") as pot:  # for translators' tools; sorted, no line numbers
        write_po(pot, template, width=PO_WIDTH, omit_header=True, sort_output=True, no_location=True)
    updated = {}
    for po_path in sorted(folder.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        lang = po_path.parts[-3]
        catalog = read_catalog(lang, folder)
        catalog.update(template, update_creation_date=False)
        buffer = io.BytesIO()
        # sorted by the German text, without line numbers: a diff shows changed texts, not moved code
        write_po(buffer, catalog, width=PO_WIDTH, sort_output=True, no_location=True, ignore_obsolete=True)
        po_path.write_bytes(buffer.getvalue())
        updated[lang] = catalog
    return updated


def brace_fields(message: str) -> set[str]:
    """The ``{name}`` placeholders of a ``str.format`` template."""
    return {field for _, field, _, _ in Formatter().parse(message) if field is not None}


def catalog_problems(catalog: Catalog, template: Catalog) -> list[str]:
    """What keeps ``catalog`` from being complete for ``template``: one line per problem, with the place."""
    problems = []
    for message in template:
        if not message.id:
            continue
        where = ", ".join(f"{f}:{n}" for f, n in message.locations[:2])
        translated = catalog.get(message.id, context=message.context)
        if translated is None or not translated.string:
            problems.append(f"{where}: keine Übersetzung ({catalog.locale}) für „{message.id}“")
        elif translated.fuzzy:
            problems.append(f"{where}: Übersetzung ungeprüft (fuzzy) für „{message.id}“")
        elif brace_fields(str(message.id)) != brace_fields(str(translated.string)):
            problems.append(
                f"{where}: Platzhalter {sorted(brace_fields(str(message.id)))} ≠ übersetzt "
                f"{sorted(brace_fields(str(translated.string)))} in „{message.id}“"
            )
    for message, errors in catalog.check():
        problems += [f"{display_path(catalog_path(str(catalog.locale)))}: „{message.id}“: {e}" for e in errors]
    return problems


__all__ = ["TranslationError", "catalog_problems", "extract", "read_catalog", "update_catalogs"]
