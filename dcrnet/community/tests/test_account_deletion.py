"""RELIABILITY 58: after deleting an account, a scan of every column of every table finds no
email, handle or real name; posts are deleted or authorless per the person's choice."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
from django.db import connection
from django.test import Client, override_settings

from dcrnet.community.models import Consent, Profile, User
from dcrnet.community.services import give_consent, queue_account_mail
from dcrnet.community.tests.conftest import sending
from dcrnet.tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

EMAIL = "quill.person@example.org"
SECOND = "quill-second@example.net"
HANDLE = "inkwell-seven"
REAL_NAME = "Philippa Quernmore"
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def scan(*values: str) -> list[str]:
    """Every table, every column (as text): where does any value still appear?"""
    hits = []
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            columns = connection.introspection.get_table_description(cursor, table)
            for column in columns:
                text = f"LOWER(CAST({quote(column.name)} AS TEXT))"
                for value in values:
                    cursor.execute(
                        f"SELECT COUNT(*) FROM {quote(table)} WHERE {text} LIKE %s",  # noqa: S608
                        [f"%{value.lower()}%"],
                    )
                    if cursor.fetchone()[0]:
                        hits.append(f"{table}.{column.name}: {value}")
    return hits


def the_person() -> User:
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    user = User.objects.create_user(email=EMAIL, password=PASSWORD, handle=HANDLE)
    EmailAddress.objects.create(user=user, email=EMAIL, verified=True, primary=True)
    EmailAddress.objects.create(user=user, email=SECOND, verified=False)
    Profile.objects.create(user=user, real_name=REAL_NAME, country="LU", languages=["en"])
    give_consent(user, "digest")
    give_consent(user, "perspective")
    TOTP.activate(user, generate_totp_secret())
    LogEntry.objects.create(
        user=User.objects.create_user(email="admin-person@example.org"),
        content_type=ContentType.objects.get_for_model(User),
        object_id=str(user.pk),
        object_repr=HANDLE,
        action_flag=CHANGE,
        change_message=f"Changed email of {REAL_NAME}",
    )
    return user


def membership_of(user) -> None:
    from dcrnet.organisations.models import Membership

    Membership.objects.create(user=user, statement=f"I am {REAL_NAME}, write to {EMAIL}")


def traces_of_use(client: Client) -> None:
    """A failed login (axes), a real sign-in (a session) and a re-authentication."""
    client.post("/accounts/login/", {"login": EMAIL.lower(), "password": "wrong guess!"})
    from axes.models import AccessAttempt

    assert AccessAttempt.objects.filter(username=EMAIL.lower()).exists()
    response = client.post("/accounts/login/", {"login": EMAIL, "password": PASSWORD})
    assert response.status_code == 302


def queued_email() -> None:
    with override_settings(TASKS=DB_TASKS), sending():
        queue_account_mail(
            EmailMessage(subject=f"Hello {HANDLE}", body=f"Dear {REAL_NAME}", to=[EMAIL])
        )
    from django_tasks_db.models import DBTaskResult

    assert DBTaskResult.objects.count() == 1


def delete_through_the_page(client: Client, user: User, posts: str):
    from dcrnet.community.tests.conftest import totp_code

    response = client.get("/accounts/2fa/authenticate/")
    if response.status_code == 200:
        client.post("/accounts/2fa/authenticate/", {"code": totp_code(user)})
    response = client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    assert response.status_code == 302
    response = client.get("/account/delete/")
    assert response.status_code == 200
    assert "checked" not in response.content.decode().split('name="posts"')[1].split(">")[0]
    response = client.post("/account/delete/", {"posts": posts, "confirm": HANDLE})
    assert response.status_code == 200, response.content
    return response


@time_machine.travel(dt.datetime(2026, 12, 1, 9, 0, 3, tzinfo=dt.UTC), tick=False)
def test_deleting_an_account_leaves_no_trace(caplog):
    user = the_person()
    user_id = user.pk
    membership_of(user)
    other = User.objects.create_user(email="bystander@example.org", handle="bystander")
    queued_email()
    client = Client()
    traces_of_use(client)
    assert scan(EMAIL, HANDLE, REAL_NAME)  # the scan does find them before

    response = delete_through_the_page(client, user, "remove")

    assert "Your account is deleted" in response.content.decode()
    assert not User.objects.filter(pk=user_id).exists()
    assert not Consent.objects.filter(user_id=user_id).exists()
    assert scan(EMAIL, SECOND, HANDLE, REAL_NAME) == []
    assert User.objects.filter(pk=other.pk).exists()
    # Signed out: the account pages ask to sign in again.
    assert client.get("/account/")["Location"].startswith("/accounts/login/")
    deleted = [r for r in caplog.records if r.getMessage() == "account_deleted"]
    assert len(deleted) == 1 and deleted[0].actor_id == user_id
    assert EMAIL.lower() not in str(deleted[0].__dict__).lower()


def test_the_confirmation_and_the_choice_are_required(non_member):
    from allauth.account.internal.flows.reauthentication import reauthenticate_by_password

    client = Client()
    client.post("/accounts/login/", {"login": non_member.email, "password": PASSWORD})
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    response = client.post("/account/delete/", {"confirm": "nope"})
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert set(errors) == {"posts", "confirm"}
    body = response.content.decode()
    assert 'href="#id_confirm"' in body
    assert User.objects.filter(pk=non_member.pk).exists()
    response = client.post("/account/delete/", {"posts": "keep", "confirm": "DELETE"})
    assert response.status_code == 200
    assert not User.objects.filter(pk=non_member.pk).exists()
    assert reauthenticate_by_password  # the flow the page relies on exists in this allauth


def forum_erase_exists() -> bool:
    try:
        from dcrnet.forum import privacy
    except ImportError:
        return False
    return callable(getattr(privacy, "erase", None))


@pytest.mark.parametrize("posts", ["remove", "keep"])
@time_machine.travel(dt.datetime(2026, 12, 1, 9, 0, 3, tzinfo=dt.UTC), tick=False)
def test_forum_posts_are_removed_or_kept_as_deleted_member(posts, make_facility):
    if not forum_erase_exists():
        pytest.skip("dcrnet.forum.privacy.erase is H2's (forum helper); unskips when it lands")
    from django.utils import timezone

    from dcrnet.forum.models import Category, Post, Thread

    user = the_person()
    other = User.objects.create_user(email="replier@example.org", handle="replier")
    category = Category.objects.create(name="Running a DCR", slug="running")
    thread = Thread.objects.create(
        category=category, title="Night shifts", author=user, last_post_at=timezone.now()
    )
    mine = Post.objects.create(thread=thread, number=1, author=user, body="How do you cope?")
    theirs = Post.objects.create(
        thread=thread, number=2, author=other, body=f"@{HANDLE} we rotate every month"
    )
    client = Client()
    traces_of_use(client)
    delete_through_the_page(client, user, posts)

    assert scan(EMAIL, SECOND, HANDLE, REAL_NAME) == []
    assert Post.objects.filter(pk=theirs.pk).exists()
    if posts == "remove":
        assert not Post.objects.filter(pk=mine.pk, body="How do you cope?").exists()
    else:
        kept = Post.objects.get(pk=mine.pk)
        assert kept.author_id is None and kept.body == "How do you cope?"
