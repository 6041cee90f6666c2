"""The monitoring API keeps lib.api's contract: one error body, every real status declared."""

from __future__ import annotations

import ast
import datetime as dt
import inspect

import pytest

from dcrnet.lib.api import ErrorOut
from dcrnet.monitoring import api as monitoring_api
from dcrnet.monitoring import services

pytestmark = pytest.mark.django_db

REPORT = "/api/v1/report/{public_id}/{month}"
DECLARED = {
    ("get", "/api/v1/indicators"): {200, 422},
    ("get", "/api/v1/series/network"): {200, 422},
    ("get", "/api/v1/series/countries/{code}"): {200, 404, 422},
    ("get", "/api/v1/series/facilities/{public_id}"): {200, 404, 422},
    ("get", "/api/v1/monthly"): {200, 404, 422},
    ("get", "/api/v1/survey"): {200, 422},
    ("get", REPORT): {200, 401, 403, 404, 422},
    ("put", REPORT): {200, 401, 403, 404, 409, 422},
}


@pytest.fixture
def openapi(client):
    return client.get("/api/v1/openapi.json").json()


def test_every_monitoring_operation_declares_each_status_it_answers(openapi):
    for (method, path), statuses in DECLARED.items():
        responses = openapi["paths"][path][method]["responses"]
        assert {int(status) for status in responses} == statuses, (method, path)
        for status in statuses - {200}:
            schema = responses[str(status)]["content"]["application/json"]["schema"]
            assert schema == {"$ref": "#/components/schemas/ErrorOut"}, (method, path, status)


def test_no_monitoring_schema_has_a_time_without_an_offset(openapi):
    schemas = openapi["components"]["schemas"]
    for name in ("IndicatorOut", "SeriesOut", "MonthlyOut", "MonthlyRow", "SurveyOut", "MonthOut"):
        assert '"format": "time"' not in str(schemas[name]).replace("'", '"'), name


def error_of(response, status: int) -> dict:
    assert response.status_code == status, response.content
    body = response.json()
    ErrorOut.model_validate(body)  # {"error": str, "problems": [{"parameter", "message"}]}
    assert set(body) == {"error", "problems"} and body["problems"]
    return body


def put(client, values: dict, headers: dict, public_id="lu-abrigado", **extra):
    return client.put(
        f"/api/v1/report/{public_id}/2025-03",
        {"values": values, **extra},
        content_type="application/json",
        **headers,
    )


def test_every_refusal_of_the_report_endpoints_has_the_one_error_body(
    client, facility, other_facility, bearer
):
    url = "/api/v1/report/lu-abrigado/2025-03"
    assert error_of(client.get(url), 401)["problems"][0]["parameter"] == "Authorization"
    error_of(client.get(url, HTTP_AUTHORIZATION="Bearer dcr_wrong"), 401)
    error_of(put(client, {"visits": 1}, {}), 401)
    error_of(put(client, {"visits": 1}, bearer, public_id="ca-insite"), 403)
    error_of(put(client, {"visits": 1}, bearer, public_id="nowhere"), 404)
    error_of(put(client, {"visits": "many"}, bearer), 422)
    error_of(put(client, {"visits": 1}, bearer, version="not-a-version"), 422)
    error_of(client.put(url, {}, content_type="application/json", **bearer), 422)


def test_a_put_with_the_version_it_read_is_refused_with_409_once_the_month_changed(
    client, facility, bearer
):
    read = client.get("/api/v1/report/lu-abrigado/2025-03", **bearer).json()
    assert read["values"] == {} and read["version"] == services.month_version({})
    services.save_month(facility, dt.date(2025, 3, 1), {"visits": 80})
    body = error_of(put(client, {"visits": 90}, bearer, version=read["version"]), 409)
    assert body["problems"][0]["parameter"] == "body.version"
    fresh = client.get("/api/v1/report/lu-abrigado/2025-03", **bearer).json()
    assert fresh["values"] == {"visits": 80}
    saved = put(client, {"visits": 90}, bearer, version=fresh["version"])
    assert saved.status_code == 200 and saved.json()["values"] == {"visits": 90}


def test_every_refusal_of_the_open_data_endpoints_has_the_one_error_body(client, facility):
    error_of(client.get("/api/v1/monthly?colour=red"), 422)
    error_of(client.get("/api/v1/monthly?level=planet"), 422)
    error_of(client.get("/api/v1/series/network"), 422)
    error_of(client.get("/api/v1/series/network?indicator=nope"), 422)
    error_of(client.get("/api/v1/series/countries/zz?indicator=visits"), 404)
    error_of(client.get("/api/v1/series/facilities/nowhere?indicator=visits"), 404)
    # The downloads share the filters, so they share the refusal.
    error_of(client.get("/data/monthly.json?colour=red"), 422)
    error_of(client.get("/data/monthly.csv?start=2025-02-30"), 422)


def test_the_api_module_imports_no_view_and_defines_no_error_shape_of_its_own():
    tree = ast.parse(inspect.getsource(monitoring_api))
    imported = {
        node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
    } | {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    assert not [name for name in imported if name.endswith("views")], imported
    defined = {node.name for node in ast.walk(tree) if isinstance(node, ast.ClassDef)}
    assert not defined & {"ErrorOut", "Problem", "BadParameter", "ReportErrorOut", "ReportProblem"}
