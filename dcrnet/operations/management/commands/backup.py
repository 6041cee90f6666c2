"""`manage.py backup [--output DIR]`: the database, the media files and a manifest of checksums."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from dcrnet.operations.backups import BackupError, backup, default_output


class Command(BaseCommand):
    # Like dumpdata and loaddata: a check failing elsewhere must not stand between an operator
    # and the data.
    requires_system_checks = []
    help = _(
        "Back up the database (SQLite online backup or pg_dump) and the media files into a new "
        "directory, with a manifest of SHA-256 checksums, migrations and row counts."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--output",
            type=Path,
            help=_("Directory to create (default: backups/dcrnet-<UTC time> in the project)."),
        )

    def handle(self, *args, output: Path | None, **options) -> None:
        if output is None:
            output = default_output()
            output.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            manifest = backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Backup written to %(dir)s: %(engine)s database, %(tables)d tables, "
                    "%(rows)d rows, %(media)d media files."
                )
                % {
                    "dir": output.resolve(),
                    "engine": manifest.engine,
                    "tables": len(manifest.tables),
                    "rows": manifest.rows,
                    "media": len(manifest.media),
                }
            )
        )
