"""Parallel writes on both databases (real threads, own connections): editors approving one
issue at once, one address subscribed from several places at once, two workers running the
same batch at once, an unsubscribe racing the sending."""

from __future__ import annotations

from collections import Counter

import pytest
from django.core import mail

from dcrnet.newsletter import services, tasks
from dcrnet.newsletter.models import Issue, IssueStatus, Send, Status, Subscriber

from .conftest import make_subscriber

pytestmark = pytest.mark.django_db(transaction=True)


def outcome(result) -> str:
    if isinstance(result, services.Refused):
        return type(result).__name__
    if isinstance(result, Exception):
        return f"error: {result!r}"
    return "ok"


def test_two_editors_approving_at_once_make_one_approval(
    editor, staff, issue, everyone, shared_database, in_parallel
):
    results = in_parallel(
        lambda who: services.approve(issue.pk, by=who), [(editor,), (staff,), (editor,)]
    )
    assert Counter(map(outcome, results)) == {"ok": 1, "AlreadyApproved": 2}, results
    winner = next(r for r in results if isinstance(r, Issue))
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT
    assert issue.approved_by_id == winner.approved_by_id
    # One approval, one send: each confirmed subscriber got the issue once.
    assert Counter(m.to[0] for m in mail.outbox) == {"ana@example.org": 1, "bea@example.org": 1}


def test_one_address_subscribed_from_several_places_at_once_is_one_row(
    shared_database, in_parallel
):
    results = in_parallel(
        lambda language: services.subscribe("same@example.org", language=language),
        [("en",), ("fr",), ("de",), ("nl",)],
    )
    assert Counter(map(outcome, results)) == {"ok": 4}, results
    assert Subscriber.objects.get().status == Status.PENDING
    # A request's link goes unless a newer request replaced it before its task ran; never
    # more than the address's daily limit.
    assert 1 <= len(mail.outbox) <= services.CONFIRMATIONS_PER_DAY
    assert {m.to[0] for m in mail.outbox} == {"same@example.org"}


def test_two_workers_running_one_batch_at_once_send_each_email_once(
    editor, issue, shared_database, in_parallel, dummy_tasks
):
    subscribers = [make_subscriber(f"s{n}@example.org") for n in range(6)]
    services.approve(issue.pk, by=editor)
    ids = [s.pk for s in subscribers]
    results = in_parallel(tasks.send_batch.call, [(issue.pk, ids), (issue.pk, ids[::-1])])
    assert sum(results) == 6, results
    assert Counter(m.to[0] for m in mail.outbox) == {s.email: 1 for s in subscribers}
    assert Send.objects.filter(sent_at__isnull=False).count() == 6
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT


def test_an_unsubscribe_racing_the_sending_ends_unsubscribed(
    editor, issue, shared_database, in_parallel, dummy_tasks
):
    reader = make_subscriber("reader@example.org")
    services.approve(issue.pk, by=editor)
    calls = [
        (lambda: tasks.send_batch.call(issue.pk, [reader.pk]),),
        (lambda: services.unsubscribe(reader.public_id),),
    ]
    results = in_parallel(lambda call: call(), calls)
    assert [outcome(r) for r in results] == ["ok", "ok"], results
    reader.refresh_from_db()
    assert reader.status == Status.UNSUBSCRIBED
    # Either the email went before the unsubscribe took the row, or it did not go at all.
    assert len(mail.outbox) == results[0] == Send.objects.filter(sent_at__isnull=False).count()
