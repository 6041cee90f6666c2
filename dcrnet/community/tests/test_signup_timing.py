"""A signup with a known address does the same costly work as one with a new address."""

from __future__ import annotations

from unittest import mock

import pytest
from django.contrib.auth.hashers import get_hasher
from django.test import Client

from dcrnet.community.models import User
from dcrnet.community.tests.conftest import sending

pytestmark = pytest.mark.django_db
PASSPHRASE = "a fresh long passphrase"


def signup(email: str) -> list[str]:
    """The passwords hashed while answering a signup (the hashing is what takes the time)."""
    hasher = type(get_hasher("default"))
    with mock.patch.object(hasher, "encode", autospec=True, side_effect=hasher.encode) as encode:
        with sending():
            response = Client().post(
                "/accounts/signup/",
                {"email": email, "password1": PASSPHRASE, "password2": PASSPHRASE},
            )
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    return [call.args[1] for call in encode.call_args_list]


def test_a_new_address_hashes_the_password_once():
    assert signup("newcomer@example.org") == [PASSPHRASE]


def test_a_known_address_hashes_the_password_too_and_changes_nothing(member, settings):
    assert settings.ACCOUNT_PREVENT_ENUMERATION
    before = User.objects.get(pk=member.pk).password
    assert signup(member.email) == [PASSPHRASE]
    assert signup(member.email.upper()) == [PASSPHRASE]
    assert User.objects.get(pk=member.pk).password == before
    assert User.objects.count() == 1
