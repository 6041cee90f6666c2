"""Fixtures of the experts app: expertise tags, experts, help requests, and the cast of people
around one request (requester, invited, accepted and other experts)."""

from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from dcrnet.community.models import ExpertiseTag, Role
from dcrnet.experts.models import (
    Assignment,
    AssignmentStatus,
    Expert,
    HelpRequest,
    RequestStatus,
)

PASSWORD = "a long test passphrase"


def make_person(handle: str, *roles: str, **extra):
    from dcrnet.community.models import User

    email = f"{handle}@example.org"
    user = User.objects.create_user(email=email, password=PASSWORD, handle=handle, **extra)
    for role in roles:
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def make_expert(handle: str, tags, *, languages=("en",), countries=(), hours=2, capacity=2, **kw):
    user = make_person(handle, Role.MEMBER)
    expert = Expert.objects.create(
        user=user,
        bio=f"{handle} ran a room.",
        languages=list(languages),
        countries=list(countries),
        hours_per_month=hours,
        max_open_requests=capacity,
        **kw,
    )
    expert.expertise.set(tags)
    return expert


def make_request(topic, *, requester=None, email="", language="en", country="", text="Help?"):
    if requester is None and not email:
        email = "asker@example.net"
    return HelpRequest.objects.create(
        topic=topic,
        requester=requester,
        email=email,
        language=language,
        country=country,
        text=text,
    )


def assign(help_request, expert, status=AssignmentStatus.INVITED):
    assignment = Assignment.objects.create(request=help_request, expert=expert, status=status)
    if help_request.status == RequestStatus.NEW:
        HelpRequest.objects.filter(pk=help_request.pk).update(status=RequestStatus.ROUTED)
        help_request.status = RequestStatus.ROUTED
    return assignment


@pytest.fixture
def tags(db):
    return {
        slug: ExpertiseTag.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in (
            ("site-selection", "Site selection"),
            ("running-a-dcr", "Running a DCR"),
            ("funding", "Funding"),
        )
    }


@pytest.fixture
def cast(tags, member, staff, editor, non_member):
    """One request by a signed-in requester about site selection, with an accepted, an invited
    and an uninvolved expert; another requester with a request of their own."""
    topic = tags["site-selection"]
    member.handle = "member"
    member.save(update_fields=["handle"])
    requester = make_person("requester", Role.MEMBER)
    other_requester = make_person("other-requester", Role.MEMBER)
    accepted = make_expert("accepted-expert", [topic], languages=("en", "fr"))
    invited = make_expert("invited-expert", [topic])
    other = make_expert("other-expert", [topic])
    help_request = make_request(topic, requester=requester, text="Where should we open?")
    assign(help_request, accepted, AssignmentStatus.ACCEPTED)
    assign(help_request, invited, AssignmentStatus.INVITED)
    other_request = make_request(topic, requester=other_requester, text="Other request")
    anonymous_request = make_request(topic, email="anon@example.net", text="Anonymous request")
    return {
        "anonymous": None,
        "non_member": non_member,
        "member": member,
        "expert": other.user,
        "accepted_expert": accepted.user,
        "invited_expert": invited.user,
        "requester": requester,
        "other_requester": other_requester,
        "staff": staff,
        "editor": editor,
        "request": help_request,
        "other_request": other_request,
        "anonymous_request": anonymous_request,
        "experts": {"accepted": accepted, "invited": invited, "other": other},
        "topic": topic,
    }
