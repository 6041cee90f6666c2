"""Privacy registry of the operations app: it has no models (docs/decisions/0006)."""

from __future__ import annotations

FIELDS: dict[str, dict[str, str]] = {}


def export(user) -> dict[str, list[dict]]:
    return {}


def erase(user, *, keep_posts: bool) -> None:
    """Nothing stored."""
