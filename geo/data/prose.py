"""Project prose beside the data: one Markdown file per text and language, ``data/texte/<name>.<lang>.md``.

German is the reference; every text exists in every language of the interface (``tests/data/test_prose.py``).
Placeholders in braces (``{attribution}``) are filled by the caller; the files are Markdown for Streamlit and
are written by the project, not taken from a data delivery (they live in the repository's ``data/``).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from geo.data.paths import DATA_DIR

PROSE_DIR = DATA_DIR / "texte"


def prose_path(name: str, lang: str, folder: Path = PROSE_DIR) -> Path:
    return folder / f"{name}.{lang}.md"


@cache
def read_prose(name: str, lang: str, folder: Path = PROSE_DIR) -> str:
    """The text ``name`` in ``lang`` (I/O, read once per process), without its trailing newline."""
    return prose_path(name, lang, folder).read_text(encoding="utf-8").strip()
