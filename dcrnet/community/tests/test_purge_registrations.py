"""RELIABILITY 59 for event registrations (dcrnet.trainings): on a frozen clock, `purge_expired`
deletes the registrations of sessions that ended more than 12 months ago, with their answers,
and the organisers' messages of those sessions; training delivery records older than 30 days.
It keeps the sessions, their questions and everything younger, and a second run deletes
nothing."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from dcrnet.community.management.commands.purge_expired import purge_expired
from dcrnet.trainings.models import (
    Announcement,
    Answer,
    Delivery,
    Question,
    Registration,
    RegistrationStatus,
    Session,
)
from dcrnet.trainings.tests.factories import make_person, make_session

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2027, 6, 1, 12, 0, tzinfo=dt.UTC)


def session_ended(ago: dt.timedelta, people) -> Session:
    """A session that ended `ago` before NOW, with a question, a registration and an answer
    for each person, and a message to its participants."""
    end = NOW - ago
    session = make_session(start=end - dt.timedelta(hours=3))
    question = Question.objects.create(session=session, text="Your role?")
    for person in people:
        registration = Registration.objects.create(
            session=session, user=person, status=RegistrationStatus.CONFIRMED
        )
        Answer.objects.create(registration=registration, question=question, text="Nurse")
    Announcement.objects.create(session=session, subject="Slides", body="Attached.")
    return session


def test_registrations_go_12_months_after_their_session_ended():
    people = [make_person("ana"), make_person("ben")]
    old = session_ended(dt.timedelta(days=366), people)
    young = session_ended(dt.timedelta(days=364), people)
    coming = session_ended(-dt.timedelta(days=30), people)
    old_delivery = Delivery.objects.create(key="reminder:1:0")
    young_delivery = Delivery.objects.create(key="reminder:2:0")
    Delivery.objects.filter(pk=old_delivery.pk).update(created_at=NOW - dt.timedelta(days=31))
    Delivery.objects.filter(pk=young_delivery.pk).update(created_at=NOW - dt.timedelta(days=29))

    with time_machine.travel(NOW, tick=False):
        first = purge_expired()
        second = purge_expired()

    assert (
        first["event registrations"],
        first["messages to participants"],
        first["training deliveries"],
    ) == (2, 1, 1)
    assert (
        second["event registrations"],
        second["messages to participants"],
        second["training deliveries"],
    ) == (0, 0, 0)
    assert set(Registration.objects.values_list("session", flat=True)) == {young.pk, coming.pk}
    assert Registration.objects.count() == 4
    assert Answer.objects.count() == 4
    assert not Answer.objects.filter(registration__session=old).exists()
    assert set(Announcement.objects.values_list("session", flat=True)) == {young.pk, coming.pk}
    assert list(Delivery.objects.values_list("pk", flat=True)) == [young_delivery.pk]
    # The sessions and their questions are the archive: they stay, and so do the people.
    assert Session.objects.count() == 3 and Question.objects.count() == 3
    assert sorted(p.handle for p in people if type(p).objects.filter(pk=p.pk).exists()) == [
        "ana",
        "ben",
    ]
