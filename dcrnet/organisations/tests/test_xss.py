"""The XSS corpus (RELIABILITY 34) through every free text of organisations and memberships:
name, statement, website, decision reason, on every page and email that shows them."""

from __future__ import annotations

import pytest
from django.utils.html import escape

from dcrnet.organisations import services
from dcrnet.organisations.models import Membership, Organisation, Status
from testing.xss import XSS, unsafe_markup

from .conftest import make_organisation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("payload", XSS)
def test_a_hostile_application_renders_as_text_everywhere(
    payload, as_user, non_member, staff, contact, organisation
):
    client = as_user(non_member)
    client.post(
        "/organisations/apply/",
        {"name": payload, "kind": "ngo", "statement": payload, "website": "https://ok.example"},
    )
    applied = Organisation.objects.get(applied_by=non_member)
    client.post("/members/join/", {"organisation": organisation.pk, "statement": payload})
    membership = Membership.objects.get(user=non_member, organisation=organisation)
    pages = {
        "organisation queue": as_user(staff).get("/organisations/applications/"),
        "membership queue (staff)": as_user(staff).get("/members/applications/"),
        "membership queue (contact)": as_user(contact).get("/members/applications/"),
    }
    services.decide_organisation(staff, applied.pk, approve=True)
    # An approved contact must use a second factor before any page (the MFA rule).
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(non_member, generate_totp_secret())
    services.decide_membership(contact, membership.pk, approve=False, reason=payload)
    pages["mine"] = client.get("/members/applications/mine/")
    pages["list"] = as_user(None).get("/organisations/")
    pages["detail"] = as_user(None).get(f"/organisations/{applied.slug}/")
    for where, response in pages.items():
        assert response.status_code == 200, where
        html = response.content.decode()
        assert unsafe_markup(html) == [], where
        assert "<script>alert" not in html, where
    mine = pages["mine"].content.decode()
    assert escape(payload) in mine  # the reason is shown, escaped, not dropped
    api = as_user(None).get(f"/api/v1/organisations/{applied.slug}")
    assert api.json()["name"] == payload  # JSON carries the text as it is; clients escape it


@pytest.mark.parametrize(
    "website",
    [
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "JaVaScRiPt:alert(1)",
        "vbscript:msgbox(1)",
        'https://ok.example/"onmouseover="alert(1)',
    ],
)
def test_a_website_is_an_http_address_or_refused(website, as_user, non_member):
    response = as_user(non_member).post(
        "/organisations/apply/",
        {"name": "Sneaky", "kind": "ngo", "statement": "x", "website": website},
    )
    created = Organisation.objects.filter(applied_by=non_member).first()
    if created is None:
        assert response.status_code == 200
        assert "errorlist" in response.content.decode()
    else:  # accepted only as an http(s) address, and then rendered safely
        assert created.website.startswith("https://")
        created.status = Status.APPROVED
        created.save()
        page = as_user(None).get(f"/organisations/{created.slug}/").content.decode()
        assert unsafe_markup(page) == []


def test_a_stored_bad_scheme_is_never_a_link(as_user, db):
    # Data that did not come through the form (admin import, an old row): no link at all.
    make_organisation("Stored", website="javascript:alert(1)", source="data:text/html,x")
    page = as_user(None).get("/organisations/stored/").content.decode()
    assert unsafe_markup(page) == []
    assert "javascript:" not in page


def test_the_decision_email_is_plain_text(staff, applicant, mailoutbox):
    from dcrnet.community.tests.conftest import sending

    membership = applicant.memberships.get()
    with sending():
        services.decide_membership(staff, membership.pk, approve=False, reason=XSS[0])
    (email,) = mailoutbox
    assert email.content_subtype == "plain"
    assert XSS[0] in email.body  # verbatim in plain text, not HTML-escaped into gibberish
