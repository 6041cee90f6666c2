"""Background tasks of early warning: detection after each report or pulse, and the daily run.

Reporting queues the first two after its transaction commits; `manage.py detect_signals` (a daily
timer) or `detect_signals_task` runs the whole detection for a day. Each returns the keys of the
signals it found, which the task result keeps.
"""

from __future__ import annotations

import datetime as dt

from django.tasks import task

from . import signals
from .models import Pulse, SubstanceReport


@task()
def check_report_task(report_id: int) -> str | None:
    """S1 for one new substance report (gone already: nothing to do)."""
    report = (
        SubstanceReport.objects.select_related("substance__group", "region")
        .filter(pk=report_id)
        .first()
    )
    if report is None:
        return None
    signal = signals.check_report(report)
    return signal.key if signal else None


@task()
def check_pulse_task(facility_id: int, day_iso: str) -> str | None:
    """S2 for one facility's pulse of a day (no pulse stored: nothing to do)."""
    pulse = (
        Pulse.objects.select_related("facility")
        .filter(facility_id=facility_id, day=dt.date.fromisoformat(day_iso))
        .first()
    )
    if pulse is None:
        return None
    signal = signals.check_pulse(pulse.facility, pulse.day)
    return signal.key if signal else None


@task()
def detect_signals_task(day_iso: str) -> list[str]:
    """S1–S4 for one day."""
    return [signal.key for signal in signals.detect(dt.date.fromisoformat(day_iso))]
