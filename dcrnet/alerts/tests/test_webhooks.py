"""Webhooks: signed JSON to a local receiver, retries with backoff, the delivery log."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import time_machine
from django.utils import timezone

from dcrnet.alerts import deliveries
from dcrnet.alerts.models import Delivery, Region, Webhook

from . import test_deliveries

pytestmark = pytest.mark.django_db

region, make_alert = test_deliveries.region, test_deliveries.make_alert  # fixtures

SECRET = "a partner's signing secret"


class Receiver:
    """A partner's endpoint on 127.0.0.1: records each request, answers from `answers` (the
    last one repeats), optionally slowly."""

    def __init__(self):
        self.requests: list[dict] = []
        self.answers: list[int] = [204]
        self.delay = 0.0
        received = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                received.requests.append(
                    {
                        "path": self.path,
                        "headers": self.headers,
                        "body": self.rfile.read(length),
                    }
                )
                time.sleep(received.delay)
                status = (
                    received.answers.pop(0) if len(received.answers) > 1 else received.answers[0]
                )
                self.send_response(status)
                if 300 <= status < 400:
                    self.send_header("Location", "/elsewhere")
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hooks/dcrnet"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    found = Receiver()
    yield found
    found.close()


@pytest.fixture
def webhook(receiver):
    return Webhook.objects.create(name="Partner", url=receiver.url, secret=SECRET)


def run(alert) -> None:
    deliveries.deliver_alert_task.enqueue(alert.pk, alert.version)


# --- a delivery --------------------------------------------------------------------------------


def test_it_posts_the_payload_signed_with_the_webhooks_secret(receiver, webhook, make_alert):
    alert = make_alert()
    run(alert)
    (request,) = receiver.requests
    body = request["body"]
    expected = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    assert request["headers"]["X-DCRNet-Signature"] == expected
    assert request["headers"]["Content-Type"] == "application/json; charset=utf-8"
    assert request["headers"]["X-DCRNet-Event"] == "alert.issued"
    assert request["path"] == "/hooks/dcrnet"
    assert json.loads(body) == deliveries.alert_payload(alert)
    delivery = Delivery.objects.get()
    assert request["headers"]["X-DCRNet-Delivery"] == delivery.key
    assert (delivery.channel, delivery.webhook, delivery.version) == ("webhook", webhook, 1)
    assert (delivery.attempts, delivery.last_status) == (1, "HTTP 204")
    assert delivery.sent_at is not None and delivery.next_attempt is None


def test_a_signature_with_another_secret_does_not_match(receiver, webhook, make_alert):
    run(make_alert())
    body = receiver.requests[0]["body"]
    forged = "sha256=" + hmac.new(b"another secret", body, hashlib.sha256).hexdigest()
    assert receiver.requests[0]["headers"]["X-DCRNet-Signature"] != forged


def test_each_version_is_posted_once(receiver, webhook, make_alert):
    alert = make_alert()
    run(alert)
    run(alert)
    deliveries.retry_webhooks_task.enqueue()
    alert.version, alert.retracted, alert.retraction_reason = 2, timezone.now(), "Lab error."
    alert.save()
    run(alert)
    events = [r["headers"]["X-DCRNet-Event"] for r in receiver.requests]
    assert events == ["alert.issued", "alert.retracted"]
    assert json.loads(receiver.requests[1]["body"])["retraction_reason"] == "Lab error."


# --- who receives it ---------------------------------------------------------------------------


def test_network_grades_go_only_to_webhooks_marked_for_them(receiver, webhook, make_alert):
    run(make_alert(grade="network"))
    assert receiver.requests == []
    webhook.network_grades = True
    webhook.save()
    run(make_alert(grade="network"))
    assert [json.loads(r["body"])["grade"] for r in receiver.requests] == ["network"]


def test_a_webhook_with_regions_receives_only_theirs(receiver, webhook, make_alert, facility):
    elsewhere = Region.objects.create(slug="elsewhere", name="Elsewhere", country=facility.country)
    webhook.regions.set([elsewhere])
    run(make_alert())
    assert receiver.requests == []
    run(make_alert(region=None))  # an alert for the whole network
    assert len(receiver.requests) == 1


def test_an_inactive_webhook_receives_nothing(receiver, webhook, make_alert):
    webhook.active = False
    webhook.save()
    run(make_alert())
    assert receiver.requests == []
    assert not Delivery.objects.exists()


# --- failures, backoff, giving up --------------------------------------------------------------


def test_a_failed_post_is_retried_after_one_then_two_minutes(receiver, webhook, make_alert):
    receiver.answers = [503, 500, 200]
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        run(make_alert())
        delivery = Delivery.objects.get()
        assert (delivery.attempts, delivery.last_status) == (1, "HTTP 503")
        assert delivery.sent_at is None and delivery.failed_at is None
        assert delivery.next_attempt == start + dt.timedelta(minutes=1)

        deliveries.retry_webhooks_task.enqueue()  # not due yet
        assert len(receiver.requests) == 1

        clock.shift(dt.timedelta(minutes=1))
        deliveries.retry_webhooks_task.enqueue()
        delivery.refresh_from_db()
        assert (delivery.attempts, delivery.last_status) == (2, "HTTP 500")
        assert delivery.next_attempt == timezone.now() + dt.timedelta(minutes=2)

        clock.shift(dt.timedelta(minutes=2))
        deliveries.retry_webhooks_task.enqueue()
        delivery.refresh_from_db()
        assert (delivery.attempts, delivery.last_status) == (3, "HTTP 200")
        assert delivery.sent_at is not None and delivery.next_attempt is None
    assert len(receiver.requests) == 3
    bodies = {r["body"] for r in receiver.requests}
    assert len(bodies) == 1  # the same signed payload each time


def test_it_gives_up_after_the_last_attempt(receiver, webhook, make_alert, monkeypatch):
    monkeypatch.setattr(deliveries, "MAX_ATTEMPTS", 2)
    receiver.answers = [500]
    with time_machine.travel(timezone.now(), tick=False) as clock:
        run(make_alert())
        clock.shift(dt.timedelta(minutes=1))
        deliveries.retry_webhooks_task.enqueue()
        clock.shift(dt.timedelta(days=1))
        deliveries.retry_webhooks_task.enqueue()
    delivery = Delivery.objects.get()
    assert delivery.attempts == 2
    assert delivery.failed_at is not None and delivery.next_attempt is None
    assert len(receiver.requests) == 2


def test_the_backoff_doubles():
    waits = [deliveries.backoff(n) for n in range(1, deliveries.MAX_ATTEMPTS)]
    assert waits[:4] == [dt.timedelta(minutes=m) for m in (1, 2, 4, 8)]
    assert sum(waits, dt.timedelta()) >= dt.timedelta(hours=2)


def test_a_redirect_is_not_followed(receiver, webhook, make_alert):
    receiver.answers = [302]
    run(make_alert())
    assert [r["path"] for r in receiver.requests] == ["/hooks/dcrnet"]
    delivery = Delivery.objects.get()
    assert delivery.last_status == "HTTP 302" and delivery.sent_at is None


def test_an_unreachable_receiver_is_logged_not_raised(webhook, make_alert, receiver):
    receiver.close()  # nothing listens on that port any more
    run(make_alert())
    delivery = Delivery.objects.get()
    assert delivery.last_status.startswith("URLError")
    assert delivery.sent_at is None and delivery.next_attempt is not None


def test_a_receiver_that_does_not_answer_in_time_is_a_failure(
    receiver, webhook, make_alert, monkeypatch
):
    monkeypatch.setattr(deliveries, "TIMEOUT_SECONDS", 0.2)
    receiver.delay = 1.0
    run(make_alert())
    delivery = Delivery.objects.get()
    assert "timed out" in delivery.last_status
    assert delivery.sent_at is None and delivery.next_attempt is not None


def test_a_version_superseded_before_its_retry_is_given_up(receiver, webhook, make_alert):
    receiver.answers = [500, 204]
    alert = make_alert()
    run(alert)
    alert.version = 2
    alert.save()
    old = Delivery.objects.get(version=1)
    Delivery.objects.filter(pk=old.pk).update(next_attempt=timezone.now())
    deliveries.retry_webhooks_task.enqueue()
    old.refresh_from_db()
    assert old.failed_at is not None and old.last_status == "superseded by a newer version"
    assert len(receiver.requests) == 1


def test_two_attempts_at_once_post_once(
    receiver, make_alert, shared_database, in_parallel, django_user_model
):
    receiver.delay = 0.3
    webhook = Webhook.objects.create(name="Partner", url=receiver.url, secret=SECRET)
    alert = make_alert()
    delivery = Delivery.objects.create(
        key=deliveries.webhook_key(alert.pk, 1, webhook.pk),
        alert=alert,
        version=1,
        channel="webhook",
        webhook=webhook,
    )
    results = in_parallel(deliveries.attempt_webhook, [(delivery.pk,), (delivery.pk,)])
    assert sorted(results) == [False, True]
    assert len(receiver.requests) == 1
    delivery.refresh_from_db()
    assert delivery.attempts == 1 and delivery.sent_at is not None


def test_staff_can_start_a_new_round_after_giving_up(receiver, webhook, make_alert, monkeypatch):
    monkeypatch.setattr(deliveries, "MAX_ATTEMPTS", 1)
    receiver.answers = [500, 204]
    run(make_alert())
    delivery = Delivery.objects.get()
    assert delivery.failed_at is not None
    assert deliveries.retry_now([delivery.pk]) == 1
    delivery.refresh_from_db()
    assert (delivery.attempts, delivery.last_status, delivery.failed_at) == (1, "HTTP 204", None)
    assert delivery.sent_at is not None
    assert deliveries.retry_now([delivery.pk]) == 0  # delivered: nothing to do
    assert len(receiver.requests) == 2


def test_only_http_addresses_are_posted_to(make_alert):
    Webhook.objects.create(name="Old partner", url="ftp://partner.example.org/in", secret=SECRET)
    run(make_alert())
    delivery = Delivery.objects.get()
    assert delivery.last_status == "not an http(s) URL" and delivery.sent_at is None
