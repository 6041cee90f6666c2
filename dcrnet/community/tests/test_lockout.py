"""Test 14 (and 19 for the admin) of RELIABILITY.md: django-axes stops password guessing."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from axes.models import AccessAttempt
from django.test import Client

from dcrnet.tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

IP_A = "198.51.100.7"
IP_B = "203.0.113.9"
START = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def sign_in(email: str, password: str, ip: str, url: str = "/accounts/login/"):
    client = Client(REMOTE_ADDR=ip)
    response = client.post(url, {"login": email, "password": password}, follow=False)
    return client, response


def signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def fail_five_times(email: str, ip: str = IP_A):
    statuses = [sign_in(email, "wrong password guess", ip)[1].status_code for _ in range(5)]
    return statuses


def test_a_wrong_password_is_refused_with_the_form_again(member):
    client, response = sign_in(member.email, "wrong password guess", IP_A)
    assert response.status_code == 200
    assert not signed_in(client)


def test_the_sixth_attempt_is_refused_even_with_the_right_password(member):
    with time_machine.travel(START, tick=False):
        fail_five_times(member.email)
        client, response = sign_in(member.email, PASSWORD, IP_A)
    assert response.status_code == 429
    assert not signed_in(client)
    assert "Too many attempts" in response.content.decode()


def test_the_lockout_is_recorded_and_logged(member, caplog):
    with time_machine.travel(START, tick=False):
        fail_five_times(member.email)
        sign_in(member.email, PASSWORD, IP_A)
    assert any("Locking out" in record.getMessage() for record in caplog.records)
    attempt = AccessAttempt.objects.get(ip_address=IP_A)
    assert attempt.username == member.email
    assert attempt.failures_since_start >= 5


def test_the_lockout_page_has_no_inline_script_or_style(member):
    with time_machine.travel(START, tick=False):
        fail_five_times(member.email)
        _, response = sign_in(member.email, PASSWORD, IP_A)
    body = response.content.decode()
    assert "<script>" not in body and "style=" not in body
    assert "Content-Security-Policy" in response.headers


def test_the_same_account_still_signs_in_from_another_address(member):
    with time_machine.travel(START, tick=False):
        fail_five_times(member.email)
        client, response = sign_in(member.email, PASSWORD, IP_B)
        assert response.status_code == 302
        assert signed_in(client)  # sessions made in the past expire once we return


def test_another_account_still_signs_in_from_the_same_address(member, staff):
    with time_machine.travel(START, tick=False):
        fail_five_times(member.email)
        client, response = sign_in(staff.email, PASSWORD, IP_A)
    assert response.status_code == 302  # on to the second factor


def test_the_address_is_matched_whatever_its_case(member):
    with time_machine.travel(START, tick=False):
        fail_five_times(member.email.upper())
        client, response = sign_in(member.email, PASSWORD, IP_A)
    assert response.status_code == 429


def test_after_the_cool_off_the_account_signs_in_again(member, settings):
    with time_machine.travel(START, tick=False):
        fail_five_times(member.email)
        assert sign_in(member.email, PASSWORD, IP_A)[1].status_code == 429
    later = START + settings.AXES_COOLOFF_TIME + dt.timedelta(seconds=1)
    with time_machine.travel(later, tick=False):
        client, response = sign_in(member.email, PASSWORD, IP_A)
        assert response.status_code == 302
        assert signed_in(client)


def test_the_admin_login_is_the_same_guarded_login(member):
    client = Client(REMOTE_ADDR=IP_A)
    response = client.post("/admin/login/", {"username": member.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert not signed_in(client)


def test_the_admin_login_is_locked_too(staff):
    with time_machine.travel(START, tick=False):
        fail_five_times(staff.email)
        client = Client(REMOTE_ADDR=IP_A)
        target = client.get("/admin/", follow=True).redirect_chain[-1][0]
        assert target.startswith("/accounts/login/?next=")
        response = client.post(target, {"login": staff.email, "password": PASSWORD})
    assert response.status_code == 429
    assert not signed_in(client)


def test_reauthentication_is_guarded_too(member):
    client = Client(REMOTE_ADDR=IP_A)
    client.force_login(member)
    with time_machine.travel(START, tick=False):
        for _ in range(5):
            client.post("/accounts/reauthenticate/", {"password": "wrong password guess"})
        response = client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    assert response.status_code == 429


@pytest.mark.parametrize("language", ["fr", "de", "nl", "es"])
def test_the_lockout_page_speaks_the_language_of_the_sign_in_page(member, settings, language):
    from django.utils import translation

    with time_machine.travel(START, tick=False):
        fail_five_times(member.email)
        _client, response = sign_in(
            member.email, PASSWORD, IP_A, url=f"/{language}/accounts/login/"
        )
    assert response.status_code == 429
    body = response.content.decode()
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    with translation.override(language):
        title = translation.gettext("Too many attempts")
        wait = translation.ngettext(
            "Please wait %(wait)s minute and try again.",
            "Please wait %(wait)s minutes and try again.",
            minutes,
        ) % {"wait": minutes}
    assert title != "Too many attempts"
    assert title in body and wait in body
    assert f'<html lang="{language}">' in body
