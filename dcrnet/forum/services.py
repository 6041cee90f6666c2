"""Writes of the forum: each one transaction, its rules checked against locked rows.

Post numbers: a reply locks its thread's row, then takes max(number) + 1, so parallel replies get
1..N without gaps or duplicates (on SQLite the IMMEDIATE transaction serialises writers anyway).
Counts on threads and categories count visible posts only; `refresh_counts` recomputes them and
is called by every service that changes what is visible (moderation calls it too).
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Max, Min, Sum
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from dcrnet.lib import ratelimit
from dcrnet.lib.refusals import Refused

from . import access, notifications
from .models import Category, Post, PostStatus, Reaction, ReadMarker, Subscription, Thread


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


# Posting limits (per member, per window): settings-free on purpose, one place to read them.
RATE_PERIOD = 10 * 60
POST_LIMIT = 10
NEW_MEMBER_POST_LIMIT = 3
NEW_MEMBER_DAYS = 7


class ForumRefusal(Refused):
    """A write the rules refuse, with the message to show and the HTTP status of the page."""

    status = 403


class RateLimited(ForumRefusal):
    status = 429


class Suspended(ForumRefusal):
    status = 403


class Locked(ForumRefusal):
    status = 409


class NotAllowed(ForumRefusal):
    status = 403


def joined_at(user):
    """When the person became a member: their first approved membership's decision, or the
    account's creation."""
    first = user.memberships.filter(status="approved", decided_at__isnull=False).aggregate(
        first=Min("decided_at")
    )["first"]
    return first or user.date_joined


def is_new_member(user) -> bool:
    return joined_at(user) > timezone.now() - timedelta(days=NEW_MEMBER_DAYS)


def check_can_post(user) -> None:
    suspension = access.active_suspension(user)
    if suspension is not None:
        raise Suspended(
            _("You are suspended from posting until %(until)s.")
            % {"until": date_format(timezone.localtime(suspension.until), "DATETIME_FORMAT")}
        )
    if not access.can_post(user):
        raise NotAllowed(_("Only members of the network can post in the forum."))


def _count_post(user) -> None:
    """Count one post against the member's limit; moderators are not limited."""
    if access.is_moderator(user):
        return
    new = is_new_member(user)
    limit = NEW_MEMBER_POST_LIMIT if new else POST_LIMIT
    if not ratelimit.hit("forum-post", str(user.pk), limit, RATE_PERIOD):
        raise RateLimited(
            _(
                "You have posted %(limit)s times in the last %(minutes)s minutes, the most the "
                "forum allows%(new)s. Please wait a few minutes and try again."
            )
            % {
                "limit": limit,
                "minutes": RATE_PERIOD // 60,
                "new": _(" for members who joined less than a week ago") if new else "",
            }
        )


def _initial_status(user) -> str:
    """Held until the member has FORUM_HOLD_FIRST_POSTS approved (visible) posts; moderators'
    posts are never held."""
    hold = settings.FORUM_HOLD_FIRST_POSTS
    if hold <= 0 or access.is_moderator(user):
        return PostStatus.VISIBLE
    approved = Post.objects.filter(author=user, status=PostStatus.VISIBLE).count()
    return PostStatus.VISIBLE if approved >= hold else PostStatus.HELD


def _published(post: Post) -> None:
    """Notify subscribers and mentioned members once the post is committed and visible."""
    post_id = post.pk
    transaction.on_commit(lambda: notifications.post_published(post_id), robust=True)


def _subscribe_thread(user, thread: Thread) -> None:
    if not Subscription.objects.filter(user=user, thread=thread).exists():
        try:
            with transaction.atomic():
                Subscription.objects.create(user=user, thread=thread)
        except IntegrityError:  # subscribed in parallel: the same result
            pass


def _after_visible_post(thread: Thread, post: Post) -> None:
    """Counts after one more visible post (the thread row is locked by the caller)."""
    first = thread.post_count == 0
    Thread.objects.filter(pk=thread.pk).update(
        post_count=F("post_count") + 1, last_post_at=post.created_at
    )
    thread.post_count += 1
    thread.last_post_at = post.created_at
    Category.objects.filter(pk=thread.category_id).update(
        post_count=F("post_count") + 1,
        thread_count=F("thread_count") + (1 if first else 0),
        last_post_at=post.created_at,
    )


