"""Queue the next survey reminder (first, then second) to reporters who have not answered."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from dcrnet.monitoring import survey
from dcrnet.monitoring.management.progress import Progress
from dcrnet.monitoring.models import EmailKind, SurveyYear


class Command(BaseCommand):
    help = "Send a survey reminder; --which 1 or 2 (default: the next one due)."

    def add_arguments(self, parser):
        parser.add_argument("year", type=int)
        parser.add_argument("--which", type=int, choices=[1, 2])

    def handle(self, *args, year: int, which: int | None, **options):
        try:
            survey_year = SurveyYear.objects.get(year=year)
        except SurveyYear.DoesNotExist:
            raise CommandError(f"year: survey {year} is not open (run open_survey_year).") from None
        kind = {1: EmailKind.REMINDER_1, 2: EmailKind.REMINDER_2}.get(
            which
        ) or survey.next_reminder(survey_year)
        with transaction.atomic():
            queued, skipped = survey.queue_emails(
                survey_year, kind, progress=Progress(self.stdout, "Facilities")
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"{EmailKind(kind).label} queued: {queued}; skipped (answered, sent before or "
                f"not invited): {skipped}."
            )
        )
