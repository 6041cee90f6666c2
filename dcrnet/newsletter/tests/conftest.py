"""The newsletter's test data: subscribers in every state, an issue, the cast of users, and a
mail backend that can fail like a real server."""

from __future__ import annotations

import datetime as dt
import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.test import Client
from django.utils import timezone

from dcrnet.newsletter.models import Issue, Status, Subscriber

DUMMY = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
LOGIN = "login"
CAST = ("anonymous", "non_member", "member", "editor", "staff")


def make_subscriber(email: str, status: str = Status.CONFIRMED, **extra) -> Subscriber:
    now = timezone.now()
    values = {
        "language": "en",
        "notice_version": "2026-12-01",
        "consented_at": now - dt.timedelta(days=2),
        "requested_at": now - dt.timedelta(days=2),
    }
    if status == Status.CONFIRMED:
        values["confirmed_at"] = now - dt.timedelta(days=1)
    if status == Status.UNSUBSCRIBED:
        values["confirmed_at"] = now - dt.timedelta(days=1)
        values["unsubscribed_at"] = now - dt.timedelta(hours=1)
    if status == Status.BOUNCED:
        values["confirmed_at"] = now - dt.timedelta(days=1)
        values["bounced_at"] = now - dt.timedelta(hours=1)
    values.update(extra)
    return Subscriber.objects.create(email=email, status=status, **values)


def make_issue(month: dt.date = dt.date(2026, 11, 1), **extra) -> Issue:
    values = {
        "intro_en": "Welcome to the **November** issue. Read [the guide](/guide/).",
        "intro_fr": "Bienvenue dans le numéro de **novembre**.",
    }
    values.update(extra)
    return Issue.objects.create(month=month, **values)


@pytest.fixture
def issue(db) -> Issue:
    return make_issue()


@pytest.fixture
def everyone(db) -> dict[str, Subscriber]:
    """One subscriber in each state, and a second confirmed one who reads French."""
    return {
        "confirmed": make_subscriber("ana@example.org"),
        "french": make_subscriber("bea@example.org", language="fr"),
        "pending": make_subscriber("carl@example.org", Status.PENDING),
        "unsubscribed": make_subscriber("dora@example.org", Status.UNSUBSCRIBED),
        "bounced": make_subscriber("emil@example.org", Status.BOUNCED),
    }


@pytest.fixture
def cast(non_member, member, editor, staff):
    return {
        "anonymous": None,
        "non_member": non_member,
        "member": member,
        "editor": editor,
        "staff": staff,
    }


@pytest.fixture
def as_user():
    def make(user) -> Client:
        client = Client(raise_request_exception=False)
        if user is not None:
            client.force_login(user)
        return client

    return make


def status_of(response) -> int | str:
    if response.status_code == 302 and response["Location"].startswith("/accounts/login/"):
        return LOGIN
    return response.status_code


@pytest.fixture
def dummy_tasks(settings):
    """The DummyBackend: tasks are recorded, not run (RELIABILITY 63)."""
    settings.TASKS = DUMMY
    from django.tasks import default_task_backend

    default_task_backend.clear()
    return default_task_backend


class FlakyBackend(EmailBackend):
    """The test outbox, from a server that can go down after some messages, or refuse some
    addresses. `delivered` lists what it accepted, across the connections of a test."""

    delivered: list = []
    fail_after: int | None = None
    refuse: set[str] = set()

    def send_messages(self, messages):
        for message in messages:
            if message.to[0] in FlakyBackend.refuse:
                raise smtplib.SMTPRecipientsRefused({message.to[0]: (550, b"no such user")})
            if FlakyBackend.fail_after is not None and (
                len(FlakyBackend.delivered) >= FlakyBackend.fail_after
            ):
                raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
            FlakyBackend.delivered.append(message)
        return super().send_messages(messages)


@pytest.fixture
def flaky_mail(settings):
    settings.MAILERS = {"default": {"BACKEND": "dcrnet.newsletter.tests.conftest.FlakyBackend"}}
    FlakyBackend.delivered = []
    FlakyBackend.fail_after = None
    FlakyBackend.refuse = set()
    mail.outbox = []
    yield FlakyBackend
    FlakyBackend.fail_after = None
    FlakyBackend.refuse = set()
