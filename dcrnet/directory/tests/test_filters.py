"""One input contract: the list page, the map, the API and the downloads read the facility filters
through FacilityFilters and give one verdict on every value."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from django.utils.html import escape

from dcrnet.directory.forms import FacilityFilterForm

pytestmark = pytest.mark.django_db

DIRECTORY = Path(__file__).resolve().parent.parent
REFUSING = ["/map/facilities.json", "/data/facilities.csv", "/data/facilities.json"]


@pytest.fixture
def directory(make_facility):
    make_facility("lu-abrigado", name="Abrigado", routes={"injecting": 10, "smoking": 5})
    make_facility("no-oslo", name="Oslo", country="NO", city="Oslo", routes={"injecting": 6})


def listed_on_the_page(client, query: str) -> list[str]:
    html = client.get(f"/facilities/?{query}", headers={"HX-Request": "true"}).content.decode()
    return re.findall(r'href="/facilities/([-\w]+)/"', html)


@pytest.mark.parametrize(
    "query",
    [
        "status=bogus",
        "route=teleport",
        "model=franchise",
        "service=massage",
        "country=ZZ",
        "country=ZZZ",
        "sort=price",
        "q=" + "x" * 101,
    ],
)
def test_every_reader_of_the_filters_gives_one_verdict_on_a_bad_value(client, directory, query):
    api = client.get(f"/api/v1/facilities?{query}")
    assert api.status_code == 422
    (problem,) = api.json()["problems"]
    label = FacilityFilterForm.base_fields[problem["parameter"]].label
    page = client.get(f"/facilities/?{query}")
    assert page.status_code == 200
    assert f"{label}: {escape(problem['message'])}" in page.content.decode()
    for url in REFUSING:
        response = client.get(f"{url}?{query}")
        assert (response.status_code, response.json()) == (422, api.json()), url


@pytest.mark.parametrize("url", ["/facilities/", "/map/", *REFUSING, "/api/v1/facilities"])
@pytest.mark.parametrize("query", ["q=heroin%00", "q=a%1Bb", "country=L%00U"])
def test_a_control_character_in_a_filter_is_refused_naming_it(client, directory, url, query):
    """lib.middleware refuses it before any view: 422 with the error body in the API, else 400."""
    response = client.get(f"{url}?{query}")
    name = query.split("=")[0]
    if url.startswith("/api/"):
        assert response.status_code == 422
        assert [p["parameter"] for p in response.json()["problems"]] == [name]
    else:
        assert response.status_code == 400
        assert f"<strong>{name}</strong>: must not contain control characters" in (
            response.content.decode()
        )


def test_the_schema_refuses_a_control_character_even_without_the_middleware():
    from django.http import QueryDict

    from dcrnet.directory.schemas import FacilityFilters

    filters, problems = FacilityFilters.from_query(QueryDict("q=heroin%00&status=open"))
    assert [name for name, _message in problems] == ["q"]
    assert (filters.q, filters.status) == ("", "open")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("country=FR", []),  # a country with no facility is a filter, not an error
        ("country=no", ["no-oslo"]),
        ("country=&status=&route=&model=&service=&q=&sort=", ["lu-abrigado", "no-oslo"]),
        ("q=%20oslo%20", ["no-oslo"]),
        ("q=oslo%09", ["no-oslo"]),  # tab and newline are ordinary white space
        ("sort=-name", ["no-oslo", "lu-abrigado"]),
    ],
)
def test_what_the_api_accepts_the_page_and_the_downloads_accept_alike(
    client, directory, query, expected
):
    api = client.get(f"/api/v1/facilities?{query}").json()
    assert [item["public_id"] for item in api["items"]] == expected
    page = client.get(f"/facilities/?{query}").content.decode()
    assert 'class="errorlist"' not in page
    assert listed_on_the_page(client, query) == expected
    download = client.get(f"/data/facilities.json?{query}").json()
    assert [item["public_id"] for item in download["facilities"]] == expected
    # A download item is the API's item plus the import members (its location is the import's:
    # city level, with the exact point apart).
    for item, api_item in zip(download["facilities"], api["items"], strict=True):
        assert {k: item[k] for k in api_item if k != "location"} == {
            k: v for k, v in api_item.items() if k != "location"
        }


def test_the_country_select_keeps_a_valid_country_with_no_facility(client, directory):
    html = client.get("/facilities/?country=fr").content.decode()
    assert '<option value="FR" selected>France</option>' in html


def test_invalid_filters_are_left_out_and_the_valid_ones_still_apply_on_the_page(client, directory):
    assert listed_on_the_page(client, "country=NO&status=bogus") == ["no-oslo"]


def imported_modules(name: str) -> set[str]:
    tree = ast.parse((DIRECTORY / f"{name}.py").read_text())
    return {
        node.module or ""
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.level == 1
    }


@pytest.mark.parametrize(
    ("module", "forbidden"),
    [
        ("api", {"views", "forms", "downloads"}),
        ("downloads", {"views", "forms", "api"}),
        ("forms", {"views", "api", "downloads"}),
        ("schemas", {"views", "forms", "api", "downloads", "selectors"}),
    ],
)
def test_no_reader_of_the_filters_imports_another_reader(module, forbidden):
    assert "schemas" in imported_modules(module) or module == "schemas"
    assert not imported_modules(module) & forbidden
