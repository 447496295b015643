"""Project prose beside the data: every text in every language, with the same placeholders."""

from __future__ import annotations

from string import Formatter

import pytest

from geo.data.prose import PROSE_DIR, read_prose
from geo.view.i18n import LANGUAGES

NAMES = sorted({p.name.split(".")[0] for p in PROSE_DIR.glob("*.md")})


def fields(body: str) -> set[str]:
    return {field for _, field, _, _ in Formatter().parse(body) if field}


def test_the_texts_the_dashboard_shows_are_there():
    assert {"dachprojekt", "quellen", "vergleichsprojekte"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_every_text_exists_in_every_language_with_the_same_placeholders(name):
    bodies = {lang: read_prose(name, lang) for lang in LANGUAGES}
    assert all(len(body) > 100 for body in bodies.values()), bodies
    assert len({frozenset(fields(body)) for body in bodies.values()}) == 1, name
