"""Your data: the overview, the export (RELIABILITY 57) and re-authentication before export and
deletion (RELIABILITY 25)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import time_machine
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.test import Client

from dcrnet.community.models import Consent, Profile
from dcrnet.community.services import give_consent, withdraw_consent
from dcrnet.community.tests.conftest import totp_code
from dcrnet.tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

EXPORT, DELETE = "/account/export/", "/account/delete/"


def sign_in(user) -> Client:
    """A real password sign-in (allauth records when the person authenticated)."""
    client = Client()
    response = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302, response
    if response["Location"] == "/accounts/2fa/authenticate/":
        response = client.post(response["Location"], {"code": totp_code(user)})
        assert response.status_code == 302, response
    return client


def reauthenticate(client: Client) -> None:
    response = client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    assert response.status_code == 302


def test_overview_links_everything(non_member):
    client = Client()
    client.force_login(non_member)
    body = client.get("/account/").content.decode()
    for href in (
        "/account/profile/",
        "/account/consents/",
        "/members/applications/mine/",
        "/accounts/sessions/",
        "/accounts/2fa/",
        "/account/export/",
        "/account/delete/",
    ):
        assert f'href="{href}"' in body, href


@pytest.mark.parametrize("url", ["/account/", EXPORT, DELETE])
def test_anonymous_is_sent_to_sign_in(client, url):
    for method in (client.get, client.post):
        response = method(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("url", [EXPORT, DELETE])
def test_export_and_delete_need_a_recent_authentication(non_member, url):
    """RELIABILITY 25: more than 5 minutes after signing in, the password is asked again."""
    start = dt.datetime.now(tz=dt.UTC)
    with time_machine.travel(start, tick=False) as clock:
        client = sign_in(non_member)
        reauthenticate(client)
        assert client.get(url).status_code == 200
        clock.shift(dt.timedelta(minutes=5, seconds=1))
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 302, method
            assert response["Location"].startswith("/accounts/reauthenticate/")
        reauthenticate(client)
        assert client.get(url).status_code == 200


def test_a_forced_login_has_not_authenticated_recently(non_member):
    client = Client()
    client.force_login(non_member)
    assert client.post(EXPORT)["Location"].startswith("/accounts/reauthenticate/")


def make_data(user, handle: str) -> None:
    """Some of everything for one person."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    user.handle = handle
    user.save()
    Profile.objects.create(user=user, real_name=f"Name of {handle}", country="LU")
    give_consent(user, "digest")
    withdraw_consent(user, "digest")
    give_consent(user, "digest")
    EmailAddress.objects.create(user=user, email=f"second-{handle}@example.org")
    TOTP.activate(user, generate_totp_secret())
    UserSession.objects.create(
        user=user, ip="192.0.2.7", session_key=f"key-{handle}", user_agent="Firefox"
    )


def export_of(user) -> tuple[dict, object]:
    client = sign_in(user)
    reauthenticate(client)
    response = client.post(EXPORT)
    return json.loads(response.content), response


def test_export_is_a_json_attachment_not_stored(non_member):
    document, response = export_of(non_member)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment;")
    assert ".json" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    assert document["records"]["community.account"][0]["email"] == non_member.email


@time_machine.travel(dt.datetime(2026, 12, 1, 10, 0, 7, tzinfo=dt.UTC), tick=False)
def test_export_counts_match_the_database_and_hold_nobody_else(non_member, member):
    make_data(non_member, "first-person")
    make_data(member, "second-person")
    document, _ = export_of(non_member)
    records = document["records"]
    expected = {
        "community.account": 1,
        "community.profile": Profile.objects.filter(user=non_member).count(),
        "community.consents": Consent.objects.filter(user=non_member).count(),
        "community.email_addresses": EmailAddress.objects.filter(user=non_member).count(),
        "community.sessions": UserSession.objects.filter(user=non_member).count(),
        "community.mfa_authenticators": Authenticator.objects.filter(user=non_member).count(),
    }
    assert expected["community.consents"] == 2 and expected["community.sessions"] >= 1
    for kind, count in expected.items():
        assert len(records[kind]) == count, kind
    text = json.dumps(document)
    for trace in ("second-person", member.email, "Name of second-person", "key-second-person"):
        assert trace not in text, trace
    # Never a secret: no session key, no TOTP secret, no password hash.
    assert "key-first-person" not in text
    from allauth.mfa.utils import decrypt

    stored = Authenticator.objects.get(user=non_member).data["secret"]
    assert stored not in text and decrypt(stored) not in text
    assert non_member.password not in text


def test_the_export_is_a_security_event(non_member, caplog):
    export_of(non_member)
    assert any(r.getMessage() == "personal_data_exported" for r in caplog.records)
