"""The platform's headers as Chromium reads them."""

from __future__ import annotations

import pytest

from dcrnet.lib import middleware

pytestmark = pytest.mark.browser


def permissions_policy_messages(page, path: str = "/") -> list[str]:
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    page.goto(path)
    page.wait_for_load_state("load")
    return [text for text in messages if "Permissions-Policy" in text or "Feature Policy" in text]


def test_chromium_knows_every_feature_of_the_permissions_policy(browser_page, facility):
    assert permissions_policy_messages(browser_page) == []
    assert permissions_policy_messages(browser_page, "/map/") == []


def test_chromium_would_report_a_feature_it_does_not_know(browser_page, monkeypatch):
    # The check above can fail: an invented (or retired) feature is reported in the console.
    monkeypatch.setattr(middleware, "PERMISSIONS_POLICY", "camera=(), no-such-feature=()")
    browser_page.console_errors.clear()
    assert permissions_policy_messages(browser_page)
    browser_page.console_errors.clear()
