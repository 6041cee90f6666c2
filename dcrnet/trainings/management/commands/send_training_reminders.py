"""Queue the reminder of tomorrow's training sessions (meant for a daily timer; safe hourly).

"Tomorrow" is the day after today in the session's own time zone. Idempotent: a reminder is one
Delivery "reminder:<registration>:<sequence>", so a second run queues nothing new and sends
nothing twice; a session moved to another day (a new sequence) is reminded again the day before
its new date.
"""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand
from django.utils import timezone

from dcrnet.trainings import notifications
from dcrnet.trainings.models import Delivery, Registration, Session, SessionStatus
from dcrnet.trainings.tasks import delivery_key

# Wide enough for "tomorrow" in any zone (UTC−12 to UTC+14), narrowed per session below.
HORIZON = dt.timedelta(hours=72)


def due_reminders(now: dt.datetime | None = None) -> list[Registration]:
    """Confirmed registrations of scheduled sessions starting tomorrow (local), not yet sent."""
    now = now or timezone.now()
    sessions = Session.objects.filter(
        status=SessionStatus.SCHEDULED, starts_at__gt=now, starts_at__lt=now + HORIZON
    )
    tomorrow = [
        s.pk
        for s in sessions.only("pk", "starts_at", "time_zone")
        if s.local_start.date() == now.astimezone(s.zone).date() + dt.timedelta(days=1)
    ]
    registrations = list(
        Registration.objects.confirmed()
        .filter(session__in=tomorrow)
        .select_related("session")
        .order_by("session_id", "pk")
    )
    keys = {r.pk: delivery_key("reminder", r.pk, str(r.session.sequence)) for r in registrations}
    sent = set(
        Delivery.objects.filter(key__in=keys.values(), sent_at__isnull=False).values_list(
            "key", flat=True
        )
    )
    return [r for r in registrations if keys[r.pk] not in sent]


class Command(BaseCommand):
    help = "Queue a reminder for every confirmed participant of tomorrow's training sessions."

    def handle(self, *args, **options):
        due = due_reminders()
        for registration in due:
            notifications.remind(registration)
        self.stdout.write(f"Queued {len(due)} training reminder(s).")
