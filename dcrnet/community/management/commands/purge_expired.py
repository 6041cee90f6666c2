"""Apply the retention periods (GDPR Art 5(1)(e); RELIABILITY 59). Idempotent: run it daily.

Deletes:
- unverified signups: accounts with no verified email address, joined more than 7 days ago
  (never staff or superusers), through the same erasure as a deletion by the person;
- security logs (django-axes attempts, logins and failures) older than 90 days;
- finished task results (succeeded or failed) older than 30 days;
- declined membership and organisation applications decided more than 12 months ago (the
  organisations app defines no other period), with their change history;
- forum delivery records (the keys that stop a second notification) older than 30 days;
- help requests (the "contact requests" of RELIABILITY 59: dcrnet.experts) closed more than
  12 months ago, with their conversations and assignments, and the experts app's delivery
  records older than 30 days;
- event registrations (dcrnet.trainings) 12 months after their session ended, with the answers
  given on registering; the messages organisers sent to the participants of those sessions; and
  the trainings app's delivery records older than 30 days. The sessions themselves stay: they
  are the public archive;
- exchange visits (dcrnet.visits) whose days, asked or proposed, ended more than 12 months ago,
  with their steps, unless both sides chose to show the accepted visit publicly; the visits
  app's delivery records older than 30 days;
- newsletter subscriptions never confirmed (7 days, or back to the earlier unsubscribed or
  bounced record) and the per-recipient send records 30 days after an issue went out
  (dcrnet.newsletter.services.purge_expired);
- the advocacy app's delivery records older than 30 days.
"""

from __future__ import annotations

import datetime as dt

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

UNVERIFIED_SIGNUP = dt.timedelta(days=7)
SECURITY_LOG = dt.timedelta(days=90)
TASK_RESULT = dt.timedelta(days=30)
DECLINED_APPLICATION = dt.timedelta(days=365)
FORUM_DELIVERY = dt.timedelta(days=30)
CLOSED_HELP_REQUEST = dt.timedelta(days=365)
HELP_DELIVERY = dt.timedelta(days=30)
VISIT = dt.timedelta(days=365)
VISIT_DELIVERY = dt.timedelta(days=30)
EVENT_REGISTRATION = dt.timedelta(days=365)
TRAINING_DELIVERY = dt.timedelta(days=30)
ADVOCACY_DELIVERY = dt.timedelta(days=30)


def purge_expired(now: dt.datetime | None = None) -> dict[str, int]:
    """Delete what has outlived its period; returns the count deleted per kind."""
    now = now or timezone.now()
    counts: dict[str, int] = {}
    counts["unverified signups"] = _unverified_signups(now - UNVERIFIED_SIGNUP)

    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    cutoff = now - SECURITY_LOG
    counts["security logs"] = sum(
        model.objects.filter(attempt_time__lt=cutoff).delete()[1].get(model._meta.label, 0)
        for model in (AccessAttempt, AccessLog, AccessFailureLog)
    )

    counts["task results"] = 0
    if apps.is_installed("django_tasks_db"):
        from django.tasks import TaskResultStatus
        from django_tasks_db.models import DBTaskResult

        old = DBTaskResult.objects.filter(
            status__in=[TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED],
            finished_at__lt=now - TASK_RESULT,
        )
        counts["task results"] = old.delete()[1].get(DBTaskResult._meta.label, 0)

    counts["declined applications"] = _declined_applications(now - DECLINED_APPLICATION)

    counts["forum deliveries"] = 0
    if apps.is_installed("dcrnet.forum"):
        from dcrnet.forum.models import Delivery

        old = Delivery.objects.filter(created_at__lt=now - FORUM_DELIVERY)
        counts["forum deliveries"] = old.delete()[1].get(Delivery._meta.label, 0)

    counts["help requests"] = 0
    counts["help deliveries"] = 0
    if apps.is_installed("dcrnet.experts"):
        from dcrnet.experts.models import Delivery as HelpDelivery
        from dcrnet.experts.models import HelpRequest, RequestStatus

        closed = HelpRequest.objects.filter(
            status=RequestStatus.CLOSED, closed_at__lt=now - CLOSED_HELP_REQUEST
        )
        counts["help requests"] = closed.delete()[1].get(HelpRequest._meta.label, 0)
        old = HelpDelivery.objects.filter(created_at__lt=now - HELP_DELIVERY)
        counts["help deliveries"] = old.delete()[1].get(HelpDelivery._meta.label, 0)

    counts.update(_event_registrations(now))
    counts.update(_visits(now))
    counts["advocacy deliveries"] = 0
    if apps.is_installed("dcrnet.advocacy"):
        from dcrnet.advocacy.models import Delivery as AdvocacyDelivery

        old = AdvocacyDelivery.objects.filter(created_at__lt=now - ADVOCACY_DELIVERY)
        counts["advocacy deliveries"] = old.delete()[1].get(AdvocacyDelivery._meta.label, 0)
    if apps.is_installed("dcrnet.newsletter"):
        from dcrnet.newsletter.services import purge_expired as purge_newsletter

        counts.update(purge_newsletter(now))
    return counts


