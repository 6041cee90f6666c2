"""The operator's side of webhooks: the command a timer runs for attempts that are due, and the
admin's delivery log with its "try again" action."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from dcrnet.alerts.models import Delivery

from . import test_deliveries, test_webhooks

pytestmark = pytest.mark.django_db

region, make_alert = test_deliveries.region, test_deliveries.make_alert  # fixtures
receiver, webhook = test_webhooks.receiver, test_webhooks.webhook  # fixtures


def test_the_command_makes_the_attempts_that_are_due(receiver, webhook, make_alert):
    receiver.answers = [503, 204]
    with time_machine.travel(timezone.now(), tick=False) as clock:
        test_webhooks.run(make_alert())
        out = StringIO()
        call_command("retry_alert_webhooks", stdout=out)
        assert out.getvalue().strip() == "0 webhook deliveries made"  # not due yet
        clock.shift(dt.timedelta(minutes=1))
        call_command("retry_alert_webhooks", stdout=out)
    assert "1 webhook deliveries made" in out.getvalue()
    delivery = Delivery.objects.get()
    assert delivery.sent_at is not None and delivery.attempts == 2
    assert len(receiver.requests) == 2


def test_the_delivery_log_is_read_only_and_retries_on_request(
    client, staff, receiver, webhook, make_alert, monkeypatch
):
    from dcrnet.alerts import deliveries

    monkeypatch.setattr(deliveries, "MAX_ATTEMPTS", 1)
    receiver.answers = [500, 204]
    test_webhooks.run(make_alert())
    delivery = Delivery.objects.get()
    assert delivery.failed_at is not None
    client.force_login(staff)
    log = client.get("/admin/alerts/delivery/")
    assert log.status_code == 200 and delivery.key in log.content.decode()
    assert client.get("/admin/alerts/delivery/add/").status_code == 403
    answer = client.post(
        "/admin/alerts/delivery/",
        {"action": "retry", "_selected_action": [delivery.pk]},
        follow=True,
    )
    assert "1 delivery queued." in answer.content.decode()
    delivery.refresh_from_db()
    assert delivery.sent_at is not None and delivery.failed_at is None
