"""RELIABILITY 59 for help requests (the "contact requests" of the test; dcrnet.experts): on a
frozen clock, `purge_expired` deletes requests closed more than 12 months ago with their
messages and assignments, keeps open and younger ones, and a second run deletes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from dcrnet.community.management.commands.purge_expired import purge_expired
from dcrnet.community.models import ExpertiseTag, User
from dcrnet.experts.models import (
    Assignment,
    AssignmentStatus,
    Delivery,
    Expert,
    HelpRequest,
    Message,
    RequestStatus,
)

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2027, 6, 1, 12, 0, tzinfo=dt.UTC)


def ago(**delta) -> dt.datetime:
    return NOW - dt.timedelta(**delta)


def help_request(topic, expert, *, status, closed_at=None, created=None) -> HelpRequest:
    request = HelpRequest.objects.create(
        topic=topic, language="en", text="Help?", email="asker@example.net", status=status
    )
    HelpRequest.objects.filter(pk=request.pk).update(
        closed_at=closed_at, created_at=created or ago(days=900)
    )
    Assignment.objects.create(request=request, expert=expert, status=AssignmentStatus.ACCEPTED)
    Message.objects.create(request=request, from_requester=True, body="Thanks")
    return request


def test_closed_help_requests_go_12_months_after_closure(aged_world):
    topic, expert = aged_world
    old = help_request(topic, expert, status=RequestStatus.CLOSED, closed_at=ago(days=366))
    young = help_request(topic, expert, status=RequestStatus.CLOSED, closed_at=ago(days=364))
    open_old = help_request(topic, expert, status=RequestStatus.ANSWERED)  # open: kept however old
    old_delivery = Delivery.objects.create(key="message:1:requester")
    young_delivery = Delivery.objects.create(key="message:2:requester")
    Delivery.objects.filter(pk=old_delivery.pk).update(created_at=ago(days=31))
    Delivery.objects.filter(pk=young_delivery.pk).update(created_at=ago(days=29))

    with time_machine.travel(NOW, tick=False):
        first = purge_expired()
        second = purge_expired()

    assert (first["help requests"], first["help deliveries"]) == (1, 1)
    assert (second["help requests"], second["help deliveries"]) == (0, 0)
    assert set(HelpRequest.objects.values_list("pk", flat=True)) == {young.pk, open_old.pk}
    assert not Message.objects.filter(request_id=old.pk).exists()
    assert not Assignment.objects.filter(request_id=old.pk).exists()
    assert Message.objects.count() == Assignment.objects.count() == 2
    assert list(Delivery.objects.values_list("pk", flat=True)) == [young_delivery.pk]
    assert Expert.objects.filter(pk=expert.pk).exists()  # the expert stays


@pytest.fixture
def aged_world():
    topic = ExpertiseTag.objects.create(name="Funding", slug="funding")
    person = User.objects.create_user(email="expert@example.org", password="x", handle="exp")
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)
    expert = Expert.objects.create(user=person, bio="b", languages=["en"])
    expert.expertise.add(topic)
    return topic, expert
