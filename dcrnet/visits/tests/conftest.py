"""The cast of exchange visits: two host facilities with a contact each (who need MFA), a
requester with a request to the first, another member with a request to the second, a member
with none, a signed-in non-member, an editor and staff."""

from __future__ import annotations

import datetime as dt

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.test import Client

from dcrnet.community.models import Role
from dcrnet.visits.models import Event, EventKind, Host, Visit, VisitStatus

PASSWORD = "a long test passphrase"
LOGIN = "login"

PEOPLE = [
    "anonymous",
    "non_member",
    "member",
    "requester",
    "other_member",
    "host_contact",
    "other_contact",
    "editor",
    "staff",
]


def make_person(handle: str, *roles: str, mfa: bool = False, language: str = "en", **extra):
    from dcrnet.community.models import User

    email = f"{handle}@example.org"
    user = User.objects.create_user(
        email=email, password=PASSWORD, handle=handle, language=language, **extra
    )
    for role in roles:
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    if mfa:
        from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

        TOTP.activate(user, generate_totp_secret())
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def make_host(facility, *contacts, **terms) -> Host:
    terms.setdefault("availability", "Tuesday mornings")
    terms.setdefault("max_group_size", 6)
    terms.setdefault("languages", ["en", "fr"])
    host = Host.objects.create(facility=facility, **terms)
    host.contacts.set(contacts)
    return host


def soon(days: int = 10) -> dt.date:
    from dcrnet.visits.services import today

    return today() + dt.timedelta(days=days)


def make_visit(host, requester, *, status=VisitStatus.REQUESTED, first=None, last=None, **extra):
    first = first or soon(10)
    last = last or first + dt.timedelta(days=1)
    visit = Visit.objects.create(
        host=host,
        requester=requester,
        first_date=first,
        last_date=last,
        group_size=extra.pop("group_size", 3),
        purpose=extra.pop("purpose", "See how the intake works."),
        languages=extra.pop("languages", ["en"]),
        status=status,
        **extra,
    )
    Event.objects.create(
        visit=visit, kind=EventKind.REQUESTED, author=requester, first_date=first, last_date=last
    )
    return visit


def client_for(person) -> Client:
    client = Client(raise_request_exception=False)
    if person is not None:
        client.force_login(person)
    return client


def outcome(response) -> int | str:
    if response.status_code == 302 and "/accounts/login/" in response["Location"]:
        return LOGIN
    return response.status_code


@pytest.fixture
def cast(db, facility, make_facility, member, non_member, editor, staff):
    other_facility = make_facility("de-other-room", country="DE", city="Berlin", name="Other Room")
    host_contact = make_person("host-contact", Role.MEMBER, mfa=True)
    other_contact = make_person("other-contact", Role.MEMBER, mfa=True)
    requester = make_person("requester", Role.MEMBER)
    other_member = make_person("other-member", Role.MEMBER)
    host = make_host(facility, host_contact)
    other_host = make_host(other_facility, other_contact)
    visit = make_visit(host, requester)
    other_visit = make_visit(other_host, other_member, purpose="Another team's plan")
    return {
        "anonymous": None,
        "non_member": non_member,
        "member": member,
        "requester": requester,
        "other_member": other_member,
        "host_contact": host_contact,
        "other_contact": other_contact,
        "editor": editor,
        "staff": staff,
        "host": host,
        "other_host": other_host,
        "visit": visit,
        "other_visit": other_visit,
        "facility": facility,
        "other_facility": other_facility,
    }
