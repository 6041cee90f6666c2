"""A facility's own figures as calculator inputs: only those its published figures hold.

Nothing is estimated or scaled: a figure the facility has not published for a whole year is left
out, and the calculator keeps the preset's value for it. Monthly figures count only when they are
reported (not synthetic demonstration data), published (not suppressed) and cover twelve
consecutive months; unique clients are never summed over months (the dictionary forbids it).
"""

from __future__ import annotations

import datetime as dt

from dcrnet.directory.models import Facility, Route
from dcrnet.monitoring.models import SeriesPoint, YearlyValue

# The calculator's input keys (engine.PARAMETERS) that a facility's figures fill.
CLIENTS = "clients"
INJECTIONS = "injections"

# A published figure counts as a year's when its period lasts this many days.
YEAR_DAYS = range(360, 372)
MONTHS = 12


def _yearly(facility: Facility, code: str, breakdown: str = "") -> tuple[dt.date, int] | None:
    """The latest published figure of `code` covering one year: (its end, its value)."""
    rows = YearlyValue.objects.filter(
        facility=facility, indicator__code=code, breakdown=breakdown
    ).order_by("-period_end")
    for row in rows:
        if (row.period_end - row.period_start).days + 1 in YEAR_DAYS:
            return row.period_end, row.value
    return None


def _last_twelve_months(
    facility: Facility, code: str, breakdown: str
) -> tuple[dt.date, int] | None:
    """The sum over the latest twelve consecutive months, all reported and published."""
    points = list(
        SeriesPoint.objects.for_scope(f"f:{facility.pk}")
        .filter(indicator__code=code, breakdown=breakdown)
        .order_by("-month")
        .values_list("month", "value", "synthetic")[:MONTHS]
    )
    if len(points) < MONTHS or any(value is None or synthetic for _m, value, synthetic in points):
        return None
    months = [month for month, _v, _s in points]
    newest, oldest = months[0], months[-1]
    if (newest.year - oldest.year) * 12 + newest.month - oldest.month != MONTHS - 1:
        return None  # a gap: not twelve consecutive months
    return newest, sum(value for _m, value, _s in points)


def _latest(*found: tuple[dt.date, int] | None) -> int | None:
    dated = [item for item in found if item is not None]
    return max(dated)[1] if dated else None


def prefill(facility: Facility) -> dict[str, str]:
    """Calculator query values from the facility's published figures.

    The profile's places are not among them: the models have no input for the number of booths
    (their effect comes through clients and injections)."""
    values: dict[str, int | None] = {
        CLIENTS: _latest(_yearly(facility, "unique_clients")),
        INJECTIONS: _latest(
            _yearly(facility, "supervised_consumptions", Route.INJECTING),
            _last_twelve_months(facility, "supervised_consumptions", Route.INJECTING),
        ),
    }
    return {key: str(value) for key, value in values.items() if value is not None}
