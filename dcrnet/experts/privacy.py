"""Privacy registry of experts and help requests: field classes, a person's export, erasure.

Erasure (RELIABILITY 58, run inside the account deletion's transaction, before the user row
goes):
- their help requests are deleted, with their conversations and assignments; so are requests
  made without an account from one of their email addresses;
- their expert profile and assignments go with the account (cascade);
- their messages in other people's requests: deleted, or — if they chose to keep their posts —
  kept as from "[deleted member]" (author set to NULL by the foreign key);
- in every remaining request text and message body, their email addresses, handle and real
  name are replaced by "[deleted member]", so no text column names them;
- delivery keys hold ids only and need nothing.
"""

from __future__ import annotations

from .models import Assignment, Expert, HelpRequest, Message

PUBLIC, PERSONAL, SPECIAL, SECRET = "public", "personal", "special", "secret"

FIELDS: dict[str, dict[str, str]] = {
    "experts.expert": {
        "id": PERSONAL,
        "user": PERSONAL,
        "bio": PERSONAL,
        "languages": PERSONAL,
        "countries": PERSONAL,
        "hours_per_month": PERSONAL,
        "max_open_requests": PERSONAL,
        "active": PERSONAL,
        "created_at": PERSONAL,
        "is_demo": PUBLIC,
    },
    "experts.expert_expertise": {"id": PERSONAL, "expert": PERSONAL, "expertisetag": PERSONAL},
    # A request is written by a person; the form asks for no health details, but free text may
    # still hold some: personal, kept 12 months after closure, visible to few.
    "experts.helprequest": {
        "id": PERSONAL,
        "public_id": PERSONAL,
        "topic": PERSONAL,
        "country": PERSONAL,
        "language": PERSONAL,
        "text": PERSONAL,
        "requester": PERSONAL,
        "email": PERSONAL,
        "status": PERSONAL,
        "created_at": PERSONAL,
        "routed_by": PERSONAL,
        "closed_at": PERSONAL,
    },
    "experts.assignment": {
        "id": PERSONAL,
        "request": PERSONAL,
        "expert": PERSONAL,
        "status": PERSONAL,
        "rank": PERSONAL,
        "created_at": PERSONAL,
        "decided_at": PERSONAL,
    },
    "experts.message": {
        "id": PERSONAL,
        "request": PERSONAL,
        "author": PERSONAL,
        "from_requester": PERSONAL,
        "body": PERSONAL,
        "created_at": PERSONAL,
    },
    "experts.delivery": {
        "id": PUBLIC,
        "key": PERSONAL,
        "created_at": PERSONAL,
        "sent_at": PERSONAL,
    },
}


def _when(value) -> str | None:
    return value.isoformat() if value else None


def _addresses(user) -> list[str]:
    from allauth.account.models import EmailAddress

    found = {user.email, *EmailAddress.objects.filter(user=user).values_list("email", flat=True)}
    return sorted(address for address in found if address)


def _own_requests(user):
    from django.db.models import Q

    query = Q(requester=user)
    for address in _addresses(user):
        query |= Q(requester__isnull=True, email__iexact=address)
    return HelpRequest.objects.filter(query)


def export(user) -> dict[str, list[dict]]:
    """Their expert profile, their requests (with their own messages), the messages they wrote
    elsewhere and the invitations they received. Others' messages are not theirs to export."""
    expert = Expert.objects.filter(user=user).prefetch_related("expertise").first()
    requests = list(_own_requests(user).select_related("topic").order_by("pk"))
    return {
        "expert_profile": (
            [
                {
                    "bio": expert.bio,
                    "expertise": [tag.slug for tag in expert.expertise.all()],
                    "languages": list(expert.languages),
                    "countries": [str(code) for code in expert.countries],
                    "hours_per_month": expert.hours_per_month,
                    "max_open_requests": expert.max_open_requests,
                    "active": expert.active,
                    "created_at": _when(expert.created_at),
                }
            ]
            if expert
            else []
        ),
        "help_requests": [
            {
                "public_id": str(r.public_id),
                "topic": r.topic.slug,
                "country": str(r.country or ""),
                "language": r.language,
                "text": r.text,
                "email": r.email,
                "status": r.status,
                "created_at": _when(r.created_at),
                "closed_at": _when(r.closed_at),
            }
            for r in requests
        ],
        "help_messages": [
            {
                "request": str(m.request.public_id),
                "body": m.body,
                "from_requester": m.from_requester,
                "created_at": _when(m.created_at),
            }
            for m in Message.objects.filter(author=user).select_related("request").order_by("pk")
        ]
        + [
            {
                "request": str(m.request.public_id),
                "body": m.body,
                "from_requester": True,
                "created_at": _when(m.created_at),
            }
            for m in Message.objects.filter(
                author__isnull=True, from_requester=True, request__in=[r.pk for r in requests]
            )
            .select_related("request")
            .order_by("pk")
        ],
        "help_assignments": [
            {
                "request": str(a.request.public_id),
                "status": a.status,
                "created_at": _when(a.created_at),
                "decided_at": _when(a.decided_at),
            }
            for a in Assignment.objects.filter(expert__user=user)
            .select_related("request")
            .order_by("pk")
        ],
    }


def erase(user, *, keep_posts: bool) -> None:
    from dcrnet.community.erasure import REPLACEMENT, identifiers

    values = identifiers(user)
    _own_requests(user).delete()  # cascades to their messages and assignments
    if keep_posts:
        Message.objects.filter(author=user).update(author=None)
    else:
        Message.objects.filter(author=user).delete()
    HelpRequest.objects.filter(routed_by=user).update(routed_by=None)
    _scrub(values, REPLACEMENT)


def _scrub(values: list[str], replacement: str) -> None:
    """Replace the person's identifiers in every request text and message body left."""
    import re

    from django.db.models import Q

    if not values:
        return
    alternatives = "|".join(re.escape(value) for value in values)
    pattern = re.compile(rf"(?<![\w.+-])(?:{alternatives})(?![\w-])", re.IGNORECASE)
    for model, field in ((HelpRequest, "text"), (Message, "body")):
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
