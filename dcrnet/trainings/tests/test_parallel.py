"""Registrations at the same moment (threads with their own connections, SQLite and PostgreSQL):
never more confirmed than places, never two rows for one person, no error; cancellations and
capacity changes racing registrations leave the wait-list consistent."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from dcrnet.lib.refusals import Invalid
from dcrnet.trainings import services
from dcrnet.trainings.models import Registration, RegistrationStatus, Session

from .factories import make_person, make_session

pytestmark = pytest.mark.django_db(transaction=True)

CONFIRMED, WAITLISTED = RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED


def errors(results) -> list:
    return [r for r in results if isinstance(r, Exception)]


def counts(session) -> tuple[int, int]:
    registrations = Registration.objects.filter(session=session)
    return registrations.confirmed().count(), registrations.waitlist().count()


def no_duplicates(session) -> bool:
    users = list(Registration.objects.filter(session=session).values_list("user_id", flat=True))
    return len(users) == len(set(users))


def test_thirty_people_register_for_ten_places_at_once(shared_database, in_parallel):
    session = make_session(capacity=10)
    people = [make_person(f"p{i}") for i in range(30)]
    results = in_parallel(lambda person: services.register(session, person), [(p,) for p in people])
    assert errors(results) == []
    assert sorted(r.status for r in results).count(CONFIRMED) == 10
    assert counts(session) == (10, 20)
    assert no_duplicates(session)
    # First come, first served: everyone confirmed registered before everyone waiting.
    confirmed = Registration.objects.filter(session=session).confirmed()
    waiting = Registration.objects.filter(session=session).waitlist()
    assert max(r.registered_at for r in confirmed) <= min(r.registered_at for r in waiting)


def test_one_person_registering_several_times_at_once_gets_one_row(shared_database, in_parallel):
    session = make_session(capacity=10)
    person = make_person("double-click")
    results = in_parallel(lambda: services.register(session, person), [()] * 6)
    assert errors(results) == []
    assert len({r.pk for r in results}) == 1
    assert sorted(r.already_registered for r in results) == [False] + [True] * 5
    assert Registration.objects.filter(session=session, user=person).count() == 1
    assert counts(session) == (1, 0)


def test_cancellations_and_registrations_race(shared_database, in_parallel):
    session = make_session(capacity=2)
    a, b, c = (make_person(handle) for handle in "abc")
    for person in (a, b, c):
        services.register(session, person)
    newcomers = [make_person(f"new{i}") for i in range(4)]
    by_user = {r.user_id: r for r in Registration.objects.filter(session=session)}
    User = get_user_model()

    def act(kind, user_id):
        user = User.objects.get(pk=user_id)
        if kind == "cancel":
            return services.cancel(by_user[user_id], by=user)
        return services.register(session, user)

    work = [("cancel", a.pk), ("cancel", b.pk)] + [("register", p.pk) for p in newcomers]
    results = in_parallel(act, work)
    assert errors(results) == []
    assert counts(session) == (2, 3)  # c and one newcomer confirmed; 3 wait
    assert Registration.objects.get(session=session, user=c).status == CONFIRMED
    assert no_duplicates(session)


def test_capacity_lowered_while_people_register(shared_database, in_parallel):
    organiser = make_person("organiser")
    session = make_session(capacity=10, organisers=[organiser])
    for i in range(4):
        services.register(session, make_person(f"early{i}"))
    people = [make_person(f"p{i}") for i in range(12)]

    def act(person):
        if person is None:
            return services.update_session(session, by=organiser, capacity=6)
        return services.register(session, person)

    results = in_parallel(act, [(None,)] + [(p,) for p in people])
    refused = errors(results)
    assert all(isinstance(error, Invalid) for error in refused), refused
    assert len(refused) <= 1  # only the change, when 6 were already confirmed before it
    capacity = Session.objects.get(pk=session.pk).capacity
    assert capacity == (10 if refused else 6)
    assert counts(session) == (capacity, 16 - capacity)
    assert no_duplicates(session)
