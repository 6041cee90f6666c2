"""Writes at the same moment (threads with their own connections, SQLite and PostgreSQL): two
host contacts answering one request, one person asking twice at once, the requester withdrawing
while the host answers. One decision wins; the others are refused clearly, never an error."""

from __future__ import annotations

import pytest

from dcrnet.community.models import Role
from dcrnet.visits import services
from dcrnet.visits.models import Event, EventKind, Visit, VisitStatus

from .conftest import make_person, soon

pytestmark = pytest.mark.django_db(transaction=True)


def outcomes(results):
    return sorted(type(r).__name__ if isinstance(r, Exception) else "ok" for r in results)


def test_two_contacts_answer_at_once_one_answer_wins(cast, shared_database, in_parallel):
    visit = cast["visit"]
    second = make_person("second-contact", Role.MEMBER)
    cast["host"].contacts.add(second)

    def act(person, decision):
        return services.answer(visit, by=person, decision=decision, message="Our answer")

    results = in_parallel(act, [(cast["host_contact"], "accept"), (second, "decline")])
    assert outcomes(results) == ["AlreadyAnswered", "ok"]
    refusal = next(r for r in results if isinstance(r, Exception))
    assert "already been answered" in str(refusal.message)
    visit = Visit.objects.get(pk=visit.pk)
    winner = next(r for r in results if not isinstance(r, Exception))
    assert visit.status == winner.status
    assert Event.objects.filter(visit=visit, by_host=True).count() == 1


def test_a_double_click_on_accept_answers_once(cast, shared_database, in_parallel):
    visit = cast["visit"]
    results = in_parallel(
        lambda: services.answer(visit, by=cast["host_contact"], decision="accept"), [(), (), ()]
    )
    assert outcomes(results) == ["AlreadyAnswered", "AlreadyAnswered", "ok"]
    assert Event.objects.filter(visit=visit, kind=EventKind.ACCEPTED).count() == 1


def test_one_person_asking_twice_at_once_makes_one_request(cast, shared_database, in_parallel):
    def act():
        return services.ask(
            cast["host"],
            by=cast["member"],
            first_date=soon(5),
            last_date=soon(6),
            group_size=2,
            purpose="Learn",
            languages=["en"],
        )

    results = in_parallel(act, [(), (), ()])
    assert outcomes(results) == ["AlreadyAsked", "AlreadyAsked", "ok"]
    assert Visit.objects.filter(requester=cast["member"]).count() == 1
    assert Event.objects.filter(visit__requester=cast["member"]).count() == 1


def test_withdrawing_while_the_host_answers(cast, shared_database, in_parallel):
    visit = cast["visit"]

    def act(kind):
        if kind == "withdraw":
            return services.withdraw(visit, by=cast["requester"])
        return services.answer(visit, by=cast["host_contact"], decision="decline", message="No")

    results = in_parallel(act, [("withdraw",), ("answer",)])
    # Whichever came first wins; the other finds the request closed.
    assert outcomes(results) == ["AlreadyAnswered", "ok"]
    visit = Visit.objects.get(pk=visit.pk)
    kinds = list(Event.objects.filter(visit=visit).values_list("kind", flat=True))
    assert visit.status in (VisitStatus.WITHDRAWN, VisitStatus.DECLINED)
    assert kinds == [EventKind.REQUESTED, visit.status]
