"""Failover however the view was reached: behind nginx with two instances, the instance holding the page's
session dies (SIGKILL) and the visitor chooses again at once, while the page is still reconnecting.

A choice sent in that moment was lost (dropped while the page was disconnected, or sent to a session that
had not run yet): the view stayed as it was. Every component sends a choice again until a run confirms it
(static/ui/resend.js); with RETRIES = 0 there, all six variants fail (no region=01060 within 10 s).
"""

from __future__ import annotations

import re
import signal
from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import expect

from deploy.cluster import Cluster, down, up
from deploy.nginx import ROUTE_COOKIE
from harness.browser import click_lonlat, free_port, open_map, wait_view

pytestmark = [pytest.mark.nginx, pytest.mark.browser]

SEGEBERG = (10.2, 53.93)
LUDWIGSLUST_PARCHIM = (11.4, 53.45)


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    """A cluster of its own for each test: an instance killed in one must not be missing in the next."""
    port = free_port()
    started = up(instances=2, port=port)
    yield started
    down(port)


def by_map(page, frame) -> None:  # type: ignore[no-untyped-def]
    click_lonlat(page, frame, *LUDWIGSLUST_PARCHIM)


def by_sidebar(page, frame) -> None:  # type: ignore[no-untyped-def]
    page.locator("[data-testid='stSelectbox']").first.click()
    page.get_by_role("option", name="Landkreis Ludwigslust-Parchim").click()


def by_table(page, frame) -> None:  # type: ignore[no-untyped-def]
    page.locator(".mrh-table").get_by_role("button", name="Landkreis Ludwigslust-Parchim").click()


def by_search(page, frame) -> None:  # type: ignore[no-untyped-def]
    field = page.locator("[data-testid='stSidebar']").get_by_test_id("stTextInputField")
    field.fill("Boizenburg")
    field.press("Enter")


def with_comparison(page, frame) -> None:  # type: ignore[no-untyped-def]
    field = page.locator("[data-testid='stMultiSelect']").nth(1).locator("input")
    for count, name in enumerate(("Kreis Stormarn", "Kreis Pinneberg"), start=1):
        field.fill(name)
        field.press("Enter")
        page.wait_for_function(f"() => location.search.split('vergleich=').length === {count + 1}")
        wait_view(page, frame)
    page.keyboard.press("Escape")
    click_lonlat(page, frame, *LUDWIGSLUST_PARCHIM)


def next_on_map(page, frame) -> None:  # type: ignore[no-untyped-def]
    click_lonlat(page, frame, *SEGEBERG)


def next_in_table(page, frame) -> None:  # type: ignore[no-untyped-def]
    page.locator(".mrh-table").get_by_role("button", name="Kreis Segeberg").click()


def next_in_overview(page, frame) -> None:  # type: ignore[no-untyped-def]
    page.locator(".mrh-matrix").get_by_role("button", name="Kreis Segeberg").click()


Step = Callable[..., None]
VARIANTS: list[tuple[str, Step, Step]] = [
    ("map, then map", by_map, next_on_map),
    ("sidebar, then map", by_sidebar, next_on_map),
    ("search, then map", by_search, next_on_map),
    ("table, then table", by_table, next_in_table),
    ("comparison, then map", with_comparison, next_on_map),
    ("map, then overview", by_map, next_in_overview),
]


@pytest.mark.parametrize(("reach", "choose"), [v[1:] for v in VARIANTS], ids=[v[0] for v in VARIANTS])
def test_a_choice_during_the_reconnect_is_not_lost(browser, cluster, reach, choose):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="de-DE")
    try:
        page = context.new_page()
        frame = open_map(page, cluster.url)
        reach(page, frame)
        page.wait_for_url(re.compile(r"region=13076"), timeout=10_000)
        wait_view(page, frame)
        if choose is next_in_overview:
            page.get_by_text("Themen-Übersicht: wer hat woran gearbeitet?").click()
            page.locator(".mrh-matrix table").wait_for()
        compared = "vergleich=" in page.url
        route = {c["name"]: c["value"] for c in context.cookies()}[ROUTE_COOKIE]
        cluster.instance(route).stop(signal.SIGKILL)
        page.wait_for_timeout(300)  # time is what is tested: the visitor acts right after the instance died
        choose(page, frame)
        page.wait_for_url(re.compile(r"region=01060"), timeout=10_000)
        wait_view(page, frame)
        expect(page.get_by_role("heading", name="Kreis Segeberg")).to_be_visible()
        assert frame.evaluate("() => window.mrhView.partner") == "01060"
        if compared:  # the comparison is still open, with both partners
            expect(page.get_by_role("heading", name="Vergleich")).to_be_visible()
            assert page.url.count("vergleich=") == 2
    finally:
        context.close()
