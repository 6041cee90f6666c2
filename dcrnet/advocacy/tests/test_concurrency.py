"""Parallel writes on both databases (real threads, own connections): two contacts of one
organisation endorsing at once, two staff deciding one endorsement at once, one person signing
twice at once, a withdrawal racing an approval."""

from __future__ import annotations

from collections import Counter

import pytest
from django.test import Client

from dcrnet.advocacy import services
from dcrnet.advocacy.models import Delivery, Endorsement, Signature, Status

from .conftest import endorsement

pytestmark = pytest.mark.django_db(transaction=True)


def outcome(result) -> str:
    if isinstance(result, services.Refused):
        return type(result).__name__
    if isinstance(result, Exception):
        return f"error: {result!r}"
    return "ok"


def test_two_contacts_endorsing_at_once_make_one_endorsement(
    contact, second_contact, initiative, organisation, shared_database, in_parallel
):
    results = in_parallel(
        lambda user: services.endorse(user, initiative.pk, organisation.pk),
        [(contact,), (second_contact,), (contact,)],
    )
    assert Counter(map(outcome, results)) == {"ok": 1, "AlreadyEndorsed": 2}
    assert Endorsement.objects.filter(initiative=initiative, organisation=organisation).count() == 1


def test_two_contacts_posting_at_once_get_one_endorsement_and_a_clear_answer(
    contact, second_contact, initiative, organisation, shared_database, in_parallel
):
    def post(user):
        client = Client(raise_request_exception=False)
        client.force_login(user)
        return client.post(
            f"/advocacy/{initiative.slug}/endorse/", {"organisation": organisation.pk}
        ).status_code

    assert sorted(in_parallel(post, [(contact,), (second_contact,)])) == [302, 409]
    assert Endorsement.objects.count() == 1


def test_two_staff_deciding_at_once_make_one_decision_and_one_email(
    django_user_model,
    staff,
    contact,
    initiative,
    organisation,
    shared_database,
    in_parallel,
    mailoutbox,
):
    from dcrnet.community.models import Role

    from .conftest import make_user

    other_staff = make_user(
        django_user_model, "staff-two@example.org", Role.STAFF, mfa=True, is_staff=True
    )
    waiting = endorsement(initiative, organisation, status=Status.PENDING, endorsed_by=contact)

    def decide(user, approve):
        return services.decide(user, waiting.pk, approve=approve, reason="" if approve else "No")

    results = in_parallel(decide, [(staff, True), (other_staff, False)])
    assert Counter(map(outcome, results)) == {"ok": 1, "AlreadyDecided": 1}
    waiting.refresh_from_db()
    winner = results[0] if outcome(results[0]) == "ok" else results[1]
    assert (waiting.status, waiting.decided_by_id) == (winner.status, winner.decided_by_id)
    assert waiting.history.filter(status__in=[Status.APPROVED, Status.DECLINED]).count() == 1
    assert len(mailoutbox) == 1 and Delivery.objects.count() == 1


def test_one_person_signing_twice_at_once_signs_once(
    member, initiative, shared_database, in_parallel
):
    results = in_parallel(
        lambda: services.sign(member, initiative.pk, shown_as="counted"), [()] * 3
    )
    assert Counter(map(outcome, results)) == {"ok": 1, "AlreadySigned": 2}
    assert Signature.objects.filter(user=member).count() == 1


def test_a_withdrawal_racing_an_approval_ends_withdrawn_or_refused(
    contact, staff, initiative, organisation, shared_database, in_parallel
):
    waiting = endorsement(initiative, organisation, status=Status.PENDING, endorsed_by=contact)
    calls = [
        (lambda: services.withdraw(contact, waiting.pk),),
        (lambda: services.decide(staff, waiting.pk, approve=True),),
    ]
    results = in_parallel(lambda call: call(), calls)
    waiting.refresh_from_db()
    withdrawn, decided = map(outcome, results)
    assert withdrawn == "ok"  # a pending or approved endorsement can always be withdrawn
    assert decided in {"ok", "AlreadyDecided"}
    assert waiting.status == Status.WITHDRAWN
    assert (waiting.decided_at is not None) == (decided == "ok")
