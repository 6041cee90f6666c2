"""Exchange visits in Chromium: a member asks a facility for a visit (JavaScript off: the forms
work without it), the host contact accepts it, both agree to show it and it appears on the
list of hosts. axe-core finds no violation on the list, the facility's page, the form with its
errors, the visit's page on both sides, a person's visits and the host's terms."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from playwright.sync_api import expect

from dcrnet.community.models import Role
from dcrnet.visits.models import Visit, VisitStatus
from testing.browser import axe_violations

from .conftest import make_host, make_person, soon

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


def test_a_member_asks_and_the_host_accepts(new_browser_page, live_server, facility, mailoutbox):
    contact = make_person("host-contact", Role.MEMBER, mfa=True)
    member = make_person("visiting-member", Role.MEMBER)
    make_host(facility, contact, availability="Tuesday mornings", max_group_size=5)
    first = soon(20)

    checker = new_browser_page()

    def axe_clean(page, path: str | None = None) -> list[str]:
        if path:
            page.goto(path)
        return axe_violations(page)

    assert axe_clean(checker, "/visits/") == []
    assert axe_clean(checker, facility.get_absolute_url()) == []

    visitor = signed_in(new_browser_page, live_server, member, java_script_enabled=False)
    visitor.goto("/visits/")
    visitor.get_by_role("link", name=re.compile(r"^Ask for a visit\W+Abrigado$")).click()
    visitor.get_by_role("button", name="Send my request").click()  # empty: the errors
    expect(visitor.get_by_role("alert")).to_contain_text("Please correct the following")
    visitor.get_by_label("First day").fill(first.isoformat())
    visitor.get_by_label("Last day").fill((first + dt.timedelta(days=1)).isoformat())
    visitor.get_by_label("People in the group").fill("9")
    visitor.get_by_label("Purpose of the visit").fill("See how the intake and shifts work.")
    visitor.get_by_label("German").check()
    visitor.get_by_role("button", name="Send my request").click()
    expect(visitor.get_by_role("alert")).to_contain_text("at most 5 people")
    javascript = signed_in(new_browser_page, live_server, member)
    javascript.goto(visitor.url)
    javascript.get_by_role("button", name="Send my request").click()
    assert axe_violations(javascript) == []  # the form with its errors
    visitor.get_by_label("People in the group").fill("4")
    visitor.get_by_role("button", name="Send my request").click()
    expect(visitor.locator("main")).to_contain_text("Your request was sent.")
    visit = Visit.objects.get()
    assert [m.to for m in mail.outbox] == [["host-contact@example.org"]]
    assert axe_clean(javascript, visit.get_absolute_url()) == []

    host = signed_in(new_browser_page, live_server, contact, java_script_enabled=False)
    host.goto("/visits/mine/")
    host.get_by_role("link", name="Abrigado", exact=True).click()
    expect(host.locator("main")).to_contain_text("See how the intake and shifts work.")
    host_js = signed_in(new_browser_page, live_server, contact)
    assert axe_clean(host_js, visit.get_absolute_url()) == []
    host.get_by_label("Accept the visit on these dates").check()
    host.get_by_role("button", name="Send my answer").click()
    expect(host.locator("main")).to_contain_text("You accepted the visit.")
    visit.refresh_from_db()
    assert visit.status == VisitStatus.ACCEPTED
    assert mail.outbox[-1].to == ["visiting-member@example.org"]

    host.get_by_role("button", name="I agree to show it").click()
    visitor.goto(visit.get_absolute_url())
    expect(visitor.locator("main")).to_contain_text("Accepted the visit")
    visitor.get_by_role("button", name="I agree to show it").click()
    expect(visitor.locator("main")).to_contain_text("shown publicly")

    checker.goto("/visits/")
    expect(checker.locator("main")).to_contain_text("a group of 4")
    assert axe_violations(checker) == []
    assert axe_clean(host_js, "/visits/mine/") == []
    assert axe_clean(host_js, f"/visits/host/{facility.public_id}/") == []
