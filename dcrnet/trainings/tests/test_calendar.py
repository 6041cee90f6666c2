"""The calendar: the feed of upcoming sessions and one session's .ics, read back with icalendar."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from icalendar import Calendar

from dcrnet.trainings import services
from dcrnet.trainings.models import Format, SessionStatus
from dcrnet.trainings.tests.factories import NOW, make_person, make_session, make_training

pytestmark = pytest.mark.django_db

BERLIN = "Europe/Berlin"
LINK = "https://meet.example.org/dcr-training-room"
FEED = reverse("trainings:calendar")


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def ics(session) -> str:
    return reverse("trainings:session_ics", kwargs={"public_id": session.public_id})


def parsed(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content
    calendar = Calendar.from_ical(body)
    assert calendar.to_ical() == body  # round trip: nothing lost or changed
    assert calendar.get_missing_tzids() == set()  # a VTIMEZONE for every TZID used
    return calendar


def events(response) -> dict[str, object]:
    return {str(event["UID"]): event for event in parsed(response).events}


def test_the_feed_is_the_upcoming_sessions_of_published_trainings(client):
    upcoming = make_session()
    cancelled = make_session(start=NOW + dt.timedelta(days=40), status=SessionStatus.CANCELLED)
    past = make_session(start=NOW - dt.timedelta(days=3))
    hidden = make_session(make_training("draft", published=False))
    found = events(client.get(FEED))
    assert set(found) == {str(upcoming.public_id), str(cancelled.public_id)}
    assert str(past.public_id) not in found and str(hidden.public_id) not in found
    assert found[str(upcoming.public_id)]["STATUS"] == "CONFIRMED"
    assert found[str(cancelled.public_id)]["STATUS"] == "CANCELLED"


def test_the_feed_with_no_session_is_still_a_calendar(client):
    assert parsed(client.get(FEED)).events == []


def test_the_feed_may_be_kept_briefly_by_anyone(client):
    make_session()
    response = client.get(FEED)
    assert response["Cache-Control"].startswith("public, max-age=")
    assert "ETag" in response


def test_an_event_says_what_when_and_where(client, facility):
    session = make_session(facility=facility, address="", trainers="A. Trainer")
    event = events(client.get(FEED))[str(session.public_id)]
    assert event["SUMMARY"] == "Running a drug consumption room"
    assert event["LOCATION"] == "Abrigado, Luxembourg"
    assert event["URL"].endswith(session.get_absolute_url())
    assert event["SEQUENCE"] == 0
    assert event.start == session.starts_at and event.end == session.ends_at
    assert event["DTSTART"].params["TZID"] == BERLIN
    assert event["DTSTAMP"].dt == event["LAST-MODIFIED"].dt == NOW
    assert "A. Trainer" in event["DESCRIPTION"]
    assert "How a room works." in event["DESCRIPTION"]


def test_the_url_is_the_session_page_on_the_site_address(client, settings):
    settings.SITE_URL = "https://dcr.example.org"
    session = make_session()
    event = events(client.get(FEED))[str(session.public_id)]
    assert event["URL"] == f"https://dcr.example.org/trainings/sessions/{session.public_id}/"


def test_an_unpublished_facility_is_not_named(client, make_facility):
    hidden = make_facility("xx-hidden", name="Hidden Room", published=False)
    session = make_session(facility=hidden, address="Somewhere street 2\nBerlin")
    event = events(client.get(FEED))[str(session.public_id)]
    assert event["LOCATION"] == "Somewhere street 2, Berlin"
    assert "Hidden Room" not in client.get(FEED).content.decode()


def test_the_title_is_in_the_language_of_the_address(client):
    training = make_training(title_fr="Gérer une salle de consommation")
    session = make_session(training)
    event = events(client.get("/fr" + FEED))[str(session.public_id)]
    assert event["SUMMARY"] == "Gérer une salle de consommation"
    assert event["URL"].endswith(f"/fr/trainings/sessions/{session.public_id}/")


def test_a_demonstration_session_says_so(client):
    session = make_session(is_demo=True)
    event = events(client.get(FEED))[str(session.public_id)]
    assert event["SUMMARY"].startswith("Demonstration: ")


def test_a_session_over_the_end_of_summer_time_keeps_its_hours(client):
    """Europe/Berlin, last Sunday of October 2027: 01:30 summer time to 04:30 winter time is
    four hours (23:30 to 03:30 UTC), and the VTIMEZONE says when the clocks change."""
    berlin = zoneinfo.ZoneInfo(BERLIN)
    session = make_session(
        start=dt.datetime(2027, 10, 31, 1, 30, tzinfo=berlin),
        ends_at=dt.datetime(2027, 10, 31, 4, 30, tzinfo=berlin),
        time_zone=BERLIN,
    )
    response = client.get(ics(session))
    calendar = parsed(response)
    text = response.content.decode()
    assert "DTSTART;TZID=Europe/Berlin:20271031T013000" in text
    assert "DTEND;TZID=Europe/Berlin:20271031T043000" in text

    [event] = calendar.events
    assert event.start.astimezone(dt.UTC) == dt.datetime(2027, 10, 30, 23, 30, tzinfo=dt.UTC)
    assert event.end.astimezone(dt.UTC) == dt.datetime(2027, 10, 31, 3, 30, tzinfo=dt.UTC)
    # (Python subtracts two times of one zone as wall-clock times: 3 hours.)
    assert event.end.astimezone(dt.UTC) - event.start.astimezone(dt.UTC) == dt.timedelta(hours=4)

    [zone] = calendar.timezones
    assert zone.tz_name == BERLIN
    onsets = sorted(
        (
            # RFC 5545 3.6.5: DTSTART is the onset in the local time before it.
            (observance.DTSTART - observance.TZOFFSETFROM).replace(tzinfo=dt.UTC),
            observance.name,
            observance.TZOFFSETFROM,
            observance.TZOFFSETTO,
        )
        for observance in zone.subcomponents
    )
    hour = dt.timedelta(hours=1)
    assert ("DAYLIGHT", hour, 2 * hour) in [row[1:] for row in onsets]
    assert ("STANDARD", 2 * hour, hour) in [row[1:] for row in onsets]
    changes = {row[0]: row[1:] for row in onsets if row[2] != row[3]}
    assert changes == {
        dt.datetime(2027, 3, 28, 1, 0, tzinfo=dt.UTC): ("DAYLIGHT", hour, 2 * hour),
        dt.datetime(2027, 10, 31, 1, 0, tzinfo=dt.UTC): ("STANDARD", 2 * hour, hour),
    }

    def local(instant: dt.datetime) -> str:
        """The wall-clock time the VTIMEZONE gives for an instant: by its last onset before."""
        offset = max(row for row in onsets if row[0] <= instant)[3]
        return instant.astimezone(dt.timezone(offset)).strftime("%Y-%m-%d %H:%M %z")

    # Read with the calendar's own VTIMEZONE, the event is still 01:30 to 04:30 local time.
    assert local(event.start) == "2027-10-31 01:30 +0200"
    assert local(event.end) == "2027-10-31 04:30 +0100"


def test_a_zone_without_summer_time_has_one_observance(client):
    session = make_session(time_zone="Asia/Tokyo")
    [zone] = parsed(client.get(ics(session))).timezones
    assert [observance.name for observance in zone.subcomponents] == ["STANDARD"]
    assert zone.subcomponents[0].TZOFFSETTO == dt.timedelta(hours=9)


def test_a_session_file_is_a_download(client):
    session = make_session()
    response = client.get(ics(session))
    assert response["Content-Disposition"] == (
        f'attachment; filename="running-a-dcr-{session.local_start:%Y-%m-%d}.ics"'
    )
    [event] = parsed(response).events
    assert str(event["UID"]) == str(session.public_id)


def test_a_session_of_an_unpublished_training_is_not_found(client, staff):
    session = make_session(make_training("draft", published=False))
    assert client.get(ics(session)).status_code == 404
    client.force_login(staff)
    assert client.get(ics(session)).status_code == 404


def test_an_unknown_session_is_not_found(client):
    url = reverse(
        "trainings:session_ics", kwargs={"public_id": "0" * 8 + "-0000-0000-0000-" + "0" * 12}
    )
    assert client.get(url).status_code == 404


def test_the_calendar_answers_reads_only(client):
    session = make_session()
    assert client.post(FEED).status_code == 405
    assert client.post(ics(session)).status_code == 405
    assert client.head(FEED).status_code == 200


# Who sees the link to join online ------------------------------------------------------------


def organiser_person(handle: str):
    """Organisers need a second factor (community.roles), or every page sends them to enrol."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    person = make_person(handle)
    TOTP.activate(person, generate_totp_secret())
    return person


