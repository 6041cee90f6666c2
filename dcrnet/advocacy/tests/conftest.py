"""The advocacy cast — anonymous, a signed-in non-member, a member, the contact person of an
approved organisation, the contact of a pending one, a plain member of the approved one, an
editor, staff — and the content: a published initiative that takes individuals, a draft."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from dcrnet.advocacy.models import Endorsement, Initiative, Kind, Status
from dcrnet.community.models import Role
from dcrnet.organisations.models import Kind as OrganisationKind
from dcrnet.organisations.models import Membership, MembershipRole, Organisation
from dcrnet.organisations.models import Status as OrganisationStatus

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


def make_organisation(name: str, *, status=OrganisationStatus.APPROVED, **extra) -> Organisation:
    from django.utils.text import slugify

    return Organisation.objects.create(
        name=name,
        slug=extra.pop("slug", slugify(name)),
        kind=extra.pop("kind", OrganisationKind.DCR_OPERATOR),
        country=extra.pop("country", "LU"),
        statement="We run a DCR.",
        status=status,
        **extra,
    )


def make_contact(django_user_model, email: str, organisation: Organisation, **extra):
    approved = organisation.status == OrganisationStatus.APPROVED
    user = make_user(django_user_model, email, Role.MEMBER, mfa=approved, **extra)
    Membership.objects.create(
        user=user,
        organisation=organisation,
        role=MembershipRole.CONTACT,
        status=OrganisationStatus.APPROVED if approved else OrganisationStatus.PENDING,
    )
    return user


def make_initiative(title: str = "Recognise DCRs as public health", **extra) -> Initiative:
    from django.utils.text import slugify

    return Initiative.objects.create(
        title=title,
        slug=extra.pop("slug", slugify(title)[:100]),
        kind=extra.pop("kind", Kind.STATEMENT),
        date=extra.pop("date", dt.date(2025, 6, 26)),
        summary=extra.pop("summary", "DCRs save lives."),
        text=extra.pop("text", "We, the undersigned, **ask** for recognition."),
        asks=extra.pop("asks", "- Recognise DCRs."),
        published=extra.pop("published", True),
        allows_individuals=extra.pop("allows_individuals", True),
        **extra,
    )


def endorsement(initiative, organisation, status=Status.APPROVED, **extra) -> Endorsement:
    from django.utils import timezone

    decided = timezone.now() if status != Status.PENDING else None
    return Endorsement.objects.create(
        initiative=initiative, organisation=organisation, status=status, decided_at=decided, **extra
    )


@pytest.fixture
def organisation(db):
    return make_organisation("Abrigado Operator")


@pytest.fixture
def contact(django_user_model, organisation):
    """The approved contact person of the approved `organisation` (who must use MFA)."""
    return make_contact(django_user_model, "contact@example.org", organisation, handle="lila")


@pytest.fixture
def second_contact(django_user_model, organisation):
    return make_contact(django_user_model, "contact-two@example.org", organisation, handle="mo")


@pytest.fixture
def pending_organisation(db):
    return make_organisation(
        "Peer Group Nord",
        status=OrganisationStatus.PENDING,
        kind=OrganisationKind.PEER_GROUP,
        country="DE",
    )


@pytest.fixture
def pending_contact(django_user_model, pending_organisation):
    """The contact of an organisation that is still waiting for staff."""
    return make_contact(django_user_model, "pending@example.org", pending_organisation)


@pytest.fixture
def org_member(django_user_model, organisation):
    """A plain (approved) member of the approved organisation: not its contact."""
    user = make_user(django_user_model, "staffer@example.org", Role.MEMBER, handle="staffer")
    Membership.objects.create(
        user=user,
        organisation=organisation,
        role=MembershipRole.MEMBER,
        status=OrganisationStatus.APPROVED,
    )
    return user


@pytest.fixture
def initiative(db):
    return make_initiative()


@pytest.fixture
def draft(db):
    return make_initiative("A draft statement", published=False)


@pytest.fixture
def as_user():
    def make(user) -> Client:
        client = Client(raise_request_exception=False)
        if user is not None:
            client.force_login(user)
        return client

    return make


CAST = (
    "anonymous",
    "non_member",
    "member",
    "contact",
    "pending_contact",
    "org_member",
    "editor",
    "staff",
)


@pytest.fixture
def cast(non_member, member, contact, pending_contact, org_member, editor, staff):
    return {
        "anonymous": None,
        "non_member": non_member,
        "member": member,
        "contact": contact,
        "pending_contact": pending_contact,
        "org_member": org_member,
        "editor": editor,
        "staff": staff,
    }


LOGIN = "login"


def status_of(response) -> int | str:
    if response.status_code == 302 and response["Location"].startswith("/accounts/login/"):
        return LOGIN
    return response.status_code
