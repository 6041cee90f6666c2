"""Parallel writes: one person's duplicate applications, two deciders on one application.

Real threads with their own connections (`shared_database`, `in_parallel`); SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections import Counter

import pytest
from django.test import Client

from dcrnet.community.models import Role
from dcrnet.organisations import services
from dcrnet.organisations.models import Membership, Organisation, Status

pytestmark = pytest.mark.django_db(transaction=True)


def outcome(result) -> str:
    if isinstance(result, services.Refused):
        return type(result).__name__
    if isinstance(result, Exception):
        return f"error: {result!r}"
    return "ok"


def test_parallel_applications_of_one_person_end_as_one(non_member, shared_database, in_parallel):
    results = in_parallel(
        lambda: services.apply_for_membership(non_member, statement="Hello"), [()] * 6
    )
    assert Counter(map(outcome, results)) == {"ok": 1, "AlreadyApplied": 5}
    assert Membership.objects.filter(user=non_member).count() == 1


def test_parallel_applications_through_one_organisation_end_as_one(
    non_member, organisation, shared_database, in_parallel
):
    def apply():
        return services.apply_for_membership(non_member, organisation=organisation)

    results = in_parallel(apply, [()] * 4)
    assert Counter(map(outcome, results)) == {"ok": 1, "AlreadyApplied": 3}
    assert Membership.objects.filter(user=non_member, organisation=organisation).count() == 1


def test_parallel_posts_of_the_join_form_answer_a_message_never_a_500(
    non_member, shared_database, in_parallel
):
    def post():
        client = Client(raise_request_exception=False)
        client.force_login(non_member)
        return client.post("/members/join/", {"statement": "Twice"})

    responses = in_parallel(post, [()] * 4)
    statuses = sorted(getattr(r, "status_code", repr(r)) for r in responses)
    assert statuses == [200, 200, 200, 302], statuses
    assert all("already applied" in r.content.decode() for r in responses if r.status_code == 200)
    assert Membership.objects.filter(user=non_member).count() == 1


def test_parallel_organisation_applications_get_distinct_slugs(
    non_member, member, moderator, shared_database, in_parallel
):
    def apply(user):
        return services.apply_for_organisation(user, name="Same Name", kind="ngo", statement="x")

    results = in_parallel(apply, [(non_member,), (member,), (moderator,)])
    assert Counter(map(outcome, results)) == {"ok": 3}
    slugs = set(Organisation.objects.values_list("slug", flat=True))
    assert slugs == {"same-name", "same-name-2", "same-name-3"}


def test_two_deciders_at_once_make_one_decision(
    applicant, staff, superuser, shared_database, in_parallel, django_user_model
):
    membership = applicant.memberships.get()

    def decide(user, approve):
        reason = "" if approve else "Not now"
        return services.decide_membership(user, membership.pk, approve=approve, reason=reason)

    results = in_parallel(decide, [(staff, True), (superuser, False)])
    assert Counter(map(outcome, results)) == {"ok": 1, "AlreadyDecided": 1}
    membership.refresh_from_db()
    winner = staff if outcome(results[0]) == "ok" else superuser
    assert membership.decided_by == winner
    applicant = django_user_model.objects.get(pk=applicant.pk)
    assert applicant.has_role(Role.MEMBER) == (membership.status == Status.APPROVED)


def test_two_staff_deciding_one_organisation_by_post_get_one_decision_and_a_message(
    non_member, staff, superuser, shared_database, in_parallel
):
    organisation = services.apply_for_organisation(
        non_member, name="Contested", kind="ngo", statement="x"
    )

    def post(user):
        client = Client(raise_request_exception=False)
        client.force_login(user)
        return client.post(
            f"/organisations/applications/{organisation.pk}/decide/",
            {"decision": "approve"},
            follow=True,
        )

    responses = in_parallel(post, [(staff,), (superuser,)])
    assert [r.status_code for r in responses] == [200, 200]
    pages = [r.content.decode() for r in responses]
    assert sum("already been decided" in page for page in pages) == 1
    assert sum("was approved" in page for page in pages) == 1
    assert Membership.objects.get(organisation=organisation).status == Status.APPROVED
