"""The detection tasks: what reporting queues after each report or pulse, and the daily run; run
by several workers at once they still leave one signal per key, without an error."""

from __future__ import annotations

import datetime as dt

import pytest

from dcrnet.alerts import tasks
from dcrnet.alerts.models import Signal, SignalKind

from .test_signals import (  # noqa: F401 - fixtures
    MONTH,
    RUN_DAY,
    _dictionary,
    neighbour,
    peers,
    pulses,
    region,
    report,
    store,
    substance,
    worked,
)


@pytest.mark.django_db
def test_check_report_task_returns_the_key_of_its_signal(facility, region):  # noqa: F811
    xylazine = substance("xylazine", watch_list=True)
    result = tasks.check_report_task.enqueue(report(facility, xylazine, region).pk)
    assert result.return_value == Signal.objects.get().key


@pytest.mark.django_db
def test_check_report_task_of_a_report_gone_does_nothing(db):
    assert tasks.check_report_task.enqueue(987654).return_value is None
    assert not Signal.objects.exists()


@pytest.mark.django_db
def test_check_pulse_task_returns_the_spike_signal(facility, region):  # noqa: F811
    day = dt.date(2026, 11, 3)
    pulses(facility, day, [1, 0, 2, 1] * 20, today=8)
    result = tasks.check_pulse_task.enqueue(facility.pk, day.isoformat())
    assert result.return_value == f"S2:f{facility.pk}:2026-11-03"
    # No pulse that day: nothing.
    assert tasks.check_pulse_task.enqueue(facility.pk, "2026-11-04").return_value is None


@pytest.mark.django_db
def test_detect_signals_task_returns_the_keys_of_the_day(facility, region, peers):  # noqa: F811
    store(facility, worked() | {MONTH: (15, 2100)})
    report(facility, substance("fentanyl", watch_list=True), region)

    keys = tasks.detect_signals_task.enqueue(RUN_DAY.isoformat()).return_value

    assert sorted(keys) == sorted(Signal.objects.values_list("key", flat=True))
    assert {k.split(":")[0] for k in keys} == {"S1", "S3"}
    assert tasks.detect_signals_task.enqueue(RUN_DAY.isoformat()).return_value == keys


@pytest.mark.django_db(transaction=True)
def test_four_workers_at_once_leave_one_signal_per_key(
    facility,
    neighbour,  # noqa: F811
    region,  # noqa: F811
    peers,  # noqa: F811
    shared_database,
    in_parallel,
):
    for one in (facility, neighbour):
        store(one, worked() | {MONTH: (16, 2100)})
    carfentanil = substance("carfentanil", watch_list=True)
    first = report(facility, carfentanil, region)
    report(neighbour, carfentanil, region, samples=4)
    day = RUN_DAY - dt.timedelta(days=1)
    pulses(facility, day, [0] * 60, today=3)
    pulses(neighbour, day, [0] * 60, today=3)

    jobs = [
        lambda: tasks.detect_signals_task.call(RUN_DAY.isoformat()),
        lambda: tasks.detect_signals_task.call(RUN_DAY.isoformat()),
        lambda: tasks.check_report_task.call(first.pk),
        lambda: tasks.check_pulse_task.call(neighbour.pk, day.isoformat()),
    ]
    results = in_parallel(lambda job: job(), [(job,) for job in jobs])

    assert [r for r in results if isinstance(r, Exception)] == []
    kinds = sorted(Signal.objects.values_list("kind", flat=True))
    # S1 (one region, one week), S2 (the region's two flags), S3 × 2 and S4.
    assert kinds == ["S1", "S2", "S3", "S3", "S4"]
    s1 = Signal.objects.get(kind=SignalKind.SUBSTANCE)
    assert s1.observed == 5 and s1.facilities.count() == 2
