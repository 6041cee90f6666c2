"""Test 47 of RELIABILITY.md: one client IP behind trusted proxies, for lockouts and limits."""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt, AccessLog
from django.test import Client, RequestFactory

from dcrnet.lib.clientip import client_ip, known_client_ip
from dcrnet.lib.ratelimit import hit_ip
from dcrnet.tests.conftest import PASSWORD

PROXY = "10.0.0.2"
CLIENT_A = "198.51.100.7"
CLIENT_B = "203.0.113.9"


def request(remote: str = PROXY, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_a_trusted_proxy_the_client_is_the_peer(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request(CLIENT_A, forwarded="192.0.2.66")) == CLIENT_A


def test_behind_one_proxy_the_client_is_the_entry_the_proxy_appended(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request(forwarded=CLIENT_A)) == CLIENT_A
    # Entries further left were written by the client itself.
    assert client_ip(request(forwarded=f"192.0.2.66, 192.0.2.67, {CLIENT_A}")) == CLIENT_A


def test_behind_two_proxies_the_client_is_second_from_the_right(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(request(forwarded=f"192.0.2.66, {CLIENT_A}, 10.0.0.1")) == CLIENT_A


@pytest.mark.parametrize("forwarded", [None, "", "   ", "not-an-ip", "1.2.3.4.5", "::g"])
def test_a_missing_or_malformed_forwarded_header_falls_back_to_the_peer(settings, forwarded):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request(forwarded=forwarded)) == PROXY


def test_ipv6_clients_are_kept_as_they_are(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request(forwarded="2001:db8::7")) == "2001:db8::7"


def test_a_malformed_peer_address_is_unknown(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request(remote="")) == "unknown"


def test_a_spoofed_forwarded_header_does_not_escape_a_rate_limit(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    allowed = [
        hit_ip(request(CLIENT_A, forwarded=f"192.0.2.{n}"), "test-spoof", 3, 60) for n in range(6)
    ]
    assert allowed == [True, True, True, False, False, False]


def test_clients_behind_one_proxy_have_separate_rate_limits(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(3):
        assert hit_ip(request(forwarded=CLIENT_A), "test-proxy", 3, 60)
    assert not hit_ip(request(forwarded=CLIENT_A), "test-proxy", 3, 60)
    assert not hit_ip(request(forwarded=f"{CLIENT_B}, {CLIENT_A}"), "test-proxy", 3, 60)
    assert hit_ip(request(forwarded=CLIENT_B), "test-proxy", 3, 60)


# Lockouts (axes keys on account + client IP) ----------------------------------------------------


def sign_in(email: str, password: str, forwarded: str, remote: str = PROXY):
    client = Client(REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    return client.post("/accounts/login/", {"login": email, "password": password})


@pytest.mark.django_db
def test_five_wrong_passwords_behind_a_proxy_lock_out_only_that_client(settings, member):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(5):
        sign_in(member.email, "wrong password guess", CLIENT_A)
    assert sign_in(member.email, PASSWORD, CLIENT_A).status_code == 429
    # Another client behind the same proxy signs in to the same account.
    assert sign_in(member.email, PASSWORD, CLIENT_B).status_code == 302
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [CLIENT_A]


@pytest.mark.django_db
def test_a_client_cannot_escape_a_lockout_by_forging_forwarded_for(settings, member):
    settings.TRUSTED_PROXY_COUNT = 0
    for n in range(5):
        sign_in(member.email, "wrong password guess", f"192.0.2.{n}", remote=CLIENT_A)
    assert sign_in(member.email, PASSWORD, "192.0.2.99", remote=CLIENT_A).status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {CLIENT_A}


@pytest.mark.django_db
def test_entries_a_client_adds_left_of_the_proxys_do_not_change_its_address(settings, member):
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(5):
        sign_in(member.email, "wrong password guess", f"192.0.2.{n}, {CLIENT_A}")
    assert sign_in(member.email, PASSWORD, f"192.0.2.99, {CLIENT_A}").status_code == 429
    assert sign_in(member.email, PASSWORD, CLIENT_B).status_code == 302
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {CLIENT_A}


def test_ip_columns_get_no_address_rather_than_an_unknown_one(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert known_client_ip(request(remote="")) is None
    assert known_client_ip(request(remote=CLIENT_A)) == CLIENT_A


@pytest.mark.django_db
def test_a_sign_in_without_a_peer_address_is_recorded_without_one(member):
    # Client.force_login's request has no REMOTE_ADDR (nor has a Unix socket's): PostgreSQL
    # refused "unknown" in axes' inet column.
    Client().force_login(member)
    assert list(AccessLog.objects.values_list("ip_address", flat=True)) == [None]
