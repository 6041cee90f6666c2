"""The forum's email: who hears of a new post, the messages, and the signed unsubscribe tokens.

`post_published(post_id)` is what the services call (through `transaction.on_commit`) when a post
becomes visible. It only enqueues: a task works out the recipients and enqueues one email task per
recipient; that task records a `Delivery` ("post:<post>:<user>") before it sends, so a second run
of anything here never sends a second email.

Recipients of a post: the subscribers of its thread and of its category and the members it
@mentions, each once, never its author, only active accounts with a verified email address that
may still read the category. Each email is in its recipient's language (`User.email_language`).
"""

from __future__ import annotations

import datetime as dt
import email.policy
import html
import re
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db.models import Count, Q
from django.db.models.functions import Lower
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.text import Truncator

from dcrnet.lib.i18n import absolute

from . import access
from .models import Category, Post, PostStatus, Subscription, Thread

UNSUBSCRIBE_SALT = "dcrnet.forum.unsubscribe"
EXCERPT_CHARS = 400


class Reason:
    """Why someone hears of a post (first wins) and what its unsubscribe link stops."""

    THREAD = "thread"
    CATEGORY = "category"
    MENTION = "mention"
    DIGEST = "digest"


def post_published(post_id: int) -> None:
    """Queue the notification emails of a post that just became visible (call after commit)."""
    from .tasks import notify_post

    notify_post.enqueue(int(post_id))


# --- recipients ---------------------------------------------------------------------------


def may_receive(user) -> bool:
    """An active account with a verified address (its login address)."""
    from allauth.account.models import EmailAddress

    return bool(
        user.is_active
        and user.email
        and EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists()
    )


def may_read(user, category: Category) -> bool:
    return category.public_readable or access.can_read_forum(user)


def mentioned_users(text: str) -> list:
    """The accounts whose handle the text @mentions."""
    from .markup import mentioned_handles

    handles = mentioned_handles(text)
    if not handles:
        return []
    return list(
        get_user_model()
        .objects.annotate(lower_handle=Lower("handle"))
        .filter(lower_handle__in=handles)
        .exclude(profile__mention_emails=False)
    )


def recipients(post: Post) -> list[tuple[object, str]]:
    """(user, reason) for everyone who should hear of this post, each once."""
    thread = post.thread
    found: dict[int, tuple[object, str]] = {}
    subscriptions = Subscription.objects.filter(
        Q(thread=thread) | Q(category_id=thread.category_id)
    ).select_related("user")
    by_reason = {Reason.THREAD: [], Reason.CATEGORY: []}
    for subscription in subscriptions:
        reason = Reason.THREAD if subscription.thread_id else Reason.CATEGORY
        by_reason[reason].append(subscription.user)
    for reason, users in (
        (Reason.THREAD, by_reason[Reason.THREAD]),
        (Reason.CATEGORY, by_reason[Reason.CATEGORY]),
        (Reason.MENTION, mentioned_users(post.body)),
    ):
        for user in users:
            if user.pk == post.author_id or user.pk in found:
                continue
            if not may_read(user, thread.category) or not may_receive(user):
                continue
            found[user.pk] = (user, reason)
    return list(found.values())


def reason_for(post: Post, user) -> str | None:
    """Why this person should hear of this post now, or None (checked again at sending)."""
    thread = post.thread
    if user.pk == post.author_id:
        return None
    if not may_read(user, thread.category) or not may_receive(user):
        return None
    subscriptions = Subscription.objects.filter(user=user).filter(
        Q(thread=thread) | Q(category_id=thread.category_id)
    )
    kinds = {Reason.THREAD if s.thread_id else Reason.CATEGORY for s in subscriptions}
    for reason in (Reason.THREAD, Reason.CATEGORY):
        if reason in kinds:
            return reason
    if any(u.pk == user.pk for u in mentioned_users(post.body)):
        return Reason.MENTION
    return None


# --- unsubscribe tokens -------------------------------------------------------------------

UNSUBSCRIBE_KINDS = {Reason.THREAD, Reason.CATEGORY, Reason.DIGEST, Reason.MENTION}


@dataclass(frozen=True)
class Unsubscribe:
    user_id: int
    kind: str  # Reason.THREAD, CATEGORY, DIGEST or MENTION
    target: int | None = None  # the thread or category id


def make_token(user_id: int, kind: str, target: int | None = None) -> str:
    """A token that names one account and one thing to stop; signed with SECRET_KEY."""
    return signing.dumps({"u": int(user_id), "k": kind, "t": target}, salt=UNSUBSCRIBE_SALT)


def read_token(token: str) -> Unsubscribe | None:
    """What a token says, or None if it was not signed by us or was altered."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("k") not in UNSUBSCRIBE_KINDS:
        return None
    try:
        user_id = int(data["u"])
        target = None if data.get("t") is None else int(data["t"])
    except (KeyError, TypeError, ValueError):
        return None
    return Unsubscribe(user_id=user_id, kind=data["k"], target=target)


def unsubscribe_url(user_id: int, kind: str, target: int | None = None) -> str:
    return absolute(
        reverse("forum:unsubscribe", kwargs={"token": make_token(user_id, kind, target)})
    )


def unsubscribe_headers(url: str) -> dict[str, str]:
    """RFC 2369 and RFC 8058: mail clients offer a button that POSTs to the URL."""
    return {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


# --- messages -----------------------------------------------------------------------------


def thread_path(thread: Thread) -> str:
    """The thread's page (H2's; the forum home while it is not there)."""
    try:
        return reverse("forum:thread", kwargs={"thread_id": thread.pk})
    except NoReverseMatch:
        return "/forum/"


def post_path(post: Post) -> str:
    """The post's place on the site: its anchor on the thread page."""
    try:
        return reverse("forum:post", kwargs={"post_id": post.pk})
    except NoReverseMatch:
        return f"{thread_path(post.thread)}#post-{post.number}"


