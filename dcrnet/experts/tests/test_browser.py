"""Help from experts in Chromium: an anonymous visitor asks for help (JavaScript off: the forms
work without it), staff route the request, the expert accepts and answers, the visitor reads
the answer through the emailed link and replies. axe-core finds no violation on the directory,
the help page, the form (with its errors) and the conversation."""

from __future__ import annotations

import re
import time
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from playwright.sync_api import expect

from dcrnet.experts.models import HelpRequest, RequestStatus
from testing.browser import axe_violations

from .conftest import make_expert

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


def mail_to(address: str, timeout: float = 5.0) -> list:
    deadline = time.monotonic() + timeout
    while True:
        found = [m for m in mail.outbox if address in m.to]
        if found or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


def link_in(message) -> str:
    """The path of the email's link (SITE_URL is not the live server's address)."""
    return urlsplit(re.search(r"https?://\S+", message.body)[0]).path


def test_anonymous_visitor_asks_staff_route_expert_answers_visitor_replies(
    new_browser_page, live_server, tags, staff, mailoutbox
):
    topic = tags["site-selection"]
    expert = make_expert("sara-lisbon", [topic], languages=("pt", "en"), countries=("PT",))
    make_expert("other-helper", [topic], languages=("de",))

    # axe runs in a page with JavaScript; the visitor's page has none (the forms work without).
    checker = new_browser_page()

    def axe_clean(path: str) -> list[str]:
        checker.goto(path)
        return axe_violations(checker)

    assert axe_clean("/experts/") == []
    assert axe_clean("/help/") == []
    checker.goto("/help/ask/")
    checker.get_by_role("button", name="Send my request").click()  # empty: the error summary
    expect(checker.get_by_role("alert")).to_contain_text("Please correct the following")
    assert axe_violations(checker) == []

    visitor = new_browser_page(java_script_enabled=False)
    visitor.goto("/experts/")
    expect(visitor.get_by_role("heading", name="sara-lisbon")).to_be_visible()
    visitor.goto("/help/")
    visitor.get_by_role("link", name="Site selection").click()
    expect(visitor.get_by_label("Topic")).to_have_value("site-selection")
    visitor.get_by_role("button", name="Send my request").click()  # empty: errors
    expect(visitor.locator("#form-errors")).to_contain_text("Please correct the following")
    visitor.get_by_label("Language you want to be answered in").select_option("pt")
    visitor.get_by_label("Country (optional)").select_option("PT")
    visitor.get_by_label("What do you need?").fill("How did you choose the site in Lisbon?")
    visitor.get_by_label("Your email address").fill("visitor@example.net")
    visitor.get_by_role("button", name="Send my request").click()
    visitor.wait_for_url("**/help/sent/")
    (confirmation,) = mail_to("visitor@example.net")
    reply_link = link_in(confirmation)
    request = HelpRequest.objects.get()

    desk = signed_in(new_browser_page, live_server, staff)
    desk.goto("/help/triage/")
    desk.get_by_role("link", name=re.compile(r"\d")).first.click()
    proposal = desk.get_by_role("group", name="Ask these experts")
    labels = proposal.locator("label").all_inner_texts()
    assert labels[0].startswith("sara-lisbon")  # speaks Portuguese, covers Portugal
    desk.get_by_label(re.compile(r"^sara-lisbon")).check()
    desk.get_by_role("button", name="Ask the chosen experts").click()
    expect(desk.locator("main")).to_contain_text("Asked: sara-lisbon.")
    (invitation,) = mail_to("sara-lisbon@example.org")
    assert "/experts/me/requests/" in invitation.body

    helper = signed_in(new_browser_page, live_server, expert.user, java_script_enabled=False)
    helper.goto("/experts/me/requests/")
    expect(helper.locator("main")).to_contain_text("How did you choose the site in Lisbon?")
    helper.get_by_label("Accept: join the conversation").check()
    helper.get_by_role("button", name="Send my answer").click()
    helper.wait_for_url(f"**/help/{request.public_id}/")
    helper.get_by_label("Your message").fill("We mapped where people used in public first.")
    helper.get_by_role("button", name="Send").click()
    expect(helper.locator("main")).to_contain_text("Your message was sent.")

    answers = [m for m in mail_to("visitor@example.net") if m is not confirmation]
    assert answers and link_in(answers[-1]) == reply_link
    visitor.goto(reply_link)
    expect(visitor.locator("main")).to_contain_text("We mapped where people used in public first.")
    assert axe_clean(reply_link) == []
    visitor.get_by_label("Your message").fill("Thank you, that helps.")
    visitor.get_by_role("button", name="Send").click()
    expect(visitor.locator("main")).to_contain_text("Thank you, that helps.")
    request.refresh_from_db()
    assert request.status == RequestStatus.ANSWERED
    assert mail_to("sara-lisbon@example.org")[-1].subject.startswith("New message")

    visitor.get_by_role("button", name="Close this request").click()
    expect(visitor.locator("main")).to_contain_text("can only be read")
    expect(visitor.get_by_label("Your message")).to_have_count(0)
    assert axe_clean(reply_link) == []
