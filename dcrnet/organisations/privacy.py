"""Privacy registry of the organisations app: field classes, a person's export, erasure."""

from __future__ import annotations

from .models import Membership, Organisation

PUBLIC, PERSONAL, SPECIAL, SECRET = "public", "personal", "special", "secret"

_ORGANISATION = {
    "id": PUBLIC,
    "name": PUBLIC,
    "slug": PUBLIC,
    "kind": PUBLIC,
    "country": PUBLIC,
    "website": PUBLIC,
    "source": PUBLIC,
    "status": PUBLIC,
    "applied_at": PUBLIC,
    "decided_at": PUBLIC,
    # Written by the applicant and by staff; shown only to them.
    "statement": PERSONAL,
    "decision_reason": PERSONAL,
    "applied_by": PERSONAL,
    "decided_by": PERSONAL,
}
_MEMBERSHIP = {
    "id": PUBLIC,
    "user": PERSONAL,
    "organisation": PERSONAL,
    "role": PERSONAL,
    "status": PERSONAL,
    "statement": PERSONAL,
    "listed": PERSONAL,
    "decision_reason": PERSONAL,
    "applied_at": PERSONAL,
    "decided_by": PERSONAL,
    "decided_at": PERSONAL,
}
_HISTORY = {
    "history_id": PUBLIC,
    "history_type": PUBLIC,
    "history_date": PERSONAL,
    "history_change_reason": PERSONAL,
    "history_user": PERSONAL,
}

FIELDS = {
    "organisations.organisation": _ORGANISATION,
    "organisations.historicalorganisation": {**_ORGANISATION, **_HISTORY},
    "organisations.membership": _MEMBERSHIP,
    "organisations.historicalmembership": {**_MEMBERSHIP, **_HISTORY},
    "organisations.organisation_facilities": {
        "id": PUBLIC,
        "organisation": PUBLIC,
        "facility": PUBLIC,
    },
}


def _when(value) -> str | None:
    return value.isoformat() if value else None


def export(user) -> dict[str, list[dict]]:
    memberships = Membership.objects.filter(user=user).select_related("organisation")
    organisations = Organisation.objects.filter(applied_by=user).order_by("applied_at", "pk")
    return {
        "memberships": [
            {
                "organisation": m.organisation.name if m.organisation else None,
                "organisation_slug": m.organisation.slug if m.organisation else None,
                "role": m.role,
                "status": m.status,
                "statement": m.statement,
                "listed": m.listed,
                "decision_reason": m.decision_reason,
                "applied_at": _when(m.applied_at),
                "decided_at": _when(m.decided_at),
            }
            for m in memberships.order_by("applied_at", "pk")
        ],
        "organisation_applications": [
            {
                "name": o.name,
                "slug": o.slug,
                "kind": o.kind,
                "country": o.country.code or "",
                "website": o.website,
                "statement": o.statement,
                "status": o.status,
                "decision_reason": o.decision_reason,
                "applied_at": _when(o.applied_at),
                "decided_at": _when(o.decided_at),
            }
            for o in organisations
        ],
    }


def erase(user, *, keep_posts: bool) -> None:
    """Memberships and their history go. Organisations stay
    (they are the organisation's, not the person's), without the link to who applied or decided.
    """
    history_membership = Membership.history.model
    history_organisation = Organisation.history.model
    # Deleted here rather than by the account's cascade, which would write one more history
    # row per membership (with the statement) after this function has run.
    Membership.objects.filter(user=user).delete()
    history_membership.objects.filter(user_id=user.pk).delete()
    for model in (history_membership, history_organisation):
        model.objects.filter(decided_by_id=user.pk).update(decided_by=None)
        model.objects.filter(history_user_id=user.pk).update(history_user=None)
    history_organisation.objects.filter(applied_by_id=user.pk).update(applied_by=None)
    Organisation.objects.filter(applied_by=user).update(applied_by=None)
    Organisation.objects.filter(decided_by=user).update(decided_by=None)
    Membership.objects.filter(decided_by=user).update(decided_by=None)
