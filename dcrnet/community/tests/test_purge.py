"""RELIABILITY 59: on a frozen clock, `purge_expired` deletes exactly what outlived its period,
keeps the young, and a second run deletes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from allauth.account.models import EmailAddress
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from dcrnet.community.management.commands.purge_expired import purge_expired
from dcrnet.community.models import User

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2027, 6, 1, 12, 0, tzinfo=dt.UTC)


def ago(**delta) -> dt.datetime:
    return NOW - dt.timedelta(**delta)


def account(email: str, joined: dt.datetime, *, verified: bool, **extra) -> User:
    user = User.objects.create_user(email=email, password="a long test passphrase", **extra)
    User.objects.filter(pk=user.pk).update(date_joined=joined)
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    return user


def log_rows(when: dt.datetime, tag: str) -> None:
    common = {"user_agent": "ua", "ip_address": "192.0.2.1", "username": tag, "http_accept": "*"}
    AccessAttempt.objects.create(
        **common, path_info="/", get_data="", post_data="", failures_since_start=1
    )
    AccessLog.objects.create(**common, path_info="/")
    AccessFailureLog.objects.create(**common, path_info="/", locked_out=False)
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        model.objects.filter(username=tag).update(attempt_time=when)


def task(finished: dt.datetime | None, status: str, tag: str) -> DBTaskResult:
    return DBTaskResult.objects.create(
        status=status,
        enqueued_at=ago(days=400),
        finished_at=finished,
        args_kwargs={"args": [tag], "kwargs": {}},
        task_path="dcrnet.community.tasks.send_account_mail",
        backend_name="default",
        queue_name="default",
        priority=0,
        run_after=None,
        return_value=None,
    )


@pytest.fixture
def aged():
    old_unverified = account("old@example.org", ago(days=8), verified=False, handle="old-one")
    young_unverified = account("young@example.org", ago(days=6), verified=False)
    old_verified = account("verified@example.org", ago(days=800), verified=True)
    old_staff = account("staffer@example.org", ago(days=800), verified=False, is_staff=True)
    log_rows(ago(days=91), "old-log")
    log_rows(ago(days=89), "young-log")
    old_tasks = [
        task(ago(days=31), TaskResultStatus.SUCCESSFUL, "a"),
        task(ago(days=31), TaskResultStatus.FAILED, "b"),
    ]
    kept_tasks = [
        task(ago(days=29), TaskResultStatus.SUCCESSFUL, "c"),
        task(None, TaskResultStatus.READY, "d"),  # still to run, however old
    ]
    return {
        "deleted_users": [old_unverified],
        "kept_users": [young_unverified, old_verified, old_staff],
        "old_tasks": old_tasks,
        "kept_tasks": kept_tasks,
    }


def declined_applications():
    """Two declined memberships (13 and 11 months ago) and two declined organisations."""
    from dcrnet.organisations.models import Membership, Organisation, Status

    made = {}
    for name, months in (("old", 13), ("young", 11)):
        person = User.objects.create_user(email=f"applicant-{name}@example.org", password="x")
        EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)
        organisation = Organisation.objects.create(
            name=f"Org {name}",
            slug=f"org-{name}",
            kind="ngo",
            statement="s",
            status=Status.DECLINED,
        )
        membership = Membership.objects.create(user=person, status=Status.DECLINED)
        decided = ago(days=30 * months + 5 if months > 12 else 30 * months)
        Organisation.objects.filter(pk=organisation.pk).update(decided_at=decided)
        Membership.objects.filter(pk=membership.pk).update(decided_at=decided)
        made[name] = (organisation.pk, membership.pk)
    return made


def deliveries():
    from dcrnet.forum.models import Delivery

    person = User.objects.create_user(email="reader@example.org", password="x")
    EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)
    old = Delivery.objects.create(key="post 1 to user x", user=person)
    young = Delivery.objects.create(key="post 2 to user x", user=person)
    Delivery.objects.filter(pk=old.pk).update(created_at=ago(days=31))
    Delivery.objects.filter(pk=young.pk).update(created_at=ago(days=29))
    return old.pk, young.pk


def test_purge_deletes_the_old_keeps_the_young_and_is_idempotent(aged):
    from dcrnet.forum.models import Delivery
    from dcrnet.organisations.models import Membership, Organisation

    applications = declined_applications()
    old_delivery, young_delivery = deliveries()
    with time_machine.travel(NOW, tick=False):
        first = purge_expired()
        second = purge_expired()

    assert first == {
        "unverified signups": 1,
        "security logs": 3,
        "task results": 2,
        "declined applications": 2,
        "forum deliveries": 1,
        "help requests": 0,  # dcrnet/community/tests/test_purge_help_requests.py
        "help deliveries": 0,
        "event registrations": 0,  # dcrnet/community/tests/test_purge_registrations.py
        "messages to participants": 0,
        "training deliveries": 0,
        "visits": 0,  # dcrnet/community/tests/test_purge_visits.py
        "visit deliveries": 0,
        "advocacy deliveries": 0,  # dcrnet/community/tests/test_purge_advocacy.py
        "newsletter subscriptions not confirmed": 0,  # dcrnet/newsletter/tests
        "newsletter send records": 0,
    }
    assert set(second.values()) == {0}
    assert not User.objects.filter(pk__in=[u.pk for u in aged["deleted_users"]]).exists()
    assert User.objects.filter(pk__in=[u.pk for u in aged["kept_users"]]).count() == 3
    assert not EmailAddress.objects.filter(email="old@example.org").exists()
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        assert list(model.objects.values_list("username", flat=True)) == ["young-log"]
    assert set(DBTaskResult.objects.values_list("pk", flat=True)) == {
        t.pk for t in aged["kept_tasks"]
    }
    old_org, old_membership = applications["old"]
    young_org, young_membership = applications["young"]
    assert set(Organisation.objects.values_list("pk", flat=True)) == {young_org}
    assert set(Membership.objects.values_list("pk", flat=True)) == {young_membership}
    assert not Membership.history.filter(id=old_membership).exists()
    assert not Organisation.history.filter(id=old_org).exists()
    assert set(Delivery.objects.values_list("pk", flat=True)) == {young_delivery}


def test_the_command_prints_what_it_deleted(aged, capsys):
    with time_machine.travel(NOW, tick=False):
        call_command("purge_expired")
    out = capsys.readouterr().out
    assert "unverified signups: 1 deleted" in out
    assert "task results: 2 deleted" in out
