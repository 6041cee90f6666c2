"""A child process for the crash tests: writes whole units and prints each id once committed.

    python -m dcrnet.operations.tests.writer RUN

One unit is a facility with its status history, in one transaction: the facility row, its status
change, the status copied back onto the facility, and simple-history's rows for both. The id is
printed only after the commit returns, so a printed id is an acknowledged write.
"""

from __future__ import annotations

import datetime as dt
import os
import sys

import django

PREFIX = "crash-"


def main(run: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dcrnet.settings")
    django.setup()
    from django.db import transaction

    from dcrnet.directory.models import Country, Facility
    from dcrnet.directory.services import record_status

    country, _ = Country.objects.get_or_create(code="LU")
    number = 0
    while True:
        number += 1
        with transaction.atomic():
            facility = Facility.objects.create(
                public_id=f"{PREFIX}{run}-{number}",
                name=f"Crash test {run} {number}",
                city="Luxembourg",
                country=country,
                latitude=49.61,
                longitude=6.13,
            )
            record_status(facility, "open", dt.date(2020, 1, 1), source="crash test")
        sys.stdout.write(f"{facility.pk}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1])
