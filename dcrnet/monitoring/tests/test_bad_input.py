"""Bad and lenient input: a clear message naming the row, column, cell or field; never a 500.

The grid, the CSV upload and the API read values through one contract (services.read_count,
services.parse_month), so each case is tried on every path that takes it.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from dcrnet.monitoring import services
from dcrnet.monitoring.models import MonthlyValue, ReporterToken

pytestmark = pytest.mark.django_db

ARABIC_THREE = "\u0663"  # ٣
FULL_WIDTH_THREE = "\uff13"  # ３


def upload(client, text: str | bytes):
    data = text.encode() if isinstance(text, str) else text
    return client.post(
        "/data/report/lu-abrigado/upload/",
        {"file": SimpleUploadedFile("months.csv", data, content_type="text/csv")},
    )


def put(client, headers, values, month="2025-03"):
    return client.put(
        f"/api/v1/report/lu-abrigado/{month}",
        {"values": values},
        content_type="application/json",
        **headers,
    )


# --- the one reader ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (True, "not true or false"),
        (False, "not true or false"),
        (ARABIC_THREE, "digits 0-9"),
        (FULL_WIDTH_THREE, "digits 0-9"),
        ("1" + ARABIC_THREE, "digits 0-9"),
        ("2.5", "digits 0-9"),
        (2.5, "whole number"),
        ("+5", "digits 0-9"),
        ("5\x00", "control character (U+0000)"),
        ("\x1b[2J", "control character (U+001B)"),
        ([5], "whole number"),
        (-1, "must not be negative"),
        (10_000_001, "implausibly large"),
    ],
)
def test_a_count_is_ascii_digits_or_an_integer_and_nothing_else(raw, reason):
    with pytest.raises(ValueError, match=re.escape(reason)):
        services.read_count(raw)


@pytest.mark.parametrize(
    ("raw", "value"), [(0, 0), (12, 12), (12.0, 12), (" 1 200 ", 1200), ("", None), (None, None)]
)
def test_plain_counts_are_read(raw, value):
    assert services.read_count(raw) == value


@pytest.mark.parametrize(
    "text",
    [
        "2025-02-30",
        "2025-04-31",
        "2025-13",
        "2025-3-0",
        "\u0662\u0660\u0662\u0665-\u0660\u0663",
        "202５-03",
    ],
)
def test_a_month_that_is_not_a_real_date_is_refused(text):
    with pytest.raises(ValueError):
        services.parse_month(text)


def test_a_real_day_names_its_month():
    assert services.parse_month("2024-02-29") == dt.date(2024, 2, 1)


# --- the CSV upload ------------------------------------------------------------------------


def test_an_upload_with_a_field_over_the_csv_limit_is_refused_with_its_row(
    reporter_client, facility
):
    response = upload(reporter_client, "month,visits\n2025-01,5\n2025-02," + "9" * 140_000 + "\n")
    assert response.status_code == 400
    assert "row 3: A cell is longer than 131,072 characters." in response.content.decode()
    assert not MonthlyValue.objects.exists()


def test_an_upload_with_line_ends_of_cr_alone_is_read(reporter_client, facility):
    response = upload(reporter_client, "month,visits\r2025-01,5\r2025-02,6\r")
    assert response.status_code == 302
    assert sorted(MonthlyValue.objects.values_list("value", flat=True)) == [5, 6]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("month,visits\n2025-01,5\x00\n", "row 2, column 2"),
        ("month,vis\x07its\n2025-01,5\n", "row 1, column 2"),
        ("month,visits,days_open\n2025-01,5,\x1b\n", "row 2, column 3"),
    ],
)
def test_control_characters_in_an_upload_are_refused_with_row_and_column(
    reporter_client, facility, text, where
):
    response = upload(reporter_client, text)
    assert response.status_code == 400
    assert f"{where}: The cell contains a control character" in response.content.decode()
    assert not MonthlyValue.objects.exists()


def test_other_scripts_digits_in_an_upload_are_refused_with_row_and_column(
    reporter_client, facility
):
    response = upload(reporter_client, f"month,visits,days_open\n2025-01,{ARABIC_THREE},3\n")
    assert response.status_code == 400
    assert "row 2, column 2: visits must be a whole number (digits 0-9)" in (
        response.content.decode()
    )


def test_an_upload_checks_months_against_the_cells_already_stored(reporter_client, facility):
    services.save_month(facility, dt.date(2025, 1, 1), {"visits": 10})
    response = upload(reporter_client, "month,unique_clients\n2025-01,11\n")
    assert response.status_code == 400
    html = response.content.decode()
    assert "row 2, column 2: Unique clients (11) exceed visits (10)." in html
    assert "with the values stored for 2025-01" in html


# --- form fields ---------------------------------------------------------------------------
# (lib.middleware refuses control characters in any query or form field before a view runs;
# the forms refuse them too, so they hold wherever they are used.)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("5\x01", "This value contains a control character (U+0001)."),
        (ARABIC_THREE, "must be a whole number (digits 0-9)"),
        (FULL_WIDTH_THREE, "must be a whole number (digits 0-9)"),
    ],
)
def test_the_grid_names_the_field_of_a_bad_value(facility, value, message):
    from dcrnet.monitoring.forms import MonthGridForm
    from dcrnet.monitoring.models import Indicator

    form = MonthGridForm({"visits": value}, indicators=list(Indicator.objects.current()))
    assert not form.is_valid()
    assert message in form.errors["visits"][0]


@pytest.mark.parametrize("value", [ARABIC_THREE, FULL_WIDTH_THREE, "5\x01"])
def test_the_grid_page_refuses_a_bad_value_and_names_its_field(reporter_client, facility, value):
    response = reporter_client.post("/data/report/lu-abrigado/2025-03/", {"visits": value})
    assert response.status_code == 400
    html = response.content.decode()
    assert "visits" in html.lower() and ("digits 0-9" in html or "control character" in html)
    assert not MonthlyValue.objects.exists()


@pytest.mark.parametrize(
    ("form_name", "data", "field"),
    [
        ("TokenForm", {"label": "cron\x1b[31m"}, "label"),
        ("SurveyForm", {"model": "integrated", "visitors_per_day": "4\x00"}, "visitors_per_day"),
        (
            "SurveyForm",
            {"model": "integrated", "visitors_per_day": ARABIC_THREE},
            "visitors_per_day",
        ),
    ],
)
def test_other_forms_refuse_control_characters_and_foreign_digits_naming_the_field(
    form_name, data, field
):
    from dcrnet.monitoring import forms

    form_class = getattr(forms, form_name)
    form = form_class(data, headline=[]) if form_name == "SurveyForm" else form_class(data)
    assert not form.is_valid()
    assert field in form.errors


def test_a_token_label_with_a_control_character_is_refused(reporter_client, reporter):
    response = reporter_client.post("/data/report/tokens/", {"label": "cron\x1b[31m"})
    assert response.status_code == 400
    assert "label" in response.content.decode()
    assert not ReporterToken.objects.exists()


def test_a_token_label_longer_than_its_field_is_refused_not_cut(reporter_client, reporter):
    response = reporter_client.post("/data/report/tokens/", {"label": "x" * 81})
    assert response.status_code == 400
    assert 'id="token-label-error"' in response.content.decode()
    assert not ReporterToken.objects.exists()


# --- the API -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (True, "must be a whole number, not true or false"),
        (ARABIC_THREE, "must be a whole number (digits 0-9)"),
        (FULL_WIDTH_THREE, "must be a whole number (digits 0-9)"),
        (2.5, "must be a whole number"),
        (1e300, "is implausibly large (more than 10,000,000)"),
    ],
)
def test_the_api_refuses_what_is_not_a_count_naming_the_cell(
    client, facility, bearer, value, message
):
    response = put(client, bearer, {"visits": value})
    assert response.status_code == 422, response.content
    assert response.json()["problems"] == [{"parameter": "body.values.visits", "message": message}]
    assert not MonthlyValue.objects.exists()


def test_the_api_refuses_a_control_character_in_a_cell_naming_it(client, facility, bearer):
    response = put(client, bearer, {"visits": "7\x00"})
    assert response.status_code == 422
    assert response.json()["problems"][0]["parameter"].endswith("values.visits")
    assert not MonthlyValue.objects.exists()


@pytest.mark.parametrize("month", ["2025-02-30", "2025-13", "2025-00-01", "March"])
def test_the_api_refuses_a_month_that_is_no_date(client, facility, bearer, month):
    for response in (
        put(client, bearer, {"visits": 3}, month=month),
        client.get(f"/api/v1/report/lu-abrigado/{month}", **bearer),
    ):
        assert response.status_code == 422
        assert response.json()["problems"][0]["parameter"] == "month"
    assert not MonthlyValue.objects.exists()


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("start=2025-02-30", "start"),
        ("end=2025-02-30", "end"),
        ("level=", "level"),
        ("level=planet", "level"),
        ("facility=", "facility"),
        ("indicator=zzz", "indicator"),
        ("country=ZZ", "country"),
        ("country=", "country"),
        ("start=", "start"),
        ("colour=red", "colour"),
    ],
)
def test_open_data_filters_refuse_unknown_and_blank_values_naming_the_parameter(
    client, facility, query, parameter
):
    for url in ("/api/v1/monthly", "/data/monthly.json", "/data/monthly.csv"):
        response = client.get(f"{url}?{query}")
        assert response.status_code == 422, (url, response.status_code)
        assert parameter in [p["parameter"] for p in response.json()["problems"]], url


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/series/network?indicator=visits&start=2025-02-30",
        "/api/v1/series/network?indicator=",
        "/api/v1/series/network?indicator=visits%00",
        "/api/v1/series/network?indicator=visits&colour=red",
        "/api/v1/series/countries/%00?indicator=visits",
        "/api/v1/series/facilities/lu%00abrigado?indicator=visits",
    ],
)
def test_series_refuse_bad_parameters_with_a_422(client, facility, url):
    response = client.get(url)
    assert response.status_code == 422
    assert response.json()["problems"]


@pytest.mark.parametrize("query", ["facility=lu%00abrigado", "indicator=visits%00"])
def test_a_nul_in_a_filter_is_refused_on_every_database(client, facility, query):
    assert client.get(f"/api/v1/monthly?{query}").status_code == 422
    for url in ("/data/monthly.json", "/data/monthly.csv"):
        assert client.get(f"{url}?{query}").status_code in (400, 422)


def test_a_nul_in_a_path_is_a_clear_refusal_on_every_database(client, facility, bearer):
    assert client.get("/api/v1/report/lu%00abrigado/2025-03", **bearer).status_code == 422
    assert client.get("/data/countries/%00u/").status_code in (400, 404)
