"""The organisation and membership pages in Chromium: no accessibility violations (also with a
form's errors shown), nothing blocked by the CSP; the list filters in place with htmx."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from dcrnet.organisations.models import Kind, Membership, Status
from testing.browser import axe_violations

from .conftest import make_organisation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def signed_in(new_browser_page, live_server, user):
    client = Client()
    client.force_login(user)
    page = new_browser_page()
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


@pytest.fixture
def network(organisation, contact, other_organisation, applicant, staff, non_member):
    """Two approved organisations, one waiting, a pending individual application, a pending
    application to `organisation` and a declined one with its reason."""
    make_organisation("Nordic Research Institute", status=Status.PENDING, kind=Kind.RESEARCH)
    non_member.handle = "visitor"
    non_member.save(update_fields=["handle"])
    Membership.objects.create(
        user=non_member, organisation=organisation, statement="I volunteer on Saturdays."
    )
    Membership.objects.create(
        user=non_member,
        organisation=other_organisation,
        status=Status.DECLINED,
        decision_reason="We only take people who use drugs.",
    )
    return {"organisation": organisation, "applicant": applicant, "visitor": non_member}


def test_every_organisation_and_membership_page_has_no_accessibility_violations(
    new_browser_page, live_server, network, staff
):
    slug = network["organisation"].slug
    found = {}

    def check(page, label: str) -> None:
        violations = axe_violations(page)
        if violations:
            found[label] = violations

    desk = signed_in(new_browser_page, live_server, staff)
    for url in [
        "/organisations/",
        f"/organisations/{slug}/",
        "/members/applications/",
        "/organisations/applications/",
    ]:
        response = desk.goto(url)
        assert response.status == 200, url
        check(desk, f"staff: {url}")
    expect(desk.locator("main")).to_contain_text("Nordic Research Institute")  # in the queue

    visitor = signed_in(new_browser_page, live_server, network["visitor"])
    for url in ["/organisations/apply/", "/members/join/", "/members/applications/mine/"]:
        response = visitor.goto(url)
        assert response.status == 200, url
        check(visitor, f"visitor: {url}")
    expect(visitor.locator("main")).to_contain_text("We only take people who use drugs.")

    # The forms with their errors (both are novalidate: the server's messages are what show).
    visitor.goto("/members/join/")
    visitor.get_by_label("Apply").select_option(label="Abrigado Operator")  # already applied
    visitor.get_by_role("button", name="Send the application").click()
    visitor.wait_for_load_state()
    expect(visitor.locator("main .errorlist").first).to_be_visible()
    check(visitor, "/members/join/ with errors")
    visitor.goto("/organisations/apply/")
    visitor.locator("main form[method=post] button[type=submit]").click()
    visitor.wait_for_load_state()
    expect(visitor.locator("main .errorlist").first).to_be_visible()
    check(visitor, "/organisations/apply/ with errors")

    anonymous = new_browser_page()
    anonymous.goto(f"/organisations/{slug}/")
    check(anonymous, f"anonymous: /organisations/{slug}/")
    assert found == {}


def test_the_list_filters_in_place(browser_page, organisation, other_organisation):
    page = browser_page
    page.goto("/organisations/")
    rows = page.locator("#results tbody tr")
    expect(rows).to_have_count(2)
    page.get_by_label("Kind of organisation").select_option(Kind.PEER_GROUP)
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Peer Group Nord")
    assert "kind=peer%20group" in page.url  # hx-push-url: the filtered list has its address
    assert axe_violations(page) == []
