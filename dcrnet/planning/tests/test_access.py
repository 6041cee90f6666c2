"""Who gets what on every planning URL: the cast (anonymous, non_member, member not in the
team, team member, team lead, invited expert, editor, staff) and IDOR on projects, steps,
attachments and invitations."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from dcrnet.lib.uploads import Checked
from dcrnet.planning import services
from dcrnet.planning.models import (
    Attachment,
    Comment,
    Decision,
    ExpertInvitation,
    Invitation,
    ListingRequest,
    Project,
    StepWork,
    TeamMember,
)

pytestmark = pytest.mark.django_db

CAST = ["anonymous", "non_member", "member", "teammate", "lead", "expert", "editor", "staff"]
TEAM = {"teammate": 200, "lead": 200}


def png_checked() -> Checked:
    content = b"\x89PNG\r\n\x1a\n" + b"0" * 32
    return Checked(
        content=content,
        kind="png",
        content_type="image/png",
        size=len(content),
        sha256="0" * 64,
        original_name="plan.png",
    )


@pytest.fixture
def cast(request, non_member, member, teammate, lead, invited, editor, staff):
    users = {
        "anonymous": None,
        "non_member": non_member,
        "member": member,
        "teammate": teammate,
        "lead": lead,
        "expert": invited,
        "editor": editor,
        "staff": staff,
    }
    clients = {}
    for name, user in users.items():
        client = Client()
        if user is not None:
            client.force_login(user)
        clients[name] = client
    return clients


@pytest.fixture
def world(project, lead, member):
    work = project.steps.get(step__number=1)
    attachment = services.add_attachment(lead, work.pk, png_checked())
    other_work = project.steps.get(step__number=2)
    other_attachment = services.add_attachment(lead, other_work.pk, png_checked())
    invitation = Invitation.objects.create(
        project=project,
        email="Member@Example.org",
        invited_by=lead,
        expires_at=timezone.now() + dt.timedelta(days=14),
    )
    listing = services.request_listing(
        lead, project.pk, name="Ghent room", city="Ghent", country="BE"
    )
    return {
        "project": project,
        "work": work,
        "attachment": attachment,
        "other_work": other_work,
        "other_attachment": other_attachment,
        "invitation": invitation,
        "listing": listing,
    }


def expected(table: dict, who: str) -> int:
    if who == "anonymous":
        return 302
    return table.get(who, table.get("*", 404))


def pages(w):
    p = w["project"].pk
    slug = w["work"].step.slug
    slug2 = w["other_work"].step.slug
    member_only = {"non_member": 403, "editor": 403, "staff": 403, "*": 200}
    team = dict(TEAM)
    step = {**TEAM, "expert": 200}
    return [
        (reverse("planning:index"), member_only),
        (reverse("planning:overview"), {"staff": 200, "*": 403}),
        (reverse("planning:listings"), {"editor": 200, "staff": 200, "*": 403}),
        (reverse("planning:project", args=[p]), team),
        (reverse("planning:edit", args=[p]), team),
        (reverse("planning:listing", args=[p]), team),
        (reverse("planning:export", args=[p]), team),
        (reverse("planning:team", args=[p]), team),
        (reverse("planning:step", args=[p, slug]), step),
        (reverse("planning:step", args=[p, slug2]), team),
        (reverse("planning:attachment", args=[p, slug, w["attachment"].pk]), step),
        (reverse("planning:attachment", args=[p, slug2, w["other_attachment"].pk]), team),
        # an attachment addressed through another step of the same project
        (reverse("planning:attachment", args=[p, slug, w["other_attachment"].pk]), {}),
        (reverse("planning:invitation", args=[w["invitation"].token]), {"member": 200, "*": 403}),
        (reverse("planning:invitation", args=[uuid.uuid4()]), {}),
        (reverse("planning:project", args=[p + 1000]), {}),
        (reverse("planning:step", args=[p, "no-such-step"]), {}),
    ]


@pytest.mark.parametrize("who", CAST)
def test_every_page_answers_each_of_the_cast_as_documented(who, cast, world):
    client = cast[who]
    for url, table in pages(world):
        response = client.get(url)
        want = expected(table, who)
        assert response.status_code == want, (who, url, response.status_code)
        if want == 302:
            assert "/accounts/login/" in response["Location"], url


def test_the_non_member_is_told_why_in_plain_words(cast, world):
    response = cast["non_member"].get(reverse("planning:index"))
    assert response.status_code == 403
    assert b"for members of the network" in response.content


def post_urls(w):
    p = w["project"].pk
    slug = w["work"].step.slug
    member_id = TeamMember.objects.filter(project=w["project"]).last().pk
    return [
        (reverse("planning:index"), {"name": "X", "city": "Y", "country": "BE"}),
        (reverse("planning:edit", args=[p]), {"name": "X", "city": "Y", "country": "BE"}),
        (reverse("planning:publish", args=[p]), {"published": "1"}),
        (reverse("planning:listing", args=[p]), {"name": "X", "city": "Y", "country": "BE"}),
        (reverse("planning:team", args=[p]), {"email": "new@example.org"}),
        (reverse("planning:leave", args=[p]), {}),
        (reverse("planning:member_remove", args=[p, member_id]), {}),
        (reverse("planning:member_role", args=[p, member_id]), {"role": "lead"}),
        (reverse("planning:invitation_cancel", args=[p, w["invitation"].pk]), {}),
        (reverse("planning:step", args=[p, slug]), {"status": "done", "notes": "x"}),
        (reverse("planning:decision", args=[p, slug]), {"text": "x", "decided_on": "2025-01-02"}),
        (reverse("planning:comment", args=[p, slug]), {"body": "x"}),
        (reverse("planning:expert_invite", args=[p, slug]), {"expert": 1}),
        (reverse("planning:expert_withdraw", args=[p, slug, 1]), {}),
        (reverse("planning:listing_approve", args=[w["listing"].pk]), {}),
        (reverse("planning:listing_decline", args=[w["listing"].pk]), {}),
    ]


def state():
    return (
        Project.objects.count(),
        list(Project.objects.values_list("name", "published").order_by("pk")),
        TeamMember.objects.count(),
        list(TeamMember.objects.values_list("role", flat=True).order_by("pk")),
        Invitation.objects.count(),
        list(StepWork.objects.values_list("status", "notes").order_by("pk")),
        Decision.objects.count(),
        Comment.objects.count(),
        ExpertInvitation.objects.count(),
        list(ListingRequest.objects.values_list("status", flat=True)),
        Attachment.objects.count(),
    )


@pytest.mark.parametrize("who", ["anonymous", "non_member", "member", "editor", "staff"])
def test_outsiders_change_nothing_of_a_project(who, cast, world):
    before = state()
    for url, data in post_urls(world):
        if who == "editor" and "listings" in url:
            continue  # editors decide on listing requests: tested in test_services
        if "listings" in url and who == "staff":
            continue
        response = cast[who].post(url, data)
        if url == reverse("planning:index") and who == "member":
            continue  # a member opens a project of their own: not a change to this one
        assert response.status_code in {302, 400, 403, 404}, (who, url)
        if who == "anonymous":
            assert "/accounts/login/" in response["Location"]
        elif url != reverse("planning:index"):
            assert response.status_code in {400, 403, 404}, (who, url, response.status_code)
    after = state()
    if who == "member":
        # their own new project (with its steps) is the only difference
        assert after[0] == before[0] + 1
        mine = Project.objects.get(name="X")
        mine_steps = StepWork.objects.filter(project=mine).count()
        assert after[2] == before[2] + 1
        assert len(after[5]) == len(before[5]) + mine_steps
    else:
        assert after == before


def test_the_invited_expert_comments_on_their_step_only(cast, world):
    client = cast["expert"]
    p = world["project"].pk
    slug, slug2 = world["work"].step.slug, world["other_work"].step.slug
    before = state()
    for url, data in post_urls(world):
        if url == reverse("planning:index") or url.endswith("/comments/"):
            continue
        response = client.post(url, data)
        assert response.status_code in {403, 404}, (url, response.status_code)
    assert state() == before
    assert (
        client.post(reverse("planning:comment", args=[p, slug2]), {"body": "x"}).status_code == 404
    )
    response = client.post(reverse("planning:comment", args=[p, slug]), {"body": "Looks right."})
    assert response.status_code == 302
    assert Comment.objects.get(body="Looks right.").work_id == world["work"].pk


def test_the_expert_sees_the_step_and_the_project_name_but_nothing_else(cast, world, teammate):
    p = world["project"]
    work = world["work"]
    services.update_step(
        teammate, work.pk, status="in progress", notes="Step one notes", owner_id=None, due=None
    )
    other = world["other_work"]
    services.update_step(
        teammate, other.pk, status="done", notes="SECRET-OTHER-STEP", owner_id=None, due=None
    )
    Project.objects.filter(pk=p.pk).update(summary="SECRET-SUMMARY")
    html = (
        cast["expert"].get(reverse("planning:step", args=[p.pk, work.step.slug])).content.decode()
    )
    assert p.name in html and p.city in html and "Belgium" in html
    assert "Step one notes" in html
    for secret in ("SECRET-OTHER-STEP", "SECRET-SUMMARY", "teammate@example.org", "Save the step"):
        assert secret not in html
    assert reverse("planning:team", args=[p.pk]) not in html
    assert reverse("planning:step", args=[p.pk, other.step.slug]) not in html


def test_bad_ids_never_give_a_500(cast, world):
    client = cast["lead"]
    p = world["project"].pk
    for url in (
        f"/planning/{2**64}/",
        f"/planning/{2**63}/steps/needs-assessment/",
        f"/planning/{p}/steps/needs-assessment/attachments/{2**70}/",
        f"/planning/{p}/team/{2**64}/remove/",
        "/planning/invitations/not-a-uuid/",
        f"/planning/{p}/steps/%00/",
        f"/planning/listings/{2**64}/approve/",
    ):
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code in {400, 404, 405}, (url, response.status_code)


def test_hostile_form_values_are_400_not_500(cast, world):
    client = cast["lead"]
    p = world["project"].pk
    slug = world["work"].step.slug
    cases = [
        (reverse("planning:step", args=[p, slug]), {"status": "finished", "notes": ""}),
        (
            reverse("planning:step", args=[p, slug]),
            {"status": "done", "owner": "99999999999999999999"},
        ),
        (reverse("planning:step", args=[p, slug]), {"status": "done", "due": "2025-02-31"}),
        (reverse("planning:decision", args=[p, slug]), {"text": "x", "decided_on": "yesterday"}),
        (reverse("planning:expert_invite", args=[p, slug]), {"expert": "abc"}),
        (reverse("planning:member_role", args=[p, 1]), {"role": "king"}),
        (reverse("planning:publish", args=[p]), {"published": "maybe"}),
        (reverse("planning:index"), {"name": "X", "city": "Y", "country": "XX"}),
    ]
    for url, data in cases:
        response = client.post(url, data)
        assert response.status_code == 400, (url, data, response.status_code)


def test_a_rejected_upload_through_the_form_is_a_form_error(cast, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    p = world["project"].pk
    slug = world["work"].step.slug
    before = Attachment.objects.count()
    hostile = SimpleUploadedFile(
        "plan.pdf", b"<html><script>alert(1)</script></html>", "application/pdf"
    )
    response = cast["lead"].post(
        reverse("planning:attachment_upload", args=[p, slug]), {"file": hostile}
    )
    assert response.status_code == 400
    assert b"errorlist" in response.content
    assert Attachment.objects.count() == before


def test_an_accepted_upload_is_downloaded_as_a_sandboxed_attachment(cast, world):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "PNG")
    upload = SimpleUploadedFile("floor plan.png", buffer.getvalue(), "image/png")
    p = world["project"].pk
    slug = world["work"].step.slug
    response = cast["teammate"].post(
        reverse("planning:attachment_upload", args=[p, slug]), {"file": upload}
    )
    assert response.status_code == 302
    stored = Attachment.objects.get(original_name="floor plan.png")
    assert "floor" not in stored.file.name
    response = cast["expert"].get(reverse("planning:attachment", args=[p, slug, stored.pk]))
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "attachment" in response["Content-Disposition"]
    assert "sandbox" in response["Content-Security-Policy"]
