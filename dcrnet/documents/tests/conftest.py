"""The documents' cast and content: topics, a published document with a file, a member's
suggestion with its file, another member; files stored in a temporary folder."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.core.files.storage import FileSystemStorage
from django.test import Client

from dcrnet.community.models import Role
from dcrnet.documents.models import Document, Status, Topic, Version
from dcrnet.lib.tests import upload_files as files
from dcrnet.lib.uploads import validate_upload

PASSWORD = "a long test passphrase"


@pytest.fixture(autouse=True)
def private_files(tmp_path, monkeypatch):
    """Uploaded files go to a temporary folder, never the project's media folder."""
    storage = FileSystemStorage(location=tmp_path / "private", base_url=None)
    monkeypatch.setattr(Version._meta.get_field("file"), "storage", storage)
    return storage


def make_user(django_user_model, email: str, *roles: str, mfa: bool = False, **extra):
    from allauth.account.models import EmailAddress

    user = django_user_model.objects.create_user(email=email, password=PASSWORD, **extra)
    for role in roles:
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    if mfa:
        from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

        TOTP.activate(user, generate_totp_secret())
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@pytest.fixture
def other_member(django_user_model):
    return make_user(django_user_model, "other-member@example.org", Role.MEMBER, handle="other")


@pytest.fixture
def topic(db):
    return Topic.objects.create(name="Overdose response", slug="overdose-response", position=1)


@pytest.fixture
def other_topic(db):
    return Topic.objects.create(name="Admission", slug="admission", position=2)


def make_document(topic, *, title: str, status: str = Status.PUBLISHED, **extra) -> Document:
    from django.utils.text import slugify

    return Document.objects.create(
        title=title,
        slug=extra.pop("slug", slugify(title)),
        topic=topic,
        kind=extra.pop("kind", "protocol"),
        perspective=extra.pop("perspective", "professional"),
        language=extra.pop("language", "en"),
        status=status,
        **extra,
    )


def add_file(document: Document, *, number: int = 1, content: bytes | None = None, user=None):
    checked = validate_upload(files.upload(content or files.pdf(), "protocol.pdf"))
    return Version.objects.create(
        document=document,
        number=number,
        date=dt.date(2024, 3, 1),
        change_note="First edition." if number == 1 else f"Edition {number}.",
        file=checked.as_file(),
        original_name=checked.original_name,
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
        uploaded_by=user,
    )


@pytest.fixture
def published(topic, facility):
    document = make_document(
        topic,
        title="Overdose response protocol",
        summary="What staff do **first**.",
        country="DE",
        licence="CC BY 4.0",
        is_demo=True,
    )
    document.facilities.add(facility)
    add_file(document)
    return document


@pytest.fixture
def suggestion(topic, member):
    """A member's suggestion with its file, waiting for an editor."""
    document = make_document(
        topic,
        title="House rules of a night shelter",
        status=Status.SUGGESTED,
        suggested_by=member,
        suggestion_note="We use these every night.",
    )
    add_file(document, user=member)
    return document


@pytest.fixture
def as_user():
    def make(user) -> Client:
        client = Client(raise_request_exception=True)
        if user is not None:
            client.force_login(user)
        return client

    return make


CAST = ("anonymous", "non_member", "member", "other_member", "editor", "staff")


@pytest.fixture
def cast(non_member, member, other_member, editor, staff):
    return {
        "anonymous": None,
        "non_member": non_member,
        "member": member,
        "other_member": other_member,
        "editor": editor,
        "staff": staff,
    }
