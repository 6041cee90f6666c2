"""Parallel writes on real threads (both databases): two step edits, an invitation accepted
twice, an expert invited twice, two listing requests, publishing twice."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from dcrnet.planning import services
from dcrnet.planning.models import (
    ExpertInvitation,
    Invitation,
    ListingRequest,
    Project,
    StepWork,
    TeamMember,
)

from .conftest import person

pytestmark = pytest.mark.django_db(transaction=True)


def refusals(results):
    return [r for r in results if isinstance(r, Exception)]


def test_two_step_edits_at_once_last_write_wins_and_the_owner_is_in_the_team(
    project, lead, teammate, shared_database, in_parallel
):
    work = project.steps.first()
    results = in_parallel(
        lambda user, notes: services.update_step(
            user, work.pk, status="in progress", notes=notes, owner_id=user.pk, due=None
        ),
        [(lead, "from the lead"), (teammate, "from the teammate")],
    )
    assert refusals(results) == []
    work = StepWork.objects.get(pk=work.pk)
    assert (work.notes, work.owner_id) in {
        ("from the lead", lead.pk),
        ("from the teammate", teammate.pk),
    }


def test_an_owner_removed_at_the_same_moment_is_never_saved_as_owner(
    project, lead, teammate, shared_database, in_parallel
):
    work = project.steps.first()
    row = TeamMember.objects.get(project=project, user=teammate)

    def edit():
        return services.update_step(
            lead, work.pk, status="done", notes="", owner_id=teammate.pk, due=None
        )

    def remove():
        return services.remove_member(lead, project.pk, row.pk)

    results = in_parallel(lambda f: f(), [(edit,), (remove,)])
    assert all(
        r is None or not isinstance(r, Exception) or isinstance(r, services.Invalid)
        for r in results
    )
    work = StepWork.objects.get(pk=work.pk)
    assert not TeamMember.objects.filter(project=project, user=teammate).exists()
    assert work.owner_id is None


def test_an_invitation_accepted_twice_at_once_gives_one_membership(
    project, lead, shared_database, in_parallel
):
    colleague = person("colleague@example.org", "colleague", "member")
    invitation = Invitation.objects.create(
        project=project,
        email=colleague.email,
        invited_by=lead,
        expires_at=timezone.now() + dt.timedelta(days=14),
    )
    results = in_parallel(
        lambda: services.accept_invitation(colleague, invitation.token), [(), (), ()]
    )
    assert refusals(results) == []
    assert TeamMember.objects.filter(project=project, user=colleague).count() == 1


def test_an_expert_invited_twice_at_once_has_one_invitation(
    project, lead, teammate, expert_user, shared_database, in_parallel
):
    work = project.steps.first()
    results = in_parallel(
        lambda user: services.invite_expert(user, work.pk, expert_user.expert.pk),
        [(lead,), (teammate,)],
    )
    assert ExpertInvitation.objects.filter(work=work).count() == 1
    refused = refusals(results)
    assert len(refused) == 1 and isinstance(refused[0], services.AlreadyDone)


def test_two_listing_requests_at_once_leave_one_pending(
    project, lead, teammate, shared_database, in_parallel
):
    results = in_parallel(
        lambda user: services.request_listing(
            user, project.pk, name="Ghent room", city="Ghent", country="BE"
        ),
        [(lead,), (teammate,)],
    )
    assert ListingRequest.objects.filter(project=project).count() == 1
    refused = refusals(results)
    assert len(refused) == 1 and isinstance(refused[0], services.AlreadyDone)


def test_publishing_twice_at_once_publishes_once(project, lead, shared_database, in_parallel):
    results = in_parallel(lambda: services.set_published(lead, project.pk, True), [(), ()])
    assert refusals(results) == []
    assert Project.objects.get(pk=project.pk).published is True
