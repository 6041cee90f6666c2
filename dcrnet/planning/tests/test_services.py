"""The tracker's rules: steps follow the guide, owners are team members, invitations are the
invitee's, the team always has a lead, publishing shows what the page says, listing requests."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from dcrnet.community.tests.conftest import sending
from dcrnet.guide.models import Step
from dcrnet.planning import selectors, services
from dcrnet.planning.models import (
    Invitation,
    ListingRequest,
    ListingStatus,
    Project,
    StepWork,
    TeamMember,
    TeamRole,
)

from .conftest import person

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_opening_a_project_gives_the_creator_the_lead_and_one_row_per_step(steps, lead):
    client = client_for(lead)
    response = client.post(
        reverse("planning:index"),
        {"name": "Room in Liège", "city": "Liège", "country": "BE", "summary": "Plans."},
    )
    project = Project.objects.get(name="Room in Liège")
    assert response.status_code == 302
    assert response["Location"] == reverse("planning:project", args=[project.pk])
    assert list(project.team.values_list("user", "role")) == [(lead.pk, TeamRole.LEAD)]
    assert list(project.steps.values_list("step__number", flat=True)) == [1, 2, 3]
    assert project.created_by == lead


def test_a_step_added_to_the_guide_later_appears_in_existing_projects(project, lead):
    Step.objects.create(number=4, slug="site-selection", title="Site", summary="s", body="b")
    response = client_for(lead).get(reverse("planning:project", args=[project.pk]))
    assert response.status_code == 200
    assert b"Site" in response.content
    assert list(project.steps.values_list("step__number", flat=True)) == [1, 2, 3, 4]
    assert services.sync_steps(project) == 0


def test_step_edits_validate_the_owner_and_the_status(project, lead, teammate, member):
    work = project.steps.first()
    with pytest.raises(services.Invalid):
        services.update_step(lead, work.pk, status="done", notes="", owner_id=member.pk, due=None)
    with pytest.raises(services.Invalid):
        services.update_step(lead, work.pk, status="finished", notes="", owner_id=None, due=None)
    with pytest.raises(services.NotFound):
        services.update_step(member, work.pk, status="done", notes="", owner_id=None, due=None)
    services.update_step(
        lead, work.pk, status="done", notes="N", owner_id=teammate.pk, due=dt.date(2026, 3, 1)
    )
    work.refresh_from_db()
    assert (work.status, work.notes, work.owner, work.due) == (
        "done",
        "N",
        teammate,
        dt.date(2026, 3, 1),
    )


def test_the_step_form_offers_team_members_only_as_owners(project, lead, member):
    html = (
        client_for(lead)
        .get(reverse("planning:step", args=[project.pk, "needs-assessment"]))
        .content.decode()
    )
    assert ">teammate<" in html and ">lead<" in html
    assert ">member<" not in html


def test_an_invitation_is_emailed_and_accepted_by_the_member_with_that_address(project, lead):
    client = client_for(lead)
    with sending():
        response = client.post(
            reverse("planning:team", args=[project.pk]), {"email": "Colleague@Example.org"}
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get(project=project)
    assert invitation.expires_at - timezone.now() > dt.timedelta(days=13, hours=23)
    assert len(mail.outbox) == 1
    link = reverse("planning:invitation", args=[invitation.token])
    assert mail.outbox[0].to == ["Colleague@Example.org"]
    assert link in mail.outbox[0].body

    colleague = person("colleague@example.org", "colleague", "member")
    stranger = person("stranger@example.org", "stranger", "member")
    assert client_for(stranger).post(link).status_code == 403
    non_member = person("Colleague2@example.org", "c2")
    assert client_for(non_member).post(link).status_code == 403
    response = client_for(colleague).post(link)
    assert response.status_code == 302
    assert TeamMember.objects.filter(project=project, user=colleague).exists()
    # a second click is harmless
    assert client_for(colleague).post(link).status_code == 302
    assert TeamMember.objects.filter(project=project, user=colleague).count() == 1


def test_an_expired_invitation_is_refused(project, lead):
    colleague = person("late@example.org", "late", "member")
    invitation = Invitation.objects.create(
        project=project,
        email=colleague.email,
        invited_by=lead,
        expires_at=timezone.now() - dt.timedelta(seconds=1),
    )
    response = client_for(colleague).post(reverse("planning:invitation", args=[invitation.token]))
    assert response.status_code == 410
    assert not TeamMember.objects.filter(user=colleague).exists()
    # a new invitation replaces the expired one
    services.invite_colleague(lead, project.pk, "LATE@example.org")
    assert Invitation.objects.filter(project=project).count() == 1


def test_inviting_someone_in_the_team_or_invited_already_is_a_form_error(project, lead):
    client = client_for(lead)
    url = reverse("planning:team", args=[project.pk])
    assert client.post(url, {"email": "teammate@example.org"}).status_code == 400
    assert client.post(url, {"email": "x@example.org"}).status_code == 302
    assert client.post(url, {"email": "X@example.org"}).status_code == 400


def test_an_address_longer_than_the_column_is_a_form_error(project, lead):
    # A valid address of 263 characters: PostgreSQL refused it with a DataError (500).
    email = "a" * 60 + "@" + ".".join(["b" * 60] * 4) + ".com"
    response = client_for(lead).post(reverse("planning:team", args=[project.pk]), {"email": email})
    assert response.status_code == 400
    assert b"at most 254 characters" in response.content
    assert not Invitation.objects.filter(project=project).exists()


def test_the_team_always_has_a_lead(project, lead, teammate):
    member_row = TeamMember.objects.get(project=project, user=teammate)
    lead_row = TeamMember.objects.get(project=project, user=lead)
    with pytest.raises(services.NotAllowed):
        services.remove_member(teammate, project.pk, lead_row.pk)
    with pytest.raises(services.Invalid):
        services.set_role(lead, project.pk, lead_row.pk, TeamRole.MEMBER)
    # the only lead leaves: the earliest remaining member becomes lead
    services.leave(lead, project.pk)
    member_row.refresh_from_db()
    assert member_row.role == TeamRole.LEAD
    # the last member cannot leave
    with pytest.raises(services.Invalid):
        services.leave(teammate, project.pk)
    assert selectors.leads(project).count() == 1


def test_a_lead_removes_a_member_and_their_steps_lose_the_owner(project, lead, teammate):
    work = project.steps.first()
    services.update_step(
        lead, work.pk, status="in progress", notes="", owner_id=teammate.pk, due=None
    )
    row = TeamMember.objects.get(project=project, user=teammate)
    response = client_for(lead).post(reverse("planning:member_remove", args=[project.pk, row.pk]))
    assert response.status_code == 302
    work.refresh_from_db()
    assert work.owner is None
    assert (
        client_for(teammate).get(reverse("planning:project", args=[project.pk])).status_code == 404
    )


def test_only_a_lead_publishes_and_the_public_page_shows_what_it_says(project, lead, teammate):
    work = project.steps.get(step__number=1)
    services.update_step(
        lead, work.pk, status="done", notes="PRIVATE-NOTES", owner_id=None, due=None
    )
    services.add_decision(
        lead, work.pk, text="We count 40 injections a day.", decided_on=dt.date(2025, 1, 5)
    )
    services.add_comment(teammate, work.pk, body="PRIVATE-COMMENT")
    anonymous = Client()
    url = reverse("planning:project", args=[project.pk])
    assert anonymous.get(url).status_code == 302
    assert (
        client_for(teammate)
        .post(reverse("planning:publish", args=[project.pk]), {"published": "1"})
        .status_code
        == 403
    )
    assert (
        client_for(lead)
        .post(reverse("planning:publish", args=[project.pk]), {"published": "1"})
        .status_code
        == 302
    )
    html = anonymous.get(url).content.decode()
    for shown in (
        "Room in Ghent",
        "Ghent",
        "Belgium",
        "A first room.",
        "Done",
        "We count 40 injections a day.",
    ):
        assert shown in html
    for hidden in ("PRIVATE-NOTES", "PRIVATE-COMMENT", "teammate", "lead@example.org"):
        assert hidden not in html
    assert "notes, comments, files and the team stay with the team" in html
    # the step pages and the export stay with the team
    assert (
        anonymous.get(reverse("planning:step", args=[project.pk, work.step.slug])).status_code
        == 302
    )
    outsider = person("outsider@example.org", "outsider", "member")
    assert (
        client_for(outsider).get(reverse("planning:export", args=[project.pk])).status_code == 404
    )
    assert client_for(outsider).get(url).status_code == 200


def test_the_overview_counts_without_naming_unpublished_projects(
    project, other_project, lead, staff
):
    work = project.steps.get(step__number=1)
    services.update_step(lead, work.pk, status="done", notes="", owner_id=None, due=None)
    html = client_for(staff).get(reverse("planning:overview")).content.decode()
    assert "Room in Ghent" not in html and "Room in Porto" not in html
    figures = selectors.overview()
    assert figures["total"] == 2
    assert [(step.number, count) for step, count in figures["steps"]] == [(1, 1), (2, 1), (3, 0)]
    assert sorted(figures["countries"]) == [("Belgium", 1), ("Portugal", 1)]


def test_one_pending_listing_request_and_the_editor_approves_it(project, lead, teammate, editor):
    client = client_for(teammate)
    url = reverse("planning:listing", args=[project.pk])
    data = {"name": "Ghent room", "city": "Ghent", "country": "BE", "public_note": "Opening 2026."}
    assert client.post(url, data).status_code == 302
    response = client.post(url, data)
    assert response.status_code == 409
    assert b"asked already" in response.content
    listing = ListingRequest.objects.get(project=project)
    editor_client = client_for(editor)
    assert b"Ghent room" in editor_client.get(reverse("planning:listings")).content
    with sending():
        response = editor_client.post(
            reverse("planning:listing_approve", args=[listing.pk]),
            {f"a{listing.pk}-latitude": "51.05", f"a{listing.pk}-longitude": "3.72"},
        )
    assert response.status_code == 302
    listing.refresh_from_db()
    project.refresh_from_db()
    assert listing.status == ListingStatus.APPROVED
    facility = project.facility
    assert (facility.name, facility.city, facility.status) == ("Ghent room", "Ghent", "planned")
    assert facility.status_changes.get().status == "planned"
    assert sorted(m.to[0] for m in mail.outbox) == ["lead@example.org", "teammate@example.org"]
    # decided: no second decision
    response = editor_client.post(
        reverse("planning:listing_decline", args=[listing.pk]), {f"d{listing.pk}-reason": "No."}
    )
    assert response.status_code == 409


def test_approving_takes_the_next_identifier_when_a_parallel_approval_took_it(
    project, lead, editor, monkeypatch
):
    """The identifier `_public_id` found free is taken before the write (as by an editor
    approving another team's request for the same city and name at that moment): the
    approval takes the next free one instead of failing with an IntegrityError."""
    from dcrnet.directory.models import Country, Facility

    listing = services.request_listing(
        lead, project.pk, name="Ghent room", city="Ghent", country="BE"
    )
    found = services._public_id
    calls = []

    def raced(listing_):
        free = found(listing_)
        calls.append(free)
        if len(calls) == 1:  # the other approval writes between the look and the write
            country, _created = Country.objects.get_or_create(code="BE")
            Facility.objects.create(
                public_id=free,
                name="Ghent room",
                city="Ghent",
                country=country,
                latitude=51,
                longitude=3,
            )
        return free

    monkeypatch.setattr(services, "_public_id", raced)
    facility = services.approve_listing(editor, listing.pk, latitude=51.05, longitude=3.72)
    assert calls == ["be-ghent-ghent-room", "be-ghent-ghent-room-2"]
    assert facility.public_id == "be-ghent-ghent-room-2"
    project.refresh_from_db()
    assert project.facility == facility


def test_an_editor_declines_with_a_reason_and_the_team_is_told(project, lead, editor, member):
    listing = services.request_listing(
        lead, project.pk, name="Ghent room", city="Ghent", country="BE"
    )
    client = client_for(editor)
    url = reverse("planning:listing_decline", args=[listing.pk])
    assert client.post(url, {f"d{listing.pk}-reason": ""}).status_code == 400
    assert client_for(member).post(url, {f"d{listing.pk}-reason": "x"}).status_code == 403
    with sending():
        assert (
            client.post(
                url, {f"d{listing.pk}-reason": "Please add the city council's letter."}
            ).status_code
            == 302
        )
    listing.refresh_from_db()
    assert listing.status == ListingStatus.DECLINED
    assert any("city council's letter" in m.body for m in mail.outbox)
    # after a decision the team may ask again
    services.request_listing(lead, project.pk, name="Ghent room", city="Ghent", country="BE")


def test_expert_invitation_offers_matching_experts_first_and_emails_the_expert(
    project, lead, steps
):
    from dcrnet.planning.tests.conftest import make_expert

    matching = make_expert(person("m@example.org", "matching", "member"), steps[0].expertise)
    other = make_expert(person("o@example.org", "other", "member"), steps[1].expertise)
    inactive = make_expert(person("i@example.org", "inactive", "member"), steps[0].expertise)
    inactive.active = False
    inactive.save()
    work = project.steps.get(step__number=1)
    first, rest = selectors.expert_choices(work, project)
    assert [e.pk for e in first] == [matching.pk]
    assert [e.pk for e in rest] == [other.pk]
    with sending():
        response = client_for(lead).post(
            reverse("planning:expert_invite", args=[project.pk, work.step.slug]),
            {"expert": other.pk},
        )
    assert response.status_code == 302
    assert mail.outbox[-1].to == ["o@example.org"]
    assert reverse("planning:step", args=[project.pk, work.step.slug]) in mail.outbox[-1].body
    with pytest.raises(services.Invalid):
        services.invite_expert(lead, work.pk, inactive.pk)
    with pytest.raises(services.AlreadyDone):
        services.invite_expert(lead, work.pk, other.pk)


def test_an_expert_comment_notifies_the_team(project, invited, lead):
    work = project.steps.get(step__number=1)
    with sending():
        services.add_comment(invited, work.pk, body="Count the visits over a month first.")
    assert sorted(m.to[0] for m in mail.outbox) == ["lead@example.org", "teammate@example.org"]
    page = client_for(lead).get(reverse("planning:step", args=[project.pk, work.step.slug]))
    assert b"Count the visits over a month first." in page.content


def test_the_export_holds_every_step_for_print(project, lead):
    work = project.steps.get(step__number=2)
    services.update_step(
        lead, work.pk, status="in progress", notes="Call the mayor.", owner_id=None, due=None
    )
    html = client_for(lead).get(reverse("planning:export", args=[project.pk])).content.decode()
    assert "Call the mayor." in html
    assert html.count('class="export-step') == StepWork.objects.filter(project=project).count()
    assert "planning/export.css" in html


def test_the_step_page_links_to_the_guide_step(project, lead):
    html = client_for(lead).get(reverse("planning:step", args=[project.pk, "legal-route"]))
    assert reverse("guide:step", kwargs={"slug": "legal-route"}) in html.content.decode()
