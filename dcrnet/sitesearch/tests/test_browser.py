"""Search from the header in Chromium: type in the box of any page, press Enter, read the results
grouped by kind, follow "all results" of a kind; the same without JavaScript and at phone width;
the pages are axe-clean."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from dcrnet.tests.phone import page_width, phone_page, shown_whole
from testing.browser import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def content(facility):
    from dcrnet.news.models import Article

    for n in range(5):
        Article.objects.create(
            slug=f"abrigado-{n}", title_en=f"Abrigado news {n}", summary_en="Luxembourg.",
            body_en="Its **tenth** year.", status="published",
            published_at=dt.datetime(2025, 1, 1 + n, tzinfo=dt.UTC),
        )  # fmt: skip


def test_search_from_the_header(new_browser_page, live_server, content):
    page = new_browser_page()
    page.goto("/countries/")
    box = page.get_by_role("search", name="Site search").get_by_label("Search the site")
    box.fill("abrigado")
    box.press("Enter")
    expect(page).to_have_url(f"{live_server.url}/search/?q=abrigado")
    expect(page.locator("p.total")).to_contain_text("6 results for “abrigado”")
    news = page.locator("#kind-news")
    expect(news.get_by_role("heading", level=2)).to_contain_text("News (5)")
    expect(news.locator("li.hit")).to_have_count(3)
    expect(page.locator("#kind-facility li.hit")).to_have_count(1)
    assert axe_violations(page) == []
    news.get_by_role("link", name="5 results in News").click()
    expect(page.locator("li.hit")).to_have_count(5)
    assert axe_violations(page) == []
    page.get_by_role("link", name="Abrigado news 4").click()
    expect(page).to_have_url(f"{live_server.url}/news/abrigado-4/")


def test_on_a_phone(new_browser_page, content):
    page = phone_page(new_browser_page)
    page.goto("/")
    box = page.locator("#site-search-q")
    assert shown_whole(box)
    assert shown_whole(page.get_by_role("search", name="Site search").get_by_role("button"))
    box.fill("tenth")
    box.press("Enter")
    expect(page.locator("#kind-news h2")).to_contain_text("News (5)")
    width, inner = page_width(page)
    assert width <= inner
    assert axe_violations(page) == []


def test_without_javascript(new_browser_page, content):
    page = new_browser_page(java_script_enabled=False)
    page.goto("/")
    page.fill("#site-search-q", "tenth")
    page.get_by_role("search", name="Site search").get_by_role("button", name="Search").click()
    expect(page.locator("#kind-news h2")).to_contain_text("News (5)")
    page.select_option("#id_kind", "news")
    page.locator("main").get_by_role("button", name="Search").click()
    expect(page.locator("li.hit")).to_have_count(5)
    expect(page.locator("#id_kind")).to_have_value("news")
