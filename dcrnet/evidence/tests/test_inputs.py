"""Every evidence URL and parameter on hostile input: a clear refusal naming it, never a 500,
and one contract (filters.py) behind the page, the API and the exports."""

from __future__ import annotations

import ast
import inspect

import pytest

from dcrnet.evidence import api as evidence_api
from dcrnet.evidence.forms import SuggestionForm

HUGE = str(2**64)

BAD_FILTERS = [
    ({"design": "zzz"}, "design"),
    ({"outcome": ["overdose-mortality", "nothing-like-it"]}, "outcome"),
    ({"setting": "moon"}, "setting"),
    ({"route": "telepathy"}, "route"),
    ({"design": "overdose-mortality"}, "design"),  # a term of another vocabulary
    ({"country": "ZZ"}, "country"),
    ({"country": "CAN"}, "country"),
    ({"type": "novel"}, "type"),
    ({"sort": "random"}, "sort"),
    ({"year_from": "1700"}, "year_from"),
    ({"year_to": "²"}, "year_to"),
    ({"year_to": "２０１１"}, "year_to"),
    ({"year_from": HUGE}, "year_from"),
    ({"page": "0"}, "page"),
    ({"page": "٣"}, "page"),
    ({"page": HUGE}, "page"),
    ({"per_page": "1000"}, "per_page"),
    ({"q": "x" * 301}, "q"),
]


def assert_error_body_names(response, parameter: str) -> None:
    assert response.status_code == 422, response.content
    body = response.json()
    assert set(body) == {"error", "problems"}
    assert [p["parameter"] for p in body["problems"]] == [parameter]


@pytest.mark.django_db
@pytest.mark.parametrize("params, parameter", BAD_FILTERS)
def test_a_bad_filter_is_refused_by_the_api_and_shown_by_the_page(
    client, library, params, parameter
):
    assert_error_body_names(client.get("/api/v1/references", params), parameter)
    assert_error_body_names(client.get("/api/v1/references/export", params), parameter)
    response = client.get("/evidence/", params)
    assert response.status_code == 200
    assert parameter in response.context["form"].errors
    if parameter not in ("page", "per_page"):  # hidden fields: no box to show them beside
        assert 'class="errorlist"' in response.content.decode()


@pytest.mark.django_db
def test_the_page_reads_the_valid_part_of_a_query_with_a_bad_part(client, library):
    response = client.get("/evidence/", {"design": "ecological", "country": "ZZ"})
    assert response.context["result"].total == 2
    assert "ZZ is not a country code" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params, parameter",
    [
        ({"country": "ZZ"}, "country"),
        ({"year_from": "abc"}, "year_from"),
        ({"year_to": "3000"}, "year_to"),
    ],
)
def test_the_evidence_map_refuses_bad_filters_in_the_api_and_shows_them_on_the_page(
    client, library, params, parameter
):
    assert_error_body_names(client.get("/api/v1/evidence-map", params), parameter)
    page = client.get("/evidence/map/", params)
    assert page.status_code == 200 and parameter in page.context["form"].errors


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params, parameter",
    [
        ({"ids": "²"}, "ids"),
        ({"ids": "١"}, "ids"),
        ({"ids": HUGE}, "ids"),
        ({"ids": str(2**63)}, "ids"),
        ({"ids": "0"}, "ids"),
        ({"ids": "-1"}, "ids"),
        ({"ids": "1e3"}, "ids"),
        ({"ids": ["1"] * 501}, "ids"),
        ({"format": "docx"}, "format"),
        ({"design": "zzz"}, "design"),
        ({"year_from": "２０１１"}, "year_from"),
    ],
)
def test_exports_refuse_bad_ids_and_filters_naming_them(client, library, params, parameter):
    page = client.get("/evidence/export/", params)
    assert page.status_code == 400
    assert page.content.decode().splitlines()[1].startswith(parameter)
    assert_error_body_names(client.get("/api/v1/references/export", params), parameter)


