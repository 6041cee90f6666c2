"""Run the early-warning detection (S1–S4) for a day; meant for a daily timer, safe to rerun."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from dcrnet.alerts import signals


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--date: {text!r} is not a date of the form YYYY-MM-DD.") from None


class Command(BaseCommand):
    help = (
        "Detect early-warning signals for a day: S1 for the reports of its ISO week and the week"
        " before, S2 for the pulses of the three days ending on it, S3 and S4 for the last whole"
        " month before it. A rerun finds the same signals and adds none."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date", default=None, help="The day, YYYY-MM-DD (default: today, local time)."
        )

    def handle(self, *args, date: str | None, **options):
        day = _date(date) if date else timezone.localdate()
        found = signals.detect(day)
        for signal in found:
            self.stdout.write(f"  {signal.key}  ({signal.get_status_display()})")
        self.stdout.write(self.style.SUCCESS(f"{len(found)} signal(s) for {day.isoformat()}."))
