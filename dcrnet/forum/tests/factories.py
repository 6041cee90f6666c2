"""Test helpers for the forum's reading and writing tests: categories, threads and posts made
directly (the services are tested on their own)."""

from __future__ import annotations

from django.utils import timezone

from dcrnet.forum import services
from dcrnet.forum.models import Category, Post, PostStatus, Thread


def make_category(slug="running", *, public=False, name=None) -> Category:
    return Category.objects.create(
        slug=slug, name=name or slug.title(), public_readable=public, description="About " + slug
    )


def make_thread(
    category, author, *, posts=1, title="A question", status=PostStatus.VISIBLE, **extra
):
    thread = Thread.objects.create(
        category=category, author=author, title=title, last_post_at=timezone.now(), **extra
    )
    for n in range(1, posts + 1):
        Post.objects.create(
            thread=thread, number=n, author=author, body=f"Post {n} of {title}", status=status
        )
    services.refresh_counts(thread)
    thread.refresh_from_db()
    return thread


def add_post(thread, author, body="A reply", *, status=PostStatus.VISIBLE) -> Post:
    number = (thread.posts.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    post = Post.objects.create(
        thread=thread, number=number, author=author, body=body, status=status
    )
    services.refresh_counts(thread)
    return post
