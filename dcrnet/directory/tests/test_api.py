"""The directory's JSON API at /api/v1/ and its interactive docs."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dcrnet.directory.models import (
    Country,
    Highlight,
    OpeningHours,
    SnapshotCriterion,
    SnapshotRoute,
)
from dcrnet.directory.services import record_snapshot, record_status

pytestmark = pytest.mark.django_db


def get(client, url: str, status: int = 200):
    response = client.get(url)
    assert response.status_code == status, response.content
    return response.json()


@pytest.fixture
def directory(make_facility):
    """Three public facilities in two countries, and one the directory does not publish."""
    make_facility("lu-abrigado", name="Abrigado", routes={"injecting": 10, "smoking": 5})
    make_facility(
        "no-oslo",
        name="Sprøyterommet",
        country="NO",
        city="Oslo",
        model="specialised",
        since=dt.date(2005, 2, 1),
        routes={"injecting": 6},
        services=("supervision", "drug_checking"),
    )
    make_facility(
        "es-dave",
        name="DAVE",
        country="ES",
        city="Madrid",
        status="closed",
        since=dt.date(2011, 6, 1),
        model="mobile",
        routes=None,
    )
    make_facility("lu-hidden", name="Hidden", published=False, routes={"oral": 1})


def ids(body: dict) -> list[str]:
    return [item["public_id"] for item in body["items"]]


# --- /facilities ------------------------------------------------------------------------------


def test_the_list_gives_each_public_facility_with_its_fields(client, directory):
    body = get(client, "/api/v1/facilities")
    assert body["count"] == 3 and body["limit"] == 50 and body["offset"] == 0
    assert ids(body) == ["lu-abrigado", "es-dave", "no-oslo"]  # sorted by name
    abrigado = body["items"][0]
    assert abrigado == {
        "public_id": "lu-abrigado",
        "name": "Abrigado",
        "operator": "",
        "city": "Luxembourg",
        "country": {"code": "LU", "name": "Luxembourg"},
        "model": "integrated",
        "status": "open",
        "status_since": "2005-07-01",
        "website": "",
        "location": {"latitude": 49.61, "longitude": 6.13, "exact": False, "address": None},
        "routes": [{"route": "injecting", "places": 10}, {"route": "smoking", "places": 5}],
        "url": "/facilities/lu-abrigado/",
        "sources": [{"title": "test", "url": "", "accessed": None}],
    }
    assert body["items"][1]["routes"] == []  # no profile yet


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("country=NO", ["no-oslo"]),
        ("country=no", ["no-oslo"]),
        ("country=FR", []),  # a real country with no facility: empty, not an error
        ("status=closed", ["es-dave"]),
        ("route=injecting", ["lu-abrigado", "no-oslo"]),
        ("route=smoking", ["lu-abrigado"]),
        ("route=oral", []),  # only the unpublished facility offers it
        ("model=specialised", ["no-oslo"]),
        ("service=drug_checking", ["no-oslo"]),
        ("q=madrid", ["es-dave"]),
        ("q=Sprøyte", ["no-oslo"]),
        ("q=hidden", []),
        ("status=open&route=injecting&country=LU", ["lu-abrigado"]),
        ("country=&status=&route=&model=&service=&q=&sort=", ["lu-abrigado", "es-dave", "no-oslo"]),
    ],
)
def test_the_list_filters_as_the_list_page_does(client, directory, query, expected):
    body = get(client, f"/api/v1/facilities?{query}")
    assert ids(body) == expected
    assert body["count"] == len(expected)


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("name", ["lu-abrigado", "es-dave", "no-oslo"]),
        ("-name", ["no-oslo", "es-dave", "lu-abrigado"]),
        ("city", ["lu-abrigado", "es-dave", "no-oslo"]),
        ("country", ["es-dave", "lu-abrigado", "no-oslo"]),
        ("opened", ["no-oslo", "lu-abrigado", "es-dave"]),
        ("-opened", ["es-dave", "lu-abrigado", "no-oslo"]),
    ],
)
def test_the_list_sorts_by_the_list_page_keys(client, directory, sort, expected):
    assert ids(get(client, f"/api/v1/facilities?sort={sort}")) == expected


def test_the_list_paginates_with_limit_and_offset(client, make_facility):
    for i in range(7):
        make_facility(f"f-{i}", name=f"Facility {i}")
    body = get(client, "/api/v1/facilities?limit=3&offset=3")
    assert ids(body) == ["f-3", "f-4", "f-5"]
    assert (body["count"], body["limit"], body["offset"]) == (7, 3, 3)
    assert ids(get(client, "/api/v1/facilities?limit=3&offset=6")) == ["f-6"]
    past_the_end = get(client, "/api/v1/facilities?limit=3&offset=100")
    assert past_the_end["items"] == [] and past_the_end["count"] == 7
    assert get(client, "/api/v1/facilities?limit=500")["limit"] == 500


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("status=bogus", "status"),
        ("route=teleport", "route"),
        ("model=franchise", "model"),
        ("service=massage", "service"),
        ("country=ZZZ", "country"),
        ("country=ZZ", "country"),
        ("country=1", "country"),
        ("sort=price", "sort"),
        ("limit=10000", "limit"),
        ("limit=0", "limit"),
        ("limit=ten", "limit"),
        ("offset=-1", "offset"),
        ("offset=99999999999999999999999", "offset"),
        ("q=%00", "q"),
        ("q=" + "x" * 101, "q"),
    ],
)
def test_a_bad_parameter_gets_a_4xx_naming_it(client, facility, query, parameter):
    response = client.get(f"/api/v1/facilities?{query}")
    assert response.status_code == 422
    body = response.json()
    assert body["error"].startswith(f"{parameter}: ")
    assert [p["parameter"] for p in body["problems"]] == [parameter]


def test_several_bad_parameters_are_all_named(client, facility):
    body = get(client, "/api/v1/facilities?status=bogus&limit=10000&offset=-1&country=ZZZ", 422)
    assert {p["parameter"] for p in body["problems"]} == {"status", "limit", "offset", "country"}
    assert "'ZZZ' is not an ISO 3166-1 alpha-2 country code" in body["error"]


printable = st.text(st.characters(exclude_categories=["Cs"]), max_size=120)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=st.sampled_from(["country", "status", "route", "model", "service", "q", "sort", "limit"]),
    value=printable,
)
def test_no_parameter_value_gives_a_server_error(client, facility, name, value):
    response = client.get("/api/v1/facilities", {name: value})
    assert response.status_code in (200, 422)


def test_the_list_never_shows_an_unpublished_location_or_address(client, make_facility):
    make_facility(
        "private",
        latitude=52.37,
        longitude=4.90,
        exact_latitude="52.371234",
        exact_longitude="4.901234",
        address="Secret Street 1",
    )
    make_facility(
        "public",
        latitude=52.37,
        longitude=4.90,
        exact_latitude="52.375555",
        exact_longitude="4.905555",
        address="Open Street 2",
        publish_exact_location=True,
    )
    response = client.get("/api/v1/facilities")
    assert b"Secret Street" not in response.content and b"52.371234" not in response.content
    items = {item["public_id"]: item["location"] for item in response.json()["items"]}
    assert items["private"] == {
        "latitude": 52.37,
        "longitude": 4.9,
        "exact": False,
        "address": None,
    }
    assert items["public"] == {
        "latitude": 52.375555,
        "longitude": 4.905555,
        "exact": True,
        "address": "Open Street 2",
    }
    detail = client.get("/api/v1/facilities/private")
    assert b"Secret Street" not in detail.content and b"52.371234" not in detail.content


def facilities_and_queries(make_facility, n: int) -> None:
    for i in range(n):
        make_facility(
            f"f-{i:02d}",
            country=["LU", "DE", "NO"][i % 3],
            routes={"injecting": i, "smoking": None},
            services=("supervision", "oat"),
        )


@pytest.mark.parametrize("n", [2, 20])
def test_the_list_takes_the_same_queries_for_2_or_20_facilities(
    client, make_facility, django_assert_num_queries, n
):
    facilities_and_queries(make_facility, n)
    # The count, the facilities with country and current snapshot, their routes, the sources
    # of their status entries and of their snapshots.
    with django_assert_num_queries(5):
        body = get(client, "/api/v1/facilities?sort=country")
    assert body["count"] == n
    with django_assert_num_queries(5):
        get(client, "/api/v1/facilities?route=injecting&service=oat&status=open")


# --- /facilities/{public_id} ------------------------------------------------------------------


def test_one_facility_has_its_status_history_and_snapshots_newest_first(
    client, facility, django_assert_max_num_queries
):
    record_status(
        facility,
        "suspended",
        dt.date(2020, 3, 16),
        source="Press release",
        source_url="https://example.org/covid",
        note="COVID-19",
    )
    record_status(facility, "open", dt.date(2020, 6, 1), source="x")
    older = record_snapshot(facility, dt.date(2015, 1, 1), source="Survey 2015", minimum_age=18)
    SnapshotRoute.objects.create(snapshot=older, route="injecting", places=8)
    SnapshotCriterion.objects.create(snapshot=older, criterion="contract")
    OpeningHours.objects.create(snapshot=older, weekday=0, opens=dt.time(9), closes=dt.time(17, 30))
    with django_assert_max_num_queries(8):
        body = get(client, "/api/v1/facilities/lu-abrigado")
    assert body["public_id"] == "lu-abrigado" and body["status"] == "open"
    assert body["status_since"] == "2020-06-01"
    assert body["status_history"] == [
        {
            "date": "2005-07-01",
            "status": "open",
            "note": "",
            "source": "test",
            "source_url": "",
            "source_accessed": None,
        },
        {
            "date": "2020-03-16",
            "status": "suspended",
            "note": "COVID-19",
            "source": "Press release",
            "source_url": "https://example.org/covid",
            "source_accessed": None,
        },
        {
            "date": "2020-06-01",
            "status": "open",
            "note": "",
            "source": "x",
            "source_url": "",
            "source_accessed": None,
        },
    ]
    assert [s["as_of"] for s in body["snapshots"]] == ["2024-01-01", "2015-01-01"]
    assert body["snapshots"][1] == {
        "as_of": "2015-01-01",
        "source": "Survey 2015",
        "source_url": "",
        "source_accessed": None,
        "routes": [{"route": "injecting", "places": 8}],
        "services": [],
        "admission_criteria": ["contract"],
        "minimum_age": 18,
        "other_criteria": "",
        "opening_hours": [{"weekday": 0, "opens": "09:00:00", "closes": "17:30:00"}],
        "hours_note": "",
        "notes": "",
    }
    assert body["source"] is None  # the test facility names no source of its identity
    assert body["routes"] == [
        {"route": "injecting", "places": 10},
        {"route": "smoking", "places": 5},
    ]  # from the current (newest) snapshot


def test_an_unknown_or_unpublished_facility_is_a_404_with_an_error(client, make_facility):
    make_facility("lu-hidden", published=False)
    for public_id in ("nope", "lu-hidden"):
        body = get(client, f"/api/v1/facilities/{public_id}", 404)
        message = f"No facility has the public id '{public_id}'."
        assert body == {
            "error": f"public_id: {message}",
            "problems": [{"parameter": "public_id", "message": message}],
        }


def test_a_malformed_public_id_is_named_in_the_error(client, db):
    body = get(client, "/api/v1/facilities/a%20b", 422)
    assert body["problems"][0]["parameter"] == "public_id"


def test_the_api_never_shows_user_data(client, facility, reporter):
    for url in ("/api/v1/facilities", "/api/v1/facilities/lu-abrigado", "/api/v1/highlights"):
        content = client.get(url).content.decode()
        assert "reporter@example.org" not in content and "reporters" not in content


# --- /countries -------------------------------------------------------------------------------


def test_countries_have_their_counts_and_source(client, directory, make_facility):
    make_facility("lu-closed", status="closed")
    Country.objects.filter(code="LU").update(
        as_of=dt.date(2024, 5, 1), source_title="Law of 2001", source_url="https://example.org/lu"
    )
    body = get(client, "/api/v1/countries")
    assert [c["code"] for c in body] == ["ES", "LU", "NO"]
    luxembourg = body[1]
    assert luxembourg == {
        "code": "LU",
        "name": "Luxembourg",
        "open_count": 1,
        "listed_count": 2,
        "as_of": "2024-05-01",
        "source": {"title": "Law of 2001", "url": "https://example.org/lu"},
        "url": "/countries/lu/",
    }
    assert (body[0]["open_count"], body[0]["listed_count"]) == (0, 1)


@pytest.mark.parametrize("n", [2, 20])
def test_countries_take_one_query_for_any_number_of_facilities(
    client, make_facility, django_assert_num_queries, n
):
    facilities_and_queries(make_facility, n)
    with django_assert_num_queries(1):
        body = get(client, "/api/v1/countries")
    assert sum(country["listed_count"] for country in body) == n


def test_one_country_has_its_texts_as_markdown_and_safe_html(client, facility):
    Country.objects.filter(code="LU").update(
        legal_basis="Article **8** of the law.\n\n<script>alert(1)</script>",
        political_situation="[Ministry](https://example.org/) supports it.",
        as_of=dt.date(2024, 5, 1),
    )
    body = get(client, "/api/v1/countries/lu")
    assert body["code"] == "LU" and body["name"] == "Luxembourg"
    assert body["legal_basis"]["markdown"].startswith("Article **8**")
    assert "<strong>8</strong>" in body["legal_basis"]["html"]
    assert "<script>" not in body["legal_basis"]["html"]
    assert 'href="https://example.org/"' in body["political_situation"]["html"]
    assert body["as_of"] == "2024-05-01"
    counts = body["open_counts"]
    assert counts[0] == {"year": 2005, "open": 1}
    assert counts[-1] == {"year": timezone.localdate().year, "open": 1}


def test_a_country_without_a_profile_or_code_is_a_4xx(client, facility):
    assert "FR" in get(client, "/api/v1/countries/fr", 404)["error"]
    assert "not an ISO 3166-1" in get(client, "/api/v1/countries/zz", 404)["error"]
    body = get(client, "/api/v1/countries/ZZZ", 422)
    assert body["problems"][0]["parameter"] == "code"


# --- /highlights ------------------------------------------------------------------------------


def test_highlights_give_the_past_and_this_month_but_never_the_future(client, facility):
    this_month = timezone.localdate().replace(day=1)
    last_month = (this_month - dt.timedelta(days=1)).replace(day=1)
    next_month = (this_month + dt.timedelta(days=32)).replace(day=1)
    Highlight.objects.create(month=last_month, facility=facility, title="Then", text="Old *news*")
    Highlight.objects.create(month=this_month, facility=facility, title="Now", text="Today")
    Highlight.objects.create(month=next_month, facility=facility, title="Soon", text="Secret")
    body = get(client, "/api/v1/highlights")
    assert body["current"]["title"] == "Now" and body["current"]["scheduled"] is True
    assert body["current"]["url"] == f"/highlights/{this_month.year}/{this_month.month}/"
    assert [h["title"] for h in body["past"]] == ["Now", "Then"]
    assert body["past"][1]["text"] == {
        "markdown": "Old *news*",
        "html": "<p>Old <em>news</em></p>\n",
    }
    assert body["past"][1]["facility"] == {
        "public_id": "lu-abrigado",
        "name": "Abrigado",
        "city": "Luxembourg",
        "country": {"code": "LU", "name": "Luxembourg"},
        "url": "/facilities/lu-abrigado/",
    }
    assert "Secret" not in str(body)


def test_without_a_scheduled_highlight_the_rotation_is_current(client, facility):
    body = get(client, "/api/v1/highlights")
    assert body["past"] == []
    assert body["current"]["facility"]["public_id"] == "lu-abrigado"
    assert body["current"]["scheduled"] is False and body["current"]["url"] is None


def test_highlights_are_empty_without_facilities(client, db):
    assert get(client, "/api/v1/highlights") == {"current": None, "past": []}


# --- OpenAPI and docs -------------------------------------------------------------------------


def test_the_openapi_document_lists_every_directory_path(client, db):
    document = get(client, "/api/v1/openapi.json")
    paths = document["paths"]
    for path in (
        "/api/v1/facilities",
        "/api/v1/facilities/{public_id}",
        "/api/v1/countries",
        "/api/v1/countries/{code}",
        "/api/v1/highlights",
    ):
        assert "get" in paths[path], path
    parameters = {p["name"] for p in paths["/api/v1/facilities"]["get"]["parameters"]}
    assert parameters == {
        "country", "status", "route", "model", "service", "q", "sort", "limit", "offset"
    }  # fmt: skip
    assert "email" not in str(document["components"]).lower()


def test_the_docs_page_loads_only_our_own_assets_under_the_strict_csp(client, db):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "unsafe-inline" not in csp
    scripts = re.findall(r"<script\b([^>]*)>", html)
    assert scripts and all('src="/static/' in attributes for attributes in scripts)
    stylesheets = re.findall(r'<link[^>]*href="([^"]+)"', html)
    assert stylesheets and all(href.startswith("/static/") for href in stylesheets)
    assert 'data-console-script="/static/vendor/swagger-ui/swagger-ui-bundle.js"' in html
    assert 'src="/static/vendor/swagger-ui/' not in html  # loaded only on demand
    assert "/static/js/api-docs.js" in html
    assert 'data-openapi-url="/api/v1/openapi.json"' in html
    assert "style=" not in html and "<style" not in html
    assert "://" not in html  # nothing from another host


def test_the_docs_page_stays_light_until_the_console_is_opened(client, db):
    import gzip

    from django.contrib.staticfiles import finders

    html = client.get("/api/v1/docs").content
    files = [finders.find("css/site.css"), finders.find("js/api-docs.js")]
    weight = len(gzip.compress(html)) + sum(
        len(gzip.compress(open(path, "rb").read()))
        for path in files  # noqa: SIM115
    )
    assert weight < 150 * 1024


def test_the_vendored_swagger_ui_carries_its_licence():
    from django.contrib.staticfiles import finders

    for name in ("swagger-ui-bundle.js", "swagger-ui.css", "LICENSE"):
        assert finders.find(f"vendor/swagger-ui/{name}"), name
    assert finders.find("js/api-docs.js")


@pytest.mark.browser
def test_the_docs_page_runs_swagger_ui_without_csp_violations_or_foreign_requests(
    live_server, browser_page, facility
):
    browser_page.goto("/api/v1/docs")
    assert not any("swagger-ui-bundle" in url for url in browser_page.requests)
    browser_page.get_by_role("button", name="Open the interactive console").click()
    operation = browser_page.locator("#operations-directory-list_facilities")
    operation.wait_for()
    operation.locator(".opblock-summary-control").click()
    browser_page.get_by_role("button", name="Try it out").click()
    browser_page.get_by_role("button", name="Execute").click()
    browser_page.locator(".live-responses-table .response-col_status").first.wait_for()
    assert "lu-abrigado" in browser_page.locator(".live-responses-table").inner_text()
    # The fixture fails the test on any CSP violation, foreign request or broken asset.
    assert browser_page.csp_violations == [] and browser_page.foreign_requests == []


def test_every_directory_operation_documents_its_error_statuses_with_the_one_error_body(client, db):
    document = get(client, "/api/v1/openapi.json")
    expected = {
        "/api/v1/facilities": {"200", "422"},
        "/api/v1/facilities/{public_id}": {"200", "404", "422"},
        "/api/v1/countries": {"200", "422"},
        "/api/v1/countries/{code}": {"200", "404", "422"},
        "/api/v1/highlights": {"200", "422"},
    }
    for path, statuses in expected.items():
        responses = document["paths"][path]["get"]["responses"]
        assert set(responses) == statuses, path
        for status in statuses - {"200"}:
            schema = responses[status]["content"]["application/json"]["schema"]
            assert schema == {"$ref": "#/components/schemas/ErrorOut"}, (path, status)


def test_blank_filters_are_documented_as_any_as_the_list_page_sends_them(client, db):
    parameters = get(client, "/api/v1/openapi.json")["paths"]["/api/v1/facilities"]["get"][
        "parameters"
    ]
    by_name = {p["name"]: p for p in parameters}
    for name in ("country", "status", "route", "model", "service"):
        assert "" in by_name[name]["schema"]["enum"], name
        assert "Blank means any" in by_name[name]["description"], name
    assert get(client, "/api/v1/facilities?status=")["count"] == 0  # blank: any status


def test_opening_hours_are_wall_clock_strings_not_times_without_an_offset(client, db):
    schemas = get(client, "/api/v1/openapi.json")["components"]["schemas"]
    hours = schemas["OpeningHoursOut"]["properties"]
    for name in ("opens", "closes"):
        assert hours[name]["type"] == "string" and "format" not in hours[name]
        assert re.fullmatch(hours[name]["pattern"], "09:00:00")
    assert '"format": "time"' not in json.dumps(schemas)
