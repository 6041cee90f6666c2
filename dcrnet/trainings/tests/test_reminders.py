"""`send_training_reminders` on a frozen clock: "tomorrow" in the session's own zone, confirmed
participants only, nothing for a cancelled session, one email however often it runs, and a
session moved to another day reminded again."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from dcrnet.trainings import services

from .factories import NOW, make_person, make_session

pytestmark = pytest.mark.django_db

BERLIN_START = dt.datetime(2027, 3, 31, 12, 30, tzinfo=dt.UTC)  # 14:30 in Berlin


def run(moment) -> str:
    out = StringIO()
    with time_machine.travel(moment, tick=False):
        call_command("send_training_reminders", stdout=out)
    return out.getvalue()


@pytest.fixture
def organiser():
    return make_person("organiser")


@pytest.fixture
def berlin(organiser):
    """2 places: "in" and "also-in" confirmed, "waiting" on the wait-list, "left" cancelled."""
    session = make_session(start=BERLIN_START, capacity=2, organisers=[organiser])
    with time_machine.travel(NOW, tick=False):
        for handle in ("in", "left", "also-in", "waiting"):
            services.register(session, make_person(handle))
        left = session.registrations.get(user__handle="left")
        services.cancel(left, by=left.user)
    mail.outbox.clear()
    return session


def recipients() -> list[str]:
    return sorted(m.to[0] for m in mail.outbox)


@pytest.mark.parametrize(
    "moment",
    [
        dt.datetime(2027, 3, 29, 22, 0, tzinfo=dt.UTC),  # 30 March, 00:00 in Berlin
        dt.datetime(2027, 3, 30, 21, 59, tzinfo=dt.UTC),  # 30 March, 23:59 in Berlin
    ],
)
def test_the_day_before_in_the_sessions_zone_the_confirmed_are_reminded(berlin, moment):
    assert run(moment) == "Queued 2 training reminder(s).\n"
    assert recipients() == ["also-in@example.org", "in@example.org"]
    email = mail.outbox[0]
    assert email.subject == "Tomorrow: Running a drug consumption room"
    assert "31 March 2027, 14:30 – 17:30 (Europe/Berlin)" in email.body


@pytest.mark.parametrize(
    "moment",
    [
        dt.datetime(2027, 3, 29, 21, 59, tzinfo=dt.UTC),  # still 29 March in Berlin
        dt.datetime(2027, 3, 30, 22, 0, tzinfo=dt.UTC),  # already 31 March in Berlin
    ],
)
def test_no_reminder_on_other_days(berlin, moment):
    assert run(moment) == "Queued 0 training reminder(s).\n"
    assert mail.outbox == []


def test_tomorrow_is_the_sessions_own_tomorrow(organiser):
    # 20:00 on 30 March in Los Angeles is already 31 March in UTC.
    start = dt.datetime(2027, 3, 31, 3, 0, tzinfo=dt.UTC)
    session = make_session(start=start, time_zone="America/Los_Angeles", organisers=[organiser])
    with time_machine.travel(NOW, tick=False):
        services.register(session, make_person("west"))
    mail.outbox.clear()
    run(dt.datetime(2027, 3, 29, 20, 0, tzinfo=dt.UTC))  # 13:00 on 29 March there
    assert recipients() == ["west@example.org"]


def test_running_every_hour_sends_each_reminder_once(berlin):
    day = dt.datetime(2027, 3, 29, 22, 30, tzinfo=dt.UTC)
    outputs = [run(day + dt.timedelta(hours=hour)) for hour in range(24)]
    assert outputs[0] == "Queued 2 training reminder(s).\n"
    assert set(outputs[1:]) == {"Queued 0 training reminder(s).\n"}
    assert recipients() == ["also-in@example.org", "in@example.org"]


def test_a_cancelled_session_is_not_reminded(berlin, organiser):
    with time_machine.travel(NOW, tick=False):
        services.cancel_session(berlin, by=organiser, reason="Ill.")
    mail.outbox.clear()
    assert run(dt.datetime(2027, 3, 30, 8, 0, tzinfo=dt.UTC)) == "Queued 0 training reminder(s).\n"
    assert mail.outbox == []


def test_a_session_moved_to_another_day_is_reminded_again(berlin, organiser):
    run(dt.datetime(2027, 3, 30, 8, 0, tzinfo=dt.UTC))
    assert len(mail.outbox) == 2
    later = BERLIN_START + dt.timedelta(days=7)
    with time_machine.travel(dt.datetime(2027, 3, 30, 9, 0, tzinfo=dt.UTC), tick=False):
        services.update_session(
            berlin, by=organiser, starts_at=later, ends_at=later + dt.timedelta(hours=3)
        )
    mail.outbox.clear()
    run(dt.datetime(2027, 3, 30, 10, 0, tzinfo=dt.UTC))  # the old day before: nothing
    assert mail.outbox == []
    run(dt.datetime(2027, 4, 6, 8, 0, tzinfo=dt.UTC))
    assert recipients() == ["also-in@example.org", "in@example.org"]
    assert "7 April 2027" in mail.outbox[0].body
