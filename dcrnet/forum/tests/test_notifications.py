"""Notification emails of new posts: who gets one, what it says, and that it goes once, after
commit (RELIABILITY 63 style)."""

from __future__ import annotations

import email.policy
import json
import smtplib

import pytest
from django.contrib.auth.models import Group
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from dcrnet.community.models import Role
from dcrnet.forum import notifications, tasks
from dcrnet.forum.models import Category, Delivery, Post, PostStatus, Subscription, Thread
from dcrnet.lib.cache import emails_only as emails
from testing.xss import XSS

pytestmark = pytest.mark.django_db

PASSWORD = "a long test passphrase"


# --- helpers shared with the other email tests -------------------------------------------------


def make_person(django_user_model, handle: str, *roles: str, verified: bool = True, **extra):
    from allauth.account.models import EmailAddress

    email = f"{handle}@example.org"
    user = django_user_model.objects.create_user(
        email=email, password=PASSWORD, handle=handle, **extra
    )
    for role in roles:
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    return user


def make_category(slug: str = "running", *, public: bool = False) -> Category:
    return Category.objects.create(name=slug.title(), slug=slug, public_readable=public)


def make_thread(category: Category, author, title: str = "Night shifts") -> Thread:
    return Thread.objects.create(
        category=category, title=title, author=author, last_post_at=timezone.now()
    )


