"""Privacy registry of advocacy: field classes, a person's export, erasure.

Initiatives are content. An endorsement is an organisation's public act once approved; what
links it to a person (who endorsed, decided, withdrew, and staff's reason) is personal. A
signature is personal throughout: the person chose how it is shown.

Erasure: their signatures go; endorsements stay (they are the organisation's), without the
links to the person, in their history too; delivery keys hold ids only.
"""

from __future__ import annotations

from dcrnet.community.privacy import PERSONAL, PUBLIC, history, translated

from .models import Endorsement, Initiative, Signature

_INITIATIVE = {
    "id": PUBLIC,
    "slug": PUBLIC,
    "kind": PUBLIC,
    "date": PUBLIC,
    "sources": PUBLIC,
    "published": PUBLIC,
    "accepts_endorsements": PUBLIC,
    "allows_individuals": PUBLIC,
    "is_demo": PUBLIC,
    "created_at": PUBLIC,
    "updated_at": PUBLIC,
}
_ENDORSEMENT = {
    "id": PUBLIC,
    "initiative": PUBLIC,
    "organisation": PUBLIC,
    "status": PUBLIC,
    "endorsed_at": PUBLIC,
    "decided_at": PUBLIC,
    "withdrawn_at": PUBLIC,
    # Who acted for the organisation or for the network, and staff's reason: seen by them only.
    "endorsed_by": PERSONAL,
    "decision_reason": PERSONAL,
    "decided_by": PERSONAL,
    "withdrawn_by": PERSONAL,
}

FIELDS: dict[str, dict[str, str]] = {
    "advocacy.initiative": {**_INITIATIVE, **translated("title", "summary", "text", "asks")},
    "advocacy.historicalinitiative": history(
        **_INITIATIVE, title=PUBLIC, summary=PUBLIC, text=PUBLIC, asks=PUBLIC
    ),
    "advocacy.initiative_references": {"id": PUBLIC, "initiative": PUBLIC, "reference": PUBLIC},
    "advocacy.initiative_countries": {"id": PUBLIC, "initiative": PUBLIC, "country": PUBLIC},
    "advocacy.initiative_facilities": {"id": PUBLIC, "initiative": PUBLIC, "facility": PUBLIC},
    "advocacy.endorsement": _ENDORSEMENT,
    "advocacy.historicalendorsement": history(**_ENDORSEMENT),
    "advocacy.signature": {
        "id": PERSONAL,
        "initiative": PERSONAL,
        "user": PERSONAL,
        "shown_as": PERSONAL,
        "real_name": PERSONAL,
        "signed_at": PERSONAL,
    },
    "advocacy.delivery": {
        "id": PUBLIC,
        "key": PERSONAL,
        "created_at": PERSONAL,
        "sent_at": PERSONAL,
    },
}


def _when(value) -> str | None:
    return value.isoformat() if value else None


def export(user) -> dict[str, list[dict]]:
    """Their signatures, and the endorsements they gave, decided or withdrew."""
    from django.db.models import Q

    endorsements = (
        Endorsement.objects.filter(Q(endorsed_by=user) | Q(decided_by=user) | Q(withdrawn_by=user))
        .select_related("initiative", "organisation")
        .order_by("endorsed_at", "pk")
    )
    signatures = Signature.objects.filter(user=user).select_related("initiative")
    return {
        "endorsements": [
            {
                "initiative": e.initiative.slug,
                "organisation": e.organisation.slug,
                "status": e.status,
                "endorsed_by_you": e.endorsed_by_id == user.pk,
                "decided_by_you": e.decided_by_id == user.pk,
                "withdrawn_by_you": e.withdrawn_by_id == user.pk,
                "decision_reason": e.decision_reason,
                "endorsed_at": _when(e.endorsed_at),
                "decided_at": _when(e.decided_at),
                "withdrawn_at": _when(e.withdrawn_at),
            }
            for e in endorsements
        ],
        "signatures": [
            {
                "initiative": s.initiative.slug,
                "shown_as": s.shown_as,
                "real_name": s.real_name,
                "signed_at": _when(s.signed_at),
            }
            for s in signatures.order_by("signed_at", "pk")
        ],
    }


def erase(user, *, keep_posts: bool) -> None:
    Signature.objects.filter(user=user).delete()
    history_endorsement = Endorsement.history.model
    for model in (Endorsement, history_endorsement):
        for column in ("endorsed_by", "decided_by", "withdrawn_by"):
            model.objects.filter(**{f"{column}_id": user.pk}).update(**{column: None})
    for model in (history_endorsement, Initiative.history.model):
        model.objects.filter(history_user_id=user.pk).update(history_user=None)
