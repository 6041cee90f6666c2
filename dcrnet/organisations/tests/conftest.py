"""The organisations' cast: an approved organisation and its contact, an applicant, another
organisation with its own contact; and an HTML check for the XSS corpus."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from dcrnet.community.models import Role
from dcrnet.organisations.models import Kind, Membership, MembershipRole, Organisation, Status

PASSWORD = "a long test passphrase"


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


def make_organisation(name: str, *, status: str = Status.APPROVED, **extra) -> Organisation:
    from django.utils.text import slugify

    return Organisation.objects.create(
        name=name,
        slug=extra.pop("slug", slugify(name)),
        kind=extra.pop("kind", Kind.DCR_OPERATOR),
        country=extra.pop("country", "LU"),
        statement=extra.pop("statement", "We run a DCR."),
        status=status,
        **extra,
    )


@pytest.fixture
def organisation(db, facility):
    organisation = make_organisation("Abrigado Operator", website="https://abrigado.example.org")
    organisation.facilities.add(facility)
    return organisation


@pytest.fixture
def contact(django_user_model, organisation):
    """The approved contact person of `organisation` (who must use MFA)."""
    user = make_user(django_user_model, "contact@example.org", Role.MEMBER, mfa=True, handle="lila")
    Membership.objects.create(
        user=user, organisation=organisation, role=MembershipRole.CONTACT, status=Status.APPROVED
    )
    return user


@pytest.fixture
def other_organisation(db):
    return make_organisation("Peer Group Nord", kind=Kind.PEER_GROUP, country="DE")


@pytest.fixture
def other_contact(django_user_model, other_organisation):
    user = make_user(
        django_user_model, "other-contact@example.org", Role.MEMBER, mfa=True, handle="nord"
    )
    Membership.objects.create(
        user=user,
        organisation=other_organisation,
        role=MembershipRole.CONTACT,
        status=Status.APPROVED,
    )
    return user


@pytest.fixture
def applicant(django_user_model):
    """Signed up and applied as an individual; waiting for a decision."""
    user = make_user(django_user_model, "applicant@example.org", handle="hopeful")
    Membership.objects.create(user=user, statement="I work night shifts at a DCR.")
    return user


@pytest.fixture
def as_user():
    """as_user(user) → a client signed in as that user (None: anonymous)."""

    def make(user) -> Client:
        client = Client(raise_request_exception=True)
        if user is not None:
            client.force_login(user)
        return client

    return make


CAST = ("anonymous", "non_member", "applicant", "member", "moderator", "editor", "staff", "contact")


@pytest.fixture
def cast(request, non_member, applicant, member, moderator, editor, staff, contact):
    return {
        "anonymous": None,
        "non_member": non_member,
        "applicant": applicant,
        "member": member,
        "moderator": moderator,
        "editor": editor,
        "staff": staff,
        "contact": contact,
    }
