"""The guide in Chromium: the index, a step and the printable guide are axe-clean, and the
printed guide hides the site's navigation, starts each step on a new page and prints link
addresses."""

from __future__ import annotations

import pytest

from testing.browser import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(
    "path",
    ["/guide/", "/guide/coalition-and-stakeholders/", "/guide/print/", "/fr/guide/legal-route/"],
)
def test_guide_pages_have_no_accessibility_violations(browser_page, helped_step, path):
    browser_page.goto(path)
    assert browser_page.locator("h1").count() == 1
    assert axe_violations(browser_page) == []


def test_the_printed_guide_hides_navigation_and_breaks_pages_between_steps(
    browser_page, helped_step
):
    browser_page.goto("/guide/print/")
    browser_page.emulate_media(media="print")
    assert not browser_page.locator(".site-header").is_visible()
    assert not browser_page.locator(".site-footer").is_visible()
    style = browser_page.evaluate(
        "() => getComputedStyle(document.querySelector('.guide-print-step')).breakBefore"
    )
    assert style == "page"
    after = browser_page.evaluate(
        "() => getComputedStyle(document.querySelector("
        "'.guide-print-step a[href^=\"https://example.org\"]'), '::after').content"
    )
    assert "https://example.org" in after
    browser_page.emulate_media(media="screen")
    assert browser_page.locator(".site-header").is_visible()
