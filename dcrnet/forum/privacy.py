"""Privacy registry of the forum: field classes of every forum model (Historical* included), a
person's export, and erasure (docs/decisions/0006).

Erasure runs before the user row is deleted, inside the deletion transaction. What cascades with
the account (reactions, read markers, subscriptions, deliveries, sanctions received) needs nothing
here; the foreign keys set to NULL (authors, reporters, moderators) too. This module handles what
the database cannot: mentions of the person's handle in everyone's posts and in the posts'
history, history rows (simple_history keeps plain ids), and removing their posts on request."""

from __future__ import annotations

from django.db.models import Q

from . import markup, services
from .models import (
    Category,
    Delivery,
    ModerationEntry,
    Post,
    PostStatus,
    Reaction,
    ReadMarker,
    Report,
    Sanction,
    Subscription,
    Thread,
)

PUBLIC, PERSONAL, SPECIAL, SECRET = "public", "personal", "special", "secret"
REMOVED_TITLE = "[removed]"

_HISTORY = {
    "history_id": PUBLIC,
    "history_type": PUBLIC,
    "history_date": PERSONAL,
    "history_change_reason": PERSONAL,
    "history_user": PERSONAL,
}
_CATEGORY = {
    "id": PUBLIC,
    "name": PUBLIC,
    "slug": PUBLIC,
    "description": PUBLIC,
    "position": PUBLIC,
    "public_readable": PUBLIC,
}
# A thread and a post are written by a person: their text and dates are theirs.
_THREAD = {
    "id": PUBLIC,
    "category": PUBLIC,
    "title": PERSONAL,
    "author": PERSONAL,
    "created_at": PERSONAL,
    "pinned": PUBLIC,
    "locked": PUBLIC,
    "is_demo": PUBLIC,
}
_POST = {
    "id": PUBLIC,
    "thread": PUBLIC,
    "number": PUBLIC,
    "author": PERSONAL,
    "body": PERSONAL,
    "status": PERSONAL,
    "created_at": PERSONAL,
    "edited_at": PERSONAL,
}


def _languages(*names: str) -> dict[str, str]:
    from django.conf import settings

    return {f"{name}_{code}": PUBLIC for name in names for code, _l in settings.LANGUAGES}


FIELDS: dict[str, dict[str, str]] = {
    "forum.category": {
        **_CATEGORY,
        **_languages("name", "description"),
        "thread_count": PUBLIC,
        "post_count": PUBLIC,
        "last_post_at": PUBLIC,
    },
    "forum.historicalcategory": {**_CATEGORY, **_HISTORY},
    "forum.thread": {**_THREAD, "last_post_at": PUBLIC, "post_count": PUBLIC},
    "forum.historicalthread": {**_THREAD, **_HISTORY},
    "forum.post": _POST,
    "forum.historicalpost": {**_POST, **_HISTORY},
    "forum.reaction": {
        "id": PUBLIC,
        "post": PERSONAL,
        "user": PERSONAL,
        "kind": PERSONAL,
        "created_at": PERSONAL,
    },
    "forum.readmarker": {"id": PUBLIC, "user": PERSONAL, "thread": PERSONAL, "last_read": PERSONAL},
    "forum.subscription": {
        "id": PUBLIC,
        "user": PERSONAL,
        "category": PERSONAL,
        "thread": PERSONAL,
        "created_at": PERSONAL,
    },
    "forum.delivery": {
        "id": PUBLIC,
        "key": PERSONAL,
        "user": PERSONAL,
        "created_at": PERSONAL,
        "sent_at": PERSONAL,
    },
    "forum.report": {
        "id": PUBLIC,
        "post": PERSONAL,
        "reporter": PERSONAL,
        "reason": PERSONAL,
        "details": PERSONAL,
        "created_at": PERSONAL,
        "resolved_at": PERSONAL,
        "resolved_by": PERSONAL,
    },
    "forum.moderationentry": {
        "id": PUBLIC,
        "moderator": PERSONAL,
        "action": PERSONAL,
        "thread": PERSONAL,
        "post": PERSONAL,
        "member": PERSONAL,
        "reason": PERSONAL,
        "created_at": PERSONAL,
    },
    "forum.sanction": {
        "id": PUBLIC,
        "member": PERSONAL,
        "kind": PERSONAL,
        "reason": PERSONAL,
        "until": PERSONAL,
        "lifted_at": PERSONAL,
        "issued_by": PERSONAL,
        "created_at": PERSONAL,
    },
}


def _when(value) -> str | None:
    return value.isoformat() if value else None


