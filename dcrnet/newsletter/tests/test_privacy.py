"""What the newsletter holds on a person: exported with their data (the subscriptions linked to
the account or made with one of its addresses, with the issues sent), erased with the account
(by link and by address, sends included; issues they approved stay without them); retention of
unconfirmed subscriptions and of send records."""

from __future__ import annotations

import datetime as dt

import pytest
from allauth.account.models import EmailAddress
from django.db import models
from django.utils import timezone

from dcrnet.community.erasure import delete_account
from dcrnet.community.privacy import export_all
from dcrnet.newsletter import privacy, services
from dcrnet.newsletter.models import Issue, IssueStatus, Send, Status, Subscriber

from .conftest import make_subscriber

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscribed(member, issue, editor, django_capture_on_commit_callbacks):
    """The member reads the newsletter at their login address (subscribed signed out, so not
    linked) and at a second one linked to the account; an issue went to both."""
    EmailAddress.objects.create(user=member, email="work@example.org", verified=True)
    by_address = make_subscriber(member.email)
    linked = make_subscriber("old-alias@example.org", user=member)
    make_subscriber("someone@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        services.approve(issue.pk, by=editor)
    return by_address, linked


def test_export_holds_their_subscriptions_and_what_was_sent(member, subscribed, editor):
    mine = privacy.export(member)
    assert sorted(s["email"] for s in mine["subscriptions"]) == [
        "member@example.org",
        "old-alias@example.org",
    ]
    first = mine["subscriptions"][0]
    assert first["status"] == Status.CONFIRMED and first["notice_version"] == "2026-12-01"
    assert sorted((s["email"], s["issue"]) for s in mine["newsletters_sent"]) == [
        ("member@example.org", "2026-11"),
        ("old-alias@example.org", "2026-11"),
    ]
    assert mine["issues_approved"] == []
    assert privacy.export(editor)["issues_approved"][0]["issue"] == "2026-11"
    assert "newsletter.subscriptions" in export_all(member)["records"]


def test_deleting_the_account_erases_every_subscription_of_the_person(
    member, subscribed, editor, issue
):
    delete_account(member, keep_posts=False, reason="test")
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["someone@example.org"]
    assert Send.objects.count() == 1
    for model in (Subscriber, Send, Issue, Issue.history.model):
        for field in model._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField):
                found = model.objects.filter(**{f"{field.name}__icontains": "member@example"})
                assert not found.exists(), (model, field.name)


def test_issues_an_editor_approved_stay_without_them(editor, subscribed, issue):
    delete_account(editor, keep_posts=False, reason="test")
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT and issue.approved_by is None
    history = Issue.history.model.objects.filter(id=issue.pk)
    assert not history.filter(approved_by_id=editor.pk).exists()


def test_unconfirmed_subscriptions_expire_and_old_send_records_go(issue, editor):
    now = timezone.now()
    week = dt.timedelta(days=7, minutes=1)
    make_subscriber("never@example.org", Status.PENDING, requested_at=now - week)
    make_subscriber("recent@example.org", Status.PENDING, requested_at=now)
    came_back = make_subscriber(
        "back@example.org",
        Status.PENDING,
        requested_at=now - week,
        unsubscribed_at=now - dt.timedelta(days=30),
    )
    bounced = make_subscriber(
        "bounced@example.org",
        Status.PENDING,
        requested_at=now - week,
        unsubscribed_at=now - dt.timedelta(days=30),
        bounced_at=now - dt.timedelta(days=20),
    )
    reader = make_subscriber("reader@example.org")
    services.approve(issue.pk, by=editor)
    from dcrnet.newsletter import tasks

    tasks.send_batch.call(issue.pk, [reader.pk])
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT

    assert services.purge_expired(now) == {
        "newsletter subscriptions not confirmed": 3,
        "newsletter send records": 0,
    }
    emails = set(Subscriber.objects.values_list("email", flat=True))
    assert emails == {"recent@example.org", "back@example.org", "bounced@example.org", reader.email}
    came_back.refresh_from_db()
    bounced.refresh_from_db()
    assert came_back.status == Status.UNSUBSCRIBED  # back to the suppression record
    assert bounced.status == Status.BOUNCED
    later = issue.finished_at + services.SEND_RETENTION + dt.timedelta(minutes=1)
    assert services.purge_expired(later)["newsletter send records"] == 1
    issue.refresh_from_db()
    assert issue.recipient_count == 1  # the count stays
    assert services.purge_expired(later) == {
        "newsletter subscriptions not confirmed": 0,
        "newsletter send records": 0,
    }
