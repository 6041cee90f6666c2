"""Privacy registry of the policy tracker: facts about countries, about no person; who edited an
event is in its history (history_user, set to NULL when the account is deleted)."""

from __future__ import annotations

from dcrnet.community.privacy import PUBLIC, history, translated

from .models import Event

_EVENT = {
    "id": PUBLIC,
    "country": PUBLIC,
    "date": PUBLIC,
    "precision": PUBLIC,
    "kind": PUBLIC,
    "facility": PUBLIC,
    "source_title": PUBLIC,
    "source_url": PUBLIC,
    "published": PUBLIC,
    "published_at": PUBLIC,
    "created": PUBLIC,
    "updated": PUBLIC,
}

FIELDS: dict[str, dict[str, str]] = {
    "policy.event": {**_EVENT, **translated("title", "summary")},
    "policy.historicalevent": history(**_EVENT, title=PUBLIC, summary=PUBLIC),
}


def export(user) -> dict[str, list[dict]]:
    return {}


def erase(user, *, keep_posts: bool) -> None:
    """Nothing of a person but the history's editor link, cut here."""
    Event.history.model.objects.filter(history_user_id=user.pk).update(history_user=None)
