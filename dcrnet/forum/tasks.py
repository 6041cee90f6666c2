"""Background tasks of the forum: notification emails of new posts and the daily digest.

Each email is sent at most once: the task takes the `Delivery` row of its key ("post:<post>:<user>",
"digest:<day>:<user>") under a lock, sends, and stamps sent_at in the same transaction. A second
run (a retried task, a post published twice, the digest command run twice in a day) finds the row
sent and does nothing; a send that fails rolls the row back, so a retry may send it.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.tasks import task
from django.utils import translation

from dcrnet.lib.delivery import send_once

from . import notifications
from .models import Delivery, Post, PostStatus


@task()
def notify_post(post_id: int) -> None:
    """Work out who hears of a post and queue one email each."""
    post = (
        Post.objects.select_related("thread__category", "author")
        .filter(pk=post_id, status=PostStatus.VISIBLE)
        .first()
    )
    if post is None:
        return
    for user, reason in notifications.recipients(post):
        if Delivery.objects.filter(key=f"post:{post.pk}:{user.pk}").exists():
            continue
        send_post_email.enqueue(post.pk, user.pk, reason)


def _deliver(key: str, user, build) -> bool:
    """Send the message `build()` returns under the delivery key, once. True if it was sent."""
    return send_once(Delivery, key, build, user=user)


@task()
def send_post_email(post_id: int, user_id: int, reason: str) -> None:
    """One notification email: rechecked when it goes (the post may have been hidden since, the
    person may have lost access or unsubscribed)."""
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None:
        return

    def build():
        post = (
            Post.objects.select_related("thread__category", "author")
            .filter(pk=post_id, status=PostStatus.VISIBLE)
            .first()
        )
        if post is None:
            return None
        reason = notifications.reason_for(post, user)
        if reason is None:
            return None
        # Links and text in the recipient's language.
        with translation.override(notifications.recipient_language(user)):
            return notifications.post_message(post, user, reason)

    _deliver(f"post:{post_id}:{user_id}", user, build)


@task()
def send_digest(user_id: int, day: str) -> None:
    """One person's daily digest for a day (ISO date)."""
    user = notifications.digest_consenters().filter(pk=user_id).first()
    if user is None or not notifications.may_receive(user):
        return
    date = dt.date.fromisoformat(day)

    def build():
        items = notifications.digest_items(user, notifications.digest_since(user))
        if not items:
            return None
        with translation.override(notifications.recipient_language(user)):
            return notifications.digest_message(user, items, date)

    _deliver(notifications.digest_key(date, user.pk), user, build)
