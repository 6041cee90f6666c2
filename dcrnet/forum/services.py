"""Writes of the forum: each one transaction, its rules checked against locked rows.

Post numbers: a reply locks its thread's row, then takes max(number) + 1, so parallel replies get
1..N without gaps or duplicates (on SQLite the IMMEDIATE transaction serialises writers anyway).
Counts on threads and categories count visible posts only; `refresh_counts` recomputes them and
is called by every service that changes what is visible (moderation calls it too).
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Count, Max, Sum

from .models import Category, Post, PostStatus, Thread


def refresh_counts(thread: Thread) -> None:
    """Recompute the thread's post_count/last_post_at and its category's counts from visible
    posts. Call inside the transaction that changed visibility (after hide, restore, approve,
    move; for a move, call it for the old category too via refresh_category_counts)."""
    with transaction.atomic():
        visible = Post.objects.filter(thread_id=thread.pk, status=PostStatus.VISIBLE)
        figures = visible.aggregate(count=Count("pk"), last=Max("created_at"))
        thread.post_count = figures["count"]
        thread.last_post_at = figures["last"] or thread.last_post_at or thread.created_at
        Thread.objects.filter(pk=thread.pk).update(
            post_count=thread.post_count, last_post_at=thread.last_post_at
        )
        refresh_category_counts(thread.category_id)


def refresh_category_counts(category_id: int) -> None:
    """A category's thread_count, post_count and last_post_at, from threads with visible posts."""
    figures = Thread.objects.filter(category_id=category_id, post_count__gt=0).aggregate(
        threads=Count("pk"),
        posts=Sum("post_count"),
        last=Max("last_post_at"),
    )
    Category.objects.filter(pk=category_id).update(
        thread_count=figures["threads"],
        post_count=figures["posts"] or 0,
        last_post_at=figures["last"],
    )
