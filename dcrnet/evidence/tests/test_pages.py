"""Pages and API of the library: search, reference, exports, map, outcome, feeds, suggest."""

from __future__ import annotations

import json

import pytest
from django.core.cache import cache
from django.urls import reverse

from dcrnet.evidence.models import Certainty, EvidenceSummary, Suggestion, Term


@pytest.mark.django_db
def test_the_search_page_works_without_javascript(client, library):
    response = client.get("/evidence/", {"q": "overdose mortality", "design": "ecological"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<mark>overdose</mark>" in html
    assert 'method="get"' in html and "Reduction in" in html
    assert "Supervised injection services" not in html  # filtered out by the design
    assert "<script>" not in html and 'style="' not in html


@pytest.mark.django_db
def test_htmx_gets_only_the_results(client, library):
    response = client.get("/evidence/", {"q": "crime"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="results"') and "<html" not in html


@pytest.mark.django_db
def test_bad_parameters_are_shown_not_a_500(client, library):
    response = client.get("/evidence/", {"year_from": "abc", "design": "nonsense", "page": "-4"})
    assert response.status_code == 200
    assert "From year" in response.content.decode()


@pytest.mark.django_db
def test_the_api_gives_the_same_search_with_facets(client, library):
    response = client.get("/api/v1/references", {"q": "mortality", "design": ["ecological"]})
    data = response.json()
    assert data["count"] == 1
    assert data["results"][0]["doi"] == "10.1016/S0140-6736(10)62353-7"
    assert {f["name"] for f in data["facets"]} >= {"design", "outcome", "country", "years", "type"}
    bad = client.get("/api/v1/references", {"per_page": 1000})
    assert bad.status_code == 422 and "per_page" in bad.json()["error"]


@pytest.mark.django_db
def test_one_reference_in_the_api_and_the_openapi_document(client, library):
    ref = library["marshall"]
    data = client.get(f"/api/v1/references/{ref.pk}").json()
    assert data["authors"][0] == {"family": "Marshall", "given": "BDL", "literal": ""}
    schema = client.get("/api/v1/openapi.json").json()
    assert {"/api/v1/references", "/api/v1/evidence-map", "/api/v1/evidence-summaries"} <= set(
        schema["paths"]
    )


@pytest.mark.django_db
def test_the_reference_page_has_a_cite_box(client, library):
    ref = library["marshall"]
    html = client.get(ref.get_absolute_url()).content.decode()
    assert "Marshall, B. D. L., Milloy, M. J." in html or "Marshall, B. D. L." in html
    assert "Marshall BDL, Milloy MJ" in html
    assert reverse("evidence:reference_export", args=[ref.pk, "bibtex"]) in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fmt, expected",
    [
        ("ris", "TY  - JOUR"),
        ("bibtex", "@article{Marshall2011"),
        ("csljson", '"DOI"'),
        ("apa", "Marshall, B. D. L."),
        ("vancouver", "1. Marshall BDL"),
    ],
)
def test_exports_of_one_reference(client, library, fmt, expected):
    ref = library["marshall"]
    response = client.get(reverse("evidence:reference_export", args=[ref.pk, fmt]))
    assert response.status_code == 200
    assert expected in response.content.decode()
    assert "attachment" in response["Content-Disposition"]


@pytest.mark.django_db
def test_export_of_a_whole_result_and_of_a_selection(client, library):
    whole = client.get("/evidence/export/", {"q": "supervised", "format": "csljson"})
    assert len(json.loads(whole.content)) == 4
    chosen = [library["emcdda"].pk, library["freeman"].pk]
    selection = client.get("/evidence/export/", {"ids": chosen, "format": "ris"})
    assert selection.content.decode().count("TY  - ") == 2
    assert client.get("/evidence/export/", {"format": "docx"}).status_code == 400
    api = client.get("/api/v1/references/export", {"q": "crime", "format": "bibtex"})
    assert api.content.decode().count("@") == 1


@pytest.mark.django_db
def test_the_evidence_map_counts_and_links_each_cell(client, library):
    EvidenceSummary.objects.create(
        outcome=Term.objects.get(slug="overdose-mortality"),
        certainty=Certainty.LOW,
        rationale="Ecological studies only.",
    )
    html = client.get("/evidence/map/").content.decode()
    assert "?outcome=overdose-mortality&amp;design=ecological" in html
    assert "Low" in html
    data = client.get("/api/v1/evidence-map").json()
    row = next(r for r in data["rows"] if r["outcome"] == "overdose-mortality")
    assert row["certainty"] == "low"
    assert {c["design"]: c["count"] for c in row["cells"]}["ecological"] == 1
    later = client.get("/api/v1/evidence-map", {"year_from": 2012}).json()
    assert later["total"] == 2
    cell = next(c for c in row["cells"] if c["design"] == "ecological")
    assert client.get(cell["search_url"]).status_code == 200


@pytest.mark.django_db
def test_the_outcome_page_shows_its_summary_and_references(client, library):
    summary = EvidenceSummary.objects.create(
        outcome=Term.objects.get(slug="overdose-mortality"),
        certainty=Certainty.VERY_LOW,
        rationale="Observational and **ecological** designs.",
    )
    summary.references.add(library["marshall"])
    html = client.get("/evidence/outcomes/overdose-mortality/").content.decode()
    assert "Very low" in html and "<strong>ecological</strong>" in html
    assert "Reduction in overdose mortality" in html
    assert client.get("/api/v1/evidence-summaries").json()[0]["certainty"] == "very-low"
    assert client.get("/evidence/outcomes/no-such-thing/").status_code == 404


@pytest.mark.django_db
def test_feeds_list_new_references_optionally_per_outcome(client, library):
    rss = client.get("/evidence/feed.rss").content.decode()
    assert rss.count("<item>") == 5
    atom = client.get("/evidence/outcomes/crime/feed.atom").content.decode()
    assert atom.count("<entry>") == 1 and "Sydney" in atom


@pytest.mark.django_db
def test_a_suggestion_waits_for_moderation(client):
    cache.clear()
    response = client.post(
        "/evidence/suggest/", {"doi": "https://doi.org/10.1186/s12954-017-0154-1", "note": "Canada"}
    )
    assert response.status_code == 302
    suggestion = Suggestion.objects.get()
    assert suggestion.doi == "10.1186/s12954-017-0154-1" and suggestion.state == "pending"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data, field",
    [
        ({"doi": "hello"}, "DOI"),
        ({"pmid": "12a"}, "PMID"),
        ({"citation": "asdf qwer"}, "Citation"),
        ({}, "Give a DOI"),
        # A valid address longer than the column (254): a form error, not a database error.
        ({"pmid": "21497898", "email": "a" * 64 + "@" + ("b" * 60 + ".") * 4 + "org"}, "254"),
    ],
)
def test_garbage_suggestions_get_a_form_error(client, data, field):
    cache.clear()
    response = client.post("/evidence/suggest/", data)
    assert response.status_code == 200 and field in response.content.decode()
    assert not Suggestion.objects.exists()


@pytest.mark.django_db
def test_suggestions_are_rate_limited_per_address(client):
    cache.clear()
    for _ in range(5):
        client.post("/evidence/suggest/", {"pmid": "21497898"})
    response = client.post("/evidence/suggest/", {"pmid": "21497898"})
    assert response.status_code == 429
    assert Suggestion.objects.count() == 5


@pytest.mark.django_db
def test_the_import_page_is_for_editors_only(client, member):
    assert client.get("/evidence/import/").status_code == 302
    client.force_login(member)
    assert client.get("/evidence/import/").status_code == 403
