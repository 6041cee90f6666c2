"""Loader step of exchange visits (issue #12), DEBUG only: a demonstration host on one real
facility's page, its demo host contact, and two demonstration visits made through the visits'
services (a request waiting for its answer, and an accepted visit).

The host's terms say they are a demonstration, not the facility's; the visits are is_demo. A
second run on the same day writes nothing.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from dcrnet.directory.models import Facility
from dcrnet.organisations.models import Organisation
from dcrnet.visits import services
from dcrnet.visits.models import Host, Visit

from .data.demonstration import HOST, VISITS
from .knowledge import _set_m2m
from .loader import CREATED, REMOVED, UNCHANGED, Tally, upsert
from .trainings import demo_user

LABEL = "demonstration visits"


def load_visits(tally: Tally) -> None:
    if not settings.DEBUG:
        raise ImproperlyConfigured("Demonstration visits are created only with DEBUG on.")
    facility = Facility.objects.get(public_id=HOST["facility"])
    values = {
        name: HOST[name]
        for name in ("receives_visits", "availability", "max_group_size", "languages", "notes")
    }
    host = upsert(Host, {"facility": facility}, {**values, "is_demo": True}, tally)
    contact = demo_user(HOST["contact"])
    _set_m2m(host.contacts, {contact.pk}, tally, "host contacts")
    keep = [load_visit(host, contact, row, tally) for row in VISITS]
    stale = Visit.objects.filter(is_demo=True).exclude(pk__in=[pk for pk in keep if pk])
    for visit in stale:
        visit.delete()
        tally.add(LABEL, REMOVED)
    for other in Host.objects.filter(is_demo=True).exclude(pk=host.pk):
        other.delete()
        tally.add(str(Host._meta.verbose_name_plural), REMOVED)


def load_visit(host: Host, contact, row: dict, tally: Tally) -> int | None:
    """The visit as the data has it; one that someone answered or withdrew meanwhile, or whose
    days have passed, is asked for again. Returns its id (None if it cannot be asked for: the
    person has an open request of their own to this host)."""
    requester = demo_user(row["requester"])
    first, last = (services.today() + dt.timedelta(days=days) for days in row["days"])
    existing = Visit.objects.filter(
        is_demo=True, host=host, requester=requester, purpose=row["purpose"]
    ).first()
    if existing is not None:
        if existing.status == row["status"] and existing.first_date > services.today():
            tally.add(LABEL, UNCHANGED)
            return existing.pk
        existing.delete()
        tally.add(LABEL, REMOVED)
    if services.open_request(host, requester) is not None:
        return None
    organisation = None
    if row["organisation"]:
        organisation = Organisation.objects.get(slug=row["organisation"])
    visit = services.ask(
        host,
        by=requester,
        first_date=first,
        last_date=last,
        group_size=row["group_size"],
        purpose=row["purpose"],
        languages=row["languages"],
        organisation=organisation,
    )
    Visit.objects.filter(pk=visit.pk).update(is_demo=True)
    if row["status"] == "accepted":
        services.answer(visit, by=contact, decision="accept", message=row["host_message"])
    tally.add(LABEL, CREATED)
    return visit.pk
