"""manage.py reindex_site [kind …]: make every entry of the site index again from the sections'
rows, then write the whole full-text index again (after a restore, a bulk load such as
load_demo, or to be sure)."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from dcrnet.sitesearch import indexing
from dcrnet.sitesearch.models import Kind


class Command(BaseCommand):
    help = "Rebuild the site search index from the sections' rows."

    def add_arguments(self, parser):
        parser.add_argument("kinds", nargs="*", help=f"Only these: {', '.join(Kind.values)}.")

    def handle(self, *args, kinds: list[str], **options) -> None:
        unknown = sorted(set(kinds) - set(Kind.values))
        if unknown:
            raise CommandError(
                f"Unknown kind: {', '.join(unknown)} (known: {', '.join(Kind.values)})"
            )
        started = time.perf_counter()
        counts = indexing.rebuild(kinds or None)
        for kind, count in counts.items():
            self.stdout.write(f"{kind}: {count} entries")
        self.stdout.write(f"Indexed in {time.perf_counter() - started:.1f} s.")
