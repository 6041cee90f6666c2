"""Import a monthly CSV for one facility: all of it, or nothing with every problem listed."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dcrnet.directory.models import Facility
from dcrnet.monitoring import services
from dcrnet.monitoring.management.progress import Progress


class Command(BaseCommand):
    help = "Import monthly values from a CSV file (the per-facility template) for one facility."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--facility", required=True, help="The facility's public_id.")
        parser.add_argument("--dry-run", action="store_true", help="Check only; write nothing.")

    def handle(self, *args, file: Path, facility: str, dry_run: bool, **options):
        try:
            target = Facility.objects.get(public_id=facility)
        except Facility.DoesNotExist:
            raise CommandError(f"--facility: no facility with public_id {facility!r}.") from None
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"file: cannot read {file}: {error.strerror}.") from None
        parsed = services.parse_upload(data)
        if parsed.problems:
            for problem in parsed.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                f"Nothing imported: {len(parsed.problems)} problem(s) in {file.name}."
            )
        if dry_run:
            self.stdout.write(
                f"Dry run: {len(parsed.months)} months, {parsed.cell_count} values are valid."
            )
            return
        changed = services.import_months(
            target, parsed, progress=Progress(self.stdout, f"Importing {target.public_id}")
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {len(parsed.months)} months ({parsed.cell_count} values, "
                f"{changed} changed) for {target.name}."
            )
        )
