"""The demo accounts table on the sign-in page, in Chromium at desktop and phone width."""

from __future__ import annotations

import pytest

from dcrnet.demo.accounts import ACCOUNTS, load_accounts
from dcrnet.demo.loader import Tally
from testing.browser import axe_violations

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 390])
def test_the_demo_accounts_table_is_accessible(
    new_browser_page, settings, facility, contact_organisation, width
):
    settings.DEBUG = True
    load_accounts(Tally())
    page = new_browser_page(viewport={"width": width, "height": 800})
    page.goto("/accounts/login/")
    assert page.locator("#demo-accounts").is_visible()
    assert page.locator("section.card img").count() == sum(1 for a in ACCOUNTS if a.totp_secret)
    assert axe_violations(page) == []
