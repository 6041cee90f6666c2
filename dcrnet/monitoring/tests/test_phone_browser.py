"""The resource centre on a phone (390 px): wide tables scroll in regions the keyboard reaches."""

from __future__ import annotations

import datetime as dt

import pytest

from dcrnet.monitoring import services
from dcrnet.monitoring.indicators import seed
from dcrnet.monitoring.models import DictionaryRelease, Indicator, YearlyValue
from dcrnet.tests.phone import page_width, phone_page, shown_whole, unreachable_scroll_boxes
from testing.browser import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BY_ROUTE = "supervised_consumptions"


@pytest.fixture
def published(facility, other_facility):
    """A chart with one column per route (wider than a phone) and a published yearly figure."""
    seed(DictionaryRelease, Indicator)
    indicator = Indicator.objects.get(code=BY_ROUTE)
    for number, place in enumerate((facility, other_facility), start=1):
        for month in (dt.date(2025, 1, 1), dt.date(2025, 2, 1)):
            values = {
                f"{BY_ROUTE}:{route}": 1000 * number + 10 * index
                for index, route in enumerate(indicator.breakdown_codes)
            }
            services.save_month(place, month, values)
    YearlyValue.objects.create(
        facility=facility,
        indicator=indicator,
        period_start=dt.date(2024, 1, 1),
        period_end=dt.date(2024, 12, 31),
        value=48213,
        wording="48 213 supervised consumptions in the year, most of them by injection",
        source="Annual report 2024 of the operating association",
        source_url="https://example.org/annual-report-2024.pdf",
    )
    return facility


def test_on_a_phone_every_resource_centre_page_passes_axe_and_fits(new_browser_page, published):
    page = phone_page(new_browser_page)
    country = published.country.code.code
    for url in (
        f"/data/?indicator={BY_ROUTE}",
        f"/data/countries/{country}/?indicator={BY_ROUTE}",
        f"/data/facilities/{published.public_id}/?indicator={BY_ROUTE}",
        "/data/dictionary/",
    ):
        page.goto(url)
        page.wait_for_load_state("networkidle")  # the charts drawn
        width, inner = page_width(page)
        assert width <= inner, f"{url} is {width} px wide on a {inner} px screen"
        assert unreachable_scroll_boxes(page) == [], url
        assert axe_violations(page) == [], url


def test_on_a_phone_a_wide_chart_table_scrolls_from_the_keyboard(new_browser_page, published):
    page = phone_page(new_browser_page)
    page.goto(f"/data/?indicator={BY_ROUTE}")
    region = page.get_by_role("region", name="Supervised consumptions")
    assert region.evaluate("el => el.scrollWidth > el.clientWidth"), "the table should be wider"
    region.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("el => el.scrollLeft > 0", arg=region.element_handle(), timeout=5_000)


def test_on_a_phone_each_published_figure_is_read_whole(new_browser_page, published):
    page = phone_page(new_browser_page)
    for url in ("/data/", f"/data/facilities/{published.public_id}/"):
        page.goto(url)
        table = page.locator("main table").filter(has=page.locator("th", has_text="As published"))
        cells = table.locator("tbody td").all()
        assert cells, url
        for cell in cells:
            assert shown_whole(cell), f"{url}: {cell.inner_text()}"