def add_post(thread: Thread, author, body: str = "Hello", status=PostStatus.VISIBLE) -> Post:
    number = (thread.posts.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    post = Post.objects.create(
        thread=thread, number=number, author=author, body=body, status=status
    )
    if status == PostStatus.VISIBLE:
        Thread.objects.filter(pk=thread.pk).update(
            post_count=thread.posts.filter(status=PostStatus.VISIBLE).count(),
            last_post_at=post.created_at,
        )
    return post


def publish(post: Post) -> None:
    """What the services do: notify once the transaction that made the post visible commits."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        with transaction.atomic():
            transaction.on_commit(lambda: notifications.post_published(post.pk), robust=True)


def to(mailoutbox) -> list[str]:
    return sorted(address for message in mailoutbox for address in message.to)


@pytest.fixture
def cast(django_user_model):
    """An author, a thread follower, a category follower, a mentioned member, in a members-only
    category."""
    people = {
        name: make_person(django_user_model, name, Role.MEMBER)
        for name in ("author", "follower", "watcher", "named")
    }
    category = make_category()
    thread = make_thread(category, people["author"])
    add_post(thread, people["author"], "Opening")
    Subscription.objects.create(user=people["author"], thread=thread)
    Subscription.objects.create(user=people["follower"], thread=thread)
    Subscription.objects.create(user=people["watcher"], category=category)
    return {**people, "category": category, "thread": thread}


# --- recipients ---------------------------------------------------------------------------------


def test_followers_and_mentioned_each_get_one_email_never_the_author(cast, mailoutbox):
    post = add_post(cast["thread"], cast["author"], "Ask @Named about it")
    publish(post)
    assert to(mailoutbox) == [
        "follower@example.org",
        "named@example.org",
        "watcher@example.org",
    ]
    assert all(
        len(message.to) == 1 and not message.bcc and not message.cc for message in mailoutbox
    )
    assert Delivery.objects.filter(key=f"post:{post.pk}:{cast['follower'].pk}").exists()


def test_one_email_for_someone_with_several_reasons(cast, mailoutbox):
    Subscription.objects.create(user=cast["follower"], category=cast["category"])
    post = add_post(cast["thread"], cast["author"], "@follower see this")
    publish(post)
    assert to(mailoutbox).count("follower@example.org") == 1
    mail = next(m for m in mailoutbox if m.to == ["follower@example.org"])
    # The strongest reason wins: the thread, whose unsubscribe link stops that thread.
    what = notifications.read_token(mail.extra_headers["List-Unsubscribe"].split("/")[-2])
    assert (what.kind, what.target) == ("thread", cast["thread"].pk)


def test_published_twice_or_task_run_twice_sends_once(cast, mailoutbox):
    post = add_post(cast["thread"], cast["author"])
    publish(post)
    publish(post)
    tasks.send_post_email.enqueue(post.pk, cast["follower"].pk, "thread")
    tasks.notify_post.enqueue(post.pk)
    assert to(mailoutbox) == ["follower@example.org", "watcher@example.org"]
    assert Delivery.objects.filter(key__startswith=f"post:{post.pk}:").count() == 2
    assert Delivery.objects.filter(sent_at__isnull=True).count() == 0


@pytest.mark.parametrize("status", [PostStatus.HELD, PostStatus.HIDDEN])
def test_no_email_for_a_post_that_is_not_visible(cast, mailoutbox, status):
    post = add_post(cast["thread"], cast["author"], "@named hi", status=status)
    publish(post)
    assert mailoutbox == []


def test_hidden_before_sending_sends_nothing(cast, mailoutbox):
    post = add_post(cast["thread"], cast["author"])
    Post.objects.filter(pk=post.pk).update(status=PostStatus.HIDDEN)
    tasks.send_post_email.enqueue(post.pk, cast["follower"].pk, "thread")
    assert mailoutbox == []
    assert not Delivery.objects.exists()


def test_only_people_who_may_still_read_with_a_verified_active_address(
    cast, django_user_model, moderator, mailoutbox
):
    outsider = make_person(django_user_model, "outsider")  # signed up, no member role
    unverified = make_person(django_user_model, "unverified", Role.MEMBER, verified=False)
    inactive = make_person(django_user_model, "gone", Role.MEMBER, is_active=False)
    moderator.handle = "mod"
    moderator.save()
    for user in (outsider, unverified, inactive, moderator):
        Subscription.objects.create(user=user, thread=cast["thread"])
    post = add_post(cast["thread"], cast["author"], "@outsider @unverified @gone")
    publish(post)
    assert to(mailoutbox) == [
        "follower@example.org",
        moderator.email,
        "watcher@example.org",
    ]


def test_a_public_category_reaches_followers_who_are_not_members(django_user_model, mailoutbox):
    author = make_person(django_user_model, "author", Role.MEMBER)
    reader = make_person(django_user_model, "reader")
    category = make_category("open", public=True)
    Subscription.objects.create(user=reader, category=category)
    thread = make_thread(category, author)
    publish(add_post(thread, author))
    assert to(mailoutbox) == ["reader@example.org"]


def test_membership_ended_before_sending_sends_nothing(cast, mailoutbox):
    post = add_post(cast["thread"], cast["author"])
    cast["follower"].groups.clear()
    tasks.send_post_email.enqueue(post.pk, cast["follower"].pk, "thread")
    assert mailoutbox == []


def test_unsubscribed_before_sending_sends_nothing(cast, mailoutbox):
    post = add_post(cast["thread"], cast["author"])
    Subscription.objects.filter(user=cast["follower"]).delete()
    tasks.send_post_email.enqueue(post.pk, cast["follower"].pk, "thread")
    assert mailoutbox == []


# --- the message --------------------------------------------------------------------------------


def test_the_email_says_who_where_and_how_to_stop(cast, mailoutbox, settings):
    settings.SITE_URL = "https://dcr.example"
    post = add_post(
        cast["thread"], cast["author"], "We **rotate** shifts.\n\n[notes](https://x.org)"
    )
    publish(post)
    mail = next(m for m in mailoutbox if m.to == ["follower@example.org"])
    assert "Night shifts" in mail.subject
    assert "author" in mail.body
    assert "author@example.org" not in mail.body + mail.alternatives[0].content
    assert "We rotate shifts." in mail.body and "**" not in mail.body
    assert "<strong>" not in mail.body
    link = "https://dcr.example" + reverse("forum:post", kwargs={"post_id": post.pk})
    assert link in mail.body and f'href="{link}"' in mail.alternatives[0].content
    html, mimetype = mail.alternatives[0]
    assert mimetype == "text/html"
    url = mail.extra_headers["List-Unsubscribe"].strip("<>")
    assert url.startswith("https://dcr.example/forum/email/unsubscribe/")
    assert mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert url in mail.body and url in html
    # As the SMTP backend renders it: one header line a mail client reads as a URL.
    wire = mail.message(policy=email.policy.SMTP).as_bytes()
    assert f"\r\nList-Unsubscribe: <{url}>\r\n".encode() in wire
    assert b"\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n" in wire


def test_a_mention_email_offers_to_stop_mention_emails(cast, mailoutbox):
    publish(add_post(cast["thread"], cast["author"], "@named hello"))
    mail = next(m for m in mailoutbox if m.to == ["named@example.org"])
    assert "mentioned you" in mail.subject
    token = mail.extra_headers["List-Unsubscribe"].strip("<>").rstrip("/").rsplit("/", 1)[-1]
    assert notifications.read_token(token).kind == notifications.Reason.MENTION


def test_a_deleted_author_is_shown_as_deleted(cast, mailoutbox):
    post = add_post(cast["thread"], None)
    publish(post)
    assert "[deleted member]" in mailoutbox[0].body


@pytest.mark.parametrize("payload", XSS)
def test_xss_corpus_in_title_and_post_stays_text(cast, mailoutbox, payload):
    from testing.xss import unsafe_markup

    Thread.objects.filter(pk=cast["thread"].pk).update(title=payload[:200])
    cast["thread"].refresh_from_db()
    publish(add_post(cast["thread"], cast["author"], f"Look {payload} here"))
    assert mailoutbox
    for mail in mailoutbox:
        html = mail.alternatives[0].content
        assert unsafe_markup(html) == []
        # The text part is text: what Markdown rendered, its tags gone (a "<" is a character).
        assert "<p>" not in mail.body


# --- after commit, once, never failing the page ------------------------------------------------


def test_queued_after_commit_and_none_on_rollback(
    cast, mailoutbox, django_capture_on_commit_callbacks
):
    class Boom(Exception):
        pass

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                post = add_post(cast["thread"], cast["author"])
                transaction.on_commit(lambda: notifications.post_published(post.pk), robust=True)
                raise Boom
        except Boom:
            pass
    assert callbacks == [] and mailoutbox == []

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        with transaction.atomic():
            post = add_post(cast["thread"], cast["author"])
            transaction.on_commit(lambda: notifications.post_published(post.pk), robust=True)
        assert mailoutbox == []
    assert len(emails(callbacks)) == 1
    emails(callbacks)[0]()
    assert len(mailoutbox) == 2


def test_through_the_reply_service(cast, mailoutbox, settings):
    from dcrnet.forum import services

    settings.FORUM_HOLD_FIRST_POSTS = 0
    with TestCase.captureOnCommitCallbacks(execute=True):
        post = services.reply(cast["named"], cast["thread"], "Thanks @author")
    assert post.status == PostStatus.VISIBLE
    assert to(mailoutbox) == ["author@example.org", "follower@example.org", "watcher@example.org"]


def test_task_arguments_are_json(cast, settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    from django.tasks import default_task_backend

    default_task_backend.clear()
    post = add_post(cast["thread"], cast["author"])
    notifications.post_published(post.pk)
    tasks.notify_post.call(post.pk)  # the fan-out, run by hand: the dummy backend runs nothing
    results = default_task_backend.results
    assert [r.task.name for r in results].count("send_post_email") == 2
    for result in results:
        assert json.loads(json.dumps([result.args, result.kwargs])) == [result.args, result.kwargs]


class FailingBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("down")


def test_a_failing_mail_server_fails_no_write_and_leaves_a_retry(cast, settings, mailoutbox):
    from dcrnet.forum import services

    settings.FORUM_HOLD_FIRST_POSTS = 0
    settings.MAILERS = {"default": {"BACKEND": f"{__name__}.FailingBackend"}}
    with TestCase.captureOnCommitCallbacks(execute=True):
        post = services.reply(cast["named"], cast["thread"], "Saved anyway")
    assert Post.objects.filter(pk=post.pk, status=PostStatus.VISIBLE).exists()
    # Nothing counts as sent: the delivery rolled back with the failed send.
    assert not Delivery.objects.filter(sent_at__isnull=False).exists()
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    tasks.send_post_email.enqueue(post.pk, cast["follower"].pk, "thread")
    assert to(mailoutbox) == ["follower@example.org"]
