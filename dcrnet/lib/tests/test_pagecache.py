"""HTTP caching: public pages shared and revalidated, anything personal never stored."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.test import override_settings
from django.utils.http import http_date

from dcrnet.directory.models import Facility
from dcrnet.lib import pagecache
from dcrnet.lib.cache import bump

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("facility")]

PUBLIC = "public, max-age=120"
PRIVATE = "no-store, private"


@pytest.fixture(autouse=True)
def page_cache():
    with override_settings(PAGE_CACHE_SECONDS=60, PUBLIC_CACHE_MAX_AGE=120):
        yield


@pytest.fixture
def reference():
    from dcrnet.evidence.tests.factories import make_reference

    return make_reference("Supervised injection and overdose", 2020, terms=["outcome:ODM"])


# One URL of each kind of public read: pages, feeds, open data, the API.
PUBLIC_READS = {
    "home": "/",
    "list": "/facilities/?country=LU",
    "detail": "/facilities/lu-abrigado/",
    "country": "/countries/lu/",
    "map": "/map/",
    "map data": "/map/facilities.json",
    "evidence search": "/evidence/?q=overdose",
    "rss feed": "/evidence/feed.rss",
    "atom feed": "/evidence/feed.atom",
    "open data csv": "/data/facilities.csv",
    "open data json": "/data/facilities.json",
    "monitoring": "/data/",
    "dictionary csv": "/data/dictionary.csv",
    "monthly csv": "/data/monthly.csv",
    "api list": "/api/v1/facilities",
    "api detail": "/api/v1/facilities/lu-abrigado",
}


def vary(response) -> set[str]:
    return {name.strip().lower() for name in response.get("Vary", "").split(",")}


@pytest.mark.usefixtures("reference")
@pytest.mark.parametrize("url", PUBLIC_READS.values(), ids=PUBLIC_READS.keys())
def test_a_public_read_may_be_shared_and_is_revalidated_without_a_query(
    client, url, django_assert_num_queries
):
    first = client.get(url)
    assert first.status_code == 200, url
    assert first["Cache-Control"] == PUBLIC
    assert first["ETag"].startswith('W/"')
    assert {"cookie", "hx-request", "accept-language", "accept-encoding"} <= vary(first)

    with django_assert_num_queries(0):
        again = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    assert again["Cache-Control"] == PUBLIC
    assert {"cookie", "hx-request"} <= vary(again)


def test_an_edit_gives_a_new_validator_and_the_new_page(client):
    first = client.get("/facilities/")
    facility = Facility.objects.get(public_id="lu-abrigado")
    facility.name = "Abrigado Renamed"
    facility.save()
    again = client.get("/facilities/", headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]
    assert b"Abrigado Renamed" in again.content


def test_the_htmx_fragment_and_the_full_page_have_their_own_validators(client):
    full = client.get("/facilities/")
    fragment = client.get("/facilities/", headers={"HX-Request": "true"})
    assert full["ETag"] != fragment["ETag"]
    crossed = client.get(
        "/facilities/", headers={"HX-Request": "true", "If-None-Match": full["ETag"]}
    )
    assert crossed.status_code == 200
    assert b"<html" not in crossed.content


def test_a_validator_names_its_url(client):
    assert client.get("/facilities/")["ETag"] != client.get("/facilities/?page=1")["ETag"]


def test_a_new_day_gives_new_validators(client):
    """The highlight of the month and data published up to today change with the date alone."""
    with time_machine.travel(dt.datetime(2026, 3, 31, 12, tzinfo=dt.UTC)):
        before = client.get("/")["ETag"]
    with time_machine.travel(dt.datetime(2026, 4, 1, 12, tzinfo=dt.UTC)):
        after = client.get("/", headers={"If-None-Match": before})
    assert after.status_code == 200
    assert after["ETag"] != before


def test_a_deploy_gives_new_validators(client, monkeypatch):
    before = client.get("/facilities/")["ETag"]
    monkeypatch.setattr(pagecache, "code_version", lambda: "the next release")
    after = client.get("/facilities/", headers={"If-None-Match": before})
    assert after.status_code == 200
    assert after["ETag"] != before


@pytest.mark.usefixtures("reference")
@pytest.mark.parametrize("url", ["/evidence/feed.rss", "/evidence/feed.atom"])
def test_a_feed_answers_if_modified_since(client, url):
    first = client.get(url)
    assert first["Last-Modified"]
    assert client.get(url, headers={"If-Modified-Since": first["Last-Modified"]}).status_code == 304
    earlier = http_date(dt.datetime(2000, 1, 1, tzinfo=dt.UTC).timestamp())
    assert client.get(url, headers={"If-Modified-Since": earlier}).status_code == 200


def test_a_page_with_a_form_and_its_csrf_token_is_never_stored(client):
    response = client.get("/evidence/suggest/")
    assert response.status_code == 200
    assert b"csrfmiddlewaretoken" in response.content
    assert response["Cache-Control"] == PRIVATE
    assert "ETag" not in response


def test_the_sign_in_page_is_never_stored(client):
    response = client.get("/accounts/login/")
    assert response["Cache-Control"] == PRIVATE
    assert "ETag" not in response


def test_a_signed_in_visitor_gets_their_own_page_never_stored_nor_revalidated(client, member):
    anonymous = client.get("/facilities/")
    client.force_login(member)
    response = client.get("/facilities/", headers={"If-None-Match": anonymous["ETag"]})
    assert response.status_code == 200
    assert b"Sign out" in response.content
    assert response["Cache-Control"] == PRIVATE
    assert "ETag" not in response


def test_a_signed_in_visitors_download_is_never_stored(client, member):
    client.force_login(member)
    response = client.get("/data/facilities.csv")
    assert response["Cache-Control"] == PRIVATE
    assert "ETag" not in response


def test_an_api_read_with_a_token_is_never_stored(client):
    anonymous = client.get("/api/v1/facilities")
    response = client.get(
        "/api/v1/facilities",
        headers={
            "Authorization": "Bearer dcr_not-a-real-token",
            "If-None-Match": anonymous["ETag"],
        },
    )
    assert response.status_code != 304
    assert response["Cache-Control"] == PRIVATE
    assert "ETag" not in response


def test_the_health_check_is_never_stored(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert "ETag" not in response


def test_an_error_is_revalidated_not_shared(client):
    response = client.get("/facilities/nope/")
    assert response.status_code == 404
    assert response["Cache-Control"] == "no-cache"
    assert "ETag" not in response


def test_a_write_is_not_made_public(client):
    response = client.post("/evidence/suggest/", {})
    assert "public" not in response.get("Cache-Control", "")
    assert "ETag" not in response


# The whole-page cache behind the headers.


def test_a_repeated_anonymous_request_runs_no_query(client, django_assert_num_queries):
    first = client.get("/facilities/")
    with django_assert_num_queries(0):
        second = client.get("/facilities/")
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_an_edit_shows_at_once(client):
    assert b"Abrigado" in client.get("/facilities/").content
    facility = Facility.objects.get(public_id="lu-abrigado")
    facility.name = "Abrigado Renamed"
    facility.save()
    assert b"Abrigado Renamed" in client.get("/facilities/").content


def test_htmx_fragments_and_full_pages_are_kept_apart(client):
    full = client.get("/facilities/")
    fragment = client.get("/facilities/", headers={"HX-Request": "true"})
    assert b"<html" in full.content
    assert b"<html" not in fragment.content


def test_signed_in_visitors_always_get_their_own_page(client, member):
    client.get("/facilities/")
    client.force_login(member)
    body = client.get("/facilities/").content
    assert b"Sign out" in body


def test_a_page_with_a_csrf_token_is_never_shared(client):
    first = client.get("/accounts/login/")
    second = client.get("/accounts/login/")
    assert first.status_code == second.status_code == 200
    assert "csrftoken" in first.cookies or "__Host-csrftoken" in first.cookies
    assert first.content != second.content  # a fresh masked token each time


def test_errors_are_not_cached(client):
    assert client.get("/facilities/nope/").status_code == 404
    Facility.objects.filter(public_id="lu-abrigado").update(public_id="nope")
    bump()
    assert client.get("/facilities/nope/").status_code == 200
