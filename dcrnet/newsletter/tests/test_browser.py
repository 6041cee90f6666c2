"""The newsletter in Chromium: a visitor subscribes (the box starts unticked, forgetting it is
said beside the box), confirms from the emailed link, gets an issue an editor previewed and
approved, and unsubscribes from its link, with and without JavaScript; every page on the way has
no accessibility violation, on a phone too."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.utils import translation
from playwright.sync_api import expect

from dcrnet.newsletter.models import Status, Subscriber
from dcrnet.newsletter.notifications import unsubscribe_url
from dcrnet.newsletter.tests.conftest import make_issue
from testing.browser import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


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


def link_in(message, kind: str) -> str:
    (url,) = re.findall(
        rf"{re.escape(settings.SITE_URL)}(\S*/newsletter/{kind}/\S+/)", message.body
    )
    return url


def test_subscribe_confirm_receive_and_unsubscribe(new_browser_page, live_server, editor):
    found = {}

    def check(page, label):
        if violations := axe_violations(page):
            found[label] = violations

    visitor = new_browser_page()
    visitor.goto("/newsletter/")
    check(visitor, "subscribe")
    box = visitor.get_by_label("I have read the notice above and want the newsletter")
    expect(box).not_to_be_checked()
    visitor.get_by_label("Your email address").fill("reader@example.org")
    visitor.get_by_role("button", name="Subscribe").click()
    expect(visitor.get_by_role("alert")).to_contain_text("Please tick the box to subscribe.")
    check(visitor, "subscribe with errors")
    assert not Subscriber.objects.exists()
    visitor.get_by_label("I have read the notice above and want the newsletter").check()
    visitor.get_by_role("button", name="Subscribe").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Check your inbox")
    check(visitor, "check your inbox")

    (confirmation,) = mail.outbox
    visitor.goto(link_in(confirmation, "confirm"))
    check(visitor, "confirm")
    assert Subscriber.objects.get().status == Status.PENDING  # opening it confirmed nothing
    visitor.get_by_role("button", name="Yes, send me the newsletter").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("You are subscribed")
    check(visitor, "confirmed")
    assert Subscriber.objects.get().status == Status.CONFIRMED

    issue = make_issue()
    desk = signed_in(new_browser_page, live_server, editor)
    desk.goto("/newsletter/issues/")
    check(desk, "issues")
    desk.get_by_role("link", name="November 2026").click()
    expect(desk.locator("pre")).to_contain_text("Welcome to the November issue.")
    check(desk, "preview")
    desk.get_by_role("link", name="French").click()
    expect(desk.locator("pre")).to_contain_text("Bienvenue dans le numéro de novembre.")
    desk.get_by_role("button", name="Approve and send this issue").click()
    expect(desk.locator("main")).to_contain_text("is approved")
    issue.refresh_from_db()
    assert issue.status == "sent"

    newsletter = mail.outbox[-1]
    assert newsletter.to == ["reader@example.org"]
    visitor.goto(link_in(newsletter, "unsubscribe"))
    check(visitor, "unsubscribe")
    assert Subscriber.objects.get().status == Status.CONFIRMED
    visitor.get_by_role("button", name="Unsubscribe").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("You are unsubscribed")
    check(visitor, "unsubscribed")
    assert Subscriber.objects.get().status == Status.UNSUBSCRIBED

    visitor.set_viewport_size({"width": 360, "height": 740})
    visitor.goto("/newsletter/")
    check(visitor, "subscribe on a phone")
    desk.set_viewport_size({"width": 360, "height": 740})
    desk.goto(f"/newsletter/issues/{issue.pk}/preview/")
    check(desk, "preview on a phone")
    assert found == {}, found


def test_it_all_works_without_javascript(new_browser_page):
    page = new_browser_page(java_script_enabled=False)
    page.goto("/fr/newsletter/")
    page.locator("#id_email").fill("lecteur@example.org")
    page.locator("#id_consent").check()
    page.locator("main button[type=submit]").click()
    (confirmation,) = mail.outbox
    page.goto(link_in(confirmation, "confirm"))
    page.locator("main form button").click()
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Status.CONFIRMED and subscriber.language == "fr"
    with translation.override("fr"):
        page.goto(unsubscribe_url(subscriber).removeprefix(settings.SITE_URL))
    page.locator("main form button").click()
    subscriber.refresh_from_db()
    assert subscriber.status == Status.UNSUBSCRIBED
