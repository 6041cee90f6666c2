"""The alerts pages in Chromium: the alert page (current and retracted), the list, the
reviewers' pages (with a review's and a retraction's errors) and a member's subscription have
no accessibility violations; two reviewers review without JavaScript at phone width."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from dcrnet.alerts import services
from dcrnet.alerts.models import Alert, NamingConsent
from testing.browser import axe_violations

from . import test_review as shared
from .test_public import make_alert

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Fixtures shared with test_review.py.
heroin = shared.heroin
region = shared.region
reviewer = shared.reviewer
second_facility = shared.second_facility
second_reviewer = shared.second_reviewer
signal = shared.signal
substance = shared.substance


def signed_in(new_browser_page, live_server, user, **options):
    client = Client()
    client.force_login(user)
    page = new_browser_page(**options)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return page


def test_the_alert_page_and_the_list_are_accessible(
    browser_page, facility, region, substance, heroin
):
    NamingConsent.objects.create(facility=facility)
    alert = make_alert(
        place=region,
        drug=substance,
        named=[facility],
        observed=3,
        expected=0.8,
        p_value=0.04,
        form="powder",
        sold_as=heroin,
        confirmation="ftir",
        actions="Outreach teams told.",
    )
    retracted = make_alert("amber", retracted=timezone.now(), retraction_reason="Wrong batch.")
    found = {}
    for label, url in (
        ("alert", f"/alerts/{alert.public_id}/"),
        ("retracted alert", f"/alerts/{retracted.public_id}/"),
        ("list", "/alerts/"),
        ("list with a bad filter", "/alerts/?grade=purple"),
    ):
        browser_page.goto(url)
        if violations := axe_violations(browser_page):
            found[label] = violations
    assert found == {}
    browser_page.goto(f"/alerts/{alert.public_id}/")
    expect(browser_page.locator('[data-count="linked_overdoses"]')).to_have_text("<5")
    expect(browser_page.get_by_role("heading", level=1)).to_have_text(alert.title)


def review(page, key: str, grade: str = "") -> None:
    card = page.locator("article", has_text=key)
    card.get_by_label("Confirm").check()
    if grade:
        card.get_by_label("Grade").select_option(grade)
    card.get_by_role("button", name="Record my review").click()


def test_two_reviewers_review_at_phone_width_without_javascript(
    new_browser_page, live_server, signal, reviewer, second_reviewer
):
    phone = {"viewport": {"width": 375, "height": 740}, "java_script_enabled": False}
    first = signed_in(new_browser_page, live_server, reviewer, **phone)
    first.goto("/alerts/review/")
    review(first, signal.key)
    expect(first.get_by_role("alert")).to_contain_text("Please choose a grade")
    review(first, signal.key, "red")
    expect(first.get_by_role("status")).to_contain_text("Your review was recorded")

    second = signed_in(new_browser_page, live_server, second_reviewer, **phone)
    second.goto("/alerts/review/")
    review(second, signal.key, "amber")
    expect(second.get_by_role("status")).to_contain_text("Your review was recorded")
    assert Alert.objects.get().grade == "amber"


def test_the_reviewers_pages_are_accessible(
    new_browser_page, live_server, signal, reviewer, second_reviewer
):
    found = {}

    def check(label):
        if violations := axe_violations(page):
            found[label] = violations

    page = signed_in(new_browser_page, live_server, reviewer)
    page.goto("/alerts/review/")
    check("queue")
    review(page, signal.key)
    expect(page.get_by_role("alert")).to_contain_text("Please choose a grade")
    check("queue with errors")
    review(page, signal.key, "red")
    services.review(signal, second_reviewer, "confirm", grade="red")
    alert = Alert.objects.get()
    page.goto(f"/alerts/{alert.public_id}/edit/")
    check("edit")
    page.goto(f"/alerts/{alert.public_id}/retract/")
    page.get_by_role("button", name="Retract the alert").click()
    expect(page.get_by_role("alert")).to_contain_text("Reason for the retraction")
    check("retract with errors")
    assert found == {}


def test_the_subscription_page_is_accessible(new_browser_page, live_server, member, region):
    page = signed_in(new_browser_page, live_server, member)
    page.goto("/alerts/subscription/")
    page.get_by_label("Red: immediate danger (public)").check()
    page.get_by_label("Luxembourg").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text("Your alert emails are saved")
    assert axe_violations(page) == []
