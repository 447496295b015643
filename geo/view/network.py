"""Vernetzung: which partners share Daseinsvorsorge themes (the Dachprojekt's transfer pairs)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import combinations
from typing import NamedTuple

from geo.data.project import Project


class Link(NamedTuple):
    """Two partners (RS, sorted) and the themes they share, in catalogue order."""

    a: str
    b: str
    shared: tuple[str, ...]


def shared_theme_links(themes_by_partner: Mapping[str, Sequence[str]], catalogue: Sequence[str]) -> list[Link]:
    """Every pair of partners with at least one common theme. Pure; deterministic order."""
    links = []
    for a, b in combinations(sorted(themes_by_partner), 2):
        common = set(themes_by_partner[a]) & set(themes_by_partner[b])
        if common:
            links.append(Link(a, b, tuple(slug for slug in catalogue if slug in common)))
    return links


def partners_sharing(links: Sequence[Link], rs: str) -> list[tuple[str, tuple[str, ...]]]:
    """For one partner: (other partner, shared themes), most shared themes first."""
    found = [(link.b if link.a == rs else link.a, link.shared) for link in links if rs in (link.a, link.b)]
    return sorted(found, key=lambda item: (-len(item[1]), item[0]))


def theme_links(project: Project) -> list[Link]:
    """Pairs of partners that share themes (see :func:`shared_theme_links`)."""
    themes = {str(rs): slugs for rs, slugs in project.partners["themen"].items()}
    return shared_theme_links(themes, [t.slug for t in project.themes])
