"""lib.middleware: control characters refused once for every URL, headers, request ids."""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client

from dcrnet.lib.middleware import PERMISSIONS_POLICY

pytestmark = pytest.mark.django_db

# A NUL reached PostgreSQL from each of these (500); every other C0 character is refused alike.
PAGES = [
    ("/countries/%00/", "code"),
    ("/countries/LU%01/", "code"),
    ("/facilities/lu-abrigado%00/", "path"),  # no longer a slug: no URL parameter matched
    ("/data/countries/%00/", "code"),
    ("/evidence/map/?x=%00", "x"),
    ("/evidence/?q=heroin%00", "q"),
    ("/evidence/?design=rct&%00=1", "\\x00"),
    ("/facilities/?country=%1f", "country"),
    ("/highlights/?page=%0b", "page"),
]
API = [
    ("/api/v1/countries/%00", "code"),
    ("/api/v1/series/countries/%00", "code"),
    ("/api/v1/no-such-endpoint/%00", "path"),
    ("/api/v1/facilities?country=%00", "country"),
    ("/api/v1/references?q=heroin%00", "q"),
    ("/api/v1/evidence-map?x=%00", "x"),
    ("/api/v1/monthly?country=LU%07", "country"),
]


@pytest.mark.parametrize(("url", "where"), PAGES)
def test_a_control_character_in_a_page_address_is_a_400_naming_where(client, facility, url, where):
    response = client.get(url)
    assert response.status_code == 400
    assert "400.html" in [template.name for template in response.templates]
    assert f"<strong>{where}</strong>" in response.content.decode()


@pytest.mark.parametrize(("url", "where"), API)
def test_a_control_character_in_an_api_call_is_the_apis_error_naming_where(
    client, facility, url, where
):
    response = client.get(url)
    assert response.status_code == 422
    body = response.json()
    assert set(body) == {"error", "problems"}
    assert [problem["parameter"] for problem in body["problems"]] == [where]


def test_tab_and_line_breaks_in_a_query_are_ordinary_text(client, facility):
    assert client.get("/evidence/?q=needle%09exchange%0D%0Asites").status_code == 200
    assert client.get("/api/v1/references?q=needle%09exchange").status_code == 200


def test_a_control_character_in_a_form_field_is_a_400_naming_the_field(client, member):
    response = client.post(
        "/accounts/login/", {"login": member.email, "password": "pass\x00word", "remember": ""}
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "<strong>password</strong>" in content
    assert "login</strong>" not in content


def test_a_control_character_in_a_multipart_form_field_is_refused_too(client):
    response = client.post("/evidence/suggest/", {"citation": "Title\x08", "note": "ok"})
    assert response.status_code == 400
    assert "<strong>citation</strong>" in response.content.decode()


def test_line_breaks_and_tabs_in_a_form_field_are_kept(client):
    response = client.post("/evidence/suggest/", {"note": "one\r\ntwo\tthree"})
    assert response.status_code != 400


def test_a_control_character_in_a_json_body_sent_to_the_api_is_refused(client, facility):
    response = client.put(
        "/api/v1/report/lu-abrigado/2026-01",
        json.dumps({"values": {"visits\u0000": 1}, "note": "fine"}),
        content_type="application/json",
    )
    assert response.status_code == 422
    assert [p["parameter"] for p in response.json()["problems"]] == ["body.values.visits\\x00"]


def test_the_refusal_carries_the_security_headers(client):
    response = client.get("/countries/%00/")
    assert response.status_code == 400
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["Permissions-Policy"] == PERMISSIONS_POLICY


# Permissions-Policy --------------------------------------------------------------------------

# A Structured Field dictionary (RFC 9651) of feature=(allowlist); an allowlist is empty, self,
# or quoted origins.
MEMBER = re.compile(r'([a-z][a-z0-9-]*)=\((?:self|"https://[^"\s]+")?(?: (?:self|"[^"]+"))*\)')


@pytest.mark.parametrize("url", ["/", "/api/v1/countries", "/healthz", "/no-such-page/"])
def test_every_response_carries_the_permissions_policy(client, url):
    assert client.get(url)["Permissions-Policy"] == PERMISSIONS_POLICY


def test_the_permissions_policy_is_a_valid_structured_dictionary():
    members = PERMISSIONS_POLICY.split(", ")
    assert all(MEMBER.fullmatch(member) for member in members), members
    features = [member.split("=")[0] for member in members]
    assert len(features) == len(set(features))
    # browsing-topics replaced FLoC's withdrawn interest-cohort.
    for denied in ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"):
        assert f"{denied}=()" in members


# Request ids ---------------------------------------------------------------------------------


def test_every_response_carries_a_fresh_request_id():
    client = Client()
    first, second = client.get("/healthz")["X-Request-ID"], client.get("/healthz")["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", first)
    assert first != second


def test_the_proxys_request_id_is_kept_when_it_is_a_safe_token():
    response = Client(HTTP_X_REQUEST_ID="req-7f3a9c_01.ab").get("/healthz")
    assert response["X-Request-ID"] == "req-7f3a9c_01.ab"


@pytest.mark.parametrize(
    "header", ["short", "x" * 65, "a b c d e f g h", "abc\r\nSet-Cookie:x=1", "<script>1</script>"]
)
def test_an_unsafe_incoming_request_id_is_replaced(header):
    response = Client(HTTP_X_REQUEST_ID=header).get("/healthz")
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])
