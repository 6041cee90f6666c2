"""Privacy registry of the guide (docs/decisions/0006): editors' content about no person; who
edited a step or an example is in its history (history_user, set to NULL when the account is
deleted)."""

from __future__ import annotations

from dcrnet.community.privacy import PUBLIC, history, translated

_STEP = {
    "id": PUBLIC,
    "number": PUBLIC,
    "slug": PUBLIC,
    "sources": PUBLIC,
    "expertise": PUBLIC,
    "updated_at": PUBLIC,
}
_EXAMPLE = {
    "id": PUBLIC,
    "step": PUBLIC,
    "facility": PUBLIC,
    "source": PUBLIC,
    "source_url": PUBLIC,
}

FIELDS: dict[str, dict[str, str]] = {
    "guide.step": {**_STEP, **translated("title", "summary", "body")},
    "guide.historicalstep": history(**_STEP, title=PUBLIC, summary=PUBLIC, body=PUBLIC),
    "guide.example": {**_EXAMPLE, **translated("note")},
    "guide.historicalexample": history(**_EXAMPLE, note=PUBLIC),
    "guide.step_documents": {"id": PUBLIC, "step": PUBLIC, "document": PUBLIC},
    "guide.step_references": {"id": PUBLIC, "step": PUBLIC, "reference": PUBLIC},
}


def export(user) -> dict[str, list[dict]]:
    return {}


def erase(user, *, keep_posts: bool) -> None:
    """Nothing of a person but the history's editor link, which the database sets to NULL."""
