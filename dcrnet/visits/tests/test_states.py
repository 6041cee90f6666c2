"""The state machine of a visit, as a table: which action, in which state, by whom → the new
state or the refusal. Then the rules of time on a frozen clock, and the history each step
leaves."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.db import transaction

from dcrnet.lib.refusals import Invalid, NotAllowed, Refused
from dcrnet.visits import services
from dcrnet.visits.models import Event, EventKind, Visit, VisitStatus
from dcrnet.visits.services import AlreadyAnswered

pytestmark = pytest.mark.django_db

R, P, A, D, W = (
    VisitStatus.REQUESTED,
    VisitStatus.PROPOSED,
    VisitStatus.ACCEPTED,
    VisitStatus.DECLINED,
    VisitStatus.WITHDRAWN,
)
STATES = [R, P, A, D, W]
NOW = dt.datetime(2030, 3, 2, 10, 0, tzinfo=dt.UTC)
FIRST, LAST = dt.date(2030, 3, 20), dt.date(2030, 3, 21)
PROPOSED = (dt.date(2030, 4, 2), dt.date(2030, 4, 3))


def _visit(cast, status=R):
    """The cast's request, on FIRST–LAST, in `status`, with a proposal on record."""
    Visit.objects.filter(pk=cast["visit"].pk).update(
        status=status,
        first_date=FIRST,
        last_date=LAST,
        proposed_first_date=PROPOSED[0],
        proposed_last_date=PROPOSED[1],
    )
    Event.objects.filter(visit=cast["visit"]).update(first_date=FIRST, last_date=LAST)
    return Visit.objects.get(pk=cast["visit"].pk)


def do(action: str, visit, person):
    if action == "accept":
        return services.answer(visit, by=person, decision="accept")
    if action == "propose":
        first, last = PROPOSED
        return services.answer(
            visit, by=person, decision="propose", message="April?", first_date=first, last_date=last
        )
    if action == "decline":
        return services.answer(visit, by=person, decision="decline", message="Sorry")
    if action == "take":
        return services.take_proposal(visit, by=person)
    if action == "withdraw":
        return services.withdraw(visit, by=person)
    if action == "show":
        return services.set_publicity(visit, by=person, public=True)
    raise AssertionError(action)


def expected(action: str, who: str, state: str):
    """The table: a VisitStatus reached, or the refusal's class."""
    if action in ("accept", "propose", "decline"):
        if who != "host_contact":
            return NotAllowed
        return {"accept": A, "propose": P, "decline": D}[action] if state == R else AlreadyAnswered
    if action == "take":
        if who != "requester":
            return NotAllowed
        return A if state == P else AlreadyAnswered
    if action == "withdraw":
        if who != "requester":
            return NotAllowed
        return W if state in (R, P, A) else AlreadyAnswered
    if action == "show":
        if who not in ("requester", "host_contact"):
            return NotAllowed
        return A if state == A else AlreadyAnswered
    raise AssertionError(action)


ACTIONS = ("accept", "propose", "decline", "take", "withdraw", "show")
WHO = ("requester", "host_contact", "other_contact", "other_member", "staff")


def outcome(action: str, who: str, state: str, cast):
    """What happens (a state or a refusal's class), the database rolled back after."""
    with transaction.atomic():
        visit = _visit(cast, state)
        events = Event.objects.filter(visit=visit).count()
        try:
            do(action, visit, cast[who])
        except Refused as refusal:
            assert str(refusal.message)
            assert Visit.objects.get(pk=visit.pk).status == state
            assert Event.objects.filter(visit=visit).count() == events
            result = type(refusal)
        else:
            result = Visit.objects.get(pk=visit.pk).status
            assert Event.objects.filter(visit=visit).count() == events + (action != "show")
        transaction.set_rollback(True)
    return result


@pytest.mark.parametrize("action", ACTIONS)
def test_the_state_table(cast, action):
    with time_machine.travel(NOW, tick=False):
        got = {(who, state): outcome(action, who, state, cast) for who in WHO for state in STATES}
    assert got == {(who, state): expected(action, who, state) for who in WHO for state in STATES}


