"""Background tasks of the newsletter. Arguments are ids (and a time stamp) only, never
addresses, so task rows hold nothing to erase.

Sending an issue: `queue_issue` (queued when an editor approves, or resumes) splits the
recipients who do not have the issue yet into batches of BATCH_SIZE and queues `send_batch` for
each. A batch sends to one subscriber at a time in one transaction: the subscriber's row and
the (issue, subscriber) `Send` row are locked, the message sent, the row stamped. A crash or a
failing mail server rolls back the one email in flight and fails the task; everything stamped
before stays stamped, so running `queue_issue` again (services.resume, `manage.py
send_newsletter`) sends the rest and nothing twice.
"""

from __future__ import annotations

import datetime as dt
import smtplib

from django.db import transaction
from django.tasks import task
from django.utils import timezone

from . import notifications, selectors, services
from .models import Issue, IssueStatus, Send, Status, Subscriber

BATCH_SIZE = 50


@task()
def send_confirmation(subscriber_id: int, requested_at: str) -> bool:
    """The confirmation link for one request to subscribe, once: not if the address was
    confirmed meanwhile, nor for a request superseded by a newer one (that one has its own)."""
    requested = dt.datetime.fromisoformat(requested_at)
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(pk=subscriber_id).first()
        if subscriber is None or subscriber.status != Status.PENDING:
            return False
        if subscriber.requested_at != requested:
            return False
        sent = subscriber.confirmation_sent_at
        if sent is not None and sent >= requested:
            return False
        message = notifications.confirmation_message(subscriber)
        if message is None:
            return False
        message.send()
        subscriber.confirmation_sent_at = timezone.now()
        subscriber.save(update_fields=["confirmation_sent_at"])
    return True


@task()
def queue_issue(issue_id: int) -> int:
    """Queue the batches of everyone the approved issue has not reached yet; returns how many
    batches were queued."""
    issue = Issue.objects.filter(pk=issue_id, status=IssueStatus.APPROVED).first()
    if issue is None:
        return 0
    ids = list(selectors.unsent(issue).order_by("pk").values_list("pk", flat=True))
    if not ids:
        services.finish_if_done(issue.pk)
        return 0
    batches = [ids[i : i + BATCH_SIZE] for i in range(0, len(ids), BATCH_SIZE)]
    for batch in batches:
        send_batch.enqueue(issue.pk, batch)
    return len(batches)


@task()
def send_batch(issue_id: int, subscriber_ids: list[int]) -> int:
    """Send the issue to these subscribers, each once; returns how many were sent now."""
    issue = Issue.objects.filter(pk=issue_id, status=IssueStatus.APPROVED).first()
    if issue is None:
        return 0
    digests: dict[str, selectors.Digest] = {}
    sent = sum(deliver(issue, subscriber_id, digests) for subscriber_id in subscriber_ids)
    services.finish_if_done(issue.pk)
    return sent


def deliver(issue: Issue, subscriber_id: int, digests: dict[str, selectors.Digest]) -> bool:
    """One issue to one subscriber, once (see the module's docstring). The issue is composed
    once per language and batch, when it is sent."""
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(pk=subscriber_id).first()
        if subscriber is None or not selectors.recipients(issue).filter(pk=subscriber.pk).exists():
            return False
        send, _created = Send.objects.select_for_update().get_or_create(
            issue=issue, subscriber=subscriber
        )
        if send.sent_at is not None or send.refused_at is not None:
            return False
        if subscriber.language not in digests:
            digests[subscriber.language] = selectors.compose(issue, subscriber.language)
        message = notifications.issue_message(digests[subscriber.language], subscriber)
        try:
            message.send()
        except smtplib.SMTPRecipientsRefused:
            # This address only: recorded, not retried, and the batch goes on.
            send.refused_at = timezone.now()
            send.save(update_fields=["refused_at"])
            return False
        send.sent_at = timezone.now()
        send.save(update_fields=["sent_at"])
    return True
