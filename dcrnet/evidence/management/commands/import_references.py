"""manage.py import_references FILE [--format F] [--dry-run] [--tag design:..] [--update]"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dcrnet.evidence import services
from dcrnet.evidence.formats import FORMATS, ReferenceImportError
from dcrnet.evidence.models import Term


class Command(BaseCommand):
    help = "Import references from RIS, BibTeX, PubMed (.nbib) or CSL-JSON; all or nothing."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--format", choices=FORMATS)
        parser.add_argument("--dry-run", action="store_true", help="Report; write nothing.")
        parser.add_argument(
            "--tag", action="append", default=[], help="design:cohort, outcome:ODM …"
        )
        parser.add_argument(
            "--update", action="store_true", help="Update duplicates (default: skip)."
        )
        parser.add_argument("--valid-only", action="store_true", help="Leave invalid records out.")

    def handle(self, *args, **options):
        tags = []
        for spec in options["tag"]:
            try:
                tags.append(Term.objects.lookup(spec))
            except Term.DoesNotExist:
                raise CommandError(
                    f"{spec}: no such term (use design:…, outcome:…, setting:…, route:…)"
                ) from None
        try:
            data = Path(options["file"]).read_bytes()
        except OSError as exc:
            raise CommandError(f"{options['file']}: {exc.strerror}") from exc
        try:
            plan = services.plan_import(data, options["format"])
        except ReferenceImportError as exc:
            raise CommandError("\n".join(str(p) for p in exc.problems)) from exc
        for item in plan.invalid:
            for problem in item.record.problems:
                self.stderr.write(f"invalid: {problem}")
        for item in plan.duplicates:
            where = (
                f"line {item.duplicate_of_line}" if item.duplicate_of_line else str(item.existing)
            )
            self.stdout.write(f"duplicate (line {item.line}, same {item.matched_by}): {where}")
        self.stdout.write(
            f"{plan.format}: {len(plan.new)} new, {len(plan.duplicates)} duplicates, "
            f"{len(plan.invalid)} invalid"
        )
        if options["dry_run"]:
            self.stdout.write("Dry run: nothing written.")
            return
        try:
            outcome = services.apply_import(
                plan,
                duplicates="update" if options["update"] else "skip",
                valid_only=options["valid_only"],
                tags=tags,
            )
        except ReferenceImportError as exc:
            raise CommandError(
                "Nothing imported: the file has invalid records (see above); "
                "fix them or use --valid-only."
            ) from exc
        self.stdout.write(
            f"Imported {len(outcome.created)} new, updated {len(outcome.updated)}, "
            f"skipped {outcome.skipped} duplicates, left out {outcome.left_out} invalid."
        )
