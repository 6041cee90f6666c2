"""Tests 4–7 of RELIABILITY.md: headers, nonces, cookies and caching under production settings."""

from __future__ import annotations

import re
from http.cookies import SimpleCookie

import pytest
from django.test import Client

from dcrnet.lib.middleware import PERMISSIONS_POLICY
from dcrnet.tests.conftest import PASSWORD, audit, foreign

pytestmark = pytest.mark.django_db

REFERRER_POLICIES = {"same-origin", "no-referrer", "strict-origin-when-cross-origin"}


def csp_directives(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


def assert_security_headers(response) -> None:
    hsts = response["Strict-Transport-Security"]
    max_age = int(re.search(r"max-age=(\d+)", hsts).group(1))
    assert max_age >= 31536000
    assert "includeSubDomains" in hsts
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] in REFERRER_POLICIES
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert response["Permissions-Policy"] == PERMISSIONS_POLICY
    csp = csp_directives(response["Content-Security-Policy"])
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]
    script = csp.get("script-src", csp["default-src"])
    for bad in ("'unsafe-inline'", "'unsafe-eval'", "http:", "*"):
        assert bad not in script


class HttpsClient(Client):
    """Every request over HTTPS, as behind production's TLS."""

    def generic(self, *args, **kwargs):
        kwargs["secure"] = True
        return super().generic(*args, **kwargs)


@pytest.fixture
def https(production):
    return HttpsClient(raise_request_exception=False)


def test_an_html_page_carries_every_security_header(https, facility):
    response = https.get("/")
    assert response.status_code == 200
    assert_security_headers(response)


def test_a_json_response_carries_every_security_header(https):
    response = https.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert_security_headers(response)


def test_healthz_carries_every_security_header(https):
    assert_security_headers(https.get("/healthz"))


def test_a_404_carries_every_security_header(https):
    response = https.get("/no-such-page-here/at-all/")
    assert response.status_code == 404
    assert_security_headers(response)


def test_a_403_carries_every_security_header(production, member):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/login/", {"login": member.email}, secure=True)
    assert response.status_code == 403
    assert_security_headers(response)


def test_a_500_carries_every_security_header(production, settings):
    settings.ROOT_URLCONF = "dcrnet.tests.test_security_errors"
    client = Client(raise_request_exception=False)
    response = client.get("/test-only/explode/", secure=True)
    assert response.status_code == 500
    assert_security_headers(response)


def test_a_400_for_a_control_character_carries_every_security_header(https):
    response = https.get("/countries/%00/")
    assert response.status_code == 400
    assert_security_headers(response)


def test_hsts_asks_for_preloading_by_default(https):
    hsts = https.get("/healthz")["Strict-Transport-Security"]
    assert hsts == "max-age=31536000; includeSubDomains; preload"


def test_an_operator_can_leave_preloading_out(https, settings):
    from dcrnet.tests.conftest import production_settings

    settings.SECURE_HSTS_PRELOAD = production_settings(SECURE_HSTS_PRELOAD="0")[
        "SECURE_HSTS_PRELOAD"
    ]
    assert https.get("/healthz")["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains"
    )


def test_plain_http_is_redirected_to_https(production):
    response = Client().get("/")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


@pytest.mark.parametrize(
    "url", ["/", "/facilities/", "/map/", "/countries/", "/accounts/login/", "/accounts/signup/"]
)
def test_pages_have_no_inline_script_or_style_without_the_nonce(client, facility, url):
    response = client.get(url)
    assert response.status_code == 200
    found = audit(response.content.decode())
    assert found.inline_scripts == []
    assert found.inline_styles == []
    assert found.style_attributes == []
    assert found.event_handlers == []
    assert foreign(found.resource_urls) == []
    header = response["Content-Security-Policy"]
    for nonce in found.nonces:
        assert f"'nonce-{nonce}'" in header


def test_two_requests_never_share_a_nonce(client):
    first = client.get("/accounts/login/")["Content-Security-Policy"]
    second = client.get("/accounts/login/")["Content-Security-Policy"]
    nonces = re.findall(r"'nonce-([^']+)'", first)
    for nonce in nonces:
        assert nonce not in second


def set_cookies(response) -> list[tuple[str, str]]:
    """(name, full header line) for every Set-Cookie."""
    return [(name, morsel.OutputString()) for name, morsel in response.cookies.items()]


def assert_host_cookie(name: str, line: str) -> None:
    lowered = line.lower()
    assert name.startswith("__Host-"), line
    assert "; secure" in lowered, line
    assert "path=/" in lowered, line
    assert "domain=" not in lowered, line
    assert re.search(r"samesite=(lax|strict)", lowered), line


def test_every_cookie_of_a_sign_in_is_a_secure_host_cookie(production, member):
    client = Client()
    form = client.get("/accounts/login/", secure=True)
    cookies = set_cookies(form)
    response = client.post(
        "/accounts/login/", {"login": member.email, "password": PASSWORD}, secure=True
    )
    assert response.status_code == 302
    cookies += set_cookies(response)
    names = {name for name, _ in cookies}
    assert {"__Host-csrftoken", "__Host-sessionid"} <= names
    for name, line in cookies:
        assert_host_cookie(name, line)
    session = dict(cookies)["__Host-sessionid"]
    assert "httponly" in session.lower()


def test_a_flash_message_does_not_add_a_cookie(production, member):
    client = Client()
    client.force_login(member)
    response = client.post("/accounts/logout/", secure=True)
    for name, line in set_cookies(response):
        assert_host_cookie(name, line)
    assert not any(name == "messages" for name, _ in set_cookies(response))


def test_signed_in_responses_are_not_stored_by_any_cache(client, member, facility):
    client.force_login(member)
    for url in ["/", "/facilities/", "/accounts/email/", "/api/v1/openapi.json"]:
        response = client.get(url)
        assert response["Cache-Control"] == "no-store, private", url


def test_account_pages_are_not_stored_even_for_anonymous_visitors(client):
    assert client.get("/accounts/login/")["Cache-Control"] == "no-store, private"


def test_public_pages_stay_cacheable_for_anonymous_visitors(client, facility):
    assert "no-store" not in client.get("/facilities/").get("Cache-Control", "")


def test_simplecookie_parses_our_cookies():
    # Guard for the helper above: a __Host- cookie line round-trips through SimpleCookie.
    cookie = SimpleCookie()
    cookie.load("__Host-sessionid=abc; Path=/; Secure; HttpOnly; SameSite=Lax")
    assert cookie["__Host-sessionid"]["samesite"] == "Lax"


def test_a_refused_method_carries_every_security_header(https):
    response = https.generic("TRACE", "/")
    assert response.status_code == 405
    assert_security_headers(response)
