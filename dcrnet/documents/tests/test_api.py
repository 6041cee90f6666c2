"""The documents' read-only API: published documents only, the list page's filters, 422 naming
the parameter, 404 for drafts, nothing written.

Runs on a test-only mount (api_urls.py) until dcrnet/api.py mounts the router; the paths and
bodies are those of /api/v1/ once it is mounted."""

from __future__ import annotations

import pytest

from dcrnet.documents.api import router
from dcrnet.documents.models import Version

from .conftest import make_document

pytestmark = [pytest.mark.django_db, pytest.mark.urls("dcrnet.documents.tests.api_urls")]


def test_the_list_has_published_documents_only(client, published, suggestion):
    body = client.get("/api/v1/documents").json()
    assert body["count"] == 1
    item = body["items"][0]
    assert item["slug"] == published.slug
    assert item["topic"] == {"slug": "overdose-response", "name": "Overdose response"}
    assert (item["country"], item["language"], item["is_demo"]) == ("DE", "en", True)
    assert "suggestion_note" not in item and "suggested_by" not in item


def test_the_list_filters_like_the_page(client, published, other_topic):
    make_document(other_topic, title="Rules", kind="house rules", country="FR", language="fr")
    assert client.get("/api/v1/documents?country=fr").json()["count"] == 1
    assert client.get("/api/v1/documents?kind=house rules").json()["items"][0]["title"] == "Rules"
    assert client.get("/api/v1/documents?q=overdose").json()["count"] == 1
    assert client.get("/api/v1/documents?topic=admission&language=fr").json()["count"] == 1
    assert client.get("/api/v1/documents?limit=1&offset=1").json()["items"][0]["title"] == "Rules"


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("kind=spreadsheet", "kind"),
        ("topic=nope", "topic"),
        ("country=ZZ", "country"),
        ("language=xx", "language"),
        ("organisation=nobody", "organisation"),
        ("q=" + "x" * 201, "q"),
        ("limit=0", "limit"),
        ("limit=99999999999999999999", "limit"),
        ("offset=-1", "offset"),
    ],
)
def test_bad_input_is_a_422_naming_the_parameter(client, published, query, parameter):
    response = client.get(f"/api/v1/documents?{query}")
    assert response.status_code == 422
    assert [p["parameter"] for p in response.json()["problems"]] == [parameter]


def test_one_document_with_versions_and_uses(client, published, facility):
    Version.objects.create(document=published, number=2, date="2025-01-01", change_note="Link")
    body = client.get(f"/api/v1/documents/{published.slug}").json()
    assert body["summary"] == "What staff do **first**."
    assert [v["number"] for v in body["versions"]] == [2, 1]
    assert body["versions"][0]["download_url"] is None
    assert body["versions"][1]["download_url"] == f"/documents/{published.slug}/v1/download/"
    assert body["versions"][1]["content_type"] == "application/pdf"
    assert body["facilities"] == [{"public_id": facility.public_id, "name": facility.name}]


@pytest.mark.parametrize("slug", ["house-rules-of-a-night-shelter", "nothing", "a" * 201, "x%20y"])
def test_drafts_and_unknown_slugs_are_404_or_422(client, suggestion, slug):
    response = client.get(f"/api/v1/documents/{slug}")
    assert response.status_code in (404, 422)
    assert "problems" in response.json()


def test_the_api_writes_nothing(client, published):
    for method in ("post", "put", "patch", "delete"):
        assert getattr(client, method)("/api/v1/documents").status_code == 405


def test_url_names_are_the_operation_ids():
    ids = {op.operation_id for path in router.path_operations.values() for op in path.operations}
    assert ids == {"list_documents", "get_document"}
