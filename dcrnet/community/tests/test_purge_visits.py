"""RELIABILITY 59 for exchange visits: on a frozen clock, `purge_expired` deletes the visits whose
days ended more than 12 months ago (with their steps), keeps the younger ones and those both
sides made public, and a second run deletes nothing more."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from dcrnet.community.management.commands.purge_expired import purge_expired
from dcrnet.visits.models import Delivery, Event, Visit, VisitStatus
from dcrnet.visits.tests.conftest import make_host, make_person, make_visit

NOW = dt.datetime(2027, 6, 15, 12, tzinfo=dt.UTC)
pytestmark = pytest.mark.django_db


def test_visits_go_12_months_after_their_last_day(facility):
    host = make_host(facility, make_person("host"))
    visitors = [make_person(f"visitor{n}") for n in range(5)]
    day = dt.date
    old = make_visit(host, visitors[0], first=day(2026, 6, 1), last=day(2026, 6, 2))
    declined = make_visit(
        host, visitors[1], status=VisitStatus.DECLINED, first=day(2026, 5, 1), last=day(2026, 5, 1)
    )
    young = make_visit(
        host,
        visitors[2],
        status=VisitStatus.ACCEPTED,
        first=day(2026, 6, 20),
        last=day(2026, 6, 21),
    )
    public = make_visit(
        host,
        visitors[3],
        status=VisitStatus.ACCEPTED,
        first=day(2025, 1, 1),
        last=day(2025, 1, 2),
        public_by_requester=True,
        public_by_host=True,
    )
    moved_later = make_visit(
        host,
        visitors[4],
        status=VisitStatus.PROPOSED,
        first=day(2026, 6, 1),
        last=day(2026, 6, 2),
        proposed_first_date=day(2026, 7, 1),
        proposed_last_date=day(2026, 7, 2),
    )
    with time_machine.travel(NOW - dt.timedelta(days=40), tick=False):
        Delivery.objects.create(key="event:1:1")
    with time_machine.travel(NOW - dt.timedelta(days=10), tick=False):
        Delivery.objects.create(key="event:2:1")

    with time_machine.travel(NOW, tick=False):
        first = purge_expired()
        second = purge_expired()

    assert first["visits"] == 2
    assert first["visit deliveries"] == 1
    assert set(Visit.objects.values_list("pk", flat=True)) == {young.pk, public.pk, moved_later.pk}
    assert not Event.objects.filter(visit_id__in=[old.pk, declined.pk]).exists()
    assert Delivery.objects.count() == 1
    assert second["visits"] == 0 and second["visit deliveries"] == 0


def test_newsletter_retention_runs_with_the_others():
    with time_machine.travel(NOW, tick=False):
        counts = purge_expired()
    assert counts["newsletter subscriptions not confirmed"] == 0
    assert counts["newsletter send records"] == 0
