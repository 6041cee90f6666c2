"""The directory's lists on a phone (390 px wide): every row readable without sideways scrolling."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from dcrnet.tests.phone import page_width, phone_page, shown_whole, unreachable_scroll_boxes
from testing.browser import axe_violations

from .sample_site import load_site

pytestmark = pytest.mark.browser


@pytest.fixture
def site(make_facility):
    return load_site(make_facility, demo=False)


def cells(table, column: str):
    """The cells of `column` (by its header), one per row."""
    headers = table.locator("thead th").all_inner_texts()
    return table.locator(f"tbody tr > :nth-child({headers.index(column) + 1})").all()


def assert_fits_a_phone(page) -> None:
    width, inner = page_width(page)
    assert width <= inner, f"{page.url} is {width} px wide on a {inner} px screen"
    assert unreachable_scroll_boxes(page) == []
    assert axe_violations(page) == []


def test_on_a_phone_each_facility_shows_its_country_and_status(new_browser_page, site):
    page = phone_page(new_browser_page)
    page.goto(site.list)
    table = page.locator("#results table")
    expect(table.locator("tbody tr")).to_have_count(5)
    for column in ("City", "Country", "Status"):
        for cell in cells(table, column):
            assert shown_whole(cell), f"{column}: {cell.inner_text()}"
    assert_fits_a_phone(page)


def test_on_a_phone_the_list_filtered_in_place_stays_readable(new_browser_page, site):
    page = phone_page(new_browser_page)
    page.goto(site.list)
    page.locator("#id_country").select_option("DE")
    expect(page.locator("#results tbody tr")).to_have_count(2)
    assert all(shown_whole(cell) for cell in cells(page.locator("#results table"), "Status"))
    assert_fits_a_phone(page)


def test_on_a_phone_the_countries_and_a_country_list_their_rows_whole(new_browser_page, site):
    page = phone_page(new_browser_page)
    for url, columns in (
        (site.countries, ("Open facilities", "Listed")),
        ("/countries/de/", ("City", "Status")),
    ):
        page.goto(url)
        table = page.locator("main table").filter(has=page.locator("th", has_text=columns[0]))
        for column in columns:
            shown = cells(table, column)
            assert len(shown) >= 2, url
            assert all(shown_whole(cell) for cell in shown), (url, column)
        assert_fits_a_phone(page)


def test_on_a_phone_the_map_page_lists_every_facility_within_the_screen(new_browser_page, site):
    page = phone_page(new_browser_page)
    page.goto(site.map)
    page.wait_for_load_state("networkidle")  # the map and its basemap drawn
    items = page.locator(".map-list li")
    expect(items).to_have_count(5)
    for item in items.all():
        assert shown_whole(item)
    assert_fits_a_phone(page)
