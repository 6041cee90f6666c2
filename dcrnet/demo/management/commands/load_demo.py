"""`manage.py load_demo`: load the factual demo dataset; running it twice changes nothing."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from django.core.management.base import BaseCommand
from django.db import transaction

from dcrnet.demo import loader
from dcrnet.demo.loader import CREATED, UPDATED, Tally
from dcrnet.evidence import demo as evidence_demo
from dcrnet.monitoring import demo as monitoring_demo


def load_references(tally: Tally) -> None:
    """The seed bibliography of the evidence library."""
    counts = evidence_demo.load()
    tally.counts.setdefault("references", Counter())
    tally.counts["references"][CREATED] += counts["created"]
    tally.counts["references"][UPDATED] += counts["updated"]


def load_monitoring(tally: Tally) -> None:
    """Published yearly figures with sources, then the synthetic monthly history."""
    counts = monitoring_demo.load()
    tally.counts.setdefault("yearly figures and synthetic monthly values", Counter())
    tally.counts["yearly figures and synthetic monthly values"][CREATED] += (
        counts["yearly"] + counts["synthetic"]
    )


# Steps run in order inside one transaction; each takes a Tally. Later apps append theirs.
LOADERS: list[Callable[[Tally], None]] = [
    loader.load_countries,
    loader.load_facilities,
    loader.load_pages,
    loader.load_highlight,
    load_references,
    load_monitoring,
]


class Command(BaseCommand):
    help = "Load the demo dataset (real facilities, countries, pages, this month's highlight)."

    def handle(self, *args, **options) -> None:
        tally = Tally()
        with transaction.atomic():
            for step in LOADERS:
                step(tally)
        for line in tally.lines():
            self.stdout.write(line)
        if tally.changed:
            self.stdout.write(
                self.style.SUCCESS(f"Demo data loaded: {tally.changed} rows written.")
            )
        else:
            self.stdout.write(self.style.SUCCESS("Demo data already up to date: nothing changed."))
