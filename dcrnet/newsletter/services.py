"""Writes of the newsletter: subscribing (double opt-in), confirming, unsubscribing, bounces,
an editor's approval of an issue (which queues its sending), resuming a send, retention.

Each write runs in one transaction on a locked row (the subscriber's or the issue's; on SQLite
the IMMEDIATE transaction serialises writers). Emails are queued as tasks after commit (tasks.py)
with ids only as arguments; a task builds its message when it runs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import partial

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dcrnet.lib import ratelimit
from dcrnet.lib.refusals import Invalid, NotAllowed, NotFound, Refused

from . import selectors
from .models import SUPPRESSED, Issue, IssueStatus, Send, Status, Subscriber, normalise
from .tokens import CONFIRM_DAYS

# The notice beside the consent box, and its version: a subscriber row records the version it
# was given under. A new text means a new version.
NOTICE_VERSION = "2026-12-01"
NOTICE = _(
    "We send the DCR Network newsletter once a month to the address you give here, in the "
    "language you choose: the facility of the month, news, new evidence and upcoming "
    "trainings. We use your address for nothing else and share it with no one. Every "
    "newsletter has a link to unsubscribe with one click; after that we keep only the address "
    "and the date, so that we never write to it again unless you subscribe again."
)

# Confirmation emails one address may be sent a day, whoever asks (a form can be used to mail
# someone else: it must not become a way to flood their inbox).
CONFIRMATIONS_PER_DAY = 3
# Subscription requests per client IP and hour.
SUBSCRIBE_PER_HOUR = 10
RATE_PERIOD = 3600
SEND_RETENTION = dt.timedelta(days=30)


class RateLimited(Refused):
    status = 429
    retry_after = RATE_PERIOD
    default_message = _(
        "Too many subscriptions were asked from this connection in the last hour. Please try "
        "again in an hour."
    )


class LinkNotValid(Invalid):
    default_message = _(
        "This link is no longer valid. If you want the newsletter, please subscribe again: we "
        "will send you a new link."
    )


class NotEditor(NotAllowed):
    default_message = _("Only editors approve and send the newsletter.")


class AlreadyApproved(Refused):
    default_message = _("This issue has already been approved: it is being sent or was sent.")


class NotSending(Refused):
    default_message = _("Only an approved issue that has not been sent to everyone can be resumed.")


def notice() -> tuple[str, str]:
    """(version, text) of the notice shown beside the consent box."""
    return NOTICE_VERSION, str(NOTICE)


# --- subscribers -------------------------------------------------------------------------------


def check_rate(client_ip: str) -> None:
    """Count one subscription request of the client; RateLimited past the limit."""
    if not ratelimit.hit("newsletter-subscribe", client_ip, SUBSCRIBE_PER_HOUR, RATE_PERIOD):
        raise RateLimited


def subscribe(email: str, *, language: str, user=None) -> Subscriber:
    """A request to subscribe, with the consent box ticked under the current notice.

    A new, pending, unsubscribed or bounced address becomes pending and is sent a confirmation
    link (a new double opt-in); a confirmed one is left as it is. The caller shows the same
    answer in every case, so the form tells no one who subscribes. `user`: the signed-in
    account whose verified address this is (then the subscription is linked to it).
    """
    address = normalise(email)
    now = timezone.now()
    try:
        with transaction.atomic():
            return _subscribe(address, language, user, now)
    except IntegrityError:  # a parallel first request for the address created the row
        with transaction.atomic():
            return _subscribe(address, language, user, now)


def _subscribe(address: str, language: str, user, now: dt.datetime) -> Subscriber:
    subscriber = Subscriber.objects.select_for_update().filter(email=address).first()
    if subscriber is None:
        subscriber = Subscriber.objects.create(email=address, language=language)
    if user is not None and subscriber.user_id is None:
        subscriber.user = user
    if subscriber.status == Status.CONFIRMED:
        subscriber.save(update_fields=["user"])
        return subscriber
    subscriber.status = Status.PENDING
    subscriber.language = language
    subscriber.notice_version = NOTICE_VERSION
    subscriber.consented_at = now
    # Only a request that gets a link supersedes the pending one: one over the daily limit
    # leaves the earlier request's link (whose task may not have run yet) valid.
    linked = ratelimit.hit("newsletter-confirmation", address, CONFIRMATIONS_PER_DAY, 24 * 3600)
    if linked or subscriber.requested_at is None:
        subscriber.requested_at = now
    subscriber.save()
    if linked:
        transaction.on_commit(
            partial(_queue_confirmation, subscriber.pk, now.isoformat()), robust=True
        )
    return subscriber


def _queue_confirmation(subscriber_id: int, requested_at: str) -> None:
    from .tasks import send_confirmation

    send_confirmation.enqueue(subscriber_id, requested_at)


def _locked(public_id) -> Subscriber:
    subscriber = Subscriber.objects.select_for_update().filter(public_id=public_id).first()
    if subscriber is None:
        raise NotFound
    return subscriber


@transaction.atomic
def confirm(public_id) -> Subscriber:
    """The second step of the double opt-in (a POST from the confirmation page). Confirming
    twice changes nothing; an address unsubscribed since the link was sent stays so."""
    subscriber = _locked(public_id)
    if subscriber.status == Status.CONFIRMED:
        return subscriber
    if subscriber.status != Status.PENDING:
        raise LinkNotValid
    subscriber.status = Status.CONFIRMED
    subscriber.confirmed_at = timezone.now()
    subscriber.save(update_fields=["status", "confirmed_at"])
    return subscriber


@transaction.atomic
def unsubscribe(public_id) -> Subscriber:
    """Stop every newsletter to the address, at once; doing it again changes nothing. The row
    stays as the suppression record. A bounced address stays bounced."""
    subscriber = _locked(public_id)
    if subscriber.status in SUPPRESSED:
        return subscriber
    subscriber.status = Status.UNSUBSCRIBED
    subscriber.unsubscribed_at = timezone.now()
    subscriber.save(update_fields=["status", "unsubscribed_at"])
    return subscriber


def mark_bounced(addresses: Iterable[str]) -> tuple[int, int]:
    """Mark these addresses bounced (a list from the mail server's reports): nothing is sent to
    them any more. Returns (marked now, not known here)."""
    wanted = {normalise(address) for address in addresses if normalise(address)}
    with transaction.atomic():
        known = set(Subscriber.objects.filter(email__in=wanted).values_list("email", flat=True))
        marked = (
            Subscriber.objects.filter(email__in=known)
            .exclude(status=Status.BOUNCED)
            .update(status=Status.BOUNCED, bounced_at=timezone.now())
        )
    return marked, len(wanted - known)


# --- issues ------------------------------------------------------------------------------------


def _issue_for_editor(issue_id: int, by) -> Issue:
    if not selectors.is_editor(by):
        raise NotEditor
    issue = Issue.objects.select_for_update().filter(pk=issue_id).first()
    if issue is None:
        raise NotFound
    return issue


@transaction.atomic
def approve(issue_id: int, *, by) -> Issue:
    """An editor approves the issue as previewed; its sending is queued after commit. Two
    editors approving at once: the issue's row is locked, the second one is told it is done."""
    issue = _issue_for_editor(issue_id, by)
    if issue.status != IssueStatus.DRAFT:
        raise AlreadyApproved
    issue.status = IssueStatus.APPROVED
    issue.approved_by = by
    issue.approved_at = timezone.now()
    issue.save(update_fields=["status", "approved_by", "approved_at", "updated_at"])
    transaction.on_commit(partial(_queue_issue, issue.pk), robust=True)
    return issue


@transaction.atomic
def resume(issue_id: int, *, by) -> Issue:
    """Queue the rest of an approved issue (after a failed batch): who already has it is
    skipped by their Send row, so resuming twice sends nothing twice."""
    issue = _issue_for_editor(issue_id, by)
    if issue.status != IssueStatus.APPROVED:
        raise NotSending
    transaction.on_commit(partial(_queue_issue, issue.pk), robust=True)
    return issue


def _queue_issue(issue_id: int) -> None:
    from .tasks import queue_issue

    queue_issue.enqueue(issue_id)


def finish_if_done(issue_id: int) -> bool:
    """Stamp the issue sent once everyone it was approved for has it (or was refused)."""
    with transaction.atomic():
        issue = Issue.objects.select_for_update().filter(pk=issue_id).first()
        if issue is None or issue.status != IssueStatus.APPROVED:
            return False
        if selectors.unsent(issue).exists():
            return False
        issue.status = IssueStatus.SENT
        issue.finished_at = timezone.now()
        issue.recipient_count = issue.sends.filter(sent_at__isnull=False).count()
        issue.save(update_fields=["status", "finished_at", "recipient_count", "updated_at"])
    return True


# --- retention ---------------------------------------------------------------------------------


def purge_expired(now: dt.datetime | None = None) -> dict[str, int]:
    """Retention of the newsletter (run daily by community's purge_expired):
    - a subscription never confirmed within the link's lifetime is deleted, or, for an address
      that had unsubscribed or bounced before, goes back to that suppression record;
    - the Send rows of an issue are deleted 30 days after it was sent to everyone (the issue
      keeps the count)."""
    now = now or timezone.now()
    expired = Subscriber.objects.filter(
        status=Status.PENDING, requested_at__lt=now - dt.timedelta(days=CONFIRM_DAYS)
    )
    counts = {"newsletter subscriptions not confirmed": 0, "newsletter send records": 0}
    with transaction.atomic():
        fresh = expired.filter(unsubscribed_at__isnull=True, bounced_at__isnull=True)
        counts["newsletter subscriptions not confirmed"] = fresh.delete()[1].get(
            Subscriber._meta.label, 0
        )
        for subscriber in expired.select_for_update():
            bounced = subscriber.bounced_at and (
                subscriber.unsubscribed_at is None
                or subscriber.bounced_at > subscriber.unsubscribed_at
            )
            subscriber.status = Status.BOUNCED if bounced else Status.UNSUBSCRIBED
            subscriber.save(update_fields=["status"])
            counts["newsletter subscriptions not confirmed"] += 1
        old = Send.objects.filter(
            issue__status=IssueStatus.SENT, issue__finished_at__lt=now - SEND_RETENTION
        )
        counts["newsletter send records"] = old.delete()[1].get(Send._meta.label, 0)
    return counts


def erase_addresses(addresses: Iterable[str], user=None) -> int:
    """Delete the subscriptions of these addresses (and of the account), with their sends."""
    query = Q(email__in=[normalise(a) for a in addresses if a])
    if user is not None:
        query |= Q(user=user)
    return Subscriber.objects.filter(query).delete()[1].get(Subscriber._meta.label, 0)
