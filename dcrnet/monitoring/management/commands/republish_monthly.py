"""Recompute every published (suppressed) monthly series, e.g. after a facility is unpublished."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from dcrnet.monitoring import services
from dcrnet.monitoring.management.progress import Progress
from dcrnet.monitoring.models import MonthlyValue


class Command(BaseCommand):
    help = "Recompute the published series of every month (only changed points are rewritten)."

    def handle(self, *args, **options):
        months = sorted(set(MonthlyValue.objects.values_list("month", flat=True)))
        progress = Progress(self.stdout, "Months")
        changed = 0
        for i, month in enumerate(months, start=1):
            changed += services.publish_months([month])
            progress(i, len(months))
        self.stdout.write(
            self.style.SUCCESS(f"Republished {len(months)} months: {changed} points changed.")
        )
