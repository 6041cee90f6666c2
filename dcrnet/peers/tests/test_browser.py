"""The peer plot in Chromium: drawn without JavaScript, a PNG to download, free of accessibility
violations; a reporter at phone width sees their facility, and the page fits the screen."""

from __future__ import annotations

import pytest
from django.conf import settings

from dcrnet.monitoring.indicators import seed
from dcrnet.monitoring.models import DictionaryRelease, Indicator
from dcrnet.tests.phone import page_width, phone_page, unreachable_scroll_boxes
from testing.browser import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def indicators():
    # The live server's database is flushed between tests: the seeded dictionary with it.
    seed(DictionaryRelease, Indicator)


@pytest.fixture
def group(indicators, make_facility, add_month):
    made = []
    for number, (visits, overdoses) in enumerate(
        [(4_000, 9), (9_000, 30), (15_000, 38), (22_000, 41), (30_000, 95), (41_000, 80)], start=1
    ):
        facility = make_facility(f"lu-browser-{number}", name=f"Browser Peer {number}")
        add_month(facility, visits=visits, overdoses=overdoses, naloxone=overdoses // 3)
        made.append(facility)
    return made


def sign_in(page, client, user, live_server) -> None:
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def test_the_plot_has_its_table_a_png_download_and_no_violations(browser_page, group):
    page = browser_page
    page.goto("/data/peers/")
    assert page.locator("svg#peers-funnel circle").count() == 6 + 1  # with the legend's dot
    assert page.locator("#peers-funnel-table tbody tr").count() == 6
    button = page.get_by_role("button", name="Download PNG")
    with page.expect_download() as info:
        button.click()
    download = info.value
    assert download.suggested_filename == "peers-funnel.png"
    with open(download.path(), "rb") as png:
        assert png.read(8) == b"\x89PNG\r\n\x1a\n"
    assert axe_violations(page) == []


def test_without_javascript_the_plot_and_table_are_there(new_browser_page, group):
    page = new_browser_page(java_script_enabled=False)
    page.goto("/data/peers/?rate=naloxone")
    assert page.locator("svg#peers-funnel").is_visible()
    # The smallest gave naloxone 3 times: a count below 5 is not drawn.
    assert page.locator("#peers-funnel-table tbody tr").count() == 5
    assert page.get_by_text("1 facility with a count from 1 to 4 is not drawn").is_visible()
    assert page.get_by_role("button", name="Download PNG").count() == 0


def test_a_reporter_on_a_phone_sees_their_facility_and_the_page_fits(
    new_browser_page, group, client, reporter, live_server
):
    group[-1].reporters.add(reporter)
    page = phone_page(new_browser_page)
    sign_in(page, client, reporter, live_server)
    page.goto("/data/peers/")
    assert page.get_by_role("heading", name="Your facility").is_visible()
    assert page.locator("svg#peers-funnel text", has_text="Browser Peer 6").count() == 1
    assert page_width(page)[0] <= page_width(page)[1]
    assert unreachable_scroll_boxes(page) == []
    assert axe_violations(page) == []
    page.goto(f"/data/facilities/{group[-1].public_id}/")
    assert page.get_by_role("heading", name="Compared with peer facilities").is_visible()
    assert unreachable_scroll_boxes(page) == []
    assert axe_violations(page) == []
