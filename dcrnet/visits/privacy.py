"""Privacy registry of exchange visits: field classes, a person's export, erasure.

A host's terms are about a facility (public); who its contacts are is personal. A visit request
is its requester's: the dates, the group, the purpose (the form asks for no personal or health
details, but free text may still hold some) and the answers.

Erasure (inside the account deletion's transaction, before the user row goes):
- their visit requests are deleted, with their history (events);
- their link as a host contact goes; the answers they gave for a host stay, as the host's,
  without their name (author and "decided by" set to NULL);
- their email addresses, handle and real name are replaced by "[deleted member]" in the text
  of the visits left (purposes, host messages, answers);
- they no longer appear as the author of a change in the hosts' history;
- delivery keys hold ids only and need nothing.
"""

from __future__ import annotations

from .models import Event, Host, Visit

PUBLIC, PERSONAL, SPECIAL, SECRET = "public", "personal", "special", "secret"

HOST_TERMS = {
    "id": PUBLIC,
    "facility": PUBLIC,
    "receives_visits": PUBLIC,
    "availability": PUBLIC,
    "max_group_size": PUBLIC,
    "languages": PUBLIC,
    "notes": PUBLIC,
    "is_demo": PUBLIC,
}

FIELDS: dict[str, dict[str, str]] = {
    "visits.host": {**HOST_TERMS, "updated_at": PUBLIC},
    "visits.historicalhost": {
        **HOST_TERMS,
        "history_id": PERSONAL,
        "history_date": PERSONAL,
        "history_change_reason": PERSONAL,
        "history_type": PUBLIC,
        "history_user": PERSONAL,
    },
    "visits.host_contacts": {"id": PERSONAL, "host": PERSONAL, "user": PERSONAL},
    "visits.visit": {
        "id": PERSONAL,
        "public_id": PERSONAL,
        "host": PERSONAL,
        "requester": PERSONAL,
        "organisation": PERSONAL,
        "first_date": PERSONAL,
        "last_date": PERSONAL,
        "group_size": PERSONAL,
        "purpose": PERSONAL,
        "languages": PERSONAL,
        "status": PERSONAL,
        "proposed_first_date": PERSONAL,
        "proposed_last_date": PERSONAL,
        "host_message": PERSONAL,
        "decided_by": PERSONAL,
        "decided_at": PERSONAL,
        "public_by_requester": PERSONAL,
        "public_by_host": PERSONAL,
        "is_demo": PUBLIC,
        "created_at": PERSONAL,
        "updated_at": PERSONAL,
    },
    "visits.event": {
        "id": PERSONAL,
        "visit": PERSONAL,
        "kind": PERSONAL,
        "by_host": PERSONAL,
        "author": PERSONAL,
        "first_date": PERSONAL,
        "last_date": PERSONAL,
        "message": PERSONAL,
        "created_at": PERSONAL,
    },
    "visits.delivery": {
        "id": PUBLIC,
        "key": PERSONAL,
        "created_at": PERSONAL,
        "sent_at": PERSONAL,
    },
}


def _when(value) -> str | None:
    return value.isoformat() if value else None


def _event(event: Event) -> dict:
    return {
        "visit": str(event.visit.public_id),
        "kind": event.kind,
        "by_host": event.by_host,
        "first_date": _when(event.first_date),
        "last_date": _when(event.last_date),
        "message": event.message,
        "created_at": _when(event.created_at),
    }


def export(user) -> dict[str, list[dict]]:
    """Their visit requests (with their history), the hosts they answer for, and the answers
    they gave for a host on other people's requests."""
    visits = list(
        Visit.objects.filter(requester=user)
        .select_related("host__facility", "organisation")
        .prefetch_related("events")
        .order_by("pk")
    )
    return {
        "visit_requests": [
            {
                "public_id": str(v.public_id),
                "facility": v.host.facility.public_id,
                "organisation": v.organisation.slug if v.organisation else None,
                "first_date": _when(v.first_date),
                "last_date": _when(v.last_date),
                "group_size": v.group_size,
                "purpose": v.purpose,
                "languages": list(v.languages),
                "status": v.status,
                "proposed_first_date": _when(v.proposed_first_date),
                "proposed_last_date": _when(v.proposed_last_date),
                "host_message": v.host_message,
                "public_by_requester": v.public_by_requester,
                "public_by_host": v.public_by_host,
                "created_at": _when(v.created_at),
                "history": [_event(e) for e in v.events.all()],
            }
            for v in visits
        ],
        "host_contact_of": [
            {"facility": host.facility.public_id}
            for host in Host.objects.filter(contacts=user).select_related("facility").order_by("pk")
        ],
        "visit_answers": [
            _event(e)
            for e in Event.objects.filter(author=user)
            .exclude(visit__requester=user)
            .select_related("visit")
            .order_by("pk")
        ],
    }


def erase(user, *, keep_posts: bool) -> None:
    from dcrnet.community.erasure import REPLACEMENT, identifiers

    values = identifiers(user)
    Visit.objects.filter(requester=user).delete()  # with their events
    Host.contacts.through.objects.filter(user=user).delete()
    Event.objects.filter(author=user).update(author=None)
    Visit.objects.filter(decided_by=user).update(decided_by=None)
    Host.history.model.objects.filter(history_user_id=user.pk).update(history_user=None)
    _scrub(values, REPLACEMENT)


def _scrub(values: list[str], replacement: str) -> None:
    """Replace the person's identifiers in the text of the visits left."""
    import re

    from django.db.models import Q

    if not values:
        return
    alternatives = "|".join(re.escape(value) for value in values)
    pattern = re.compile(rf"(?<![\w.+-])(?:{alternatives})(?![\w-])", re.IGNORECASE)
    for model, fields in ((Visit, ("purpose", "host_message")), (Event, ("message",))):
        for field in fields:
            query = Q()
            for value in values:
                query |= Q(**{f"{field}__icontains": value})
            changed = []
            for row in model.objects.filter(query).only("pk", field):
                new = pattern.sub(replacement, getattr(row, field))
                if new != getattr(row, field):
                    setattr(row, field, new)
                    changed.append(row)
            model.objects.bulk_update(changed, [field], batch_size=500)
