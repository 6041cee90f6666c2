"""Queue the survey invitation to every reporter of every surveyed facility (once each)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from dcrnet.monitoring import survey
from dcrnet.monitoring.management.progress import Progress
from dcrnet.monitoring.models import EmailKind, SurveyYear


class Command(BaseCommand):
    help = "Send the survey invitations (a re-run sends nothing twice)."

    def add_arguments(self, parser):
        parser.add_argument("year", type=int)

    def handle(self, *args, year: int, **options):
        try:
            survey_year = SurveyYear.objects.get(year=year)
        except SurveyYear.DoesNotExist:
            raise CommandError(f"year: survey {year} is not open (run open_survey_year).") from None
        with transaction.atomic():
            queued, skipped = survey.queue_emails(
                survey_year, EmailKind.INVITATION, progress=Progress(self.stdout, "Facilities")
            )
        self.stdout.write(
            self.style.SUCCESS(f"Invitations queued: {queued}; skipped (sent before): {skipped}.")
        )
