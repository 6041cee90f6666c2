"""`manage.py restore DIR [--yes]`: verify a backup's checksums, then restore database and media."""

from __future__ import annotations

import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils.translation import gettext as _

from dcrnet.operations.backups import BackupError, prepare, restore


class Command(BaseCommand):
    # Like dumpdata and loaddata: a check failing elsewhere must not stand between an operator
    # and the data.
    requires_system_checks = []
    help = _(
        "Restore a backup made by `manage.py backup`: every checksum is verified first; the "
        "database and MEDIA_ROOT are then replaced and the row counts checked."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("directory", type=Path, help=_("The backup's directory."))
        parser.add_argument(
            "--yes", action="store_true", help=_("Replace the data without asking.")
        )

    def handle(self, *args, directory: Path, yes: bool, **options) -> None:
        try:
            prepared = prepare(directory)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if not yes:
            self.confirm(prepared.manifest.created)
        try:
            restore(directory, prepared)
        except BackupError as error:
            raise CommandError(str(error)) from error
        manifest = prepared.manifest
        done = _(
            "Restored %(tables)d tables (%(rows)d rows) and %(media)d media files from %(dir)s."
        )
        self.stdout.write(
            self.style.SUCCESS(
                done
                % {
                    "tables": len(manifest.tables),
                    "rows": manifest.rows,
                    "media": len(manifest.media),
                    "dir": directory.resolve(),
                }
            )
        )
        if prepared.unapplied:
            later = _("The backup predates migrations of this code (%(names)s): run migrate.")
            self.stdout.write(later % {"names": ", ".join(prepared.unapplied)})

    def confirm(self, created: str) -> None:
        question = _(
            "This replaces every row of the %(engine)s database %(db)s and every file in "
            "%(media)s with the backup made at %(created)s."
        ) % {
            "engine": connection.vendor,
            "db": connection.settings_dict["NAME"],
            "media": settings.MEDIA_ROOT,
            "created": created,
        }
        if not sys.stdin.isatty():
            raise CommandError(question + " " + _("Run it again with --yes to go ahead."))
        answer = input(question + " " + _("Type 'yes' to go ahead: "))
        if answer.strip().lower() != "yes":
            raise CommandError(_("Restore cancelled: nothing was changed."))
