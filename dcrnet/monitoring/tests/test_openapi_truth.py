"""What the OpenAPI document allows, the monitoring endpoints answer (make fuzz's positive-data
check): every refusal schemathesis found had a value the document allowed."""

from __future__ import annotations

import re

import pytest
from django_countries import countries
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dcrnet.lib.text import CONTROL_CHARACTER
from dcrnet.monitoring.api import COUNT_TEXT
from dcrnet.monitoring.forms import MONTH_PATTERN
from dcrnet.monitoring.models import DictionaryRelease, Indicator, MonthlyValue
from dcrnet.monitoring.services import (
    parse_month,
    read_count,
    valid_cells,
)

pytestmark = pytest.mark.django_db

NETWORK = "/api/v1/series/network"
COUNTRY = "/api/v1/series/countries/{code}"
FACILITY = "/api/v1/series/facilities/{public_id}"
MONTHLY = "/api/v1/monthly"
REPORT = "/api/v1/report/{public_id}/{month}"


@pytest.fixture
def openapi(client):
    return client.get("/api/v1/openapi.json").json()


def parameter(openapi: dict, path: str, name: str, method: str = "get") -> dict:
    """A parameter's schema; of an optional one, the branch that is not null."""
    (found,) = [p for p in openapi["paths"][path][method]["parameters"] if p["name"] == name]
    schema = found["schema"]
    for branch in schema.get("anyOf", []):
        if branch.get("type") != "null":
            return branch
    return schema


def report_body(openapi: dict) -> dict:
    body = openapi["paths"][REPORT]["put"]["requestBody"]["content"]["application/json"]
    return openapi["components"]["schemas"][body["schema"]["$ref"].rsplit("/", 1)[1]]


# --- indicator codes: an enum of the dictionary, read when the document is generated --------


def test_the_indicator_parameters_list_exactly_the_dictionarys_codes(openapi):
    codes = list(Indicator.objects.order_by("position", "code").values_list("code", flat=True))
    for path in (NETWORK, COUNTRY, FACILITY, MONTHLY):
        assert parameter(openapi, path, "indicator")["enum"] == codes, path
    assert "0" not in codes  # make fuzz sent indicator=0: allowed, then refused


def test_every_indicator_the_document_lists_is_answered(client, facility, openapi):
    for code in parameter(openapi, NETWORK, "indicator")["enum"]:
        for url in (
            f"{NETWORK}?indicator={code}",
            f"/api/v1/series/countries/LU?indicator={code}",
            f"/api/v1/series/facilities/lu-abrigado?indicator={code}",
            f"{MONTHLY}?indicator={code}&country=LU&facility=lu-abrigado",
        ):
            assert client.get(url).status_code == 200, url


def test_an_indicator_added_to_the_dictionary_is_in_the_next_document(client):
    Indicator.objects.create(
        code="syringes_returned",
        title="Syringes returned",
        definition="Used syringes brought back.",
        added_in=DictionaryRelease.objects.get(),
    )
    openapi = client.get("/api/v1/openapi.json").json()
    for path in (NETWORK, MONTHLY):
        assert "syringes_returned" in parameter(openapi, path, "indicator")["enum"], path
    assert (
        "syringes_returned" in report_body(openapi)["properties"]["values"]["propertyNames"]["enum"]
    )
    assert client.get(f"{NETWORK}?indicator=syringes_returned").status_code == 200


# --- the open monthly data: country, facility ------------------------------------------------


def test_the_monthly_country_is_an_iso_code_in_upper_or_lower_case(openapi):
    enum = parameter(openapi, MONTHLY, "country")["enum"]
    assert set(enum) == {*countries.countries, *(code.lower() for code in countries.countries)}
    assert "AA" not in enum  # make fuzz sent country=AA: the pattern allowed it


def test_every_country_the_document_lists_is_answered(client, openapi):
    for code in parameter(openapi, MONTHLY, "country")["enum"]:
        assert client.get(f"{MONTHLY}?country={code}").status_code == 200, code
    assert client.get(f"{MONTHLY}?country=Lu").status_code == 422  # neither case: not listed


def test_a_well_formed_facility_that_is_not_published_is_not_found_as_documented(
    client, make_facility, openapi
):
    assert "404" in openapi["paths"][MONTHLY]["get"]["responses"]
    assert re.fullmatch(parameter(openapi, MONTHLY, "facility")["pattern"], "0")
    make_facility("de-draft", country="DE", published=False)
    for public_id in ("0", "de-draft"):
        for url in (MONTHLY, "/data/monthly.json", "/data/monthly.csv"):
            response = client.get(f"{url}?facility={public_id}")
            assert response.status_code == 404, (url, public_id)
            assert [p["parameter"] for p in response.json()["problems"]] == ["facility"]


