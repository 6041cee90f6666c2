"""Every allauth page we use renders in the site's layout with nothing the CSP would block."""

from __future__ import annotations

import re

import pytest
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.core import mail
from django.test import Client

from dcrnet.community.tests.conftest import sending, totp_code
from dcrnet.tests.conftest import PASSWORD, audit, foreign

pytestmark = pytest.mark.django_db


def assert_site_page(response) -> None:
    assert response.status_code == 200, response
    body = response.content.decode()
    assert 'class="site-header"' in body and 'class="skip-link"' in body
    assert body.count("<h1") == 1
    found = audit(body)
    assert found.inline_scripts == [], found.inline_scripts
    assert found.inline_styles == []
    assert found.style_attributes == [], found.style_attributes
    assert found.event_handlers == []
    assert foreign(found.resource_urls) == []


@pytest.mark.parametrize(
    "url",
    [
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/password/reset/",
        "/accounts/password/reset/done/",
        "/accounts/confirm-email/",
        "/accounts/inactive/",
    ],
)
def test_anonymous_account_pages_use_the_site_layout(client, url):
    assert_site_page(client.get(url))


def test_the_login_page_offers_no_passkey_or_code_script(client):
    body = client.get("/accounts/login/").content.decode()
    assert "<script" not in body.split("</head>")[1].replace(
        '<script src="/static/vendor/htmx/htmx.min.js" defer></script>', ""
    )


@pytest.mark.parametrize(
    "url",
    [
        "/accounts/logout/",
        "/accounts/email/",
        "/accounts/password/change/",
        "/accounts/sessions/",
        "/accounts/2fa/",
        "/accounts/reauthenticate/",
    ],
)
def test_member_account_pages_use_the_site_layout(client, member, url):
    client.force_login(member)
    assert_site_page(client.get(url))


def test_the_signup_confirmation_and_reset_pages_use_the_site_layout(client):
    email = "new-person@example.org"
    with sending():
        response = client.post(
            "/accounts/signup/",
            {
                "email": email,
                "password1": "a fresh long passphrase",
                "password2": "a fresh long passphrase",
            },
        )
    assert response.status_code == 302
    link = re.search(r"http://testserver(/accounts/confirm-email/\S+/)", mail.outbox[-1].body)
    assert_site_page(client.get(link.group(1)))
    client.post(link.group(1))
    with sending():
        client.post("/accounts/password/reset/", {"email": email})
    reset = re.search(r"http://testserver(/accounts/password/reset/key/\S+/)", mail.outbox[-1].body)
    response = client.get(reset.group(1), follow=True)
    assert_site_page(response)


def test_totp_activation_uses_the_site_layout(client, member):
    client.post("/accounts/login/", {"login": member.email, "password": PASSWORD})
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    response = client.get("/accounts/2fa/totp/activate/")
    assert_site_page(response)
    assert 'src="data:image/svg+xml;base64,' in response.content.decode()


@pytest.fixture
def staff_client(staff):
    client = Client()
    client.post("/accounts/login/", {"login": staff.email, "password": PASSWORD})
    return client


def test_the_second_factor_page_uses_the_site_layout(staff_client):
    assert_site_page(staff_client.get("/accounts/2fa/authenticate/"))


def test_the_recovery_code_pages_use_the_site_layout(staff_client, staff):
    staff_client.post("/accounts/2fa/authenticate/", {"code": totp_code(staff)})
    RecoveryCodes.activate(staff)
    assert_site_page(staff_client.get("/accounts/2fa/"))
    # Seeing or changing codes needs a fresh reauthentication first.
    assert_site_page(staff_client.get("/accounts/2fa/recovery-codes/", follow=True))
    staff_client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    response = staff_client.get("/accounts/2fa/recovery-codes/")
    assert_site_page(response)
    assert "Unused codes" in response.content.decode()
    assert_site_page(staff_client.get("/accounts/2fa/recovery-codes/generate/"))


def test_the_mfa_reauthentication_page_uses_the_site_layout(staff_client, staff):
    staff_client.post("/accounts/2fa/authenticate/", {"code": totp_code(staff)})
    assert_site_page(staff_client.get("/accounts/2fa/reauthenticate/"))
    assert_site_page(staff_client.get("/accounts/2fa/totp/deactivate/", follow=True))
