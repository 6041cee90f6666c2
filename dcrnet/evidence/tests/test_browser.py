"""The evidence library in Chromium: search, facets, htmx, export, the map; axe-core clean, in
English and in the other languages."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from testing.browser import axe_violations

pytestmark = pytest.mark.browser


def test_search_then_narrow_by_a_facet(browser_page, library):
    page = browser_page
    page.goto("/evidence/?q=supervised")
    expect(page.locator("#results .total")).to_contain_text("4 references")
    expect(page.locator("#results mark").first).to_be_visible()
    assert axe_violations(page) == []
    page.locator(".facet a", has_text="Cohort study").click()
    expect(page.locator("#results .total")).to_contain_text("1 reference")
    expect(page).to_have_url(re.compile(r"design=cohort"))
    expect(page.locator(".facet a.selected")).to_have_count(1)


def test_typing_updates_the_results_without_reloading(browser_page, library):
    page = browser_page
    page.goto("/evidence/")
    expect(page.locator("#results .total")).to_contain_text("5 references")
    page.locator("#id_q").fill("loitering")
    expect(page.locator("#results .total")).to_contain_text("1 reference")
    expect(page.locator("#results")).to_contain_text("Sydney")


def test_the_search_works_without_javascript(new_browser_page, library):
    page = new_browser_page(java_script_enabled=False)
    page.goto("/evidence/")
    page.locator("#id_q").fill("potier")
    page.locator("#id_q").press("Enter")
    expect(page.locator("#results .total")).to_contain_text("1 reference")


def test_export_a_result_set(browser_page, library):
    page = browser_page
    page.goto("/evidence/?q=supervised")
    with page.expect_download() as info:
        page.locator("#results a.export-link", has_text="RIS").click()
    text = open(info.value.path(), encoding="utf-8").read()
    assert text.count("TY  - ") == 4


def test_export_a_selection(browser_page, library):
    page = browser_page
    page.goto("/evidence/?q=supervised")
    page.locator("#results input[name=ids]").nth(0).check()
    page.locator("#results input[name=ids]").nth(1).check()
    page.locator("#id_selection_format").select_option("bibtex")
    with page.expect_download() as info:
        page.get_by_role("button", name="Export selection").click()
    text = open(info.value.path(), encoding="utf-8").read()
    assert text.count("@") == 2


def test_open_a_map_cell(browser_page, library):
    page = browser_page
    page.goto("/evidence/map/")
    assert axe_violations(page) == []
    page.get_by_role("link", name=re.compile("references?: Overdose mortality, Ecological")).click()
    expect(page.locator("#results .total")).to_contain_text("1 reference")
    expect(page.locator("#results")).to_contain_text("Reduction in overdose mortality")


def test_reference_outcome_suggest_and_import_pages_are_accessible(
    browser_page, library, client, editor
):
    page = browser_page
    for url in (
        library["marshall"].get_absolute_url(),
        "/evidence/outcomes/overdose-mortality/",
        "/evidence/suggest/",
    ):
        page.goto(url)
        assert axe_violations(page) == [], url


@pytest.mark.parametrize(
    "language, total, design, narrowed",
    [
        ("fr", "4 références", "Étude de cohorte", "1 référence"),
        ("de", "4 Publikationen", "Kohortenstudie", "1 Publikation"),
        ("nl", "4 publicaties", "Cohortonderzoek", "1 publicatie"),
        ("es", "4 referencias", "Estudio de cohortes", "1 referencia"),
    ],
)
def test_search_and_narrow_in_each_language(
    browser_page, library, language, total, design, narrowed
):
    page = browser_page
    page.goto(f"/{language}/evidence/?q=supervised")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("#results .total")).to_contain_text(total)
    assert axe_violations(page) == []
    page.locator(".facet a", has_text=design).click()  # htmx swaps the results in place
    expect(page.locator("#results .total")).to_contain_text(narrowed)
    expect(page).to_have_url(re.compile(rf"/{language}/evidence/\?.*design=cohort"))
    page.goto(f"/{language}/evidence/map/")
    assert axe_violations(page) == []
    page.goto(f"/{language}/evidence/outcomes/overdose-mortality/")
    assert axe_violations(page) == []
