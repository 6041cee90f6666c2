"""Whole-page cache for anonymous visitors: shared only when nothing personal is in the page."""

import pytest
from django.test import override_settings

from dcrnet.directory.models import Facility

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("facility")]


@pytest.fixture(autouse=True)
def page_cache():
    with override_settings(PAGE_CACHE_SECONDS=60):
        yield


def test_a_repeated_anonymous_request_runs_no_query(client, django_assert_num_queries):
    first = client.get("/facilities/")
    with django_assert_num_queries(0):
        second = client.get("/facilities/")
    assert second.content == first.content
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
    from dcrnet.lib.cache import bump

    bump()
    assert client.get("/facilities/nope/").status_code == 200
