"""The forum's read-only API (mounted at /api/v1/forum/): what the caller may read, through the
same visible_to rules as the pages. Anonymous callers see public-readable categories only;
anything else is a 404. People appear as handles (null for a deleted member); never an email.

Language-neutral: its messages are English and not in the catalogue."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from django.http import Http404, HttpRequest
from ninja import Field, Path, Query, Router, Schema

from dcrnet.directory.schemas import Pagination
from dcrnet.lib.api import responses

from . import markup, selectors
from .models import Category, Thread

router = Router(tags=["forum"])

SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"


def _handle(user) -> str | None:
    return (user.handle or None) if user is not None else None


class CategoryOut(Schema):
    slug: str
    name: str
    description: str
    public_readable: bool
    thread_count: int
    post_count: int
    last_post_at: datetime | None


class ThreadOut(Schema):
    id: int
    title: str
    author: str | None = Field(description="The author's handle; null for a deleted member.")
    created_at: datetime
    last_post_at: datetime
    post_count: int = Field(description="Visible posts.")
    pinned: bool
    locked: bool
    is_demo: bool = Field(description="Demonstration content.")

    @staticmethod
    def resolve_author(obj: Thread) -> str | None:
        return _handle(obj.author)


class PostOut(Schema):
    number: int
    author: str | None = Field(description="The author's handle; null for a deleted member.")
    status: str = Field(description="visible; held or hidden only for moderators (and authors).")
    body_html: str = Field(description="The Markdown rendered and cleaned (nh3).")
    created_at: datetime
    edited_at: datetime | None


class ThreadPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[ThreadOut]


class PostPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[PostOut]


def _category(request: HttpRequest, slug: str) -> Category:
    category = Category.objects.visible_to(request.user).filter(slug=slug).first()
    if category is None:
        raise Http404
    return category


@router.get(
    "/categories",
    operation_id="list_forum_categories",
    url_name="list_forum_categories",
    response=responses(list[CategoryOut]),
    summary="The forum categories the caller may read",
)
def list_categories(request: HttpRequest) -> list:
    """Public-readable categories for everyone; all of them for members and moderators."""
    return list(selectors.categories(request.user))


@router.get(
    "/categories/{slug}/threads",
    operation_id="list_forum_threads",
    url_name="list_forum_threads",
    response=responses(ThreadPage, 404),
    summary="Threads of a category, pinned first, latest activity first",
)
def list_threads(
    request: HttpRequest,
    slug: Annotated[str, Path(pattern=SLUG_PATTERN, max_length=100)],
    page: Query[Pagination],
) -> dict:
    category = _category(request, slug)
    threads = (
        Thread.objects.visible_to(request.user)
        .filter(category=category)
        .select_related("author")
        .order_by("-pinned", "-last_post_at", "-pk")
    )
    return {
        "count": threads.count(),
        "limit": page.limit,
        "offset": page.offset,
        "items": list(threads[page.offset : page.offset + page.limit]),
    }


@router.get(
    "/threads/{thread_id}/posts",
    operation_id="list_forum_posts",
    url_name="list_forum_posts",
    response=responses(PostPage, 404),
    summary="Posts of a thread in order",
)
def list_posts(
    request: HttpRequest,
    thread_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
    page: Query[Pagination],
) -> dict:
    thread = Thread.objects.visible_to(request.user).filter(pk=thread_id).first()
    if thread is None:
        raise Http404
    posts = selectors.thread_posts(request.user, thread)
    shown = list(posts[page.offset : page.offset + page.limit])
    markup.render_posts(shown)
    return {
        "count": posts.count(),
        "limit": page.limit,
        "offset": page.offset,
        "items": [
            {
                "number": post.number,
                "author": _handle(post.author),
                "status": post.status,
                "body_html": post.html,
                "created_at": post.created_at,
                "edited_at": post.edited_at,
            }
            for post in shown
        ],
    }
