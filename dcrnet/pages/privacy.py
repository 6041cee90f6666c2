"""Privacy registry of the editable pages (docs/decisions/0006): content only; who edited
a page is in its history (history_user, set to NULL when the account is deleted)."""

from __future__ import annotations

from dcrnet.community.privacy import PUBLIC, history, translated

FIELDS: dict[str, dict[str, str]] = {
    "pages.historicalpage": history(
        id=PUBLIC,
        slug=PUBLIC,
        title=PUBLIC,
        summary=PUBLIC,
        body=PUBLIC,
        menu_order=PUBLIC,
        published=PUBLIC,
        updated=PUBLIC,
    ),
    "pages.page": {
        "id": PUBLIC,
        "slug": PUBLIC,
        "menu_order": PUBLIC,
        "published": PUBLIC,
        "updated": PUBLIC,
        **translated("title", "summary", "body"),
    },
}


def export(user) -> dict[str, list[dict]]:
    return {}


def erase(user, *, keep_posts: bool) -> None:
    """Nothing of a person but the history's editor link, which the database sets to NULL."""
