"""`manage.py load_demo`: load the factual demo dataset; running it twice changes nothing."""

from __future__ import annotations

from collections.abc import Callable

from django.core.management.base import BaseCommand
from django.db import transaction

from dcrnet.demo import loader
from dcrnet.demo.loader import Tally

# Steps run in order inside one transaction; each takes a Tally. Later apps append theirs.
LOADERS: list[Callable[[Tally], None]] = [
    loader.load_countries,
    loader.load_facilities,
    loader.load_pages,
    loader.load_highlight,
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
