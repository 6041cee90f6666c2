"""Security events of accounts (shared/RELIABILITY.md tests 48, 49): one JSON line each."""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import re

import pytest
import time_machine
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client

from dcrnet.community.models import Role
from dcrnet.community.tests.conftest import sending, totp_code
from dcrnet.lib.logging import JsonFormatter
from dcrnet.tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db
IP = "198.51.100.23"
NEW_PASSWORD = "sentinel-new-passphrase-7Qx"
WRONG_PASSWORD = "sentinel-wrong-passphrase-3Kd"
KEYS = {"ts", "event", "actor_id", "ip", "request_id"}


class Log:
    def __init__(self, stream: io.StringIO):
        self.stream = stream

    def text(self) -> str:
        return self.stream.getvalue()

    def events(self, name: str) -> list[dict]:
        lines = [json.loads(line) for line in self.text().splitlines()]
        return [
            line for line in lines if line["logger"] == "dcrnet.security" and line["event"] == name
        ]

    def one(self, name: str) -> dict:
        found = self.events(name)
        assert len(found) == 1, (name, found)
        assert KEYS <= found[0].keys()
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", found[0]["ts"])
        return found[0]


@pytest.fixture
def log(caplog):
    """The security logger's lines, formatted as production writes them."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("dcrnet.security")
    caplog.set_level(logging.INFO, logger="dcrnet.security")
    logger.addHandler(handler)
    yield Log(stream)
    logger.removeHandler(handler)


@pytest.fixture
def frozen():
    with time_machine.travel(dt.datetime.now(tz=dt.UTC), tick=False) as traveller:
        yield traveller


def sign_in(user, password: str = PASSWORD) -> tuple[Client, object]:
    client = Client(REMOTE_ADDR=IP)
    response = client.post("/accounts/login/", {"login": user.email, "password": password})
    return client, response


def test_a_login_is_logged_with_the_actor_the_client_and_the_request(log, member):
    _client, response = sign_in(member)
    event = log.one("login_succeeded")
    assert event["actor_id"] == member.pk
    assert event["ip"] == IP
    assert event["request_id"] == response["X-Request-ID"]


def test_a_failed_login_names_the_address_tried_but_never_the_password(log, member):
    sign_in(member, WRONG_PASSWORD)
    event = log.one("login_failed")
    assert event["username"] == member.email
    assert event["ip"] == IP and event["actor_id"] is None
    assert WRONG_PASSWORD not in log.text()


def test_a_lockout_is_logged(log, member, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(member, WRONG_PASSWORD)
    assert len(log.events("login_failed")) == settings.AXES_FAILURE_LIMIT
    assert log.one("lockout")["username"] == member.email


def test_a_logout_is_logged(log, member):
    client, _ = sign_in(member)
    client.post("/accounts/logout/")
    assert log.one("logout")["actor_id"] == member.pk


def test_a_password_change_is_logged_without_either_password(log, member):
    client, _ = sign_in(member)
    client.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert log.one("password_changed")["actor_id"] == member.pk
    assert NEW_PASSWORD not in log.text() and PASSWORD not in log.text()


def test_a_password_reset_is_logged(log, member):
    client = Client(REMOTE_ADDR=IP)
    with sending():
        client.post("/accounts/password/reset/", {"email": member.email})
    link = re.search(r"http://testserver(/accounts/password/reset/key/\S+/)", mail.outbox[-1].body)
    response = client.get(link[1], follow=True)
    client.post(
        response.redirect_chain[-1][0], {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    event = log.one("password_reset")
    assert event["actor_id"] == member.pk and event["ip"] == IP
    assert NEW_PASSWORD not in log.text()
    key = link[1].rstrip("/").rsplit("/", 1)[-1]
    assert key not in log.text()


# allauth announces a new authenticator after its transaction commits: a real commit is needed.
@pytest.mark.django_db(transaction=True)
def test_adding_and_removing_a_second_factor_is_logged_without_the_code(log, member, frozen):
    client, _ = sign_in(member)
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    secret = client.get("/accounts/2fa/totp/activate/").context["form"].secret
    code = format_hotp_value(hotp_value(secret, int(dt.datetime.now(tz=dt.UTC).timestamp()) // 30))
    assert client.post("/accounts/2fa/totp/activate/", {"code": code}).status_code == 302
    added = log.events("mfa_added")
    assert {event["authenticator"] for event in added} == {"totp", "recovery_codes"}
    assert all(event["actor_id"] == member.pk for event in added)

    client.post("/accounts/2fa/totp/deactivate/")
    removed = log.events("mfa_removed")
    assert {event["authenticator"] for event in removed} == {"totp", "recovery_codes"}
    assert secret not in log.text() and code not in log.text()


def test_a_wrong_second_factor_code_is_logged(log, staff, frozen):
    client, _ = sign_in(staff)
    wrong = f"{(int(totp_code(staff)) + 1) % 1000000:06d}"
    client.post("/accounts/2fa/authenticate/", {"code": wrong})
    event = log.one("mfa_failed")
    assert event["actor_id"] == staff.pk and event["ip"] == IP
    assert wrong not in log.text()


def test_guessing_codes_past_the_limit_is_logged(log, staff, frozen):
    client, _ = sign_in(staff)
    wrong = f"{(int(totp_code(staff)) + 1) % 1000000:06d}"
    for _ in range(6):
        client.post("/accounts/2fa/authenticate/", {"code": wrong})
    event = log.one("rate_limited")
    assert event["limit"] == "mfa_code" and event["actor_id"] == staff.pk


def test_a_role_change_is_logged_by_either_side(member, log):
    editors = Group.objects.get(name=Role.EDITOR)
    member.groups.add(editors)
    [added] = log.events("roles_changed")
    assert added["action"] == "add"
    assert added["user_ids"] == [member.pk] and added["roles"] == ["editor"]
    editors.user_set.remove(member)
    removed = log.events("roles_changed")[-1]
    assert removed["action"] == "remove" and removed["roles"] == ["editor"]
    member.groups.add(editors)
    member.groups.clear()
    cleared = log.events("roles_changed")[-1]
    assert cleared["action"] == "clear" and cleared["roles"] == ["editor", "member"]
