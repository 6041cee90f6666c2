"""manage.py import_facilities FILE [--dry-run] [--format json|csv] (docs/facility-data.md)"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from dcrnet.directory.imports import FORMATS, ImportRefused, import_file


class Command(BaseCommand):
    help = "Import facilities from a JSON or CSV file of the open-data format; all or nothing."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--format", choices=FORMATS, help="Default: the file's extension.")
        parser.add_argument("--dry-run", action="store_true", help="Report; write nothing.")

    def handle(self, *args, **options):
        try:
            report = import_file(options["file"], options["format"], dry_run=options["dry_run"])
        except ImportRefused as refused:
            raise CommandError(
                "\n".join(str(problem) for problem in refused.problems), returncode=1
            ) from None
        for label, ids in (
            ("created", report.created),
            ("updated", report.updated),
        ):
            for public_id in ids:
                self.stdout.write(f"{label}: {public_id}")
        self.stdout.write(report.summary())
