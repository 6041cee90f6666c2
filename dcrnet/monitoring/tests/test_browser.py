"""In the browser: a reporter enters a month and sees the chart change; charts have tables."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings

from dcrnet.monitoring import indicator_translations, services
from dcrnet.monitoring.indicators import seed
from dcrnet.monitoring.models import DictionaryRelease, Indicator
from testing.browser import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def indicators():
    # The live server's database is flushed between tests: the seeded dictionary with it.
    seed(DictionaryRelease, Indicator)


@pytest.fixture
def signed_in_page(browser_page, client, reporter, live_server):
    client.force_login(reporter)
    browser_page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return browser_page


def test_a_reporter_enters_a_month_and_sees_the_chart_change(indicators, facility, signed_in_page):
    page = signed_in_page
    services.save_month(facility, dt.date(2025, 1, 1), {"visits": 400})
    page.goto("/data/facilities/lu-abrigado/?indicator=visits")
    chart = page.locator("#chart-visits")
    chart.locator("canvas").first.wait_for()
    assert page.locator("#chart-visits-table tbody tr").count() == 1

    page.goto("/data/report/lu-abrigado/2025-02/")
    assert axe_violations(page) == []
    page.fill("#id_visits", "650")
    page.get_by_role("button", name="Save the month").click()
    page.wait_for_url("**/data/report/lu-abrigado/2025-02/")

    page.goto("/data/facilities/lu-abrigado/?indicator=visits")
    chart.locator("canvas").first.wait_for()
    assert chart.is_visible()
    rows = page.locator("#chart-visits-table tbody tr")
    assert rows.count() == 2
    assert rows.nth(1).inner_text().split() == ["February", "2025", "650"]
    assert axe_violations(page) == []


def test_every_chart_on_the_resource_centre_has_its_table_and_no_violations(
    indicators, facility, other_facility, browser_page
):
    services.save_month(facility, dt.date(2025, 1, 1), {"visits": 3, "overdoses": 9})
    services.save_month(other_facility, dt.date(2025, 1, 1), {"visits": 90, "overdoses": 9})
    page = browser_page
    page.goto("/data/?indicator=visits&indicator=overdoses")
    page.locator("[data-chart] canvas").first.wait_for()
    for element in page.locator("[data-chart]").all():
        table_id = element.get_attribute("data-table")
        assert page.locator(f"table#{table_id}").count() == 1
    assert axe_violations(page) == []
    page.goto("/data/dictionary/")
    assert axe_violations(page) == []


def test_a_french_dashboard_draws_its_chart_with_french_labels(indicators, facility, browser_page):
    indicator_translations.load(DictionaryRelease, Indicator)
    services.save_month(
        facility,
        dt.date(2025, 1, 1),
        {"referrals:treatment": 10, "referrals:health": 1200, "referrals:social": 30},
    )
    page = browser_page
    page.goto("/fr/data/facilities/lu-abrigado/?indicator=referrals")
    chart = page.locator("#chart-referrals")
    chart.locator("canvas").first.wait_for()
    legend = chart.locator(".u-legend").inner_text()
    assert "Soins de santé" in legend and "Traitement des addictions" in legend
    assert page.locator("#chart-referrals-caption strong").inner_text() == "Orientations"
    row = page.locator("#chart-referrals-table tbody tr").first
    assert row.locator("th").inner_text() == "janvier 2025"
    assert row.locator("td").nth(1).inner_text() == "1\u00a0200"  # grouped the French way
    assert axe_violations(page) == []
