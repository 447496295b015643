"""Read ``betreiber.toml``: who runs the dashboard (for the accessibility statement)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import NamedTuple

from geo.data.checks import is_date, is_email, is_web_url
from geo.data.errors import Problem
from geo.data.paths import OPERATOR_FILE, display_path


class Operator(NamedTuple):
    """Contact for barriers, date and method of the statement, conciliation body (empty = not set)."""

    name: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""
    date: str = ""
    method: str = ""
    conciliation: str = ""
    conciliation_url: str = ""


def read_operator(path: Path = OPERATOR_FILE) -> tuple[Operator, list[Problem]]:
    """Read the settings (I/O). A missing file gives the defaults; a broken one its problems and defaults."""
    name = display_path(path)
    if not path.exists():
        return Operator(), []
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return Operator(), [Problem(name, None, f"Keine gültige TOML-Datei ({exc}).")]
    operator, statement, body = (doc.get(k, {}) for k in ("betreiber", "erklaerung", "schlichtung"))
    values = Operator(
        name=str(operator.get("name", "")),
        email=str(operator.get("email", "")),
        phone=str(operator.get("telefon", "")),
        address=str(operator.get("adresse", "")),
        date=str(statement.get("datum", "")),
        method=str(statement.get("methode", "")),
        conciliation=str(body.get("name", "")),
        conciliation_url=str(body.get("url", "")),
    )
    problems = []
    if values.email and not is_email(values.email):
        problems.append(Problem(name, None, f"[betreiber] email: keine gültige Adresse '{values.email[:80]}'."))
    if values.date and not is_date(values.date):
        problems.append(Problem(name, None, f"[erklaerung] datum: erwartet JJJJ-MM-TT, nicht '{values.date[:20]}'."))
    if values.conciliation_url and not is_web_url(values.conciliation_url):
        problems.append(Problem(name, None, "[schlichtung] url: nur http(s)-Adressen."))
    if problems:
        values = values._replace(
            email="" if any("email" in p.message for p in problems) else values.email,
            date="" if any("datum" in p.message for p in problems) else values.date,
            conciliation_url="" if any("url" in p.message for p in problems) else values.conciliation_url,
        )
    return values, problems
