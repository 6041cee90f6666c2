"""Privacy registry of the site index: field classes, a person's export, erasure.

The index holds copies of what the sections publish (a forum post's text, a document's
summary), each section's own rows being the truth: a person's data is exported and erased by
those sections. What the index adds is the link of a suggested document to the member who may
read it (`owner`), exported here.

Erasure (run by the account deletion after the sections' own, `forum` and `documents` among
them, in one transaction): the sections erase partly through bulk updates that send no signal
(a forum opening emptied and its thread renamed "[removed]", "@handle" replaced in others'
posts, a suggestion's author removed), so the entries those touched are made again here from
the rows as they now are: the person's own, the forum posts that mention them, and every forum
entry whose thread title, category or visibility no longer matches its post.
"""

from __future__ import annotations

from .indexing import resync
from .models import Entry, Kind

PUBLIC, PERSONAL, SPECIAL, SECRET = "public", "personal", "special", "secret"

FIELDS: dict[str, dict[str, str]] = {
    "sitesearch.entry": {
        "id": PUBLIC,
        "kind": PUBLIC,
        "object_id": PUBLIC,
        "language": PUBLIC,
        "translations": PUBLIC,
        "key": PUBLIC,
        # Copies of forum posts (members' words) and of the sections' content.
        "title": PERSONAL,
        "keywords": PUBLIC,
        "text": PERSONAL,
        "date": PUBLIC,
        "public": PUBLIC,
        "public_from": PUBLIC,
        "forum_category": PUBLIC,
        "owner": PERSONAL,
        "search_vector": PERSONAL,
    },
}


def export(user) -> dict[str, list[dict]]:
    return {
        "entries_only_you_and_editors_find": [
            {"kind": entry.kind, "title": entry.title}
            for entry in Entry.objects.filter(owner=user).order_by("pk")
        ]
    }


def erase(user, *, keep_posts: bool) -> None:
    stale: dict[str, set[int]] = {}
    for kind, object_id in Entry.objects.filter(owner=user).values_list("kind", "object_id"):
        stale.setdefault(kind, set()).add(object_id)
    forum = stale.setdefault(Kind.FORUM, set())
    if user.handle:
        mentions = Entry.objects.filter(kind=Kind.FORUM, text__icontains="@" + user.handle)
        forum.update(mentions.values_list("object_id", flat=True))
    forum.update(_forum_out_of_step())
    for kind, ids in stale.items():
        resync(kind, ids)


def _forum_out_of_step() -> set[int]:
    """Forum posts whose entry's title, category or visibility is not their row's (gone
    posts included)."""
    from dcrnet.forum.models import Post, PostStatus

    entries = (
        Entry.objects.filter(kind=Kind.FORUM)
        .order_by("object_id")
        .values_list("object_id", "title", "forum_category", "public")
    )
    found: set[int] = set()
    offset = 0
    while chunk := list(entries[offset : offset + 2000]):
        offset += len(chunk)
        rows = Post.objects.filter(pk__in=[row[0] for row in chunk]).values_list(
            "pk", "thread__title", "thread__category_id", "status"
        )
        now = {
            pk: (title, category, status == PostStatus.VISIBLE)
            for pk, title, category, status in rows
        }
        found.update(pk for pk, *facts in chunk if now.get(pk) != tuple(facts))
    return found
