"""Export and erasure of a person's planning records; hostile text through every field."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from dcrnet.community.erasure import delete_account
from dcrnet.community.privacy import export_all
from dcrnet.planning import privacy, services
from dcrnet.planning.models import Attachment, Comment, Project, TeamMember, TeamRole
from dcrnet.planning.tests.test_access import png_checked
from testing.xss import XSS, unsafe_markup

from .conftest import person

pytestmark = pytest.mark.django_db


def test_every_field_of_every_planning_model_is_classified():
    from django.apps import apps

    for model in apps.get_app_config("planning").get_models():
        fields = {f.name for f in model._meta.concrete_fields}
        classified = set(privacy.FIELDS[model._meta.label_lower])
        assert fields == classified, model


def test_the_export_holds_memberships_comments_decisions_and_file_metadata(project, lead):
    work = project.steps.first()
    services.add_comment(lead, work.pk, body="My comment")
    services.add_decision(lead, work.pk, text="My decision", decided_on=dt.date(2025, 2, 1))
    services.add_attachment(lead, work.pk, png_checked())
    records = export_all(lead)["records"]
    assert records["planning.team_memberships"][0]["role"] == TeamRole.LEAD
    assert records["planning.comments"][0]["body"] == "My comment"
    assert records["planning.decisions_recorded"][0]["text"] == "My decision"
    upload = records["planning.attachments_uploaded"][0]
    assert upload["file_name"] == "plan.png" and "file" not in upload


def test_erasing_the_only_lead_promotes_the_earliest_member_and_keeps_comments(
    project, lead, teammate
):
    work = project.steps.first()
    services.add_comment(lead, work.pk, body="Ask lead@example.org or @lead about it.")
    services.update_step(
        teammate, work.pk, status="in progress", notes="lead knows.", owner_id=lead.pk, due=None
    )
    delete_account(lead, keep_posts=True)
    assert TeamMember.objects.get(project=project).user == teammate
    assert TeamMember.objects.get(project=project).role == TeamRole.LEAD
    comment = Comment.objects.get()
    assert comment.author is None
    assert "lead@example.org" not in comment.body and "@lead " not in comment.body
    work.refresh_from_db()
    assert work.owner is None and "lead" not in work.notes
    client = Client()
    client.force_login(teammate)
    page = client.get(reverse("planning:step", args=[project.pk, work.step.slug]))
    assert b"[deleted member]" in page.content


def test_erasing_the_last_member_deletes_the_project_and_its_files(steps, lead, settings):
    project = services.open_project(lead, name="Solo", city="Bern", country="CH")
    attachment = services.add_attachment(lead, project.steps.first().pk, png_checked())
    path = attachment.file.path
    delete_account(lead, keep_posts=True)
    assert not Project.objects.filter(pk=project.pk).exists()
    assert not Attachment.objects.exists()
    import os

    assert not os.path.exists(path)


def test_hostile_text_in_names_notes_decisions_and_comments_is_inert(project, lead, invited):
    client = Client()
    client.force_login(lead)
    work = project.steps.first()
    for text in XSS:
        Project.objects.filter(pk=project.pk).update(name=text, summary=text, published=True)
        services.update_step(lead, work.pk, status="done", notes=text, owner_id=None, due=None)
        services.add_decision(lead, work.pk, text=text, decided_on=dt.date(2025, 1, 1))
        services.add_comment(lead, work.pk, body=text)
        services.add_comment(invited, work.pk, body=text)
        for url in (
            reverse("planning:index"),
            reverse("planning:project", args=[project.pk]),
            reverse("planning:step", args=[project.pk, work.step.slug]),
            reverse("planning:export", args=[project.pk]),
        ):
            html = client.get(url).content.decode()
            assert unsafe_markup(html) == [], (text, url)
        public = Client().get(reverse("planning:project", args=[project.pk])).content.decode()
        assert unsafe_markup(public) == [], text
        person_ = person(f"x{XSS.index(text)}@example.org", f"x{XSS.index(text)}", "member")
        listing = services.request_listing(lead, project.pk, name=text, city=text, country="BE")
        editor = person(f"e{XSS.index(text)}@example.org", f"e{XSS.index(text)}", "editor")
        editor_client = Client()
        editor_client.force_login(editor)
        assert unsafe_markup(editor_client.get(reverse("planning:listings")).content.decode()) == []
        services.decline_listing(editor, listing.pk, reason="x")
        assert person_.pk
