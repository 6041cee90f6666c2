"""Reporting a month: the web grid, CSV upload, the API token, validation, other facilities."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from dcrnet.monitoring import services
from dcrnet.monitoring.models import MonthlyValue, SeriesPoint

pytestmark = pytest.mark.django_db
MARCH = dt.date(2025, 3, 1)


def grid(**cells) -> dict:
    return {name: str(value) for name, value in cells.items()}


def stored(facility) -> dict:
    return {
        services.cell_name(v.indicator.code, v.breakdown): v.value
        for v in MonthlyValue.objects.filter(facility=facility).select_related("indicator")
    }


# --- web form ------------------------------------------------------------------------------


def test_a_reporter_saves_a_month_in_the_grid(reporter_client, facility):
    response = reporter_client.post(
        "/data/report/lu-abrigado/2025-03/",
        grid(visits=300, unique_clients=80, **{"supervised_consumptions:injecting": 250}),
    )
    assert response.status_code == 302
    assert stored(facility) == {
        "visits": 300,
        "unique_clients": 80,
        "supervised_consumptions:injecting": 250,
    }
    assert (
        SeriesPoint.objects.get(facility=facility, indicator__code="visits", breakdown="").value
        == 300
    )


def test_the_grid_shows_every_indicator(reporter_client, facility):
    html = reporter_client.get("/data/report/lu-abrigado/2025-03/").content.decode()
    assert 'name="supervised_consumptions:smoking"' in html
    assert 'name="referrals:treatment"' in html


def test_a_correction_keeps_the_old_value_in_history(reporter_client, facility, reporter):
    reporter_client.post("/data/report/lu-abrigado/2025-03/", grid(visits=300))
    reporter_client.post("/data/report/lu-abrigado/2025-03/", grid(visits=310))
    row = MonthlyValue.objects.get(facility=facility)
    assert [h.value for h in row.history.order_by("history_date")] == [300, 310]
    assert row.history.latest().history_user == reporter


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("-3", "must not be negative"),
        ("2.5", "must be a whole number"),
        ("many", "must be a whole number"),
        ("10000001", "implausibly large"),
    ],
)
def test_the_grid_rejects_bad_numbers_naming_the_cell(reporter_client, facility, value, message):
    response = reporter_client.post("/data/report/lu-abrigado/2025-03/", {"visits": value})
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html and 'href="#id_visits"' in html
    assert not MonthlyValue.objects.exists()


def test_cross_checks_name_the_offending_cells(reporter_client, facility):
    response = reporter_client.post(
        "/data/report/lu-abrigado/2025-03/",
        grid(visits=10, unique_clients=20, overdoses=5, **{"supervised_consumptions:injecting": 3}),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Unique clients (20) exceed visits (10)." in html
    assert "Overdoses (5) exceed supervised consumptions (3)." in html
    assert 'id="id_unique_clients-error"' in html and 'id="id_overdoses-error"' in html
    assert not MonthlyValue.objects.exists()


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        ({"new_clients": 9, "unique_clients": 5}, "New clients (9) exceed unique clients (5)."),
        ({"naloxone": 4, "overdoses": 2}, "Overdoses needing naloxone (4) exceed overdoses (2)."),
        ({"deaths_on_site": 3, "overdoses": 1}, "exceed overdoses and other emergencies (1)"),
        ({"days_open": 32}, "Days open (32) exceed the 31 days of the month."),
        ({"opening_hours": 300, "days_open": 10}, "Opening hours (300) exceed 24 hours"),
    ],
)
def test_every_cross_check_has_a_message(cells, message):
    problems = services.cross_check(cells, MARCH)
    assert len(problems) == 1 and message in problems[0].message
    assert set(problems[0].cells) >= set(cells) - {"days_open"}


def test_another_facility_s_grid_is_forbidden_and_writes_nothing(reporter_client, other_facility):
    assert reporter_client.get("/data/report/ca-insite/2025-03/").status_code == 403
    response = reporter_client.post("/data/report/ca-insite/2025-03/", grid(visits=5))
    assert response.status_code == 403
    assert not MonthlyValue.objects.exists()


def test_an_unknown_or_unpublished_facility_s_grid_is_a_404(reporter_client, other_facility):
    other_facility.published = False
    other_facility.save()
    assert reporter_client.get("/data/report/ca-insite/2025-03/").status_code == 404
    assert reporter_client.get("/data/report/nowhere/2025-03/").status_code == 404


def test_an_anonymous_visitor_is_sent_to_sign_in(client, facility):
    response = client.get("/data/report/lu-abrigado/2025-03/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


# --- CSV upload ----------------------------------------------------------------------------


def upload(client, public_id: str, text: str):
    return client.post(
        f"/data/report/{public_id}/upload/",
        {"file": SimpleUploadedFile("months.csv", text.encode(), content_type="text/csv")},
    )


def test_the_template_has_every_indicator_column(reporter_client, facility):
    response = reporter_client.get("/data/report/lu-abrigado/template.csv")
    header = response.content.decode().splitlines()[0].split(",")
    assert header[0] == "month" and "supervised_consumptions:injecting" in header
    assert len(header) == 1 + 20 + 3 + 2  # routes add 3 cells, referral types 2
    assert 'filename="dcr-monthly-template-lu-abrigado.csv"' in response["Content-Disposition"]


def test_a_valid_upload_imports_every_month(reporter_client, facility):
    response = upload(
        reporter_client,
        "lu-abrigado",
        "month,visits,unique_clients\n2025-01,100,40\n2025-02,120,\n",
    )
    assert response.status_code == 302
    assert MonthlyValue.objects.count() == 3


def test_an_upload_with_problems_imports_nothing_and_names_rows_and_columns(
    reporter_client, facility
):
    text = "month,visits,unique_clients\n2025-01,100,40\n2025-02,-1,x\n2025-13,5,1\n2025-04,10,20\n"
    response = upload(reporter_client, "lu-abrigado", text)
    assert response.status_code == 400
    html = response.content.decode()
    assert "row 3, column 2: visits must not be negative" in html
    assert "row 3, column 3: unique_clients must be a whole number" in html
    assert "row 4, column 1: Month must look like 2025-03." in html
    assert "row 5, column 3: Unique clients (20) exceed visits (10)." in html
    assert not MonthlyValue.objects.exists()


def test_an_unknown_column_is_rejected_so_no_client_field_can_slip_in(reporter_client, facility):
    response = upload(
        reporter_client, "lu-abrigado", "month,visits,client_initials\n2025-01,1,AB\n"
    )
    assert response.status_code == 400
    assert "row 1, column 3: Unknown column “client_initials”" in response.content.decode()
    assert not MonthlyValue.objects.exists()


def test_another_facility_s_upload_is_forbidden(reporter_client, other_facility):
    assert upload(reporter_client, "ca-insite", "month,visits\n2025-01,5\n").status_code == 403
    assert reporter_client.get("/data/report/ca-insite/template.csv").status_code == 403
    assert not MonthlyValue.objects.exists()


def test_import_monthly_command_prints_progress_and_a_summary(facility, tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("month,visits\n2025-01,100\n2025-02,110\n")
    out = io.StringIO()
    call_command("import_monthly", str(path), "--facility", "lu-abrigado", stdout=out)
    assert "[##############################] 2/2" in out.getvalue()
    assert "Imported 2 months (2 values, 2 changed)" in out.getvalue()


def test_import_monthly_command_lists_problems_and_imports_nothing(facility, tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("month,visits,name\n2025-01,100,x\n")
    err = io.StringIO()
    with pytest.raises(CommandError, match="Nothing imported: 1 problem"):
        call_command("import_monthly", str(path), "--facility", "lu-abrigado", stderr=err)
    assert "row 1, column 3" in err.getvalue()
    with pytest.raises(CommandError, match="--facility"):
        call_command("import_monthly", str(path), "--facility", "nope")


# --- API with a personal token -------------------------------------------------------------


def test_a_reporter_reports_a_month_through_the_api(client, facility, bearer):
    response = client.put(
        "/api/v1/report/lu-abrigado/2025-03",
        {"values": {"visits": 200, "supervised_consumptions:smoking": 150}},
        content_type="application/json",
        **bearer,
    )
    assert response.status_code == 200, response.content
    assert response.json()["changed"] == 2
    got = client.get("/api/v1/report/lu-abrigado/2025-03", **bearer).json()
    assert got["values"] == {"visits": 200, "supervised_consumptions:smoking": 150}


def test_the_api_checks_new_cells_against_stored_ones(client, facility, bearer):
    client.put(
        "/api/v1/report/lu-abrigado/2025-03",
        {"values": {"visits": 10}},
        content_type="application/json",
        **bearer,
    )
    response = client.put(
        "/api/v1/report/lu-abrigado/2025-03",
        {"values": {"unique_clients": 11}},
        content_type="application/json",
        **bearer,
    )
    assert response.status_code == 422
    problems = response.json()["problems"]
    assert [p["parameter"] for p in problems] == [
        "body.values.unique_clients",
        "body.values.visits",
    ]
    assert problems[0]["message"] == "Unique clients (11) exceed visits (10)."


def test_the_api_rejects_bad_values_naming_the_cell(client, facility, bearer):
    response = client.put(
        "/api/v1/report/lu-abrigado/2025-03",
        {"values": {"visits": -1, "client_name": 3}},
        content_type="application/json",
        **bearer,
    )
    assert response.status_code == 422
    assert response.json() == {
        "error": "body.values.visits: must not be negative",
        "problems": [{"parameter": "body.values.visits", "message": "must not be negative"}],
    }
    response = client.put(
        "/api/v1/report/lu-abrigado/2025-03",
        {"values": {"visits": 3, "client_name": 3}},
        content_type="application/json",
        **bearer,
    )
    assert response.status_code == 422
    assert response.json()["problems"] == [
        {"parameter": "body.values.client_name", "message": "Unknown indicator “client_name”."}
    ]
    assert not MonthlyValue.objects.exists()


def test_a_token_cannot_write_another_facility(client, facility, other_facility, bearer):
    response = client.put(
        "/api/v1/report/ca-insite/2025-03",
        {"values": {"visits": 5}},
        content_type="application/json",
        **bearer,
    )
    assert response.status_code == 403
    assert response.json()["problems"] == [
        {"parameter": "public_id", "message": "you do not report for this facility"}
    ]
    assert client.get("/api/v1/report/ca-insite/2025-03", **bearer).status_code == 403
    assert client.get("/api/v1/report/nowhere/2025-03", **bearer).status_code == 404
    assert not MonthlyValue.objects.exists()


def test_a_missing_wrong_or_revoked_token_is_refused(client, facility, bearer, token):
    from django.utils import timezone

    from dcrnet.monitoring.models import ReporterToken

    url = "/api/v1/report/lu-abrigado/2025-03"
    assert client.get(url).status_code == 401
    assert client.get(url, HTTP_AUTHORIZATION="Bearer wrong").status_code == 401
    ReporterToken.objects.update(revoked=timezone.now())
    assert client.get(url, **bearer).status_code == 401


def test_only_the_hash_of_a_token_is_stored(reporter_client, reporter):
    from dcrnet.monitoring.models import ReporterToken, hash_token

    response = reporter_client.post("/data/report/tokens/", {"label": "script"})
    raw = response.content.decode().split('<code class="token">')[1].split("<")[0]
    row = ReporterToken.objects.get(user=reporter)
    assert raw not in (row.digest, row.prefix) and row.digest == hash_token(raw)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "row 1: The file is empty"),
        (b"\xff\xfe\x00", "row 1: The file is not UTF-8 text."),
        (b"visits\n5\n", "row 1: The header has no “month” column."),
        (b"month,visits,visits\n2025-01,1,1\n", "row 1, column 3: Column “visits” appears twice."),
        (b"month,visits\n2025-01,1,7\n", "row 2: Expected 2 columns, found 3."),
        (b"month,visits\n2025-01,1\n2025-01,2\n", "row 3, column 1: Month 2025-01 appears twice."),
        (b"month,visits\n", "row 2: The file has a header but no months."),
        (b"month\n" + b"2025-01\n" * 1300, "Too many rows"),
    ],
)
def test_every_upload_problem_has_a_message_with_its_place(data, message):
    problems = services.parse_upload(data).problems
    assert any(message in str(p) for p in problems), [str(p) for p in problems]


@pytest.mark.parametrize("body", ["{not json", '{"values": ', "\xff\xfe"])
def test_a_body_that_is_not_json_is_a_422_naming_the_body(client, facility, bearer, body):
    response = client.put(
        "/api/v1/report/lu-abrigado/2025-03", body, content_type="application/json", **bearer
    )
    assert response.status_code == 422, response.content
    assert response.json() == {
        "error": "body: not valid JSON",
        "problems": [{"parameter": "body", "message": "not valid JSON"}],
    }
