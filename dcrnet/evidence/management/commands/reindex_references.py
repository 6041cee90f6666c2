"""manage.py reindex_references: the full-text index and its postings again, from the rows."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from dcrnet.evidence.models import Reference
from dcrnet.lib import search


class Command(BaseCommand):
    help = "Rebuild the search index of the library (after a restore, or an upgrade that asks)."

    def handle(self, *args, **options):
        started = time.perf_counter()
        count = search.rebuild(Reference)
        seconds = time.perf_counter() - started
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} references in {seconds:.1f} s."))
