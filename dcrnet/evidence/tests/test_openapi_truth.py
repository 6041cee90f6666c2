"""The OpenAPI document allows exactly what the evidence endpoints accept (make fuzz)."""

from __future__ import annotations

import pytest

from dcrnet.evidence.models import Term

pytestmark = pytest.mark.django_db


def parameters(client, path: str) -> dict[str, dict]:
    document = client.get("/api/v1/openapi.json").json()
    return {p["name"]: p["schema"] for p in document["paths"][path]["get"]["parameters"]}


def test_vocabulary_filters_list_the_slugs_the_library_holds(client):
    schema = parameters(client, "/api/v1/references")["design"]
    slugs = set(Term.objects.filter(vocabulary="design").values_list("slug", flat=True))
    assert slugs and set(schema["items"]["enum"]) == slugs


def test_a_new_term_is_in_the_next_document(client):
    Term.objects.create(vocabulary="outcome", slug="new-outcome", name="New outcome")
    assert "new-outcome" in parameters(client, "/api/v1/references")["outcome"]["items"]["enum"]


@pytest.mark.parametrize("path", ["/api/v1/references", "/api/v1/evidence-map"])
def test_the_country_filter_lists_iso_codes_only(client, path):
    enum = parameters(client, path)["country"]["enum"]
    assert {"", "CA", "ca", "FR"} <= set(enum) and "0" not in enum and "AA" not in enum
    for code in ("CA", "ca", ""):
        assert client.get(path, {"country": code}).status_code == 200


def test_free_text_says_control_characters_are_refused(client):
    assert parameters(client, "/api/v1/references")["q"]["pattern"].startswith("^[^\\x00")
    assert client.get("/api/v1/references", {"q": "heroin\x01"}).status_code == 422


@pytest.mark.parametrize(
    "path", ["/api/v1/references/export", "/api/v1/references/{ref_id}/export"]
)
def test_csl_json_exports_are_documented_as_a_json_array(client, path):
    document = client.get("/api/v1/openapi.json").json()
    content = document["paths"][path]["get"]["responses"]["200"]["content"]
    assert content["application/vnd.citationstyles.csl+json"]["schema"]["type"] == "array"
