"""The calculator in Chromium: in place with htmx, as a plain form without JavaScript, on a phone,
and free of accessibility violations."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from dcrnet.impact import seed
from dcrnet.tests.phone import page_width, phone_page, unreachable_scroll_boxes
from testing.browser import axe_violations

pytestmark = pytest.mark.browser

HIV = "#component-hiv td:nth-of-type(1)"  # the HIV infections averted
TORNADO = "#tornado-chart"


@pytest.fixture
def registry(transactional_db, live_server):
    return seed.load()


def open_calculator(page) -> None:
    page.goto("/impact/")
    expect(page.locator(HIV)).to_contain_text("3.68")
    page.wait_for_function("() => window.htmx !== undefined")


def test_changing_an_input_updates_the_result_and_the_tornado_chart(browser_page, registry):
    open_calculator(browser_page)
    tornado_before = browser_page.locator(TORNADO).inner_html()
    net_before = browser_page.locator("table.totals tbody tr").nth(2).inner_text()

    browser_page.fill("#id_clients", "4200")
    browser_page.locator("#id_clients").press("Tab")  # the change event

    expect(browser_page.locator(HIV)).to_contain_text("7.36")  # twice the clients
    assert browser_page.locator("table.totals tbody tr").nth(2).inner_text() != net_before
    assert browser_page.locator(TORNADO).inner_html() != tornado_before
    expect(browser_page.locator("#result-status")).to_contain_text("Result updated")
    query = parse_qs(urlsplit(browser_page.url).query)
    assert query == {"preset": ["baltimore-2017"], "clients": ["4200"]}  # shareable
    assert browser_page.locator("#id_clients").input_value() == "4200"
    assert axe_violations(browser_page) == []


def test_a_wrong_value_shows_its_message_in_place(browser_page, registry):
    open_calculator(browser_page)

    browser_page.locator("summary", has_text="Epidemiology").click()
    browser_page.fill("#id_sharing", "28")
    browser_page.locator("#id_sharing").press("Tab")

    expect(browser_page.locator("#sharing-error")).to_contain_text("A share lies between 0 and 1")
    summary = browser_page.locator("#error-summary a[href='#id_sharing']")
    expect(summary).to_be_visible()
    expect(browser_page.locator("#result")).to_contain_text("No result yet")
    assert axe_violations(browser_page) == []

    browser_page.fill("#id_sharing", "0.028")
    browser_page.locator("#id_sharing").press("Tab")
    expect(browser_page.locator(HIV)).to_contain_text("3.68")
    expect(browser_page.locator("#sharing-error")).to_be_empty()
    expect(browser_page.locator("#error-summary")).to_be_empty()


def test_without_javascript_the_form_calculates_on_submit(new_browser_page, registry):
    page = new_browser_page(java_script_enabled=False)
    page.goto("/impact/")
    expect(page.locator(TORNADO)).to_be_visible()  # drawn on the server

    page.fill("#id_clients", "4200")
    page.check("#id_hiv_model_pinkerton")
    page.get_by_role("button", name="Calculate").click()

    page.wait_for_load_state()
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"preset": ["baltimore-2017"], "clients": ["4200"], "hiv_model": ["pinkerton"]}
    expect(page.locator(HIV)).to_contain_text("5.5")
    expect(page.locator("#result")).to_contain_text("Pinkerton 2011")


def test_on_a_phone_the_calculator_fits_the_screen(new_browser_page, registry):
    page = phone_page(new_browser_page)
    open_calculator(page)

    width, inner = page_width(page)
    assert width <= inner, f"the calculator is {width} px wide on a {inner} px screen"
    assert unreachable_scroll_boxes(page) == []
    assert axe_violations(page) == []


def test_the_report_and_the_registry_are_accessible(browser_page, registry):
    for url in ("/impact/report/?preset=baltimore-2017&clients=3000", "/impact/parameters/"):
        browser_page.goto(url)
        assert axe_violations(browser_page) == [], url
