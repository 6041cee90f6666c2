"""Reads of the forum that combine several queries: a constant number per page, whatever the
number of threads or posts (query counts are asserted in tests/test_queries.py)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.safestring import mark_safe

from . import access, markup
from .models import (
    Category,
    Post,
    PostStatus,
    Reaction,
    ReactionKind,
    ReadMarker,
    Subscription,
    Thread,
)

THREADS_PER_PAGE = 30
POSTS_PER_PAGE = 20

# Per-row URLs are built from prefixes reversed once per page (a {% url %} per row and link was
# most of the pages' render time): reverse with this id, then put each row's id in its place.
_ID = 2147483647
POST_URLS = {
    "link": "forum:post",
    "history": "forum:history",
    "react": "forum:react",
    "edit": "forum:edit",
    "report": "forum:report",
    "approve": "forum:moderation_approve",
    "restore": "forum:moderation_restore",
    "hide": "forum:moderation_hide",
}


def url_parts(name: str) -> tuple[str, str]:
    """(before, after) the id in the URL of `name` (one reversal)."""
    before, _sep, after = reverse(name, args=[_ID]).partition(str(_ID))
    return before, after


def member_prefix() -> str:
    """The start of a member page's URL, the handle and "/" follow (forum/_author.html)."""
    return reverse("home") + "members/"


def set_post_urls(posts, thread_id: int, page_number: int = 1) -> None:
    """Set `post.urls` (a dict: link, history, react, edit, report, approve, restore, hide and
    back, the post's place in the thread page) with len(POST_URLS) + 1 reversals in all."""
    parts = {key: url_parts(name) for key, name in POST_URLS.items()}
    back = reverse("forum:thread", args=[thread_id])
    if page_number > 1:
        back += f"?page={page_number}"
    for post in posts:
        pk = str(post.pk)
        post.urls = {key: before + pk + after for key, (before, after) in parts.items()}
        post.urls["back"] = f"{back}#p{post.number}"


def categories(user):
    return Category.objects.visible_to(user).order_by("position", "name")


def category_threads(user, category: Category, page_number):
    """A page of the category's threads (pinned first), each with `unread` for members."""
    threads = (
        Thread.objects.visible_to(user)
        .filter(category=category)
        .select_related("author")
        .order_by("-pinned", "-last_post_at", "-pk")
    )
    if user.is_authenticated:
        last_visible = (
            Post.objects.filter(thread=OuterRef("pk"), status=PostStatus.VISIBLE)
            .order_by("-number")
            .values("number")[:1]
        )
        last_read = ReadMarker.objects.filter(thread=OuterRef("pk"), user=user).values("last_read")[
            :1
        ]
        threads = threads.annotate(
            last_number=Coalesce(Subquery(last_visible, output_field=IntegerField()), Value(0)),
            last_read=Coalesce(Subquery(last_read, output_field=IntegerField()), Value(0)),
        )
    page = Paginator(threads, THREADS_PER_PAGE).get_page(page_number)
    before, after = url_parts("forum:thread")
    for thread in page.object_list:
        thread.unread = user.is_authenticated and thread.last_number > thread.last_read
        thread.url = f"{before}{thread.pk}{after}"
    return page


def thread_posts(user, thread: Thread):
    return (
        Post.objects.visible_to(user)
        .filter(thread=thread)
        .select_related("author")
        .order_by("number")
    )


def shown_posts(user, thread: Thread):
    """The thread page's posts: those the user may see, and hidden ones as places, so readers
    who may not see a hidden post still see that one was hidden there (thread_page drops its
    text and author)."""
    shown = Q(pk__in=Post.objects.visible_to(user).filter(thread=thread).values("pk"))
    return (
        Post.objects.filter(thread=thread)
        .filter(shown | Q(status=PostStatus.HIDDEN))
        .select_related("author")
        .order_by("number")
    )


def reactions_of(posts, user) -> None:
    """Set `post.reactions_shown`: [(kind, label, count, mine)] for every kind, in two queries."""
    ids = [post.pk for post in posts]
    counts: dict[tuple[int, str], int] = {}
    mine: set[tuple[int, str]] = set()
    if ids:
        for row in (
            Reaction.objects.filter(post_id__in=ids)
            .values("post_id", "kind")
            .annotate(n=Count("pk"))
            .order_by()
        ):
            counts[(row["post_id"], row["kind"])] = row["n"]
        if user.is_authenticated:
            mine = set(
                Reaction.objects.filter(post_id__in=ids, user=user).values_list("post_id", "kind")
            )
    for post in posts:
        post.reactions_shown = [
            (kind, label, counts.get((post.pk, kind), 0), (post.pk, kind) in mine)
            for kind, label in ReactionKind.choices
        ]


def thread_page(user, thread: Thread, page_number):
    page = Paginator(shown_posts(user, thread), POSTS_PER_PAGE).get_page(page_number)
    posts = list(page.object_list)
    moderator = access.is_moderator(user)
    for post in posts:
        post.withheld = post.status == PostStatus.HIDDEN and not moderator
        if post.withheld:
            post.body, post.author = "", None
    markup.render_posts(posts)
    for post in posts:
        post.html = mark_safe(post.html)  # noqa: S308 - nh3-cleaned, mentions added by us
    reactions_of(posts, user)
    set_post_urls(posts, thread.pk, page.number)
    return page, posts


def page_of(user, post: Post) -> int:
    """The page of the thread on which a post is shown."""
    before = shown_posts(user, post.thread).filter(number__lt=post.number).count()
    return before // POSTS_PER_PAGE + 1


def is_subscribed(user, *, thread=None, category=None) -> bool:
    if not user.is_authenticated:
        return False
    target = {"thread": thread} if thread is not None else {"category": category}
    return Subscription.objects.filter(user=user, **target).exists()


def subscriptions_of(user):
    visible = Q(thread__in=Thread.objects.visible_to(user)) | Q(
        category__in=Category.objects.visible_to(user)
    )
    return (
        Subscription.objects.filter(user=user)
        .filter(visible)
        .select_related("thread", "category", "thread__category")
        .order_by("-created_at")
    )


def post_for_edit(user, post_id: int) -> Post | None:
    """The user's own post, as they see it (None for anybody else's: a 404, never a 403)."""
    return (
        Post.objects.visible_to(user)
        .select_related("thread", "thread__category")
        .filter(pk=post_id, author=user)
        .first()
    )


def can_moderate(user) -> bool:
    return access.is_moderator(user)
