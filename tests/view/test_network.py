"""Vernetzung: pairs of partners with shared themes."""

from __future__ import annotations

from geo.data.project import load_project
from geo.view.network import Link, partners_sharing, shared_theme_links, theme_links

CATALOGUE = ["mobilitaet", "wohnen", "senioren"]


def test_pairs_with_shared_themes_in_catalogue_order():
    links = shared_theme_links(
        {"b": ["wohnen", "mobilitaet"], "a": ["mobilitaet", "wohnen"], "c": ["senioren"]}, CATALOGUE
    )
    assert links == [Link("a", "b", ("mobilitaet", "wohnen"))]


def test_no_themes_no_links():
    assert shared_theme_links({"a": [], "b": []}, CATALOGUE) == []


def test_partners_sharing_sorted_by_overlap():
    links = [Link("a", "b", ("wohnen",)), Link("a", "c", ("mobilitaet", "wohnen")), Link("b", "c", ("wohnen",))]
    assert partners_sharing(links, "a") == [("c", ("mobilitaet", "wohnen")), ("b", ("wohnen",))]
    assert partners_sharing(links, "z") == []


def test_segeberg_shares_with_five_partners():
    project = load_project()
    found = dict(partners_sharing(theme_links(project), "01060"))
    assert found == {
        "01062": ("wohnen",),
        "033555401": ("wohnen",),
        "03352": ("mobilitaet",),
        "13076": ("senioren",),
        "033530005": ("barrierefreiheit",),  # Segeberg's working group „Menschen mit Behinderung“ (audit 2026-11)
    }
