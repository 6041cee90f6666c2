"""Two moderators (or two reports) at the same moment: one outcome, one log entry per effective
change, never a 500. Real threads with their own connections (`shared_database`, `in_parallel`);
run on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from dcrnet.community.models import Role
from dcrnet.forum import moderation
from dcrnet.forum.models import (
    Action,
    ModerationEntry,
    Post,
    PostStatus,
    Report,
    ReportReason,
    Sanction,
)

from .factories import add_post, make_category, make_thread

pytestmark = pytest.mark.django_db(transaction=True)


def _user(django_user_model, email, role, handle):
    from allauth.account.models import EmailAddress

    user = django_user_model.objects.create_user(
        email=email, password="a long test passphrase", handle=handle
    )
    user.groups.add(Group.objects.get_or_create(name=role)[0])
    if role == Role.MODERATOR:  # moderators must use MFA, or every page sends them to enrol
        from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

        TOTP.activate(user, generate_totp_secret())
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@pytest.fixture
def world(django_user_model, shared_database):
    """Two moderators, an author, two reporters and a thread with a reported post and a held
    one, on the database the threads share."""
    category = make_category("running")
    author = _user(django_user_model, "author@example.org", Role.MEMBER, "author")
    thread = make_thread(category, author, posts=2, title="Night shifts")
    post = thread.posts.get(number=2)
    held = add_post(thread, author, "Waiting", status=PostStatus.HELD)
    return {
        "mods": [
            _user(django_user_model, f"mod{i}@example.org", Role.MODERATOR, f"mod{i}")
            for i in range(2)
        ],
        "reporter": _user(django_user_model, "rep@example.org", Role.MEMBER, "rep"),
        "author": author,
        "thread": thread,
        "post": post,
        "held": held,
    }


def post_as(user, url, data=None):
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client.post(url, data or {})


def statuses(responses):
    return Counter(getattr(r, "status_code", repr(r)) for r in responses)


def test_two_moderators_hide_the_same_post(world, in_parallel):
    moderation.report_post(world["reporter"], world["post"], ReportReason.ABUSE)
    url = reverse("forum:moderation_hide", args=[world["post"].pk])
    responses = in_parallel(post_as, [(m, url, {"reason": "Abuse"}) for m in world["mods"]])
    assert statuses(responses) == {302: 2}, responses
    assert all(r.url == reverse("forum:moderation") for r in responses)
    assert ModerationEntry.objects.filter(action=Action.HIDE).count() == 1
    post = Post.objects.get(pk=world["post"].pk)
    assert post.status == PostStatus.HIDDEN
    report = Report.objects.get()
    assert report.resolved_by_id == ModerationEntry.objects.get().moderator_id
    world["thread"].refresh_from_db()
    assert world["thread"].post_count == 1


def test_one_hides_while_the_other_dismisses(world, in_parallel):
    moderation.report_post(world["reporter"], world["post"], ReportReason.ABUSE)
    pk = world["post"].pk
    first, second = world["mods"]
    responses = in_parallel(
        post_as,
        [
            (first, reverse("forum:moderation_hide", args=[pk]), {"reason": "Abuse"}),
            (second, reverse("forum:moderation_dismiss", args=[pk]), {}),
        ],
    )
    assert statuses(responses) == {302: 2}, responses
    # Whichever came first resolved the report; the other changed nothing it could log twice.
    assert ModerationEntry.objects.filter(action=Action.HIDE).count() == 1
    dismissed = ModerationEntry.objects.filter(action=Action.DISMISS).count()
    assert dismissed in (0, 1)
    assert Report.objects.filter(resolved_at__isnull=True).count() == 0
    assert Report.objects.get().resolved_by_id in {first.pk, second.pk}


def test_two_moderators_approve_the_same_held_post(world, in_parallel, monkeypatch):
    from dcrnet.forum import notifications

    published = []
    monkeypatch.setattr(notifications, "post_published", published.append)
    url = reverse("forum:moderation_approve", args=[world["held"].pk])
    responses = in_parallel(post_as, [(m, url) for m in world["mods"]])
    assert statuses(responses) == {302: 2}, responses
    assert ModerationEntry.objects.filter(action=Action.APPROVE).count() == 1
    assert published == [world["held"].pk]
    world["thread"].refresh_from_db()
    assert world["thread"].post_count == 3


def test_two_moderators_lock_and_move_at_once(world, in_parallel):
    other = make_category("research")
    pk = world["thread"].pk
    responses = in_parallel(
        post_as,
        [(m, reverse("forum:moderation_lock", args=[pk])) for m in world["mods"]]
        + [
            (m, reverse("forum:moderation_move", args=[pk]), {"category": other.pk})
            for m in world["mods"]
        ],
    )
    assert statuses(responses) == {302: 4}, responses
    assert ModerationEntry.objects.filter(action=Action.LOCK).count() == 1
    assert ModerationEntry.objects.filter(action=Action.MOVE).count() == 1
    world["thread"].refresh_from_db()
    other.refresh_from_db()
    assert world["thread"].locked and world["thread"].category_id == other.pk
    assert other.thread_count == 1


def test_two_moderators_suspend_the_same_member(world, in_parallel):
    url = reverse("forum:moderation_suspend", args=[world["author"].pk])
    responses = in_parallel(
        post_as, [(m, url, {"duration": "7", "reason": "Again"}) for m in world["mods"]]
    )
    assert statuses(responses) == {302: 2}, responses
    assert Sanction.objects.count() == 1
    assert ModerationEntry.objects.filter(action=Action.SUSPEND).count() == 1


def test_two_moderators_lift_the_same_suspension(world, in_parallel):
    first, _second = world["mods"]
    moderation.suspend(first, world["author"].pk, timezone.now() + dt.timedelta(days=3), "x")
    sanction = Sanction.objects.get()
    url = reverse("forum:moderation_lift", args=[sanction.pk])
    responses = in_parallel(post_as, [(m, url) for m in world["mods"]])
    assert statuses(responses) == {302: 2}, responses
    assert ModerationEntry.objects.filter(action=Action.LIFT).count() == 1


def test_a_double_report_sent_at_once_is_one_row(world, in_parallel):
    url = reverse("forum:report", args=[world["post"].pk])
    responses = in_parallel(
        post_as, [(world["reporter"], url, {"reason": "spam"}) for _ in range(4)]
    )
    assert statuses(responses) == {302: 4}, responses
    assert Report.objects.count() == 1