def excerpt(markdown_text: str, chars: int = EXCERPT_CHARS) -> str:
    """The post as plain text (Markdown rendered, tags removed, entities decoded), shortened."""
    from dcrnet.lib.markdown import render_markdown

    text = html.unescape(strip_tags(str(render_markdown(markdown_text or ""))))
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r"\n\s*\n+", "\n\n", text).strip()
    return Truncator(text).chars(chars)


def author_name(user) -> str:
    if user is None or not user.handle:
        return str(translation.gettext("[deleted member]"))
    return user.handle


def recipient_language(user) -> str:
    """The language of the recipient's emails (their profile's choice, or the language they
    signed up or last switched to)."""
    return user.email_language


class ForumEmail(EmailMultiAlternatives):
    """An email whose headers are never folded below RFC 5322's 998 characters a line.

    The SMTP backend renders with email.policy.SMTP (78 characters): a List-Unsubscribe URL, one
    long word with no space to fold at, would come out as RFC 2047 encoded words that mail
    clients do not read as a URL, and the one-click button would be gone.
    """

    def message(self, *, policy=email.policy.default):
        return super().message(policy=policy.clone(max_line_length=998))


def build_message(
    template: str, user, context: dict, unsubscribe: str | None
) -> EmailMultiAlternatives:
    """One email to one person: subject, text and HTML from forum/email/<template>_*."""
    language = recipient_language(user)
    context = {
        **context,
        "language": language,
        "user": user,
        "unsubscribe_url": unsubscribe,
        "site_url": settings.SITE_URL,
    }
    with translation.override(language):
        subject = " ".join(render_to_string(f"forum/email/{template}_subject.txt", context).split())
        body = render_to_string(f"forum/email/{template}.txt", context)
        html_body = render_to_string(f"forum/email/{template}.html", context)
    message = ForumEmail(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
        headers=unsubscribe_headers(unsubscribe) if unsubscribe else {},
    )
    message.attach_alternative(html_body, "text/html")
    return message


def post_message(post: Post, user, reason: str) -> EmailMultiAlternatives:
    thread = post.thread
    if reason == Reason.THREAD:
        unsubscribe = unsubscribe_url(user.pk, Reason.THREAD, thread.pk)
    elif reason == Reason.CATEGORY:
        unsubscribe = unsubscribe_url(user.pk, Reason.CATEGORY, thread.category_id)
    else:
        unsubscribe = unsubscribe_url(user.pk, Reason.MENTION)
    context = {
        "post": post,
        "thread": thread,
        "category": thread.category,
        "reason": reason,
        "author": author_name(post.author),
        "excerpt": excerpt(post.body),
        "post_url": absolute(post_path(post)),
        "is_opening": post.number == 1,
    }
    return build_message("post", user, context, unsubscribe)


# --- the digest ---------------------------------------------------------------------------


def digest_consenters():
    """Active accounts holding a current digest consent."""
    from dcrnet.community.models import ConsentPurpose

    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            consents__purpose=ConsentPurpose.DIGEST,
            consents__withdrawn_at__isnull=True,
        )
        .distinct()
    )


def digest_key(day: dt.date, user_id: int) -> str:
    return f"digest:{day.isoformat()}:{user_id}"


def digest_since(user, now: dt.datetime | None = None) -> dt.datetime:
    """The last digest sent to this person, or 24 hours ago."""
    from .models import Delivery

    now = now or timezone.now()
    last = (
        Delivery.objects.filter(user=user, key__startswith="digest:", sent_at__isnull=False)
        .order_by("-sent_at")
        .values_list("sent_at", flat=True)
        .first()
    )
    return last or now - dt.timedelta(hours=24)


@dataclass
class DigestThread:
    thread: Thread
    new_posts: int
    is_new: bool
    url: str


def digest_items(user, since: dt.datetime) -> list[DigestThread]:
    """The threads with new visible posts since a time, in categories the person may read
    (not counting their own posts), newest first."""
    posts = Post.objects.filter(status=PostStatus.VISIBLE, created_at__gt=since).exclude(
        author=user
    )
    if not access.can_read_forum(user):
        posts = posts.filter(thread__category__public_readable=True)
    counts = dict(
        posts.order_by().values("thread_id").annotate(n=Count("pk")).values_list("thread_id", "n")
    )
    if not counts:
        return []
    threads = Thread.objects.filter(pk__in=counts, post_count__gt=0).select_related("category")
    items = []
    for thread in threads.order_by("-last_post_at"):
        items.append(
            DigestThread(
                thread=thread,
                new_posts=counts[thread.pk],
                is_new=thread.created_at > since,
                url=absolute(thread_path(thread)),
            )
        )
    return items


def digest_message(user, items: list[DigestThread], day: dt.date) -> EmailMultiAlternatives:
    context = {"items": items, "day": day, "count": len(items)}
    return build_message("digest", user, context, unsubscribe_url(user.pk, Reason.DIGEST))
