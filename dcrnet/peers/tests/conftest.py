"""Fixtures of the peer tests: facilities with monthly values, written straight to the table."""

from __future__ import annotations

import datetime as dt

import pytest

from dcrnet.monitoring.models import Indicator, MonthlyValue
from dcrnet.peers import selectors

# A month inside the default period (the last 12 months) whenever the tests run.
MONTH = selectors.last_complete_month()


@pytest.fixture
def add_month(db):
    """add_month(facility, visits=..., overdoses=..., **{"referrals:health": 3}, month=...)"""

    def add(facility, month: dt.date = MONTH, synthetic: bool = False, **cells: int) -> None:
        codes = {name.partition(":")[0] for name in cells}
        indicators = {i.code: i for i in Indicator.objects.filter(code__in=codes)}
        MonthlyValue.objects.bulk_create(
            MonthlyValue(
                facility=facility,
                month=month,
                indicator=indicators[name.partition(":")[0]],
                breakdown=name.partition(":")[2],
                value=value,
                synthetic=synthetic,
            )
            for name, value in cells.items()
        )

    return add


@pytest.fixture
def peers(make_facility, add_month):
    """Five facilities in Luxembourg with 10,000 visits each and 10 to 30 overdoses: the group's
    rate is 2 per 1,000 visits, so E = 20 for each (the facts file's golden limits)."""
    made = []
    for number, overdoses in enumerate([10, 15, 20, 25, 30], start=1):
        facility = make_facility(f"lu-peer-{number}", name=f"Secret Peer {number}")
        add_month(facility, visits=10_000, overdoses=overdoses, naloxone=overdoses // 2)
        made.append(facility)
    return made