@pytest.mark.django_db
def test_an_export_of_ids_that_do_not_exist_is_empty_not_an_error(client, library):
    response = client.get(
        "/evidence/export/", {"ids": [str(2**63 - 1), "999999"], "format": "csljson"}
    )
    assert response.status_code == 200 and response.json() == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url, status",
    [
        (f"/evidence/references/{HUGE}/", 404),
        (f"/evidence/references/{HUGE}/export/ris/", 404),
        ("/evidence/references/1/export/docx/", 404),
        (f"/api/v1/references/{HUGE}", 404),
        (f"/api/v1/references/{HUGE}/export", 404),
        ("/api/v1/references/1/export?format=docx", 422),
        ("/evidence/outcomes/no-such-outcome/", 404),
        ("/evidence/outcomes/no-such-outcome/feed.rss", 404),
    ],
)
def test_paths_with_huge_or_unknown_values_get_a_clear_status(client, library, url, status):
    response = client.get(url)
    assert response.status_code == status
    if url.startswith("/api/"):
        assert set(response.json()) == {"error", "problems"}


@pytest.mark.django_db
def test_a_missing_reference_in_the_api_is_a_documented_404(client):
    response = client.get("/api/v1/references/12345")
    assert response.status_code == 404 and response.json()["problems"]
    operations = client.get("/api/v1/openapi.json").json()["paths"]
    assert {"200", "404", "422"} <= set(
        operations["/api/v1/references/{ref_id}"]["get"]["responses"]
    )
    assert {"200", "422"} <= set(operations["/api/v1/references"]["get"]["responses"])
    assert {"200", "404", "422"} <= set(
        operations["/api/v1/references/{ref_id}/export"]["get"]["responses"]
    )
    error = operations["/api/v1/references"]["get"]["responses"]["422"]["content"]
    assert error["application/json"]["schema"]["$ref"].endswith("/ErrorOut")


@pytest.mark.django_db
def test_the_page_the_api_and_the_export_select_the_same_references(client, library):
    query = {"q": "supervised", "outcome": "overdose-mortality", "year_from": "2010"}
    page = client.get("/evidence/", query).context["result"]
    api = client.get("/api/v1/references", query).json()
    exported = client.get("/evidence/export/", {**query, "format": "csljson"}).json()
    api_exported = client.get("/api/v1/references/export", {**query, "format": "csljson"}).json()
    ids = sorted(ref.pk for ref in page.references)
    assert ids == sorted(r["id"] for r in api["results"]) and page.total == api["count"] == 2
    assert sorted(int(item["id"]) for item in exported) == ids
    assert sorted(int(item["id"]) for item in api_exported) == ids


@pytest.mark.django_db
def test_blank_boxes_of_the_search_form_mean_not_given_everywhere(client, library):
    blank = {"q": "", "year_from": "", "year_to": "", "type": "", "country": "", "sort": ""}
    assert client.get("/evidence/", blank).context["result"].total == 5
    assert client.get("/api/v1/references", blank).json()["count"] == 5


def test_the_api_reads_no_view_module():
    tree = ast.parse(inspect.getsource(evidence_api))
    imported = [
        node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
    ] + [
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    ]
    assert "views" not in imported and not any(m.endswith(".views") for m in imported)


@pytest.mark.parametrize("field", ["doi", "pmid", "citation", "note", "email"])
@pytest.mark.parametrize("char", ["\x00", "\x01", "\x08", "\x0b", "\x1b", "\x1f"])
def test_the_suggestion_form_refuses_control_characters_naming_the_field(field, char):
    values = {
        "doi": "10.1186/s12954-017-0154-1",
        "pmid": "21497898",
        "citation": "Kerr T, Small W. 2005. Supervised injecting facilities in Vancouver.",
        "note": "A cohort study",
        "email": "someone@example.org",
    }
    values[field] = values[field][:5] + char + values[field][5:]
    form = SuggestionForm(values)
    assert not form.is_valid() and field in form.errors
    assert any(word in " ".join(form.errors[field]) for word in ("control character", "Null"))


def test_the_suggestion_form_keeps_tabs_and_line_breaks():
    citation = "Kerr T, Small W.\r\n2005.\tSupervised injecting facilities in Vancouver."
    assert SuggestionForm({"citation": citation}).is_valid()
