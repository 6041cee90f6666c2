"""Writing: new threads, replies, quotes, edits with history, held first posts, locked threads,
suspensions, rate limits, reactions and subscriptions (plain POSTs that redirect back)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from dcrnet.forum import services
from dcrnet.forum.models import Post, PostStatus, Reaction, Sanction, Subscription, Thread

from .factories import make_category, make_thread

pytestmark = pytest.mark.django_db


@pytest.fixture
def category():
    return make_category("running")


@pytest.fixture(autouse=True)
def _no_hold(settings):
    settings.FORUM_HOLD_FIRST_POSTS = 0


def test_member_starts_a_thread_and_is_subscribed(client, member, category):
    client.force_login(member)
    response = client.post(
        reverse("forum:new_thread", args=[category.slug]),
        {"title": "  Night   shifts ", "body": "How do you *staff* them?"},
    )
    thread = Thread.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("forum:thread", args=[thread.pk])
    assert thread.title == "Night shifts"
    post = thread.posts.get()
    assert (post.number, post.author, post.status) == (1, member, PostStatus.VISIBLE)
    assert Subscription.objects.filter(user=member, thread=thread).exists()
    thread.refresh_from_db()
    category.refresh_from_db()
    assert (thread.post_count, category.thread_count, category.post_count) == (1, 1, 1)
    page = client.get(response.url)
    assert b"<em>staff</em>" in page.content


def test_reply_numbers_counts_and_redirect_to_anchor(client, member, moderator, category):
    thread = make_thread(category, moderator, posts=2)
    client.force_login(member)
    response = client.post(reverse("forum:reply", args=[thread.pk]), {"body": "Me too"})
    post = Post.objects.get(thread=thread, author=member)
    assert post.number == 3
    assert response.url == reverse("forum:post", args=[post.pk])
    final = client.get(response.url)
    assert final.url.endswith(f"#p{post.number}")
    thread.refresh_from_db()
    assert thread.post_count == 3
    assert Subscription.objects.filter(user=member, thread=thread).exists()


def test_empty_reply_is_refused_with_a_message(client, member, category):
    thread = make_thread(category, member)
    client.force_login(member)
    response = client.post(reverse("forum:reply", args=[thread.pk]), {"body": "   "})
    assert response.status_code == 400
    assert b"errorlist" in response.content
    assert thread.posts.count() == 1


def test_quote_prefills_a_blockquote_without_javascript(client, member, moderator, category):
    thread = make_thread(category, moderator)
    moderator.handle = "mod"
    moderator.save()
    quoted = thread.posts.get()
    client.force_login(member)
    response = client.get(reverse("forum:reply", args=[thread.pk]) + f"?quote={quoted.pk}")
    form_body = response.context["form"].initial["body"]
    assert form_body.startswith("@mod wrote:\n> Post 1 of A question")
    assert "&gt; Post 1 of A question" in response.content.decode()


def test_quote_of_a_post_one_may_not_see_is_ignored(client, member, moderator, category):
    thread = make_thread(category, moderator)
    hidden = Post.objects.create(
        thread=thread, number=2, author=moderator, body="secret words", status="hidden"
    )
    client.force_login(member)
    response = client.get(reverse("forum:reply", args=[thread.pk]) + f"?quote={hidden.pk}")
    assert b"secret words" not in response.content


def test_edit_keeps_a_visible_history(client, member, category, non_member):
    thread = make_thread(category, member)
    post = thread.posts.get()
    client.force_login(member)
    response = client.post(reverse("forum:edit", args=[post.pk]), {"body": "Second version"})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.body == "Second version" and post.edited_at
    page = client.get(reverse("forum:thread", args=[thread.pk]))
    assert reverse("forum:history", args=[post.pk]).encode() in page.content
    history = client.get(reverse("forum:history", args=[post.pk]))
    assert b"Second version" in history.content
    assert b"Post 1 of A question" in history.content


def test_locked_thread_takes_no_reply_or_edit_but_moderators_may(
    client, member, moderator, category
):
    thread = make_thread(category, member, locked=True)
    post = thread.posts.get()
    client.force_login(member)
    assert client.post(reverse("forum:reply", args=[thread.pk]), {"body": "x"}).status_code == 409
    assert client.post(reverse("forum:edit", args=[post.pk]), {"body": "y"}).status_code == 409
    with pytest.raises(services.Locked):
        services.reply(member, thread, "direct")
    assert thread.posts.count() == 1
    assert services.reply(moderator, thread, "moderator note").number == 2


def test_held_first_posts(client, member, moderator, category, settings):
    settings.FORUM_HOLD_FIRST_POSTS = 1
    client.force_login(member)
    client.post(reverse("forum:new_thread", args=[category.slug]), {"title": "First", "body": "Hi"})
    thread = Thread.objects.get()
    post = thread.posts.get()
    assert post.status == PostStatus.HELD
    own = client.get(reverse("forum:thread", args=[thread.pk]))
    assert b"Waiting for a moderator" in own.content
    thread.refresh_from_db()
    assert thread.post_count == 0
    # A moderator's posts are never held.
    assert services.reply(moderator, thread, "welcome").status == PostStatus.VISIBLE
    # Once one post is approved, the member posts freely.
    post.status = PostStatus.VISIBLE
    post.save()
    assert services.reply(member, thread, "thanks").status == PostStatus.VISIBLE


def test_suspended_member_cannot_post_and_sees_the_end_date(client, member, moderator, category):
    thread = make_thread(category, moderator)
    until = timezone.now() + timedelta(days=3)
    Sanction.objects.create(member=member, kind="suspension", reason="r", until=until)
    client.force_login(member)
    response = client.post(reverse("forum:reply", args=[thread.pk]), {"body": "x"})
    assert response.status_code == 403
    assert b"suspended from posting until" in response.content
    assert str(until.year).encode() in response.content
    assert client.get(reverse("forum:new_thread", args=[category.slug])).status_code == 403


def test_lifted_or_past_suspension_does_not_stop_posting(member, moderator, category):
    thread = make_thread(category, moderator)
    Sanction.objects.create(
        member=member, kind="suspension", reason="r", until=timezone.now() - timedelta(days=1)
    )
    Sanction.objects.create(
        member=member,
        kind="suspension",
        reason="r",
        until=timezone.now() + timedelta(days=1),
        lifted_at=timezone.now(),
    )
    assert services.reply(member, thread, "back").number == 2


def test_new_member_rate_limit_is_a_429_with_a_message(client, member, moderator, category):
    thread = make_thread(category, moderator)
    client.force_login(member)
    url = reverse("forum:reply", args=[thread.pk])
    for _n in range(services.NEW_MEMBER_POST_LIMIT):
        assert client.post(url, {"body": "ok"}).status_code == 302
    response = client.post(url, {"body": "one too many"})
    assert response.status_code == 429
    assert b"Please wait a few minutes" in response.content
    assert thread.posts.count() == 1 + services.NEW_MEMBER_POST_LIMIT


def test_established_member_has_the_higher_limit(member, moderator, category):
    member.date_joined = timezone.now() - timedelta(days=30)
    member.save()
    thread = make_thread(category, moderator)
    for _n in range(services.POST_LIMIT):
        services.reply(member, thread, "ok")
    with pytest.raises(services.RateLimited):
        services.reply(member, thread, "too many")


def test_reaction_toggle_plain_post_and_htmx(client, member, moderator, category):
    thread = make_thread(category, moderator)
    post = thread.posts.get()
    client.force_login(member)
    url = reverse("forum:react", args=[post.pk])
    back = reverse("forum:thread", args=[thread.pk]) + "#p1"
    response = client.post(url, {"kind": "thanks", "next": back})
    assert response.status_code == 302 and response.url == back
    assert Reaction.objects.filter(post=post, user=member, kind="thanks").count() == 1
    page = client.get(reverse("forum:thread", args=[thread.pk]))
    assert b'aria-pressed="true"' in page.content
    fragment = client.post(url, {"kind": "thanks"}, headers={"HX-Request": "true"})
    assert fragment.status_code == 200
    assert f'id="reactions-{post.pk}"'.encode() in fragment.content
    assert not Reaction.objects.exists()
    assert client.post(url, {"kind": "nonsense"}).status_code == 400
    # An outside "next" is not followed.
    assert client.post(url, {"kind": "agree", "next": "//evil.example"}).url.startswith("/forum/")


def test_subscriptions_toggle_list_and_remove(client, member, moderator, category):
    thread = make_thread(category, moderator, title="Watched")
    client.force_login(member)
    assert client.post(reverse("forum:subscribe_thread", args=[thread.pk])).status_code == 302
    assert client.post(reverse("forum:subscribe_category", args=[category.slug])).status_code == 302
    assert Subscription.objects.filter(user=member).count() == 2
    page = client.get(reverse("forum:subscriptions"))
    assert b"Watched" in page.content and category.name.encode() in page.content
    subscription = Subscription.objects.get(user=member, thread=thread)
    client.post(reverse("forum:subscriptions"), {"subscription": subscription.pk})
    assert not Subscription.objects.filter(pk=subscription.pk).exists()
    client.post(reverse("forum:subscribe_category", args=[category.slug]))
    assert not Subscription.objects.filter(user=member).exists()


@override_settings(FORUM_HOLD_FIRST_POSTS=0)
def test_published_post_notifies_after_commit(
    member, moderator, category, monkeypatch, django_capture_on_commit_callbacks
):
    calls = []
    monkeypatch.setattr("dcrnet.forum.notifications.post_published", calls.append)
    thread = make_thread(category, moderator)
    with django_capture_on_commit_callbacks(execute=True):
        post = services.reply(member, thread, "hello @nobody")
    assert calls == [post.pk]
