"""The account pages of a member in Chromium: /account/, the profile (also with an error), the
consents, the re-authentication before the data download and the deletion, and a member's handle
page; no accessibility violations, nothing blocked by the CSP."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client
from playwright.sync_api import expect

from dcrnet.community.models import ExpertiseTag, Profile, Role
from dcrnet.tests.conftest import PASSWORD
from testing.browser import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def people(member, non_member):
    """A member (ana) and another member (bea) with a full profile and a listed organisation."""
    from dcrnet.organisations.models import Membership, Status
    from dcrnet.organisations.tests.conftest import make_organisation

    member.handle = "ana"
    member.save(update_fields=["handle"])
    other = non_member
    other.handle = "bea"
    other.save(update_fields=["handle"])
    other.groups.add(Group.objects.get_or_create(name=Role.MEMBER)[0])
    profile = Profile.objects.create(
        user=other,
        real_name="Beatrix Example",
        show_real_name=True,
        languages=["de", "en"],
        country="DE",
    )
    profile.expertise.add(ExpertiseTag.objects.create(name="Night shifts", slug="night-shifts"))
    Membership.objects.create(
        user=other,
        organisation=make_organisation("Peer Group Nord", country="DE"),
        status=Status.APPROVED,
        listed=True,
    )
    return member, other


def signed_in(page, live_server, user):
    client = Client()
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
    return page


def test_a_members_account_pages_have_no_accessibility_violations(
    browser_page, live_server, people
):
    member, other = people
    page = signed_in(browser_page, live_server, member)
    found = {}

    def check(label: str) -> None:
        violations = axe_violations(page)
        if violations:
            found[label] = violations

    for url in [
        "/account/",
        "/account/profile/",
        "/account/consents/",
        f"/members/{other.handle}/",
    ]:
        response = page.goto(url)
        assert response.status == 200, url
        check(url)
    expect(page.locator("main")).to_contain_text("Beatrix Example")  # she opted in
    expect(page.locator("main")).to_contain_text("Peer Group Nord")

    page.goto("/account/profile/")
    page.fill("#id_handle", "no spaces allowed!")
    page.get_by_role("button", name="Save profile").click()
    page.wait_for_load_state()
    expect(page.locator("main .errorlist").first).to_be_visible()
    check("/account/profile/ with an error")

    page.goto("/account/export/")  # asks for the password again first
    page.wait_for_url("**/accounts/reauthenticate/**")
    check("the re-authentication page")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/account/export/")
    check("/account/export/")
    page.goto("/account/delete/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    check("/account/delete/")
    assert found == {}
