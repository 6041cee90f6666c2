"""Privacy registry of trainings: field classes, a person's export, erasure.

The catalogue, sessions and questions are content. What is about a person: their registrations
and answers, the sessions they organise, the messages they sent to participants.

Erasure (RELIABILITY 58, inside the account deletion's transaction, before the user row goes):
- their registrations go, with their answers; a confirmed place in a session still to come is
  given to the first of its wait-list, as if they had cancelled;
- the messages they sent as an organiser stay for the session's record, their author set to
  NULL, and their identifiers are replaced in every message's subject and body;
- their organiser links go with the account (cascade); delivery keys hold ids only.
Registrations are kept 12 months after their session ended (community purge_expired).
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from dcrnet.community.privacy import PERSONAL, PUBLIC, history, translated

from .models import (
    TRAINING_TEXT,
    Announcement,
    Registration,
    RegistrationStatus,
    Session,
)

_TRAINING = {
    "id": PUBLIC,
    "slug": PUBLIC,
    "format": PUBLIC,
    "languages": PUBLIC,
    "topic": PUBLIC,
    "provider": PUBLIC,
    "source_url": PUBLIC,
    "source_note": PUBLIC,
    "published": PUBLIC,
    "is_demo": PUBLIC,
    "updated_at": PUBLIC,
}
_SESSION = {
    "id": PUBLIC,
    "public_id": PUBLIC,
    "training": PUBLIC,
    "starts_at": PUBLIC,
    "ends_at": PUBLIC,
    "time_zone": PUBLIC,
    "format": PUBLIC,
    "facility": PUBLIC,
    "address": PUBLIC,
    # About no person, but shown to confirmed participants only (and organisers).
    "online_url": PUBLIC,
    "language": PUBLIC,
    "capacity": PUBLIC,
    "registration_deadline": PUBLIC,
    "cancellation_cutoff": PUBLIC,
    # Trainers are named publicly on the session's page, as the editors entered them.
    "trainers": PUBLIC,
    "status": PUBLIC,
    "cancellation_reason": PUBLIC,
    "sequence": PUBLIC,
    "is_demo": PUBLIC,
    "created_at": PUBLIC,
    "updated_at": PUBLIC,
}

FIELDS: dict[str, dict[str, str]] = {
    "trainings.training": {**_TRAINING, **translated(*TRAINING_TEXT)},
    "trainings.historicaltraining": history(**_TRAINING, **dict.fromkeys(TRAINING_TEXT, PUBLIC)),
    "trainings.training_steps": {"id": PUBLIC, "training": PUBLIC, "step": PUBLIC},
    "trainings.training_documents": {"id": PUBLIC, "training": PUBLIC, "document": PUBLIC},
    "trainings.training_references": {"id": PUBLIC, "training": PUBLIC, "reference": PUBLIC},
    "trainings.session": _SESSION,
    "trainings.historicalsession": history(**_SESSION),
    "trainings.session_organisers": {"id": PERSONAL, "session": PERSONAL, "user": PERSONAL},
    "trainings.question": {
        "id": PUBLIC,
        "session": PUBLIC,
        "text": PUBLIC,
        "required": PUBLIC,
        "order": PUBLIC,
    },
    "trainings.registration": {
        "id": PERSONAL,
        "session": PERSONAL,
        "user": PERSONAL,
        "status": PERSONAL,
        "registered_at": PERSONAL,
        "confirmed_at": PERSONAL,
        "cancelled_at": PERSONAL,
        "attended": PERSONAL,
    },
    # Answers to the organisers' questions (role, organisation …): personal free text.
    "trainings.answer": {
        "id": PERSONAL,
        "registration": PERSONAL,
        "question": PERSONAL,
        "text": PERSONAL,
    },
    "trainings.announcement": {
        "id": PERSONAL,
        "session": PERSONAL,
        "author": PERSONAL,
        "subject": PERSONAL,
        "body": PERSONAL,
        "created_at": PERSONAL,
    },
    "trainings.delivery": {
        "id": PUBLIC,
        "key": PERSONAL,
        "created_at": PERSONAL,
        "sent_at": PERSONAL,
    },
}


def _when(value) -> str | None:
    return value.isoformat() if value else None


def export(user) -> dict[str, list[dict]]:
    """Their registrations with their answers, the sessions they organise and the messages
    they sent to participants."""
    registrations = (
        Registration.objects.filter(user=user)
        .select_related("session__training")
        .prefetch_related("answers__question")
        .order_by("pk")
    )
    return {
        "registrations": [
            {
                "session": str(r.session.public_id),
                "training": r.session.training.slug,
                "starts_at": _when(r.session.starts_at),
                "status": r.status,
                "registered_at": _when(r.registered_at),
                "confirmed_at": _when(r.confirmed_at),
                "cancelled_at": _when(r.cancelled_at),
                "attended": r.attended,
                "answers": [
                    {"question": answer.question.text, "answer": answer.text}
                    for answer in r.answers.all()
                ],
            }
            for r in registrations
        ],
        "organised_sessions": [
            {"session": str(s.public_id), "training": s.training.slug}
            for s in Session.objects.filter(organisers=user).select_related("training")
        ],
        "messages_to_participants": [
            {
                "session": str(a.session.public_id),
                "subject": a.subject,
                "body": a.body,
                "created_at": _when(a.created_at),
            }
            for a in Announcement.objects.filter(author=user)
            .select_related("session")
            .order_by("pk")
        ],
    }


def erase(user, *, keep_posts: bool) -> None:
    from dcrnet.community.erasure import REPLACEMENT, identifiers

    from .services import _locked, _promote

    now = timezone.now()
    with transaction.atomic():
        freed = set(
            Registration.objects.filter(
                user=user,
                status=RegistrationStatus.CONFIRMED,
                session__starts_at__gt=now,
            ).values_list("session_id", flat=True)
        )
        for session in Session.objects.filter(pk__in=freed).order_by("pk"):
            session = _locked(session)
            Registration.objects.filter(session=session, user=user).delete()
            _promote(session, now)
        Registration.objects.filter(user=user).delete()  # cascades to their answers
        Announcement.objects.filter(author=user).update(author=None)
        _scrub(identifiers(user), REPLACEMENT)


def _scrub(values: list[str], replacement: str) -> None:
    """Replace the person's identifiers in the subject and body of every message left."""
    import re

    from django.db.models import Q

    if not values:
        return
    alternatives = "|".join(re.escape(value) for value in values)
    pattern = re.compile(rf"(?<![\w.+-])(?:{alternatives})(?![\w-])", re.IGNORECASE)
    query = Q()
    for value in values:
        query |= Q(subject__icontains=value) | Q(body__icontains=value)
    changed = []
    for row in Announcement.objects.filter(query).only("pk", "subject", "body"):
        subject, body = pattern.sub(replacement, row.subject), pattern.sub(replacement, row.body)
        if (subject, body) != (row.subject, row.body):
            row.subject, row.body = subject, body
            changed.append(row)
    Announcement.objects.bulk_update(changed, ["subject", "body"], batch_size=500)
