"""Accounts: roles as groups, signup, passwords, enumeration, resets (tests 11, 12, 15, 16, 18)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.apps import apps
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client

from dcrnet.community.models import Role, User
from dcrnet.community.roles import EDITOR_EXCLUDED_MODELS, needs_mfa
from dcrnet.community.tests.conftest import sending
from dcrnet.tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


# Roles ---------------------------------------------------------------------------------------


def test_migrate_creates_the_four_role_groups():
    names = set(Group.objects.values_list("name", flat=True))
    assert {"member", "facility reporter", "editor", "staff"} <= names


def content_models():
    for config in apps.get_app_configs():
        if config.name.startswith("dcrnet."):
            for model in config.get_models():
                if model._meta.label_lower not in EDITOR_EXCLUDED_MODELS:
                    yield model


def test_editors_manage_every_content_model(editor):
    for model in content_models():
        opts = model._meta
        history = model.__name__.startswith("Historical")
        actions = ["view"] if history else ["add", "change", "delete", "view"]
        for action in actions:
            assert editor.has_perm(f"{opts.app_label}.{action}_{opts.model_name}"), (
                f"editor lacks {action} on {opts.label}"
            )


def test_editors_read_history_but_cannot_rewrite_it(editor):
    history = [m for m in content_models() if m.__name__.startswith("Historical")]
    assert history, "simple_history models expected in content apps"
    for model in history:
        opts = model._meta
        assert not editor.has_perm(f"{opts.app_label}.change_{opts.model_name}")
        assert not editor.has_perm(f"{opts.app_label}.delete_{opts.model_name}")


def test_editors_do_not_manage_accounts(editor):
    assert not editor.has_perm("community.view_user")
    assert not editor.has_perm("community.change_user")
    assert not editor.has_perm("auth.change_group")


def test_staff_manage_accounts_and_content(staff):
    assert staff.has_perm("community.change_user")
    assert staff.has_perm("mfa.delete_authenticator")
    assert staff.has_perm("axes.delete_accessattempt")
    assert staff.has_perm("directory.change_facility")
    assert not staff.has_perm("auth.change_group")


@pytest.mark.parametrize("role", ["member", "reporter"])
def test_members_and_reporters_have_no_model_permissions(request, role):
    user = request.getfixturevalue(role)
    assert user.get_all_permissions() == set()
    assert not user.is_staff


def test_becoming_an_editor_opens_the_admin_and_leaving_closes_it(member):
    editor_group = Group.objects.get(name=Role.EDITOR)
    member.groups.add(editor_group)
    assert User.objects.get(pk=member.pk).is_staff
    assert member.is_staff
    member.groups.remove(editor_group)
    assert not User.objects.get(pk=member.pk).is_staff


def test_adding_people_to_the_staff_group_from_the_group_side_works_too(member):
    Group.objects.get(name=Role.STAFF).user_set.add(member)
    assert User.objects.get(pk=member.pk).is_staff
    Group.objects.get(name=Role.STAFF).user_set.clear()
    assert not User.objects.get(pk=member.pk).is_staff


def test_a_reporter_gets_no_admin_access(reporter):
    assert not User.objects.get(pk=reporter.pk).is_staff
    assert needs_mfa(reporter)


def test_a_new_signup_holds_no_role_and_must_verify_its_address(client):
    with sending():
        response = client.post(
            "/accounts/signup/",
            {
                "email": "newcomer@example.org",
                "password1": "a fresh long passphrase",
                "password2": "a fresh long passphrase",
            },
        )
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    user = User.objects.get(email="newcomer@example.org")
    # Membership is applied for and approved (organisations.services), never given at sign-up.
    assert user.role_names() == set()
    assert not user.is_staff
    assert "_auth_user_id" not in client.session  # not until the address is verified
    assert "confirm-email" in mail.outbox[-1].body


def test_staff_cannot_edit_or_create_a_superuser_in_the_admin(staff, superuser):
    client = Client()
    client.force_login(staff)
    url = f"/admin/community/user/{superuser.pk}/change/"
    view = client.get(url)  # read-only at most
    assert 'name="email"' not in view.content.decode()
    response = client.post(url, {"email": "taken-over@example.org", "is_active": "on"})
    assert response.status_code == 403
    assert User.objects.get(pk=superuser.pk).email == superuser.email
    assert client.get(f"/admin/community/user/{superuser.pk}/password/").status_code == 403
    assert (
        client.post(f"/admin/community/user/{superuser.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    page = client.get(f"/admin/community/user/{staff.pk}/change/")
    assert page.status_code == 200
    assert 'name="is_superuser"' not in page.content.decode()


def test_a_superuser_can_grant_superuser(superuser, member):
    client = Client()
    client.force_login(superuser)
    page = client.get(f"/admin/community/user/{member.pk}/change/")
    assert 'name="is_superuser"' in page.content.decode()


# Passwords (test 11, 12) ------------------------------------------------------------------------


def test_eleven_characters_are_too_few_and_twelve_are_enough():
    with pytest.raises(ValidationError):
        validate_password("kettle-moss")
    validate_password("kettle-moss!")


def test_a_long_passphrase_with_spaces_and_emoji_is_accepted_whole(member):
    passphrase = ("correct horse battery staple 🐴 " * 5)[:128]
    assert len(passphrase) == 128
    validate_password(passphrase)
    member.set_password(passphrase)
    member.save()
    assert member.check_password(passphrase)
    assert not member.check_password(passphrase[:64])


def test_a_common_password_is_rejected_without_composition_rules():
    with pytest.raises(ValidationError) as raised:
        validate_password("password1234")
    text = " ".join(raised.value.messages).lower()
    assert "common" in text
    for rule in ("uppercase", "lowercase", "digit", "special", "symbol"):
        assert rule not in text


def test_a_password_change_needs_the_current_password(client, member):
    client.force_login(member)
    before = User.objects.get(pk=member.pk).password
    response = client.post(
        "/accounts/password/change/",
        {
            "oldpassword": "not my password at all",
            "password1": "a brand new passphrase",
            "password2": "a brand new passphrase",
        },
    )
    assert response.status_code == 200
    assert User.objects.get(pk=member.pk).password == before


# Enumeration (test 15) ----------------------------------------------------------------------------


def masked(body: bytes) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", body.decode())


def test_an_unknown_user_and_a_wrong_password_look_the_same(member):
    unknown = Client().post(
        "/accounts/login/", {"login": "nobody@example.org", "password": "wrong password 1"}
    )
    wrong = Client().post(
        "/accounts/login/", {"login": member.email, "password": "wrong password 1"}
    )
    assert unknown.status_code == wrong.status_code == 200
    assert masked(unknown.content).replace("nobody@example.org", "X") == masked(
        wrong.content
    ).replace(member.email, "X")


def test_a_reset_for_an_unknown_address_looks_the_same_and_sends_nothing(member, settings):
    settings.ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
    with sending():
        unknown = Client().post("/accounts/password/reset/", {"email": "nobody@example.org"})
    assert len(mail.outbox) == 0
    with sending():
        known = Client().post("/accounts/password/reset/", {"email": member.email})
    assert len(mail.outbox) == 1
    assert unknown.status_code == known.status_code == 302
    assert unknown["Location"] == known["Location"]


# Password reset (test 16) -------------------------------------------------------------------


def reset_link(client: Client, email: str) -> str:
    with sending():
        client.post("/accounts/password/reset/", {"email": email})
    return re.search(r"http://testserver(/accounts/password/reset/key/\S+/)", mail.outbox[-1].body)[
        1
    ]


def use_reset_link(client: Client, link: str, password: str):
    response = client.get(link, follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link
    return client.post(form_url, {"password1": password, "password2": password})


def test_a_reset_link_works_once(member):
    client = Client()
    link = reset_link(client, member.email)
    assert use_reset_link(client, link, "the first new passphrase").status_code == 302
    assert User.objects.get(pk=member.pk).check_password("the first new passphrase")
    again = Client()
    response = use_reset_link(again, link, "the second new passphrase")
    assert response.status_code == 200
    assert not User.objects.get(pk=member.pk).check_password("the second new passphrase")


def test_a_reset_link_dies_after_a_password_change(member):
    client = Client()
    link = reset_link(client, member.email)
    member.set_password("changed meanwhile passphrase")
    member.save()
    use_reset_link(client, link, "a stolen new passphrase")
    assert not User.objects.get(pk=member.pk).check_password("a stolen new passphrase")


def test_a_reset_link_dies_after_sixty_one_minutes(member):
    start = dt.datetime.now(tz=dt.UTC)
    with time_machine.travel(start, tick=False):
        client = Client()
        link = reset_link(client, member.email)
    with time_machine.travel(start + dt.timedelta(minutes=61), tick=False):
        use_reset_link(Client(), link, "a late new passphrase")
    assert not User.objects.get(pk=member.pk).check_password("a late new passphrase")
    assert User.objects.get(pk=member.pk).check_password(PASSWORD)


# Default accounts (test 18) -----------------------------------------------------------------------


def test_migrate_leaves_no_default_accounts():
    assert not User.objects.exists()
    for name in ("admin", "root", "test", "demo"):
        assert not User.objects.filter(email__istartswith=f"{name}@").exists()
        assert not User.objects.filter(handle__iexact=name).exists()
