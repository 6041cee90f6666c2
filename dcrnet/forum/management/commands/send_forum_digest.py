"""Queue today's forum digest for everyone who asked for it (meant for a daily timer).

Idempotent: a digest is one Delivery "digest:<date>:<user>", so a second run the same day queues
nothing new and sends nothing twice. Nobody without a current digest consent gets one, nor anyone
with nothing new to read.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils import timezone

from dcrnet.forum import notifications
from dcrnet.forum.models import Delivery
from dcrnet.forum.tasks import send_digest


class Command(BaseCommand):
    help = "Queue the daily forum digest of every member who consented to it."

    def handle(self, *args, **options):
        queued = 0
        day = timezone.localdate()
        for user in notifications.digest_consenters().order_by("pk").iterator():
            if Delivery.objects.filter(key=notifications.digest_key(day, user.pk)).exists():
                continue
            if not notifications.may_receive(user):
                continue
            if not notifications.digest_items(user, notifications.digest_since(user)):
                continue
            send_digest.enqueue(user.pk, day.isoformat())
            queued += 1
        self.stdout.write(f"Queued {queued} forum digest(s) for {day.isoformat()}.")