def online_session(**extra):
    return make_session(format=Format.ONLINE, address="", online_url=LINK, capacity=1, **extra)


def test_the_link_is_in_the_file_of_a_confirmed_participant_only(client):
    session = online_session()
    confirmed, waiting, stranger = (make_person(h) for h in ("ana", "ben", "cleo"))
    services.register(session, confirmed)
    services.register(session, waiting)
    seen = {}
    for name, person in {"confirmed": confirmed, "waiting": waiting, "stranger": stranger}.items():
        client.force_login(person)
        seen[name] = LINK in client.get(ics(session)).content.decode()
        client.logout()
    seen["anonymous"] = LINK in client.get(ics(session)).content.decode()
    assert seen == {"confirmed": True, "waiting": False, "stranger": False, "anonymous": False}


def test_the_organisers_and_editors_get_the_link(client, editor):
    organiser, other = organiser_person("olga"), organiser_person("otto")
    session = online_session(organisers=[organiser])
    online_session(organisers=[other])
    for person, sees in ((organiser, True), (editor, True), (other, False)):
        client.force_login(person)
        assert (LINK in client.get(ics(session)).content.decode()) is sees, person
        client.logout()


def test_the_link_is_never_in_the_feed(client):
    session = online_session()
    person = make_person("ana")
    services.register(session, person)
    client.force_login(person)
    body = client.get(FEED).content.decode()
    assert LINK not in body
    assert "ana@example.org" not in body
    assert "Online: the link is sent to confirmed participants." in events(client.get(FEED))[
        str(session.public_id)
    ]["DESCRIPTION"].replace("\n", " ")


