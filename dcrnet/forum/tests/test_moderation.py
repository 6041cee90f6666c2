"""Moderation: reports, the queue, hiding/restoring/approving, thread tools, warnings and
suspensions, the log; who may reach each URL (the named cast), IDOR, XSS, query counts."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from dcrnet.community.models import Role
from dcrnet.forum import access, moderation, services
from dcrnet.forum.models import (
    Action,
    ModerationEntry,
    Post,
    PostStatus,
    Report,
    ReportReason,
    Sanction,
    SanctionKind,
    Thread,
)
from dcrnet.lib.cache import emails_only as emails
from testing.xss import XSS, unsafe_markup

from .factories import add_post, make_category, make_thread

pytestmark = pytest.mark.django_db

PASSWORD = "a long test passphrase"


def make_user(django_user_model, email, *roles, **extra):
    from allauth.account.models import EmailAddress

    user = django_user_model.objects.create_user(email=email, password=PASSWORD, **extra)
    for role in roles:
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@pytest.fixture
def author(django_user_model):
    return make_user(django_user_model, "author@example.org", Role.MEMBER, handle="nightshift")


@pytest.fixture
def second_member(django_user_model):
    return make_user(django_user_model, "second@example.org", Role.MEMBER, handle="second")


@pytest.fixture
def applicant(django_user_model):
    from dcrnet.organisations.models import Membership

    user = make_user(django_user_model, "applicant@example.org", handle="hopeful")
    Membership.objects.create(user=user, statement="I work night shifts at a DCR.")
    return user


@pytest.fixture
def category():
    return make_category("running")


@pytest.fixture
def other_category():
    return make_category("research")


@pytest.fixture
def thread(category, author):
    return make_thread(category, author, posts=2, title="Night shifts")


@pytest.fixture
def post(thread):
    return thread.posts.get(number=2)


@pytest.fixture
def held(thread, author):
    return add_post(thread, author, "Held for a moderator", status=PostStatus.HELD)


@pytest.fixture
def hidden(thread, author):
    return add_post(thread, author, "Hidden already", status=PostStatus.HIDDEN)


def signed_in(user) -> Client:
    client = Client(raise_request_exception=True)
    if user is not None:
        client.force_login(user)
    return client


def entries(action=None):
    rows = ModerationEntry.objects.all()
    return rows.filter(action=action) if action else rows


# --- The permission cast on every moderation URL -------------------------------------------------

CAST = ("anonymous", "non_member", "applicant", "member", "moderator", "editor", "staff")
MODERATORS = {"moderator", "staff"}


@pytest.fixture
def cast(non_member, applicant, member, moderator, editor, staff):
    return {
        "anonymous": None,
        "non_member": non_member,
        "applicant": applicant,
        "member": member,
        "moderator": moderator,
        "editor": editor,
        "staff": staff,
    }


@pytest.fixture
def targets(thread, post, held, hidden, author, other_category, moderator):
    """Every moderation URL with a valid POST body (GET pages have None)."""
    Report.objects.create(post=post, reporter=moderator, reason=ReportReason.SPAM)
    suspension = Sanction.objects.create(
        member=author,
        kind=SanctionKind.SUSPENSION,
        reason="Cooling off",
        until=timezone.now() + dt.timedelta(days=3),
    )
    return {
        "pages": [
            reverse("forum:moderation"),
            reverse("forum:moderation_log"),
            reverse("forum:moderation_member", args=[author.handle]),
            reverse("forum:moderation_member_by_id", args=[author.pk]),
            reverse("forum:moderation_move", args=[thread.pk]),
        ],
        "actions": [
            (reverse("forum:moderation_hide", args=[post.pk]), {"reason": "Abuse"}),
            (reverse("forum:moderation_restore", args=[hidden.pk]), {}),
            (reverse("forum:moderation_approve", args=[held.pk]), {}),
            (reverse("forum:moderation_dismiss", args=[post.pk]), {}),
            (reverse("forum:moderation_lock", args=[thread.pk]), {}),
            (reverse("forum:moderation_unlock", args=[thread.pk]), {}),
            (reverse("forum:moderation_pin", args=[thread.pk]), {}),
            (reverse("forum:moderation_unpin", args=[thread.pk]), {}),
            (
                reverse("forum:moderation_move", args=[thread.pk]),
                {"category": other_category.pk},
            ),
            (reverse("forum:moderation_warn", args=[author.pk]), {"reason": "Be kind"}),
            (
                reverse("forum:moderation_suspend", args=[author.pk]),
                {"duration": "7", "reason": "Again"},
            ),
            (reverse("forum:moderation_lift", args=[suspension.pk]), {}),
        ],
    }


@pytest.mark.parametrize("who", CAST)
def test_moderation_pages_by_role(who, cast, targets):
    client = signed_in(cast[who])
    for url in targets["pages"]:
        response = client.get(url)
        if who == "anonymous":
            assert response.status_code == 302, url
            assert "/accounts/login/" in response.url or "login" in response.url, url
        elif who in MODERATORS:
            assert response.status_code in (200, 302), url
            if response.status_code == 302:  # member by id redirects to the handle page
                assert response.url == reverse("forum:moderation_member", args=["nightshift"])
        else:
            assert response.status_code == 404, (who, url)


@pytest.mark.parametrize("who", CAST)
def test_moderation_actions_by_role(who, cast, targets, thread):
    client = signed_in(cast[who])
    before = entries().count()
    for url, data in targets["actions"]:
        expected_get = 405 if "/move/" not in url else (200 if who in MODERATORS else None)
        if expected_get is not None:
            assert client.get(url).status_code == expected_get, url
        response = client.post(url, data)
        if who == "anonymous":
            assert response.status_code == 302 and "login" in response.url, url
        elif who in MODERATORS:
            assert response.status_code == 302, (url, response.content[:300])
        else:
            assert response.status_code == 404, (who, url)
    if who in MODERATORS:
        # hide, restore, approve, lock, unlock, pin, unpin, move, warn, lift; suspend is refused
        # (a suspension is running until lifted afterwards), dismiss found nothing (the hide
        # resolved the report).
        assert entries().count() - before == 10
        thread.refresh_from_db()
        assert thread.category.slug == "research"
    else:
        assert entries().count() == before
        thread.refresh_from_db()
        assert thread.category.slug == "running"
        assert not thread.locked and not thread.pinned
        assert Post.objects.filter(status=PostStatus.HIDDEN).count() == 1


def test_action_urls_refuse_get(moderator, targets):
    client = signed_in(moderator)
    for url, _data in targets["actions"]:
        if "/move/" in url:
            continue
        assert client.get(url).status_code == 405, url


def test_actions_need_the_csrf_token(moderator, post):
    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)
    response = client.post(reverse("forum:moderation_hide", args=[post.pk]), {"reason": "x"})
    assert response.status_code == 403
    post.refresh_from_db()
    assert post.status == PostStatus.VISIBLE


@pytest.mark.parametrize("who", CAST)
def test_report_page_by_role(who, cast, post):
    client = signed_in(cast[who])
    url = reverse("forum:report", args=[post.pk])
    response = client.get(url)
    if who == "anonymous":
        assert response.status_code == 302 and "login" in response.url
    elif who in {"member", "moderator", "staff"}:
        assert response.status_code == 200
        assert b'name="reason"' in response.content
    else:  # the category is members-only: non-members, applicants and editors do not see it
        assert response.status_code == 404


# --- Reports -------------------------------------------------------------------------------------


def test_member_reports_a_post_once(member, post):
    client = signed_in(member)
    url = reverse("forum:report", args=[post.pk])
    response = client.post(url, {"reason": "abuse", "details": "Insults a peer"}, follow=True)
    assert b"Thank you for your report" in response.content
    report = Report.objects.get()
    assert (report.post, report.reporter, report.reason) == (post, member, "abuse")
    again = client.post(url, {"reason": "spam"}, follow=True)
    assert b"already reported" in again.content
    assert Report.objects.count() == 1


def test_reporters_never_learn_who_else_reported(member, second_member, post):
    signed_in(second_member).post(
        reverse("forum:report", args=[post.pk]), {"reason": "abuse", "details": "secret-note"}
    )
    response = signed_in(member).post(
        reverse("forum:report", args=[post.pk]), {"reason": "abuse"}, follow=True
    )
    assert b"Thank you for your report" in response.content
    assert b"second" not in response.content.replace(b"second@", b"")
    assert b"secret-note" not in response.content
    assert Report.objects.count() == 2


def test_you_cannot_report_your_own_post(author, post):
    client = signed_in(author)
    response = client.post(reverse("forum:report", args=[post.pk]), {"reason": "spam"})
    assert response.status_code == 403
    assert b"your own post" in response.content
    assert not Report.objects.exists()


def test_an_invalid_reason_is_refused(member, post):
    response = signed_in(member).post(reverse("forum:report", args=[post.pk]), {"reason": "boring"})
    assert response.status_code == 400
    assert not Report.objects.exists()


def test_hidden_or_held_posts_cannot_be_reported_by_members(member, hidden, held):
    client = signed_in(member)
    for target in (hidden, held):
        assert client.get(reverse("forum:report", args=[target.pk])).status_code == 404


def test_a_resolved_report_lets_the_member_report_again(member, moderator, post):
    moderation.report_post(member, post, ReportReason.SPAM)
    moderation.dismiss_reports(moderator, post.pk)
    outcome = moderation.report_post(member, post, ReportReason.ABUSE)
    assert outcome.changed
    assert Report.objects.filter(resolved_at__isnull=True).count() == 1


# --- The queue and the post actions --------------------------------------------------------------


def test_queue_groups_reports_by_post_with_reasons_and_counts(
    moderator, member, second_member, post, held, thread
):
    other = thread.posts.get(number=1)
    moderation.report_post(member, post, ReportReason.ABUSE, "rude")
    moderation.report_post(second_member, post, ReportReason.ABUSE)
    moderation.report_post(member, other, ReportReason.SPAM)
    response = signed_in(moderator).get(reverse("forum:moderation"))
    assert response.status_code == 200
    reported = response.context["reported"]
    assert [p.pk for p in reported] == sorted([post.pk, other.pk])
    by_pk = {p.pk: p for p in reported}
    assert by_pk[post.pk].report_count == 2
    assert [(str(label), n) for label, n in by_pk[post.pk].reasons] == [("Abusive or harassing", 2)]
    assert [p.pk for p in response.context["held"]] == [held.pk]
    assert b"rude" in response.content
    assert response.context["counts"] == {"reported": 2, "held": 1}


def test_hide_needs_a_reason_resolves_reports_and_refreshes_counts(moderator, member, post, thread):
    moderation.report_post(member, post, ReportReason.ABUSE)
    client = signed_in(moderator)
    refused = client.post(reverse("forum:moderation_hide", args=[post.pk]), {"reason": "  "})
    assert refused.status_code == 400
    post.refresh_from_db()
    assert post.status == PostStatus.VISIBLE
    response = client.post(
        reverse("forum:moderation_hide", args=[post.pk]), {"reason": "Insults", "next": "//evil"}
    )
    assert response.url == reverse("forum:moderation")  # an off-site `next` is ignored
    post.refresh_from_db()
    thread.refresh_from_db()
    assert post.status == PostStatus.HIDDEN
    assert thread.post_count == 1
    assert thread.category.post_count == 1
    report = Report.objects.get()
    assert report.resolved_at is not None and report.resolved_by == moderator
    entry = entries(Action.HIDE).get()
    assert (entry.moderator, entry.post, entry.thread, entry.member, entry.reason) == (
        moderator,
        post,
        thread,
        post.author,
        "Insults",
    )


def test_hidden_post_disappears_for_members_and_restores(moderator, member, post, thread):
    moderation.hide_post(moderator, post.pk, "Off topic")
    assert not Post.objects.visible_to(member).filter(pk=post.pk).exists()
    assert Post.objects.visible_to(moderator).filter(pk=post.pk).exists()
    outcome = moderation.restore_post(moderator, post.pk)
    assert outcome.changed
    assert Post.objects.visible_to(member).filter(pk=post.pk).exists()
    thread.refresh_from_db()
    assert thread.post_count == 2
    assert [e.action for e in entries().order_by("pk")] == [Action.HIDE, Action.RESTORE]
    assert not moderation.restore_post(moderator, post.pk).changed
    assert entries().count() == 2


def test_approving_a_held_post_publishes_it_and_notifies_after_commit(
    moderator, held, thread, monkeypatch, django_capture_on_commit_callbacks
):
    from dcrnet.forum import notifications

    published = []
    monkeypatch.setattr(notifications, "post_published", published.append)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        outcome = moderation.approve_post(moderator, held.pk)
    assert outcome.changed and published == []  # not before the commit
    for callback in callbacks:
        callback()
    assert published == [held.pk]
    held.refresh_from_db()
    thread.refresh_from_db()
    assert held.status == PostStatus.VISIBLE
    assert thread.post_count == 3
    assert entries(Action.APPROVE).count() == 1
    assert not moderation.approve_post(moderator, held.pk).changed
    assert entries(Action.APPROVE).count() == 1


def test_dismiss_resolves_reports_without_touching_the_post(moderator, member, post):
    moderation.report_post(member, post, ReportReason.OTHER, "not sure")
    response = signed_in(moderator).post(reverse("forum:moderation_dismiss", args=[post.pk]))
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.status == PostStatus.VISIBLE
    assert not Report.objects.filter(resolved_at__isnull=True).exists()
    assert entries(Action.DISMISS).count() == 1
    assert not moderation.dismiss_reports(moderator, post.pk).changed
    assert entries(Action.DISMISS).count() == 1


def test_non_moderators_are_refused_by_the_services_too(member, post, thread, author):
    for call in (
        lambda: moderation.hide_post(member, post.pk, "x"),
        lambda: moderation.set_locked(member, thread.pk, True),
        lambda: moderation.warn(member, author.pk, "x"),
    ):
        with pytest.raises(moderation.ModerationRefusal):
            call()
    assert not entries().exists()


# --- IDOR ----------------------------------------------------------------------------------------


def test_a_member_cannot_hide_anothers_post_or_see_moderation_pages(second_member, post, author):
    client = signed_in(second_member)
    assert (
        client.post(reverse("forum:moderation_hide", args=[post.pk]), {"reason": "x"}).status_code
        == 404
    )
    for url in (
        reverse("forum:moderation"),
        reverse("forum:moderation_log"),
        reverse("forum:moderation_member", args=[author.handle]),
    ):
        assert client.get(url).status_code == 404
    post.refresh_from_db()
    assert post.status == PostStatus.VISIBLE


def test_a_member_cannot_report_a_post_of_a_category_they_cannot_read(
    non_member, moderator, category
):
    thread = make_thread(category, moderator, title="Members only")
    response = signed_in(non_member).post(
        reverse("forum:report", args=[thread.posts.get().pk]), {"reason": "spam"}
    )
    assert response.status_code == 404
    assert not Report.objects.exists()


# --- Thread tools --------------------------------------------------------------------------------


def test_lock_pin_and_move(moderator, thread, category, other_category):
    client = signed_in(moderator)
    client.post(reverse("forum:moderation_lock", args=[thread.pk]))
    client.post(reverse("forum:moderation_pin", args=[thread.pk]))
    thread.refresh_from_db()
    assert thread.locked and thread.pinned
    with pytest.raises(services.Locked):
        services.reply(thread.author, thread, "Still here?")
    client.post(reverse("forum:moderation_lock", args=[thread.pk]))  # no change, no entry
    assert entries(Action.LOCK).count() == 1
    response = client.post(
        reverse("forum:moderation_move", args=[thread.pk]),
        {"category": other_category.pk, "reason": "Belongs to research"},
    )
    assert response.url == reverse("forum:thread", args=[thread.pk])
    thread.refresh_from_db()
    category.refresh_from_db()
    other_category.refresh_from_db()
    assert thread.category == other_category
    assert (category.thread_count, category.post_count) == (0, 0)
    assert (other_category.thread_count, other_category.post_count) == (1, 2)
    client.post(reverse("forum:moderation_unlock", args=[thread.pk]))
    client.post(reverse("forum:moderation_unpin", args=[thread.pk]))
    thread.refresh_from_db()
    assert not thread.locked and not thread.pinned
    assert [e.action for e in entries().order_by("pk")] == [
        Action.LOCK,
        Action.PIN,
        Action.MOVE,
        Action.UNLOCK,
        Action.UNPIN,
    ]


def test_move_to_an_unknown_category_is_a_400(moderator, thread):
    response = signed_in(moderator).post(
        reverse("forum:moderation_move", args=[thread.pk]), {"category": 999999}
    )
    assert response.status_code == 400
    assert not entries().exists()


def test_thread_page_shows_the_tools_to_moderators_only(moderator, member, thread, post):
    mine = signed_in(moderator).get(reverse("forum:thread", args=[thread.pk]))
    theirs = signed_in(member).get(reverse("forum:thread", args=[thread.pk]))
    hide_url = reverse("forum:moderation_hide", args=[post.pk]).encode()
    report_url = reverse("forum:report", args=[post.pk]).encode()
    assert hide_url in mine.content and hide_url not in theirs.content
    assert report_url in theirs.content
    authors = signed_in(thread.author).get(reverse("forum:thread", args=[thread.pk]))
    assert report_url not in authors.content  # no report link on one's own post


# --- Warnings and suspensions --------------------------------------------------------------------


def test_warning_is_logged_shown_and_emailed(moderator, author, mailoutbox):
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        response = signed_in(moderator).post(
            reverse("forum:moderation_warn", args=[author.pk]), {"reason": "Mind the tone"}
        )
    assert response.url == reverse("forum:moderation_member", args=[author.handle])
    sanction = Sanction.objects.get()
    assert (sanction.kind, sanction.member, sanction.issued_by) == ("warning", author, moderator)
    assert entries(Action.WARN).get().member == author
    assert [s.pk for s in moderation.active_sanctions(author)] == [sanction.pk]
    assert len(mailoutbox) == 1 and mailoutbox[0].to == [author.email]
    assert "Mind the tone" in mailoutbox[0].body
    assert not access.is_suspended(author)
    later = timezone.now() + dt.timedelta(days=moderation.WARNING_SHOWN_DAYS + 1)
    assert moderation.active_sanctions(author, now=later) == []


def test_warning_needs_a_reason(moderator, author):
    response = signed_in(moderator).post(
        reverse("forum:moderation_warn", args=[author.pk]), {"reason": ""}
    )
    assert response.status_code == 400
    assert not Sanction.objects.exists()


@pytest.mark.parametrize("days", ["1", "3", "7", "30"])
def test_suspension_for_a_number_of_days_blocks_posting(moderator, author, thread, days):
    before = timezone.now()
    response = signed_in(moderator).post(
        reverse("forum:moderation_suspend", args=[author.pk]),
        {"duration": days, "reason": "Repeated insults"},
    )
    assert response.status_code == 302
    sanction = Sanction.objects.get()
    expected = before + dt.timedelta(days=int(days))
    assert abs((sanction.until - expected).total_seconds()) < 60
    author = type(author).objects.get(pk=author.pk)  # no cached suspension
    assert access.is_suspended(author) and not access.can_post(author)
    with pytest.raises(services.Suspended):
        services.reply(author, thread, "Let me in")


def test_suspension_until_a_date_and_its_expiry(moderator, author, thread):
    until = timezone.now() + dt.timedelta(days=2)
    response = signed_in(moderator).post(
        reverse("forum:moderation_suspend", args=[author.pk]),
        {
            "duration": "date",
            "until": timezone.localtime(until).strftime("%Y-%m-%dT%H:%M"),
            "reason": "Doxxing",
        },
    )
    assert response.status_code == 302
    sanction = Sanction.objects.get()
    assert abs((sanction.until - until).total_seconds()) < 60
    assert moderation.active_sanctions(author)[0].pk == sanction.pk
    with time_machine.travel(until + dt.timedelta(minutes=2)):
        fresh = type(author).objects.get(pk=author.pk)
        assert not access.is_suspended(fresh)
        assert access.can_post(fresh)
        assert moderation.active_sanctions(fresh) == []
        services.reply(fresh, thread, "Back again")  # the expired suspension no longer applies
    assert moderation.active_sanctions(author, now=until + dt.timedelta(minutes=2)) == []


def test_suspension_form_refusals(moderator, author):
    client = signed_in(moderator)
    url = reverse("forum:moderation_suspend", args=[author.pk])
    past = (timezone.now() - dt.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    far = (timezone.now() + dt.timedelta(days=800)).strftime("%Y-%m-%dT%H:%M")
    for data in (
        {"duration": "7", "reason": ""},
        {"duration": "date", "reason": "x"},
        {"duration": "date", "until": past, "reason": "x"},
        {"duration": "date", "until": far, "reason": "x"},
        {"duration": "forever", "reason": "x"},
    ):
        assert client.post(url, data).status_code == 400, data
    assert not Sanction.objects.exists()


def test_lift_ends_a_suspension_once(moderator, author):
    moderation.suspend(moderator, author.pk, timezone.now() + dt.timedelta(days=7), "x")
    sanction = Sanction.objects.get()
    assert not moderation.suspend(
        moderator, author.pk, timezone.now() + dt.timedelta(days=1), "again"
    ).changed
    assert Sanction.objects.count() == 1
    response = signed_in(moderator).post(reverse("forum:moderation_lift", args=[sanction.pk]))
    assert response.status_code == 302
    sanction.refresh_from_db()
    assert sanction.lifted_at is not None
    assert not access.is_suspended(type(author).objects.get(pk=author.pk))
    assert not moderation.lift(moderator, sanction.pk).changed
    assert [e.action for e in entries().order_by("pk")] == [Action.SUSPEND, Action.LIFT]


def test_a_moderator_cannot_sanction_themselves(moderator):
    with pytest.raises(moderation.ModerationRefusal):
        moderation.warn(moderator, moderator.pk, "x")
    assert not Sanction.objects.exists()


def test_member_page_lists_sanctions_and_recent_posts(moderator, author, post):
    moderation.warn(moderator, author.pk, "Mind the tone")
    response = signed_in(moderator).get(reverse("forum:moderation_member", args=["NightShift"]))
    assert response.status_code == 200
    assert b"Mind the tone" in response.content
    assert post.pk in [p.pk for p in response.context["posts"]]
    assert (
        signed_in(moderator).get(reverse("forum:moderation_member", args=["nobody"])).status_code
        == 404
    )


def test_sanctions_partial_shows_reason_and_end(author, moderator):
    from django.template.loader import render_to_string

    until = timezone.now() + dt.timedelta(days=3)
    moderation.suspend(moderator, author.pk, until, "Calm down")
    html = render_to_string(
        "forum/moderation/_my_sanctions.html",
        {"sanctions": moderation.active_sanctions(author)},
    )
    assert "Calm down" in html and "suspended from posting until" in html


# --- The log -------------------------------------------------------------------------------------


def test_log_lists_who_what_and_filters_by_action(moderator, author, post, thread):
    moderation.hide_post(moderator, post.pk, "Insults")
    moderation.set_locked(moderator, thread.pk, True, "Heated")
    moderation.warn(moderator, author.pk, "Tone")
    client = signed_in(moderator)
    response = client.get(reverse("forum:moderation_log"))
    assert [e.action for e in response.context["page"].object_list] == [
        Action.WARN,
        Action.LOCK,
        Action.HIDE,
    ]
    for text in (b"Insults", b"Heated", b"Tone", b"Night shifts", b"nightshift"):
        assert text in response.content
    only = client.get(reverse("forum:moderation_log"), {"action": "lock"})
    assert [e.action for e in only.context["page"].object_list] == [Action.LOCK]
    assert client.get(reverse("forum:moderation_log"), {"action": "nuke"}).status_code == 400


def test_log_is_paginated(moderator, thread):
    ModerationEntry.objects.bulk_create(
        ModerationEntry(moderator=moderator, action=Action.PIN, thread=thread) for _ in range(60)
    )
    client = signed_in(moderator)
    first = client.get(reverse("forum:moderation_log"))
    assert len(first.context["page"].object_list) == 50
    second = client.get(reverse("forum:moderation_log"), {"page": 2})
    assert len(second.context["page"].object_list) == 10


# --- Query counts --------------------------------------------------------------------------------


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_queue_and_log_queries_do_not_grow_with_entries(
    django_user_model, moderator, category, author
):
    client = signed_in(moderator)
    reporters = [
        make_user(django_user_model, f"r{i}@example.org", Role.MEMBER, handle=f"r{i}")
        for i in range(4)
    ]

    def add(n):
        for i in range(n):
            thread = make_thread(category, author, posts=2, title=f"T{Thread.objects.count()}{i}")
            target = thread.posts.get(number=2)
            for reporter in reporters[: 1 + i % 4]:
                moderation.report_post(reporter, target, ReportReason.ABUSE, "@r1 look")
            add_post(thread, author, "held", status=PostStatus.HELD)
            moderation.set_pinned(moderator, thread.pk, True, "reason")
            moderation.warn(moderator, reporters[i % 4].pk, "w")

    add(2)
    queue_small = _queries(client, reverse("forum:moderation"))
    log_small = _queries(client, reverse("forum:moderation_log"))
    add(10)
    assert _queries(client, reverse("forum:moderation")) == queue_small
    assert _queries(client, reverse("forum:moderation_log")) == log_small


def test_member_page_queries_do_not_grow_with_posts(moderator, author, thread, category):
    client = signed_in(moderator)
    url = reverse("forum:moderation_member", args=[author.handle])
    small = _queries(client, url)
    for i in range(8):
        make_thread(category, author, posts=2, title=f"More {i}")
    moderation.warn(moderator, author.pk, "a")
    moderation.warn(moderator, author.pk, "b")
    assert _queries(client, url) == small


def test_xss_corpus_through_reports_reasons_and_sanctions(
    django_user_model, moderator, author, category
):
    from django.template.loader import render_to_string

    reporters = [
        make_user(django_user_model, f"x{i}@example.org", Role.MEMBER, handle=f"x{i}")
        for i in range(len(XSS))
    ]
    client = signed_in(moderator)
    for i, payload in enumerate(XSS):
        thread = make_thread(category, author, posts=1, title=f"Thread {i}")
        target = thread.posts.get()
        signed_in(reporters[i]).post(
            reverse("forum:report", args=[target.pk]), {"reason": "other", "details": payload}
        )
        client.post(reverse("forum:moderation_pin", args=[thread.pk]), {"reason": payload})
        client.post(reverse("forum:moderation_warn", args=[author.pk]), {"reason": payload})
    assert Report.objects.count() == len(XSS)
    assert entries(Action.WARN).count() == len(XSS)
    pages = [
        client.get(reverse("forum:moderation")),
        client.get(reverse("forum:moderation_log")),
        client.get(reverse("forum:moderation_member", args=[author.handle])),
    ]
    for page in pages:
        assert page.status_code == 200
        body = page.content.decode()
        assert unsafe_markup(body) == [], page.wsgi_request.path
        assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages[0].content.decode()
    partial = render_to_string(
        "forum/moderation/_my_sanctions.html", {"sanctions": moderation.active_sanctions(author)}
    )
    assert unsafe_markup(partial) == []
    # A hide reason full of markup is stored as text and shown escaped in the log.
    post = make_thread(category, author, title="Last").posts.get()
    client.post(reverse("forum:moderation_hide", args=[post.pk]), {"reason": XSS[1]})
    assert unsafe_markup(client.get(reverse("forum:moderation_log")).content.decode()) == []


def test_thread_tools_partial_for_moderators_only(thread):
    from django.template.loader import render_to_string

    tools = render_to_string(
        "forum/moderation/_thread_tools.html", {"thread": thread, "can_moderate": True}
    )
    for name in ("moderation_lock", "moderation_pin", "moderation_move"):
        assert reverse(f"forum:{name}", args=[thread.pk]) in tools
    thread.locked = thread.pinned = True
    tools = render_to_string(
        "forum/moderation/_thread_tools.html", {"thread": thread, "can_moderate": True}
    )
    assert reverse("forum:moderation_unlock", args=[thread.pk]) in tools
    assert reverse("forum:moderation_unpin", args=[thread.pk]) in tools
    assert "form" not in render_to_string(
        "forum/moderation/_thread_tools.html", {"thread": thread, "can_moderate": False}
    )


def test_suspension_email_is_queued_after_commit_with_json_args(
    moderator, author, mailoutbox, django_capture_on_commit_callbacks
):
    import json

    until = timezone.now() + dt.timedelta(days=3)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        moderation.suspend(moderator, author.pk, until, "Calm down")
    assert mailoutbox == [] and len(emails(callbacks)) == 1
    sanction = Sanction.objects.get()
    json.dumps([sanction.pk])  # the task's only argument
    emails(callbacks)[0]()
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [author.email] and "suspended" in message.subject
    assert "Calm down" in message.body and str(until.year) in message.body