def _visits(now: dt.datetime) -> dict[str, int]:
    """Visits whose days (asked or proposed) ended more than 12 months ago, with their steps,
    unless both sides chose to show the accepted visit publicly; visit delivery records."""
    counts = {"visits": 0, "visit deliveries": 0}
    if not apps.is_installed("dcrnet.visits"):
        return counts
    from django.db.models import Q

    from dcrnet.visits.models import Delivery as VisitDelivery
    from dcrnet.visits.models import Visit

    cutoff = (now - VISIT).date()
    old = Visit.objects.filter(
        Q(last_date__lt=cutoff),
        Q(proposed_last_date__isnull=True) | Q(proposed_last_date__lt=cutoff),
    ).exclude(status="accepted", public_by_requester=True, public_by_host=True)
    counts["visits"] = old.delete()[1].get(Visit._meta.label, 0)
    old = VisitDelivery.objects.filter(created_at__lt=now - VISIT_DELIVERY)
    counts["visit deliveries"] = old.delete()[1].get(VisitDelivery._meta.label, 0)
    return counts


def _event_registrations(now: dt.datetime) -> dict[str, int]:
    counts = {"event registrations": 0, "messages to participants": 0, "training deliveries": 0}
    if not apps.is_installed("dcrnet.trainings"):
        return counts
    from dcrnet.trainings.models import Announcement, Registration
    from dcrnet.trainings.models import Delivery as TrainingDelivery

    ended = now - EVENT_REGISTRATION
    old = Registration.objects.filter(session__ends_at__lt=ended)
    counts["event registrations"] = old.delete()[1].get(Registration._meta.label, 0)
    old = Announcement.objects.filter(session__ends_at__lt=ended)
    counts["messages to participants"] = old.delete()[1].get(Announcement._meta.label, 0)
    old = TrainingDelivery.objects.filter(created_at__lt=now - TRAINING_DELIVERY)
    counts["training deliveries"] = old.delete()[1].get(TrainingDelivery._meta.label, 0)
    return counts


def _unverified_signups(cutoff: dt.datetime) -> int:
    from allauth.account.models import EmailAddress

    from dcrnet.community.erasure import delete_account
    from dcrnet.community.models import User

    verified = EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)
    expired = User.objects.filter(
        date_joined__lt=cutoff, is_staff=False, is_superuser=False
    ).exclude(Exists(verified))
    count = 0
    for user in expired.iterator():
        delete_account(user, keep_posts=False, reason="unverified signup expired")
        count += 1
    return count


def _declined_applications(cutoff: dt.datetime) -> int:
    if not apps.is_installed("dcrnet.organisations"):
        return 0
    from django.db.models import Q

    from dcrnet.organisations.models import Membership, Organisation, Status

    count = 0
    with transaction.atomic():
        for model in (Membership, Organisation):
            old = model.objects.filter(status=Status.DECLINED).filter(
                Q(decided_at__lt=cutoff) | Q(decided_at__isnull=True, applied_at__lt=cutoff)
            )
            ids = list(old.values_list("pk", flat=True))
            if not ids:
                continue
            count += old.delete()[1].get(model._meta.label, 0)
            # Their change history (including the rows the deletion itself just wrote).
            model.history.filter(id__in=ids).delete()
    return count


class Command(BaseCommand):
    help = "Delete data whose retention period has passed (run daily; safe to repeat)."

    def handle(self, *args, **options) -> None:
        counts = purge_expired()
        for kind, count in counts.items():
            self.stdout.write(f"{kind}: {count} deleted")
