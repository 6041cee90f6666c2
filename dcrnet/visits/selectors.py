"""Reads of exchange visits: hosts, public visits, a person's visits, one visit for a viewer."""

from __future__ import annotations

from django.db.models import Case, Exists, IntegerField, OuterRef, Value, When

from dcrnet.experts.services import is_staff

from .models import OPEN, Host, Visit

PUBLIC_LIMIT = 50


def answered(hosts):
    """Hosts with at least one active contact: a request to any other would reach no one."""
    contacts = Host.contacts.through.objects.filter(host=OuterRef("pk"), user__is_active=True)
    return hosts.filter(Exists(contacts))


def receiving_hosts():
    return answered(Host.objects.receiving()).select_related("facility__country")


def host_of(facility) -> Host | None:
    """The facility's host row, whether it receives visits now or not."""
    return Host.objects.filter(facility=facility).first()


def receiving_host(facility_public_id: str) -> Host | None:
    return (
        receiving_hosts().filter(facility__public_id=facility_public_id).first()
        if facility_public_id
        else None
    )


def public_visits(host: Host | None = None):
    """Accepted visits both sides agreed to show, at published facilities, latest first."""
    visits = Visit.objects.public().filter(host__facility__published=True)
    if host is not None:
        visits = visits.filter(host=host)
    return visits.select_related("host__facility", "organisation").order_by("-first_date", "-pk")[
        :PUBLIC_LIMIT
    ]


def _open_first(visits):
    return visits.annotate(
        closed=Case(
            When(status__in=OPEN, then=Value(0)), default=Value(1), output_field=IntegerField()
        )
    ).order_by("closed", "-created_at", "-pk")


def requests_of(user):
    return _open_first(
        Visit.objects.filter(requester=user).select_related("host__facility", "organisation")
    )


def requests_to(user):
    """Requests to the facilities the person is a host contact of."""
    return _open_first(
        Visit.objects.filter(host__contacts=user)
        .distinct()
        .select_related("host__facility", "organisation", "requester")
    )


def hosts_of(user):
    return Host.objects.contact_of(user).select_related("facility")


def contact_host(user, facility_public_id: str) -> Host | None:
    """A host the person is a contact of (whether it receives visits now or not)."""
    return hosts_of(user).filter(facility__public_id=facility_public_id).first()


def visit_for(user, public_id) -> Visit | None:
    """The visit if the person may see it (requester, host contact, staff), else None."""
    if not getattr(user, "is_authenticated", False):
        return None
    visits = Visit.objects.select_related(
        "host__facility", "requester", "organisation", "decided_by"
    )
    if not is_staff(user):
        visits = visits.involving(user)
    return visits.filter(public_id=public_id).first()