def test_a_request_whose_dates_have_passed_cannot_be_accepted(cast):
    with time_machine.travel(NOW, tick=False):
        visit = _visit(cast)
    with time_machine.travel(dt.datetime(2030, 3, 20, 8, tzinfo=dt.UTC), tick=False):
        with pytest.raises(Invalid, match="have passed"):
            services.answer(visit, by=cast["host_contact"], decision="accept")
        # Proposing other dates is still possible.
        services.answer(
            visit,
            by=cast["host_contact"],
            decision="propose",
            message="Later?",
            first_date=dt.date(2030, 3, 25),
            last_date=dt.date(2030, 3, 25),
        )


def test_an_accepted_visit_can_be_withdrawn_until_the_day_before(cast):
    with time_machine.travel(NOW, tick=False):
        visit = _visit(cast, A)
    with time_machine.travel(dt.datetime(2030, 3, 20, 0, 5, tzinfo=dt.UTC), tick=False):
        with pytest.raises(AlreadyAnswered, match="no longer be withdrawn"):
            services.withdraw(visit, by=cast["requester"])
    with time_machine.travel(dt.datetime(2030, 3, 19, 23, 55, tzinfo=dt.UTC), tick=False):
        assert services.withdraw(visit, by=cast["requester"]).status == W


def test_a_proposal_whose_dates_have_passed_cannot_be_taken(cast):
    with time_machine.travel(NOW, tick=False):
        visit = _visit(cast, P)
    with time_machine.travel(dt.datetime(2030, 4, 2, 9, tzinfo=dt.UTC), tick=False):
        with pytest.raises(Invalid, match="proposed dates have passed"):
            services.take_proposal(visit, by=cast["requester"])
        assert services.withdraw(visit, by=cast["requester"]).status == W


def test_the_host_needs_a_message_to_propose_or_decline(cast):
    with time_machine.travel(NOW, tick=False):
        visit = _visit(cast)
        for decision in ("propose", "decline"):
            with pytest.raises(Invalid, match="message"):
                services.answer(
                    visit,
                    by=cast["host_contact"],
                    decision=decision,
                    message="  ",
                    first_date=PROPOSED[0],
                    last_date=PROPOSED[1],
                )
        with pytest.raises(Invalid, match="at most 14 days"):
            services.answer(
                visit,
                by=cast["host_contact"],
                decision="propose",
                message="Longer?",
                first_date=dt.date(2030, 4, 1),
                last_date=dt.date(2030, 4, 20),
            )
        assert Visit.objects.get(pk=visit.pk).status == R


def test_taking_the_proposal_moves_the_visit_to_the_proposed_dates_and_keeps_the_history(cast):
    with time_machine.travel(NOW, tick=False):
        visit = _visit(cast)
        services.answer(
            visit,
            by=cast["host_contact"],
            decision="propose",
            message="April suits us better.",
            first_date=PROPOSED[0],
            last_date=PROPOSED[1],
        )
        services.take_proposal(visit, by=cast["requester"])
        visit = Visit.objects.get(pk=visit.pk)
    assert (visit.status, visit.first_date, visit.last_date) == (A, *PROPOSED)
    assert visit.decided_by == cast["host_contact"]
    history = [(e.kind, e.by_host, e.author, e.first_date, e.message) for e in visit.events.all()]
    assert history == [
        (EventKind.REQUESTED, False, cast["requester"], FIRST, ""),
        (EventKind.PROPOSED, True, cast["host_contact"], PROPOSED[0], "April suits us better."),
        (EventKind.TOOK_PROPOSAL, False, cast["requester"], PROPOSED[0], ""),
    ]


def test_publicity_needs_both_sides(cast):
    with time_machine.travel(NOW, tick=False):
        visit = _visit(cast, A)
        services.set_publicity(visit, by=cast["requester"], public=True)
        assert not Visit.objects.public().exists()
        services.set_publicity(visit, by=cast["host_contact"], public=True)
        assert list(Visit.objects.public()) == [visit]
        services.set_publicity(visit, by=cast["requester"], public=False)
        assert not Visit.objects.public().exists()


def test_a_withdrawn_visit_is_no_longer_public(cast):
    with time_machine.travel(NOW, tick=False):
        visit = _visit(cast, A)
        Visit.objects.filter(pk=visit.pk).update(public_by_requester=True, public_by_host=True)
        assert Visit.objects.public().count() == 1
        services.withdraw(visit, by=cast["requester"])
        assert Visit.objects.public().count() == 0
