"""Parallel writes to monthly data: every check holds against what is stored, never a 500.

Real threads, each with its own database connection, released at the same moment (see the
`in_parallel` and `shared_database` fixtures). Run on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from django.db import connection
from django.test import Client

from dcrnet.monitoring import services
from dcrnet.monitoring.models import MonthlyValue, ReporterToken, SeriesPoint, hash_token

pytestmark = pytest.mark.django_db(transaction=True)

RAW_TOKEN = "dcr_parallel-token-0123456789"


@pytest.fixture
def writer(indicators, facility, reporter, shared_database):
    """A token of the reporter of Abrigado, on the database the threads share."""
    ReporterToken.objects.create(user=reporter, digest=hash_token(RAW_TOKEN), prefix="dcr_para")
    return {"HTTP_AUTHORIZATION": f"Bearer {RAW_TOKEN}"}


def put(public_id: str, month: str, values: dict, headers: dict, **extra):
    client = Client(raise_request_exception=False)
    return client.put(
        f"/api/v1/report/{public_id}/{month}",
        {"values": values, **extra},
        content_type="application/json",
        **headers,
    )


def test_the_database_serialises_writers_as_the_locks_assume():
    # select_for_update does nothing on SQLite: the cross-check under lock relies on every
    # transaction taking the write lock when it begins (BEGIN IMMEDIATE).
    if connection.vendor == "sqlite":
        assert connection.settings_dict["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    else:
        assert connection.features.has_select_for_update
        assert connection.features.has_select_for_no_key_update


def test_two_parallel_writes_cannot_both_pass_the_cross_check(writer, facility, in_parallel):
    # One request reports visits, the other unique clients above them. Each alone is valid;
    # together they break "unique clients ≤ visits". One must be refused, whichever is second.
    months = [f"2024-{m:02d}" for m in range(1, 9)]
    calls = [
        args
        for month in months
        for args in (
            ("lu-abrigado", month, {"visits": 10}, writer),
            ("lu-abrigado", month, {"unique_clients": 11}, writer),
        )
    ]
    responses = []
    for i in range(0, len(calls), 2):
        responses += in_parallel(put, calls[i : i + 2])
    statuses = [getattr(r, "status_code", r) for r in responses]
    assert Counter(statuses) == {200: len(months), 422: len(months)}, statuses
    for response in responses:
        if response.status_code == 422:
            assert "exceed visits" in response.json()["problems"][0]["message"]
    for month in months:
        first = services.parse_month(month)
        cells = dict(
            MonthlyValue.objects.filter(month=first).values_list("indicator__code", "value")
        )
        assert len(cells) == 1, (month, cells)
        assert services.cross_check(cells, first) == []


def test_twenty_parallel_writes_to_one_month_all_succeed(writer, facility, in_parallel):
    calls = [
        ("lu-abrigado", "2025-03", {"visits": 100 + i, "days_open": 20}, writer) for i in range(20)
    ]
    responses = in_parallel(put, calls)
    statuses = [getattr(r, "status_code", r) for r in responses]
    assert statuses == [200] * 20, [getattr(r, "content", r) for r in responses]
    assert MonthlyValue.objects.filter(indicator__code="visits").count() == 1
    stored = MonthlyValue.objects.get(indicator__code="visits").value
    assert stored in range(100, 120)
    # The published series ends equal to the last write, once per point.
    point = SeriesPoint.objects.get(key=f"f:{facility.pk}", indicator__code="visits")
    assert point.value == stored


def test_parallel_writes_of_several_facilities_publish_one_network_point(
    indicators, make_facility, reporter, shared_database, in_parallel
):
    # Every write republishes the network and country totals of its month: 20 writers of
    # five facilities once collided on unique_series_point (PostgreSQL, 500s).
    facilities = [make_facility(f"lu-site-{n}", name=f"Site {n}") for n in range(5)]
    for facility in facilities:
        facility.reporters.add(reporter)
    ReporterToken.objects.create(user=reporter, digest=hash_token(RAW_TOKEN), prefix="dcr_para")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {RAW_TOKEN}"}
    calls = [
        (facilities[i % 5].public_id, "2025-04", {"visits": 50 + i}, headers) for i in range(20)
    ]
    responses = in_parallel(put, calls)
    assert [getattr(r, "status_code", r) for r in responses] == [200] * 20
    total = sum(MonthlyValue.objects.values_list("value", flat=True))
    network = SeriesPoint.objects.get(key="n", indicator__code="visits", breakdown="")
    assert network.value == total
    keys = SeriesPoint.objects.values_list("key", "indicator_id", "breakdown", "month")
    assert len(keys) == len(set(keys))


def test_a_grid_saved_over_a_changed_month_is_a_409_not_a_silent_undo(
    indicators, facility, reporter, shared_database, in_parallel
):
    services.save_month(facility, dt.date(2025, 5, 1), {"visits": 40})
    version = services.month_version({"visits": 40})

    def save(visits: int):
        client = Client(raise_request_exception=False)
        client.force_login(reporter)
        return client.post(
            "/data/report/lu-abrigado/2025-05/", {"visits": str(visits), "version": version}
        )

    responses = in_parallel(save, [(41,), (42,)])
    statuses = sorted(getattr(r, "status_code", r) for r in responses)
    assert statuses == [302, 409], statuses
    refused = next(r for r in responses if r.status_code == 409)
    html = refused.content.decode()
    assert "changed by someone else" in html and "Nothing was saved" in html
    assert MonthlyValue.objects.get().value in (41, 42)


def test_a_parallel_upload_and_api_write_cannot_both_pass_the_cross_check(
    writer, facility, reporter, in_parallel
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    def upload(month: str):
        client = Client(raise_request_exception=False)
        client.force_login(reporter)
        data = f"month,unique_clients\n{month},11\n".encode()
        return client.post(
            "/data/report/lu-abrigado/upload/",
            {"file": SimpleUploadedFile("m.csv", data, content_type="text/csv")},
        )

    months = [f"2023-{m:02d}" for m in range(1, 5)]
    statuses = []
    for month in months:
        by_csv, by_api = in_parallel(
            lambda kind, m=month: (
                upload(m) if kind == "csv" else put("lu-abrigado", m, {"visits": 10}, writer)
            ),
            [("csv",), ("api",)],
        )
        statuses.append((by_csv.status_code, by_api.status_code))
    # One of each pair is refused (the upload with 400, the API with 422), never both stored.
    assert all(pair in {(302, 422), (400, 200)} for pair in statuses), statuses
    for month in months:
        assert MonthlyValue.objects.filter(month=services.parse_month(month)).count() == 1
