"""The account pages in Chromium: no accessibility violations, nothing blocked by the CSP."""

from __future__ import annotations

import pytest

from dcrnet.tests.conftest import PASSWORD
from testing.browser import axe_violations

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    "url",
    [
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/password/reset/",
        "/fr/accounts/login/",
        "/de/accounts/signup/",
        "/nl/accounts/password/reset/",
        "/es/accounts/login/",
    ],
)
def test_the_ways_in_have_no_accessibility_violations(browser_page, url):
    browser_page.goto(url)
    assert axe_violations(browser_page) == []


def test_a_wrong_password_and_the_second_factor_page_are_accessible(browser_page, staff):
    page = browser_page
    page.goto("/accounts/login/")
    page.fill("#id_login", staff.email)
    page.fill("#id_password", "not the password at all")
    page.click("main button[type=submit]")  # not the header's language switcher
    page.wait_for_load_state()
    assert axe_violations(page) == []
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")  # not the header's language switcher
    page.wait_for_url("**/accounts/2fa/authenticate/")
    assert axe_violations(page) == []


def test_a_signed_in_members_account_pages_are_accessible(browser_page, member):
    page = browser_page
    page.goto("/accounts/login/")
    page.fill("#id_login", member.email)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")  # not the header's language switcher
    page.wait_for_url(lambda url: url.endswith("/") and "/accounts/" not in url)
    for url in ["/accounts/email/", "/accounts/2fa/", "/accounts/sessions/"]:
        page.goto(url)
        assert axe_violations(page) == [], url
    page.screenshot(path="/tmp/acc_sessions.png")
