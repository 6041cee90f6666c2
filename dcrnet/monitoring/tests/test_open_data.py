"""Dashboards, series endpoints and open data: suppressed everywhere, cached, filterable."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest

from dcrnet.monitoring import services
from dcrnet.monitoring.models import SeriesPoint

pytestmark = pytest.mark.django_db
JAN = dt.date(2025, 1, 1)


@pytest.fixture
def reported(facility, other_facility, make_facility):
    third = make_facility("lu-esch", country="LU", city="Esch", name="Contact Esch")
    services.save_month(facility, JAN, {"visits": 3, "overdoses": 2, "unique_clients": 2})
    services.save_month(third, JAN, {"visits": 50, "overdoses": 7, "unique_clients": 20})
    services.save_month(other_facility, JAN, {"visits": 900, "overdoses": 40})
    return facility


SMALL_NUMBER = re.compile(r"(?<![\d.,-])[1-4](?![\d.,:-])")


def test_the_facility_value_of_3_is_never_published(reported):
    point = SeriesPoint.objects.get(facility=reported, indicator__code="visits")
    assert point.value is None and point.flag == "<5"
    # Its country total (53) would give it away with Esch's 50: Esch is hidden too.
    esch = SeriesPoint.objects.get(
        key__startswith="f:", indicator__code="visits", value=None, flag="x"
    )
    assert esch.facility.public_id == "lu-esch"


def test_no_published_point_is_a_count_from_1_to_4(reported):
    assert not SeriesPoint.objects.filter(value__gte=1, value__lte=4).exists()


def test_the_csv_never_shows_a_count_from_1_to_4(client, reported):
    response = client.get("/data/monthly.csv")
    text = b"".join(response.streaming_content).decode()
    assert "CC BY 4.0" in text
    rows = list(csv.DictReader(io.StringIO("\n".join(text.splitlines()[2:]))))
    assert rows and all(not (r["value"].isdigit() and 1 <= int(r["value"]) <= 4) for r in rows)
    assert {r["suppressed"] for r in rows} >= {"<5", "x"}


def test_the_json_and_series_never_show_a_count_from_1_to_4(client, reported):
    rows = client.get("/data/monthly.json").json()["rows"]
    assert all(r["value"] is None or not 1 <= r["value"] <= 4 for r in rows)
    for url in (
        "/api/v1/series/network?indicator=visits",
        "/api/v1/series/countries/lu?indicator=overdoses",
        "/api/v1/series/facilities/lu-abrigado?indicator=unique_clients",
    ):
        data = client.get(url).json()
        for line in data["series"]:
            assert all(v is None or isinstance(v, str) or v >= 5 or v == 0 for v in line["values"])


def test_dashboard_pages_show_small_counts_as_less_than_five(client, reported):
    for url in ("/data/", "/data/countries/lu/", "/data/facilities/lu-abrigado/"):
        response = client.get(url + "?indicator=visits&indicator=overdoses")
        assert response.status_code == 200
        cells = re.findall(r"<td>([^<]*)</td>", response.content.decode())
        assert not [c for c in cells if SMALL_NUMBER.fullmatch(c.strip())], url
    html = client.get("/data/facilities/lu-abrigado/?indicator=visits").content.decode()
    assert "&lt;5" in html
    # The chart draws the API's series, labelled in the page's language; the JSON link is the API.
    assert 'data-src="/data/facilities/lu-abrigado/chart.json?indicator=visits"' in html
    assert 'href="/api/v1/series/facilities/lu-abrigado?indicator=visits"' in html
    chart = client.get("/data/facilities/lu-abrigado/chart.json?indicator=visits").json()
    api = client.get("/api/v1/series/facilities/lu-abrigado?indicator=visits").json()
    assert chart["series"] == api["series"] and chart["months"] == api["labels"]


def test_every_chart_has_a_table_beside_it(client, reported):
    html = client.get("/data/?indicator=visits&indicator=overdoses").content.decode()
    for chart_table in re.findall(r'data-table="([^"]+)"', html):
        assert f'<table id="{chart_table}"' in html


def test_series_are_cached_and_a_write_invalidates_them(client, reported, other_facility):
    url = "/api/v1/series/countries/ca?indicator=visits"
    assert client.get(url).json()["series"][0]["values"] == [900]
    services.save_month(other_facility, JAN, {"visits": 950})
    assert client.get(url).json()["series"][0]["values"] == [950]


def test_monthly_data_filters_by_facility_country_indicator_and_period(client, reported):
    rows = client.get(
        "/data/monthly.json?country=ca&indicator=visits&start=2025-01&end=2025-02"
    ).json()["rows"]
    assert [(r["facility"], r["value"]) for r in rows] == [("ca-insite", 900)]
    rows = client.get("/data/monthly.json?facility=ca-insite").json()["rows"]
    assert {r["indicator"] for r in rows} == {"visits", "overdoses"}
    rows = client.get("/data/monthly.json?level=country&country=ca").json()["rows"]
    assert rows[0]["area"] == "CA"


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("country=LUX", "country"),
        ("indicator=nope", "indicator"),
        ("start=March", "start"),
        ("level=planet", "level"),
        ("colour=red", "colour"),
    ],
)
def test_bad_parameters_are_a_400_naming_the_parameter(client, reported, query, parameter):
    for url in ("/data/monthly.json", "/data/monthly.csv", "/api/v1/monthly"):
        response = client.get(f"{url}?{query}")
        assert response.status_code in (400, 422), url
        assert parameter in response.json()["error"], url


def test_series_endpoints_name_a_bad_indicator(client, reported):
    response = client.get("/api/v1/series/network?indicator=nope")
    assert response.status_code == 422 and "indicator" in response.json()["error"]
    assert client.get("/api/v1/series/network").status_code == 422


def test_every_open_data_endpoint_is_in_the_openapi_document(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/indicators",
        "/api/v1/monthly",
        "/api/v1/survey",
        "/api/v1/series/network",
        "/api/v1/series/countries/{code}",
        "/api/v1/series/facilities/{public_id}",
        "/api/v1/report/{public_id}/{month}",
    ):
        assert path in paths, path


def test_the_survey_csv_has_a_licence_and_a_header(client):
    text = client.get("/data/survey.csv").content.decode()
    assert "CC BY 4.0" in text and "year,question,category,value,n,surveyed,response_rate" in text


def test_unpublishing_a_facility_removes_it_after_republishing(client, reported, other_facility):
    from django.core.management import call_command

    other_facility.published = False
    other_facility.save()
    out = io.StringIO()
    call_command("republish_monthly", stdout=out)
    assert "Republished 1 months" in out.getvalue()
    assert not SeriesPoint.objects.filter(facility=other_facility).exists()
    assert not SeriesPoint.objects.filter(country="CA").exists()
