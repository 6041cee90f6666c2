"""Open the yearly survey for a year (the questionnaire version is fixed at this moment)."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from dcrnet.monitoring import survey
from dcrnet.monitoring.management.progress import Progress


class Command(BaseCommand):
    help = "Open the DCR survey for a year."

    def add_arguments(self, parser):
        parser.add_argument("year", type=int)
        parser.add_argument("--closes", help="Closing date, YYYY-MM-DD.")

    def handle(self, *args, year: int, closes: str | None, **options):
        if not 2000 <= year <= 2100:
            raise CommandError("year: give a year such as 2026.")
        closes_on = None
        if closes:
            try:
                closes_on = dt.date.fromisoformat(closes)
            except ValueError:
                raise CommandError("--closes: use YYYY-MM-DD.") from None
        progress = Progress(self.stdout, f"Opening {year}")
        progress(0, 1)
        survey_year, created = survey.open_survey_year(year, closes=closes_on)
        progress(1, 1)
        facilities = survey.surveyed_facilities().count()
        state = "Opened" if created else "Already open:"
        self.stdout.write(
            self.style.SUCCESS(
                f"{state} survey {year}, questionnaire {survey_year.questionnaire} "
                f"({len(survey_year.questions)} questions); {facilities} facilities with reporters."
            )
        )
