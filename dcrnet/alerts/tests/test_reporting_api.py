"""Reporting through the API with a personal token: POST /api/v1/alerts/reports and /pulses."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from dcrnet.alerts import forms, tasks
from dcrnet.alerts.forms import monday, week_code
from dcrnet.alerts.models import Pulse, Region, Substance, SubstanceReport
from dcrnet.monitoring.models import ReporterToken, hash_token

pytestmark = pytest.mark.django_db

REPORTS = "/api/v1/alerts/reports"
PULSES = "/api/v1/alerts/pulses"
RAW = "dcr_test-token-0123456789"


@pytest.fixture
def bearer(reporter):
    ReporterToken.objects.create(user=reporter, digest=hash_token(RAW), prefix=RAW[:8])
    return {"HTTP_AUTHORIZATION": f"Bearer {RAW}"}


@pytest.fixture
def region(facility):
    region = Region.objects.create(slug="luxembourg", name="Luxembourg", country=facility.country)
    region.facilities.add(facility)
    return region


@pytest.fixture
def substances():
    Substance.objects.create(slug="xylazine", name="Xylazine", kind="compound")
    Substance.objects.create(slug="heroin", name="Heroin", kind="compound")
    Substance.objects.create(slug="unknown", name="Unknown", kind="unknown")


@pytest.fixture
def queued(monkeypatch):
    calls: list = []

    class Queued:
        def __init__(self, name):
            self.name = name

        def enqueue(self, *args):
            calls.append((self.name, args))

    monkeypatch.setattr(tasks, "check_report_task", Queued("report"))
    monkeypatch.setattr(tasks, "check_pulse_task", Queued("pulse"))
    return calls


def post(client, url, body, headers):
    return client.post(url, json.dumps(body), content_type="application/json", **headers)


def problems(response) -> dict[str, str]:
    return {p["parameter"]: p["message"] for p in response.json()["problems"]}


def body(**changes) -> dict:
    data = {
        "facility": "lu-abrigado",
        "substance": "xylazine",
        "confirmation": "gcms",
        "form": "powder",
        "sold_as": "heroin",
        "samples": 5,
        "linked_overdoses": 1,
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not ...}


def test_a_token_files_a_report_for_this_week_and_s1_is_queued(
    client, bearer, reporter, facility, region, substances, queued,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, REPORTS, body(), bearer)
    assert response.status_code == 201, response.content
    stored = SubstanceReport.objects.get()
    answer = response.json()
    assert answer["public_id"] == str(stored.public_id)
    assert {k: answer[k] for k in ("facility", "substance", "sold_as", "samples", "region")} == {
        "facility": "lu-abrigado",
        "substance": "xylazine",
        "sold_as": "heroin",
        "samples": 5,
        "region": "luxembourg",
    }
    assert answer["week"] == week_code(monday(forms.today())) == week_code(stored.week)
    assert stored.reported_by == reporter and stored.linked_overdoses == 1
    assert queued == [("report", (stored.pk,))]


def test_a_week_may_be_given(client, bearer, region, substances, queued):
    week = monday(forms.today()) - dt.timedelta(days=14)
    response = post(client, REPORTS, body(week=week_code(week)), bearer)
    assert response.status_code == 201
    assert SubstanceReport.objects.get().week == week


@pytest.mark.parametrize(
    ("changes", "parameter", "message"),
    [
        ({"linked_overdoses": 6}, "body.linked_overdoses", "exceed the samples (5)"),
        ({"samples": 0}, "body.samples", "greater than or equal to 1"),
        ({"samples": "5"}, "body.samples", "valid integer"),
        ({"samples": True}, "body.samples", "valid integer"),
        ({"samples": ...}, "body.samples", "Field required"),
        ({"substance": "fentanyl"}, "body.substance", "Unknown substance “fentanyl”"),
        ({"sold_as": "sugar"}, "body.sold_as", "Unknown substance “sugar”"),
        ({"confirmation": "rumour"}, "body.confirmation", "Input should be"),
        ({"week": "2026-W60"}, "body.week", "should match pattern"),
        ({"region": "elsewhere"}, "body.region", "is not an alert region of this facility"),
        ({"client_age": 34}, "body.client_age", "Extra inputs are not permitted"),
    ],
)
def test_bad_input_is_a_422_naming_the_member(
    client, bearer, region, substances, changes, parameter, message
):
    response = post(client, REPORTS, body(**changes), bearer)
    assert response.status_code == 422
    assert message in problems(response)[parameter]
    assert not SubstanceReport.objects.exists()


def test_a_week_not_begun_is_a_422(client, bearer, region, substances):
    future = week_code(monday(forms.today()) + dt.timedelta(days=7))
    response = post(client, REPORTS, body(week=future), bearer)
    assert response.status_code == 422
    assert problems(response) == {"body.week": f"The week {future} has not begun yet."}


def test_a_facility_in_no_region_is_a_422_naming_the_facility(client, bearer, substances):
    response = post(client, REPORTS, body(), bearer)
    assert response.status_code == 422
    assert "in no alert region yet" in problems(response)["body.facility"]


def test_messages_are_in_english_whatever_the_language_asked(client, bearer, region, substances):
    headers = {**bearer, "HTTP_ACCEPT_LANGUAGE": "fr"}
    response = post(client, REPORTS, body(linked_overdoses=9), headers)
    assert "exceed the samples" in problems(response)["body.linked_overdoses"]


def test_without_a_token_nothing_is_stored(client, region, substances):
    assert post(client, REPORTS, body(), {}).status_code == 401
    headers = {"HTTP_AUTHORIZATION": "Bearer dcr_not-a-token"}
    pulse = {"facility": "lu-abrigado", "overdoses": 1}
    assert post(client, PULSES, pulse, headers).status_code == 401
    assert client.get(REPORTS).status_code == client.get(PULSES).status_code == 405
    assert not SubstanceReport.objects.exists() and not Pulse.objects.exists()


def test_a_token_never_reports_for_another_facility(client, bearer, make_facility, substances):
    other = make_facility("ca-insite", country="CA", city="Vancouver")
    region = Region.objects.create(slug="vancouver", name="Vancouver", country=other.country)
    region.facilities.add(other)
    response = post(client, REPORTS, body(facility="ca-insite"), bearer)
    assert response.status_code == 403
    assert problems(response) == {"body.facility": "you do not report for this facility"}
    response = post(client, PULSES, {"facility": "ca-insite", "overdoses": 2}, bearer)
    assert response.status_code == 403
    other.published = False
    other.save()
    assert post(client, REPORTS, body(facility="ca-insite"), bearer).status_code == 404
    assert post(client, REPORTS, body(facility="nowhere"), bearer).status_code == 404
    assert not SubstanceReport.objects.exists() and not Pulse.objects.exists()


def test_a_revoked_token_is_refused(client, bearer, region, substances):
    ReporterToken.objects.update(revoked=forms.timezone.now())
    assert post(client, REPORTS, body(), bearer).status_code == 401


def test_too_many_reports_are_a_429(client, bearer, region, substances, queued, monkeypatch):
    monkeypatch.setattr(forms, "REPORTS_PER_HOUR", 1)
    assert post(client, REPORTS, body(), bearer).status_code == 201
    response = post(client, REPORTS, body(), bearer)
    assert response.status_code == 429 and "Too many reports" in response.json()["error"]
    assert SubstanceReport.objects.count() == 1


# --- pulses --------------------------------------------------------------------------------


def test_a_pulse_is_created_then_replaced(
    client, bearer, reporter, facility, queued, django_capture_on_commit_callbacks
):
    yesterday = forms.yesterday()
    with django_capture_on_commit_callbacks(execute=True):
        first = post(client, PULSES, {"facility": "lu-abrigado", "overdoses": 3}, bearer)
    assert first.status_code == 201
    assert first.json() == {
        "facility": "lu-abrigado",
        "day": yesterday.isoformat(),
        "overdoses": 3,
        "created": True,
    }
    again = {"facility": "lu-abrigado", "day": yesterday.isoformat(), "overdoses": 8}
    second = post(client, PULSES, again, bearer)
    assert second.status_code == 200 and second.json()["created"] is False
    pulse = Pulse.objects.get()
    assert (pulse.overdoses, pulse.reported_by) == (8, reporter)
    assert queued[0] == ("pulse", (facility.pk, yesterday.isoformat()))


@pytest.mark.parametrize(
    ("changes", "parameter", "message"),
    [
        ({"overdoses": -1}, "body.overdoses", "greater than or equal to 0"),
        ({"overdoses": 1001}, "body.overdoses", "less than or equal to 1000"),
        ({"overdoses": 2.5}, "body.overdoses", "valid integer"),
        ({"day": "2026-02-30"}, "body.day", "Enter a valid date."),
        ({"day": "yesterday"}, "body.day", "should match pattern"),
        ({"names": "A.B."}, "body.names", "Extra inputs are not permitted"),
    ],
)
def test_a_bad_pulse_is_a_422_naming_the_member(
    client, bearer, facility, changes, parameter, message
):
    response = post(client, PULSES, {"facility": "lu-abrigado", "overdoses": 2, **changes}, bearer)
    assert response.status_code == 422
    assert message in problems(response)[parameter]
    assert not Pulse.objects.exists()


def test_a_pulse_for_tomorrow_is_a_422(client, bearer, facility):
    tomorrow = (forms.today() + dt.timedelta(days=1)).isoformat()
    data = {"facility": "lu-abrigado", "day": tomorrow, "overdoses": 1}
    response = post(client, PULSES, data, bearer)
    assert problems(response) == {"body.day": f"{tomorrow} is in the future."}


# --- the document --------------------------------------------------------------------------


def test_the_openapi_document_describes_both_endpoints(client, substances):
    document = client.get("/api/v1/openapi.json").json()
    for path in (REPORTS, PULSES):
        operation = document["paths"][path]["post"]
        assert {"201", "401", "403", "404", "422", "429"} <= set(operation["responses"]), path
        assert operation["security"], path
    reference = document["paths"][REPORTS]["post"]["requestBody"]["content"]["application/json"]
    schema = document["components"]["schemas"][reference["schema"]["$ref"].rsplit("/", 1)[1]]
    assert schema["additionalProperties"] is False
    assert schema["properties"]["substance"]["enum"] == ["heroin", "unknown", "xylazine"]
    assert schema["properties"]["samples"]["maximum"] == forms.MAX_SAMPLES
    assert set(schema["required"]) == {"facility", "substance", "confirmation", "samples"}
