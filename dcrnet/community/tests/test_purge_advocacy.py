"""RELIABILITY 59 for advocacy: its email delivery records go after 30 days like every app's
(docs/privacy.md); a second run deletes nothing more."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from dcrnet.advocacy.models import Delivery
from dcrnet.community.management.commands.purge_expired import purge_expired

NOW = dt.datetime(2027, 6, 15, 12, tzinfo=dt.UTC)
pytestmark = pytest.mark.django_db


def test_advocacy_delivery_records_go_after_30_days():
    with time_machine.travel(NOW - dt.timedelta(days=31), tick=False):
        Delivery.objects.create(key="decided:1")
    with time_machine.travel(NOW - dt.timedelta(days=29), tick=False):
        young = Delivery.objects.create(key="decided:2")
    with time_machine.travel(NOW, tick=False):
        first = purge_expired()
        second = purge_expired()
    assert first["advocacy deliveries"] == 1 and second["advocacy deliveries"] == 0
    assert list(Delivery.objects.values_list("pk", flat=True)) == [young.pk]