def export(user) -> dict[str, list[dict]]:
    """The person's forum records (never other people's handles or emails)."""
    HistoricalPost = Post.history.model
    return {
        "threads": [
            {
                "id": t.pk,
                "title": t.title,
                "category": t.category.slug,
                "created_at": _when(t.created_at),
                "pinned": t.pinned,
                "locked": t.locked,
            }
            for t in Thread.objects.filter(author=user).select_related("category").order_by("pk")
        ],
        "posts": [
            {
                "id": p.pk,
                "thread": p.thread_id,
                "thread_title": p.thread.title,
                "number": p.number,
                "body": p.body,
                "status": p.status,
                "created_at": _when(p.created_at),
                "edited_at": _when(p.edited_at),
            }
            for p in Post.objects.filter(author=user).select_related("thread").order_by("pk")
        ],
        "post_versions": [
            {
                "post": v.id,
                "body": v.body,
                "status": v.status,
                "saved_at": _when(v.history_date),
            }
            for v in HistoricalPost.objects.filter(author_id=user.pk).order_by("history_id")
        ],
        "reactions": [
            {"post": r.post_id, "kind": r.kind, "created_at": _when(r.created_at)}
            for r in Reaction.objects.filter(user=user).order_by("pk")
        ],
        "subscriptions": [
            {
                "thread": s.thread_id,
                "category": s.category.slug if s.category_id else None,
                "created_at": _when(s.created_at),
            }
            for s in Subscription.objects.filter(user=user).select_related("category")
        ],
        "read_markers": [
            {"thread": m.thread_id, "last_read": m.last_read}
            for m in ReadMarker.objects.filter(user=user).order_by("pk")
        ],
        "reports": [
            {
                "post": r.post_id,
                "reason": r.reason,
                "details": r.details,
                "created_at": _when(r.created_at),
                "resolved_at": _when(r.resolved_at),
            }
            for r in Report.objects.filter(reporter=user).order_by("pk")
        ],
        "sanctions": [
            {
                "kind": s.kind,
                "reason": s.reason,
                "until": _when(s.until),
                "lifted_at": _when(s.lifted_at),
                "created_at": _when(s.created_at),
            }
            for s in Sanction.objects.filter(member=user).order_by("pk")
        ],
        "moderation_actions_about_you": [
            {"action": e.action, "reason": e.reason, "created_at": _when(e.created_at)}
            for e in ModerationEntry.objects.filter(member=user).order_by("pk")
        ],
        "deliveries": [
            {"key": d.key, "created_at": _when(d.created_at), "sent_at": _when(d.sent_at)}
            for d in Delivery.objects.filter(user=user).order_by("pk")
        ],
    }


def _forget_mentions(handle: str) -> None:
    """Every @handle in anyone's post (and the posts' history) becomes "@[deleted member]"."""
    if not handle:
        return
    HistoricalPost = Post.history.model
    needle = "@" + handle
    for model in (Post, HistoricalPost):
        key = "pk"
        changed = []
        for row in model.objects.filter(body__icontains=needle).only(key, "body"):
            new = markup.replace_mentions(row.body, handle)
            if new != row.body:
                row.body = new
                changed.append(row)
        # bulk_update: no new history row, and the edit marker is not touched.
        model.objects.bulk_update(changed, ["body"], batch_size=500)


def _remove_posts(user) -> None:
    """Their posts and those posts' history go; a thread they opened that others replied to keeps
    the replies, with the opening emptied and hidden and the title "[removed]"."""
    HistoricalPost = Post.history.model
    HistoricalThread = Thread.history.model
    own_posts = Post.objects.filter(author=user)
    touched_threads = set(own_posts.values_list("thread_id", flat=True))
    categories = set()
    kept_openings = []
    for thread in Thread.objects.filter(author=user):
        categories.add(thread.category_id)
        if (
            Post.objects.filter(thread=thread)
            .filter(~Q(author=user) | Q(author__isnull=True))
            .exists()
        ):
            opening = Post.objects.filter(thread=thread, number=1).first()
            if opening is not None and opening.author_id == user.pk:
                kept_openings.append(opening.pk)
            Thread.objects.filter(pk=thread.pk).update(title=REMOVED_TITLE, author=None)
        else:
            thread.delete()
            touched_threads.discard(thread.pk)
    HistoricalThread.objects.filter(author_id=user.pk).update(title=REMOVED_TITLE, author=None)
    post_ids = list(own_posts.values_list("pk", flat=True))
    Post.objects.filter(pk__in=kept_openings).update(body="", status=PostStatus.HIDDEN, author=None)
    Post.objects.filter(author=user).exclude(pk__in=kept_openings).delete()
    # After the deletions: deleting a post writes a last history row of its own.
    HistoricalPost.objects.filter(Q(id__in=post_ids) | Q(author_id=user.pk)).delete()
    for thread in Thread.objects.filter(pk__in=touched_threads):
        categories.discard(thread.category_id)
        services.refresh_counts(thread)
    for category_id in categories:
        services.refresh_category_counts(category_id)


def erase(user, *, keep_posts: bool) -> None:
    HistoricalPost = Post.history.model
    HistoricalThread = Thread.history.model
    HistoricalCategory = Category.history.model
    if not keep_posts:
        _remove_posts(user)
    _forget_mentions(user.handle)
    # History rows keep plain ids: the person's go with them.
    HistoricalPost.objects.filter(author_id=user.pk).update(author=None)
    HistoricalThread.objects.filter(author_id=user.pk).update(author=None)
    for model in (HistoricalPost, HistoricalThread, HistoricalCategory):
        model.objects.filter(history_user_id=user.pk).update(history_user=None)
