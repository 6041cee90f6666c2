"""Parallel reviews on both databases (real threads, own connections, released together): two
reviewers confirming at once make one alert, the last two confirmations at once make one alert
and a clear refusal, one reviewer three times at once makes one review, parallel updates and a
retraction keep every version; never a 500, a duplicate or a lost version."""

from __future__ import annotations

from collections import Counter

import pytest
from django.test import Client

from dcrnet.alerts import services
from dcrnet.alerts.models import Alert, Review, Signal, SignalStatus

from . import test_review as shared

pytestmark = pytest.mark.django_db(transaction=True)

# Fixtures shared with test_review.py.
heroin = shared.heroin
region = shared.region
reviewer = shared.reviewer
second_facility = shared.second_facility
second_reviewer = shared.second_reviewer
signal = shared.signal
substance = shared.substance
third_reviewer = shared.third_reviewer


def outcome(result) -> str:
    if isinstance(result, services.Refused):
        return type(result).__name__
    if isinstance(result, Exception):
        return f"error: {result!r}"
    return "ok"


@pytest.fixture
def queued(monkeypatch):
    """(alert id, version) of each delivery queued after commit, from any thread."""
    calls: list[tuple[int, int]] = []
    monkeypatch.setattr(services, "_deliver", lambda *args: calls.append(args))
    return calls


def test_two_reviewers_confirming_at_once_make_one_alert(
    signal,
    reviewer,
    second_reviewer,
    queued,
    shared_database,
    in_parallel,
):
    results = in_parallel(
        lambda user: services.review(signal.pk, user, "confirm", grade="red"),
        [(reviewer,), (second_reviewer,)],
    )
    assert Counter(map(outcome, results)) == {"ok": 2}
    alert = Alert.objects.get()
    assert Signal.objects.get(pk=signal.pk).status == SignalStatus.CONFIRMED
    assert queued == [(alert.pk, 1)]


def test_the_last_two_confirmations_at_once_make_one_alert_and_a_refusal(
    signal, reviewer, second_reviewer, third_reviewer, queued, shared_database,
    in_parallel,
):  # fmt: skip
    services.review(signal.pk, reviewer, "confirm", grade="amber")
    results = in_parallel(
        lambda user: services.review(signal.pk, user, "confirm", grade="amber"),
        [(second_reviewer,), (third_reviewer,)],
    )
    assert Counter(map(outcome, results)) == {"ok": 1, "SignalClosed": 1}
    assert Alert.objects.count() == 1 and Review.objects.count() == 2
    assert queued == [(Alert.objects.get().pk, 1)]


def test_one_reviewer_three_times_at_once_reviews_once(
    signal,
    reviewer,
    queued,
    shared_database,
    in_parallel,
):
    results = in_parallel(
        lambda: services.review(signal.pk, reviewer, "confirm", grade="red"), [()] * 3
    )
    assert Counter(map(outcome, results)) == {"ok": 1, "AlreadyReviewed": 2}
    assert Review.objects.count() == 1 and not Alert.objects.exists()


def test_two_reviewers_posting_the_last_confirmation_at_once_get_302_and_409(
    signal, reviewer, second_reviewer, third_reviewer, queued, shared_database,
    in_parallel,
):  # fmt: skip
    services.review(signal.pk, reviewer, "confirm", grade="red")

    def post(user):
        client = Client(raise_request_exception=False)
        client.force_login(user)
        data = {f"s{signal.pk}-decision": "confirm", f"s{signal.pk}-grade": "red"}
        return client.post(f"/alerts/review/{signal.pk}/", data).status_code

    assert sorted(in_parallel(post, [(second_reviewer,), (third_reviewer,)])) == [302, 409]
    assert Alert.objects.count() == 1


def test_parallel_updates_and_a_retraction_keep_every_version(
    signal, reviewer, second_reviewer, third_reviewer, queued, shared_database,
    in_parallel,
):  # fmt: skip
    services.review(signal.pk, reviewer, "confirm", grade="red")
    services.review(signal.pk, second_reviewer, "confirm", grade="red")
    alert = Alert.objects.get()
    queued.clear()
    calls = [
        (lambda: services.update_alert(alert.pk, reviewer, reason="One", advice="Advice one."),),
        (lambda: services.update_alert(alert.pk, third_reviewer, reason="Two", actions="Two."),),
        (lambda: services.retract(alert.pk, second_reviewer, "Not confirmed by the lab."),),
    ]
    results = [outcome(r) for r in in_parallel(lambda call: call(), calls)]
    assert results[2] == "ok"  # a retraction always lands
    assert set(results[:2]) <= {"ok", "Retracted"}
    alert.refresh_from_db()
    landed = results.count("ok")
    assert alert.retracted is not None and alert.version == 1 + landed
    assert sorted(version for _pk, version in queued) == list(range(2, 2 + landed))
    assert alert.history.count() == 1 + landed