# --- months: exactly the ones parse_month reads, in either order ------------------------------


def test_the_month_pattern_allows_exactly_the_months_parse_month_reads():
    for year in range(1900, 2200):
        for month in range(0, 14):
            text = f"{year:04d}-{month:02d}"
            try:
                parse_month(text)
            except ValueError:
                assert not re.fullmatch(MONTH_PATTERN, text), text
            else:
                assert re.fullmatch(MONTH_PATTERN, text), text


@pytest.mark.parametrize("month", ["1986-01", "2100-12"])
def test_the_first_and_last_months_the_document_allows_are_answered(
    client, facility, bearer, openapi, month
):
    for path, name in ((NETWORK, "start"), (MONTHLY, "end"), (REPORT, "month")):
        assert re.fullmatch(parameter(openapi, path, name)["pattern"], month), path
    assert client.get(f"{NETWORK}?indicator=visits&start={month}").status_code == 200
    assert client.get(f"{MONTHLY}?end={month}").status_code == 200
    assert client.get(f"/api/v1/report/lu-abrigado/{month}", **bearer).status_code == 200


@pytest.mark.parametrize("month", ["2025-3", "2025-03-15", " 2025-03", "1985-12", "2101-01"])
def test_a_month_the_document_does_not_allow_is_refused(client, facility, bearer, month):
    assert not re.fullmatch(MONTH_PATTERN, month)
    for response in (
        client.get(f"{NETWORK}?indicator=visits&start={month}"),
        client.get(f"/data/monthly.csv?end={month}"),
        client.get(f"/api/v1/report/lu-abrigado/{month}", **bearer),
    ):
        assert response.status_code == 422, response.request["QUERY_STRING"]


def test_a_start_after_the_end_is_the_same_range(client, facility):
    for path in (f"{NETWORK}?indicator=visits&", f"{MONTHLY}?"):
        ordered = client.get(f"{path}start=2024-01&end=2025-06")
        reversed_ = client.get(f"{path}start=2025-06&end=2024-01")
        assert reversed_.status_code == ordered.status_code == 200, path
        assert reversed_.json() == ordered.json(), path


# --- the report's body: named cells, counts without control characters, nothing else ---------


def test_the_report_body_lists_its_cells_and_allows_no_other_member(openapi):
    body = report_body(openapi)
    assert body["additionalProperties"] is False
    names = body["properties"]["values"]["propertyNames"]["enum"]
    assert names == list(valid_cells(Indicator.objects.current()))


def test_a_member_the_body_does_not_know_is_refused_naming_it(client, facility, bearer):
    response = client.put(
        "/api/v1/report/lu-abrigado/2025-03",
        {"values": {"visits": 3}, "colour": "red"},
        content_type="application/json",
        **bearer,
    )
    assert response.status_code == 422
    assert [p["parameter"] for p in response.json()["problems"]] == ["body.colour"]
    assert not MonthlyValue.objects.exists()


def test_the_count_pattern_allows_a_character_exactly_when_read_count_reads_it(openapi):
    count = report_body(openapi)["properties"]["values"]["additionalProperties"]["anyOf"][1]
    assert count["pattern"] == COUNT_TEXT
    # Every whitespace character is in the Basic Multilingual Plane.
    for code in range(0x10000):
        character = chr(code)
        try:
            read_count(character)
        except ValueError:
            assert not re.fullmatch(COUNT_TEXT, character), hex(code)
        else:
            assert re.fullmatch(COUNT_TEXT, character), hex(code)
    assert not re.fullmatch(COUNT_TEXT, "\x1c5")  # JSON Schema's \s allowed it


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.from_regex(COUNT_TEXT, fullmatch=True))
def test_a_text_count_the_document_allows_is_read_or_too_large(text):
    assert not CONTROL_CHARACTER.search(text)
    try:
        read_count(text)
    except ValueError as error:
        assert "implausibly large" in str(error)


def test_an_invalid_token_is_a_401_for_every_part_the_document_allows(client, facility):
    """make fuzz: a month or a cell with a control character got lib.middleware's 422 first."""
    wrong = {"HTTP_AUTHORIZATION": "Bearer dcr_wrong"}
    url = "/api/v1/report/lu-abrigado/2025-03"
    body = {
        "values": {"visits": " 1 200\u3000", "supervised_consumptions:injecting": None},
        "version": "0123456789abcdef",
    }
    assert client.get(url, **wrong).status_code == 401
    assert client.put(url, body, content_type="application/json", **wrong).status_code == 401
    assert not re.fullmatch(MONTH_PATTERN, "\xc0\xc3\x0b")