def test_a_signed_in_answer_is_kept_by_no_one(client):
    session = online_session()
    person = make_person("ana")
    services.register(session, person)
    client.force_login(person)
    assert client.get(ics(session))["Cache-Control"] == "no-store, private"


# Changes that calendar clients apply ---------------------------------------------------------


def test_a_change_raises_the_sequence_under_the_same_uid(client, editor, clock):
    session = make_session()
    before = events(client.get(FEED))[str(session.public_id)]
    clock.shift(60)
    services.update_session(
        session,
        by=editor,
        starts_at=session.starts_at + dt.timedelta(hours=1),
        ends_at=session.ends_at + dt.timedelta(hours=1),
    )
    after = events(client.get(FEED))[str(session.public_id)]
    assert after["SEQUENCE"] == before["SEQUENCE"] + 1
    assert after.start == before.start + dt.timedelta(hours=1)
    assert after["DTSTAMP"].dt > before["DTSTAMP"].dt
    assert after["LAST-MODIFIED"].dt == NOW + dt.timedelta(seconds=60)


def test_a_change_nobody_is_told_about_keeps_the_sequence(client, editor):
    session = make_session()
    services.update_session(session, by=editor, capacity=12)
    assert events(client.get(FEED))[str(session.public_id)]["SEQUENCE"] == 0


def test_a_cancelled_session_is_cancelled_in_the_calendar(client, editor, clock):
    session = online_session()
    person = make_person("ana")
    services.register(session, person)
    clock.shift(60)
    services.cancel_session(session, by=editor, reason="The trainer is ill.")
    event = events(client.get(FEED))[str(session.public_id)]
    assert event["STATUS"] == "CANCELLED"
    assert event["SEQUENCE"] == 1
    assert event["SUMMARY"] == "Cancelled: Running a drug consumption room"
    assert "The trainer is ill." in event["DESCRIPTION"]
    client.force_login(person)  # confirmed, but there is nothing to join any more
    [own] = parsed(client.get(ics(session))).events
    assert str(own["UID"]) == str(session.public_id)
    assert own["STATUS"] == "CANCELLED"
    assert LINK not in own["DESCRIPTION"]


def test_the_same_data_gives_the_same_bytes(client, clock):
    make_session()
    first = client.get(FEED).content
    clock.shift(3600)
    assert client.get(FEED).content == first


def test_the_feed_costs_the_same_queries_for_more_sessions(client, facility):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(FEED).status_code == 200
        return len(captured)

    make_session(facility=facility)
    few = queries()
    for days in (31, 32, 33):
        make_session(facility=facility, start=NOW + dt.timedelta(days=days))
    assert queries() == few