def create_thread(user, category: Category, title: str, body: str) -> Thread:
    check_can_post(user)
    _count_post(user)
    with transaction.atomic():
        category = Category.objects.select_for_update().get(pk=category.pk)
        now = timezone.now()
        thread = Thread.objects.create(
            category=category, title=title, author=user, last_post_at=now
        )
        post = Post.objects.create(
            thread=thread, number=1, author=user, body=body, status=_initial_status(user)
        )
        if post.status == PostStatus.VISIBLE:
            _after_visible_post(thread, post)
            _published(post)
        _subscribe_thread(user, thread)
    thread.opening = post
    return thread


def reply(user, thread: Thread, body: str) -> Post:
    """A reply numbered after the thread's last post (the thread row locked: no gaps, no twins)."""
    check_can_post(user)
    _count_post(user)
    with transaction.atomic():
        thread = Thread.objects.select_for_update().get(pk=thread.pk)
        if thread.locked and not access.is_moderator(user):
            raise Locked(_("This thread is locked: it takes no more replies."))
        last = Post.objects.filter(thread=thread).aggregate(last=Max("number"))["last"] or 0
        post = Post.objects.create(
            thread=thread, number=last + 1, author=user, body=body, status=_initial_status(user)
        )
        if post.status == PostStatus.VISIBLE:
            _after_visible_post(thread, post)
            _published(post)
        _subscribe_thread(user, thread)
    return post


def edit_post(user, post: Post, body: str) -> Post:
    """The author's edit (a history row keeps the previous version); not in a locked thread
    unless a moderator edits."""
    check_can_post(user)
    with transaction.atomic():
        post = Post.objects.select_for_update().select_related("thread").get(pk=post.pk)
        if post.author_id != user.pk:
            raise NotAllowed(_("Only the author can edit a post."))
        if post.thread.locked and not access.is_moderator(user):
            raise Locked(_("This thread is locked: its posts can no longer be edited."))
        if post.body == body:
            return post
        post.body = body
        post.edited_at = timezone.now()
        post.save(update_fields=["body", "edited_at"])
    return post


def toggle_reaction(user, post: Post, kind: str) -> bool:
    """Add the reaction, or take it back if it was there; True when it is there afterwards."""
    check_can_post(user)
    with transaction.atomic():
        deleted, _rows = Reaction.objects.filter(post=post, user=user, kind=kind).delete()
        if deleted:
            return False
        try:
            with transaction.atomic():
                Reaction.objects.create(post=post, user=user, kind=kind)
        except IntegrityError:  # the same reaction added in parallel
            pass
    return True


def toggle_subscription(
    user, *, thread: Thread | None = None, category: Category | None = None
) -> bool:
    """Subscribe to a thread or a category, or unsubscribe; True when subscribed afterwards."""
    target = {"thread": thread} if thread is not None else {"category": category}
    with transaction.atomic():
        deleted, _rows = Subscription.objects.filter(user=user, **target).delete()
        if deleted:
            return False
        try:
            with transaction.atomic():
                Subscription.objects.create(user=user, **target)
        except IntegrityError:
            pass
    return True


def remove_subscription(user, subscription_id: int) -> bool:
    deleted, _rows = Subscription.objects.filter(user=user, pk=subscription_id).delete()
    return bool(deleted)


def mark_read(user, thread: Thread, number: int) -> None:
    """Raise the member's read marker of the thread to `number` (never lower it)."""
    if not (user.is_authenticated and number):
        return
    if ReadMarker.objects.filter(user=user, thread=thread, last_read__lt=number).update(
        last_read=number
    ):
        return
    if not ReadMarker.objects.filter(user=user, thread=thread).exists():
        try:
            with transaction.atomic():
                ReadMarker.objects.create(user=user, thread=thread, last_read=number)
        except IntegrityError:  # created in parallel (another tab)
            ReadMarker.objects.filter(user=user, thread=thread, last_read__lt=number).update(
                last_read=number
            )
