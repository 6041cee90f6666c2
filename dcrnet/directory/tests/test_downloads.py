"""Open-data downloads: /data/facilities.csv and /data/facilities.json."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from dcrnet.directory.downloads import CSV_COLUMNS
from dcrnet.directory.imports import apply, parse
from dcrnet.directory.tests.test_imports import table

pytestmark = pytest.mark.django_db


def rows(response) -> list[dict]:
    assert response.status_code == 200, response.content
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))


@pytest.fixture
def directory(make_facility):
    make_facility(
        "lu-abrigado",
        name="Abrigado",
        operator="Comité national de défense sociale",
        website="https://cnds.lu/",
        routes={"injecting": 10, "smoking": 5},
        services=("supervision", "drug_checking"),
    )
    make_facility(
        "ch-zurich",
        name='Kontakt- und Anlaufstelle Zürich, "K&A"',
        country="CH",
        city="Zürich",
        status="closed",
        since=dt.date(2019, 1, 1),
        routes={"snorting": None},
        services=(),
        latitude=47.3769,
        longitude=8.5417,
    )
    make_facility("lu-hidden", name="Hidden", published=False)


def test_the_csv_has_a_header_and_one_row_per_public_facility(client, directory):
    response = client.get("/data/facilities.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.decode("utf-8").splitlines()[0] == ",".join(CSV_COLUMNS)
    table = rows(response)
    assert [row["public_id"] for row in table] == ["lu-abrigado", "ch-zurich"]
    assert table[0] == {
        "public_id": "lu-abrigado",
        "name": "Abrigado",
        "operator": "Comité national de défense sociale",
        "city": "Luxembourg",
        "country": "LU",
        "model": "integrated",
        "status": "open",
        "status_since": "2005-07-01",
        "latitude": "49.61",
        "longitude": "6.13",
        "exact_location": "no",
        "routes": "injecting:10;smoking:5",
        "services": "drug_checking;supervision",
        "website": "https://cnds.lu/",
        "url": "http://testserver/facilities/lu-abrigado/",
        "source": "",
        "source_url": "",
        "source_accessed": "",
    }
    zurich = table[1]
    assert zurich["name"] == 'Kontakt- und Anlaufstelle Zürich, "K&A"'  # quoted, UTF-8
    assert (zurich["routes"], zurich["services"], zurich["status"]) == ("snorting", "", "closed")


def test_the_csv_is_an_attachment_with_a_dated_filename(client, directory):
    response = client.get("/data/facilities.csv")
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="dcr-network-facilities-')
    assert disposition.endswith('.csv"')
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"].startswith("sandbox")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=closed", ["ch-zurich"]),
        ("country=ch", ["ch-zurich"]),
        ("route=injecting", ["lu-abrigado"]),
        ("service=drug_checking", ["lu-abrigado"]),
        ("model=integrated", ["lu-abrigado", "ch-zurich"]),
        ("q=zürich", ["ch-zurich"]),
        ("sort=-name", ["ch-zurich", "lu-abrigado"]),
        # the list page's own query string, blanks and page number included
        ("q=&country=&status=open&route=&model=&service=&sort=&page=2", ["lu-abrigado"]),
    ],
)
def test_the_csv_filters_as_the_list_and_the_api_do(client, directory, query, expected):
    table = rows(client.get(f"/data/facilities.csv?{query}"))
    assert [row["public_id"] for row in table] == expected


@pytest.mark.parametrize("url", ["/data/facilities.csv", "/data/facilities.json"])
@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("status=bogus", "status"),
        ("country=ZZZ", "country"),
        ("route=teleport", "route"),
        ("sort=price", "sort"),
        ("q=" + "x" * 101, "q"),
    ],
)
def test_a_bad_filter_is_refused_as_the_api_refuses_it(client, facility, url, query, parameter):
    response = client.get(f"{url}?{query}")
    assert response.status_code == 422
    body = response.json()
    assert body["error"].startswith(f"{parameter}: ")
    assert body["problems"][0]["parameter"] == parameter
    assert body == client.get(f"/api/v1/facilities?{query}").json()


def test_downloads_never_give_an_unpublished_exact_location(client, make_facility):
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
    csv_response = client.get("/data/facilities.csv")
    json_response = client.get("/data/facilities.json")
    for response in (csv_response, json_response):
        assert b"Secret Street" not in response.content
        assert b"52.371234" not in response.content
    table = {row["public_id"]: row for row in rows(csv_response)}
    assert (table["private"]["latitude"], table["private"]["exact_location"]) == ("52.37", "no")
    assert (table["public"]["latitude"], table["public"]["exact_location"]) == ("52.375555", "yes")


def test_the_json_has_the_licence_a_timestamp_and_the_api_items(client, directory):
    response = client.get("/data/facilities.json?country=LU")
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.json"')
    body = response.json()
    assert body["licence"] == "CC BY 4.0"
    assert body["licence_url"] == "https://creativecommons.org/licenses/by/4.0/"
    generated = dt.datetime.fromisoformat(body["generated"])
    assert generated.tzinfo is not None
    assert body["filters"] == {"country": "LU"}
    assert body["count"] == 1
    api_items = client.get("/api/v1/facilities?country=LU").json()["items"]
    [item], [api_item] = body["facilities"], api_items
    # The API's item, with what makes it an import file (location with its exact fields).
    assert {k: v for k, v in item.items() if k in api_item and k != "location"} == {
        k: v for k, v in api_item.items() if k != "location"
    }
    assert item["status_history"] == [
        {
            "date": "2005-07-01",
            "status": "open",
            "note": "",
            "source": "test",
            "source_url": "",
            "source_accessed": None,
        }
    ]
    assert item["snapshots"][0]["routes"] == [
        {"route": "injecting", "places": 10},
        {"route": "smoking", "places": 5},
    ]
    assert (item["description"], item["source"]["title"]) == ("", "")
    assert "Comité" in response.content.decode("utf-8")  # UTF-8, not \\u escapes


@pytest.mark.parametrize("url", ["/data/facilities.csv", "/data/facilities.json"])
@pytest.mark.parametrize("n", [2, 20])
def test_downloads_take_the_same_queries_for_2_or_20_facilities(
    client, make_facility, django_assert_max_num_queries, url, n
):
    for i in range(n):
        make_facility(
            f"f-{i:02d}",
            country=["LU", "DE", "NO"][i % 3],
            routes={"injecting": i, "smoking": None},
            services=("supervision", "oat"),
        )
    # Facilities with country and current snapshot, their routes, (for the CSV) their services;
    # for the JSON also every status entry and snapshot with their rows (five more).
    with django_assert_max_num_queries(3 if url.endswith(".csv") else 8):
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.count(b"f-") >= n


@pytest.fixture
def sourced(directory, make_facility):
    make_facility(
        "de-berlin-birkenstube",
        name="Birkenstube",
        country="DE",
        city="Berlin",
        source="Register, with a comma",
        source_url="https://example.org/r",
        source_accessed=dt.date(2026, 11, 30),
        operator="=formula-like operator",
        publish_exact_location=True,
        exact_latitude="52.521234",
        exact_longitude="13.401234",
        address="Somewhere 1",
        routes={"injecting": 8, "oral": None},
    )


def test_the_json_download_imports_back_unchanged(client, sourced, editor):
    client.force_login(editor)  # the unpublished facility too
    body = client.get("/data/facilities.json").json()
    before = table()
    report = apply(parse(json.dumps(body), "json"))
    assert sorted(report.unchanged) == [
        "ch-zurich",
        "de-berlin-birkenstube",
        "lu-abrigado",
        "lu-hidden",
    ]
    assert table() == before


def test_the_csv_download_imports_back_unchanged(client, sourced):
    response = client.get("/data/facilities.csv")
    table_row = {row["public_id"]: row for row in rows(response)}["de-berlin-birkenstube"]
    assert (table_row["source"], table_row["source_accessed"]) == (
        "Register, with a comma",
        "2026-11-30",
    )
    before = table()
    report = apply(parse(response.content, "csv"))
    assert sorted(report.unchanged) == ["ch-zurich", "de-berlin-birkenstube", "lu-abrigado"]
    assert table() == before
