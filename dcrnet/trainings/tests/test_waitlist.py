"""The wait-list on a frozen clock: first registered, first promoted; a promoted person is told
and may decline, which promotes the next; more places promote as many; no promotion once the
session started or after it was cancelled."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core import mail

from dcrnet.trainings import services
from dcrnet.trainings.models import Registration, RegistrationStatus

from .factories import NOW, make_person, make_session

pytestmark = pytest.mark.django_db

CONFIRMED, WAITLISTED, CANCELLED = (
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.WAITLISTED,
    RegistrationStatus.CANCELLED,
)


def at(moment):
    return time_machine.travel(moment, tick=False)


@pytest.fixture
def organiser():
    return make_person("organiser")


@pytest.fixture
def full(organiser):
    """A session of 2 places: a and b confirmed; c, d, e wait, registered an hour apart."""
    session = make_session(capacity=2, organisers=[organiser])
    people = {}
    for hour, handle in enumerate("abcde"):
        people[handle] = make_person(handle)
        with at(NOW + dt.timedelta(hours=hour)):
            services.register(session, people[handle])
    return session, people


def statuses(session) -> dict[str, str]:
    return dict(session.registrations.values_list("user__handle", "status"))


def registration(session, person) -> Registration:
    return Registration.objects.get(session=session, user=person)


def test_a_freed_place_goes_to_the_first_on_the_wait_list(full):
    session, people = full
    moment = NOW + dt.timedelta(days=1)
    with at(moment):
        services.cancel(registration(session, people["a"]), by=people["a"])
    assert statuses(session) == {
        "a": CANCELLED,
        "b": CONFIRMED,
        "c": CONFIRMED,
        "d": WAITLISTED,
        "e": WAITLISTED,
    }
    promoted = registration(session, people["c"])
    assert promoted.confirmed_at == moment
    assert promoted.registered_at == NOW + dt.timedelta(hours=2)  # keeps its place in history


def test_the_promoted_person_is_told_and_may_decline(full, django_capture_on_commit_callbacks):
    session, people = full
    with at(NOW + dt.timedelta(days=1)), django_capture_on_commit_callbacks(execute=True):
        services.cancel(registration(session, people["b"]), by=people["b"])
    told = [m for m in mail.outbox if m.to == ["c@example.org"]]
    assert len(told) == 1 and "A place is yours" in told[0].subject
    assert f"/trainings/sessions/{session.public_id}/" in told[0].body

    with at(NOW + dt.timedelta(days=2)):
        services.cancel(registration(session, people["c"]), by=people["c"])  # declines
    assert statuses(session)["c"] == CANCELLED
    assert statuses(session)["d"] == CONFIRMED
    assert statuses(session)["e"] == WAITLISTED


def test_equal_registration_times_are_promoted_by_id(organiser):
    session = make_session(capacity=1, organisers=[organiser])
    people = [make_person(f"p{i}") for i in range(4)]
    with at(NOW):
        for person in people:
            services.register(session, person)
    with at(NOW + dt.timedelta(days=1)):
        services.cancel(registration(session, people[0]), by=people[0])
    assert statuses(session)["p1"] == CONFIRMED
    assert list(session.registrations.waitlist().values_list("user__handle", flat=True)) == [
        "p2",
        "p3",
    ]


def test_leaving_the_wait_list_promotes_nobody(full):
    session, people = full
    with at(NOW + dt.timedelta(days=1)):
        services.cancel(registration(session, people["c"]), by=people["c"])
    assert session.registrations.confirmed().count() == 2
    assert statuses(session)["d"] == WAITLISTED


def test_more_places_promote_as_many_in_order(full, organiser):
    session, _people = full
    with at(NOW + dt.timedelta(days=1)):
        services.update_session(session, by=organiser, capacity=4)
    assert statuses(session) == {
        "a": CONFIRMED,
        "b": CONFIRMED,
        "c": CONFIRMED,
        "d": CONFIRMED,
        "e": WAITLISTED,
    }
    session.refresh_from_db()
    assert session.sequence == 0  # participants do not see the capacity in their calendar


def test_no_promotion_once_the_session_started(full, organiser):
    session, people = full
    with at(session.starts_at + dt.timedelta(minutes=10)):
        services.cancel(registration(session, people["a"]), by=organiser)  # a did not come
    assert statuses(session)["c"] == WAITLISTED
    assert session.registrations.confirmed().count() == 1


def test_an_organiser_removing_after_the_cut_off_promotes(full, organiser):
    session, people = full
    with at(session.cancellation_cutoff + dt.timedelta(hours=1)):
        services.cancel(registration(session, people["a"]), by=organiser)
    assert statuses(session)["c"] == CONFIRMED


def test_a_cancelled_session_promotes_nobody_and_keeps_who_was_registered(full, organiser):
    session, people = full
    with at(NOW + dt.timedelta(days=1)):
        services.cancel_session(session, by=organiser, reason="The trainer is ill.")
        services.cancel(registration(session, people["a"]), by=people["a"])
    assert statuses(session) == {
        "a": CANCELLED,
        "b": CONFIRMED,
        "c": WAITLISTED,
        "d": WAITLISTED,
        "e": WAITLISTED,
    }


def test_registering_again_joins_the_end_of_the_wait_list(full):
    session, people = full
    with at(NOW + dt.timedelta(days=1)):
        services.cancel(registration(session, people["c"]), by=people["c"])
    with at(NOW + dt.timedelta(days=2)):
        services.register(session, people["c"])
    with at(NOW + dt.timedelta(days=3)):
        services.cancel(registration(session, people["a"]), by=people["a"])
        services.cancel(registration(session, people["b"]), by=people["b"])
    assert statuses(session) == {
        "a": CANCELLED,
        "b": CANCELLED,
        "c": WAITLISTED,
        "d": CONFIRMED,
        "e": CONFIRMED,
    }


def test_a_place_given_after_the_cut_off_may_still_be_declined(full, organiser):
    """Promoted after the cut-off (an organiser removed someone, or raised the capacity), a
    person is emailed that they may decline: they can, until the start; a place confirmed
    before the cut-off still cannot be given back by its holder."""
    from dcrnet.trainings import selectors

    session, people = full
    later = session.cancellation_cutoff + dt.timedelta(hours=1)
    with at(later):
        services.cancel(registration(session, people["a"]), by=organiser)
        promoted = registration(session, people["c"])
        assert promoted.status == CONFIRMED
        assert selectors.may_cancel(promoted)
        assert not selectors.may_cancel(registration(session, people["b"]))
        services.cancel(promoted, by=people["c"])
        with pytest.raises(services.Invalid):
            services.cancel(registration(session, people["b"]), by=people["b"])
    assert statuses(session) == {
        "a": CANCELLED,
        "b": CONFIRMED,
        "c": CANCELLED,
        "d": CONFIRMED,
        "e": WAITLISTED,
    }
    with at(session.starts_at):
        with pytest.raises(services.Invalid):
            services.cancel(registration(session, people["d"]), by=people["d"])
    # Registering after the cut-off is no promotion: that place is kept like the others.
    with at(later):
        services.update_session(session, by=organiser, capacity=4)  # e, then f
        late = services.register(session, make_person("f"))
        assert late.status == CONFIRMED and not selectors.may_cancel(late)
        with pytest.raises(services.Invalid):
            services.cancel(late, by=late.user)
