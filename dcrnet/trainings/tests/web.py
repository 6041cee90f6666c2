"""The cast of the trainings pages, on a clock frozen at factories.NOW: session A (two places:
a participant who attended, another on the wait-list behind a confirmed one — see `cast`) and
session B of another organiser; fixtures are imported by the test modules that use them."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.test import Client

from dcrnet.community.models import Role
from dcrnet.trainings.models import Format, Question, Registration, RegistrationStatus

from .factories import NOW, make_person, make_session, make_training

LOGIN = "login"
PEOPLE = [
    "anonymous",
    "non_member",
    "member",
    "participant",
    "other_participant",
    "organiser",
    "other_organiser",
    "editor",
    "staff",
]


def person(handle: str, *roles: str, mfa: bool = False, **extra):
    user = make_person(handle, **extra)
    for role in roles:
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    if mfa:
        from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

        TOTP.activate(user, generate_totp_secret())
    return user


def register(session, user, status=RegistrationStatus.CONFIRMED, **extra) -> Registration:
    """A registration written directly (the services' rules are tested in test_services)."""
    return Registration.objects.create(
        session=session,
        user=user,
        status=status,
        registered_at=extra.pop("registered_at", NOW),
        confirmed_at=NOW if status == RegistrationStatus.CONFIRMED else None,
        **extra,
    )


def client_for(user) -> Client:
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client


def outcome(response) -> int | str:
    if response.status_code == 302 and "/accounts/login/" in response["Location"]:
        return LOGIN
    return response.status_code


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def cast(db, frozen, non_member, editor, staff):
    """Session A: online-and-on-site (hybrid), two places, a question; `participant` confirmed
    (and marked attended), `confirmed` another confirmed one, `other_participant` first on the
    wait-list. Session B (another training) organised by `other_organiser`."""
    training = make_training(
        "running-a-dcr", languages=["en", "de"], summary="How a **room** works."
    )
    organiser = person("organiser", Role.MEMBER, mfa=True)
    other_organiser = person("other-organiser", Role.MEMBER, mfa=True)
    session = make_session(
        training,
        capacity=2,
        format=Format.HYBRID,
        online_url="https://meet.example.org/secret-room",
        trainers="Ana Trainer",
        organisers=[organiser],
    )
    other_session = make_session(
        make_training("cost-effectiveness", title="Cost-effectiveness"),
        capacity=5,
        language="de",
        organisers=[other_organiser],
    )
    question = Question.objects.create(session=session, text="Your role?", required=True)
    participant = person("participant", Role.MEMBER)
    other_participant = person("other-participant", Role.MEMBER)
    confirmed = person("confirmed")
    registration = register(session, participant, attended=True)
    register(session, confirmed)
    waiting = register(
        session,
        other_participant,
        RegistrationStatus.WAITLISTED,
        registered_at=NOW - dt.timedelta(minutes=5),
    )
    other_registration = register(other_session, person("b-participant"))
    return {
        "anonymous": None,
        "non_member": non_member,
        "member": person("member", Role.MEMBER),
        "participant": participant,
        "other_participant": other_participant,
        "organiser": organiser,
        "other_organiser": other_organiser,
        "editor": editor,
        "staff": staff,
        "training": training,
        "session": session,
        "other_session": other_session,
        "question": question,
        "registration": registration,
        "waiting": waiting,
        "other_registration": other_registration,
    }
