"""The evidence search on a phone (390 px wide): results first, then the facets, which fold."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from dcrnet.tests.phone import page_width, phone_page, unreachable_scroll_boxes
from testing.browser import axe_violations

pytestmark = pytest.mark.browser


def top(locator) -> float:
    return locator.evaluate("el => el.getBoundingClientRect().top + window.scrollY")


def test_on_a_phone_the_first_result_comes_before_the_facets(new_browser_page, library):
    page = phone_page(new_browser_page)
    page.goto("/evidence/?q=supervised")
    first_result = page.locator("#results .reference").first
    facets = page.get_by_role("link", name="Cohort study")
    assert top(first_result) < top(facets)
    width, inner = page_width(page)
    assert width <= inner
    assert unreachable_scroll_boxes(page) == []
    assert axe_violations(page) == []


def test_on_a_phone_a_link_leads_past_the_results_to_the_facets(new_browser_page, library):
    page = phone_page(new_browser_page)
    page.goto("/evidence/")
    page.get_by_role("link", name="Narrow the results").click()
    expect(page.get_by_role("link", name="Cohort study")).to_be_in_viewport()
    page.get_by_role("link", name="Cohort study").click()
    expect(page.locator("#results .total")).to_contain_text("1 reference")


def test_a_facet_folds_and_unfolds_without_javascript(new_browser_page, library):
    page = phone_page(new_browser_page, java_script_enabled=False)
    page.goto("/evidence/")
    cohort = page.get_by_role("link", name="Cohort study")
    expect(cohort).to_be_visible()
    page.locator("#results summary", has_text="Study design").click()
    expect(cohort).to_be_hidden()
    page.locator("#results summary", has_text="Study design").click()
    cohort.click()
    expect(page.locator("#results .total")).to_contain_text("1 reference")


def test_on_a_wide_screen_the_facets_stand_beside_the_results(browser_page, library):
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/evidence/")
    results = page.locator("#results .hits").bounding_box()
    facets = page.locator("#results .facets").bounding_box()
    assert facets["x"] >= results["x"] + results["width"]
    assert facets["y"] < results["y"] + 100
