"""The planning tracker in Chromium: a lead opens a project, works through a step (status,
notes, decision), invites an expert who comments, and sees the comment; axe-clean project,
step, team and export pages; the forms work without JavaScript."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from dcrnet.planning.models import Comment, Decision, Project, StepWork
from testing.browser import axe_violations

from .conftest import make_expert, person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def signed_in(new_browser_page, live_server, user, **options):
    client = Client()
    client.force_login(user)
    page = new_browser_page(**options)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return page


def test_a_lead_works_through_a_step_and_an_invited_expert_comments(
    new_browser_page, live_server, steps, lead
):
    expert = person("expert@example.org", "expert", "member")
    make_expert(expert, steps[0].expertise)
    page = signed_in(new_browser_page, live_server, lead)

    page.goto("/planning/")
    page.fill("#id_name", "Room in Ghent")
    page.fill("#id_city", "Ghent")
    page.select_option("#id_country", "BE")
    page.fill("#id_summary", "A first supervised room near the station.")
    page.click("main button[type=submit]")
    expect(page.locator("h1")).to_have_text("Room in Ghent")
    project = Project.objects.get(name="Room in Ghent")
    assert axe_violations(page) == []

    page.click("text=1. Needs assessment")
    expect(page.locator("h1")).to_have_text("1. Needs assessment")
    page.select_option("#id_status", "in progress")
    page.select_option("#id_owner", str(lead.pk))
    page.fill("#id_notes", "Count visits to the needle exchange over a month.")
    page.click("text=Save the step")
    page.fill("#id_text", "We count for four weeks in March.")
    page.fill("#id_decided_on", "2025-03-01")
    page.click("text=Record the decision")
    expect(page.locator("#decisions + ul")).to_contain_text("We count for four weeks in March.")
    work = StepWork.objects.get(project=project, step__number=1)
    assert work.status == "in progress" and work.owner == lead
    assert axe_violations(page) == []

    page.select_option("#id_expert", str(expert.expert.pk))
    page.click("text=Invite the expert")
    expect(page.locator("#experts + p + ul")).to_contain_text("expert")

    expert_page = signed_in(new_browser_page, live_server, expert)
    expert_page.goto(f"/planning/{project.pk}/steps/needs-assessment/")
    expect(expert_page.locator("main")).to_contain_text("Count visits to the needle exchange")
    expert_page.fill("#id_body", "Count on two weekdays and a weekend too.")
    expert_page.click("text=Add the comment")
    expect(expert_page.locator("#comments + ul")).to_contain_text("Count on two weekdays")
    assert axe_violations(expert_page) == []
    assert expert_page.goto(f"/planning/{project.pk}/").status == 404

    page.reload()
    expect(page.locator("#comments + ul")).to_contain_text("Count on two weekdays and a weekend")
    assert Comment.objects.get().author == expert

    page.goto(f"/planning/{project.pk}/team/")
    assert axe_violations(page) == []
    page.fill("#id_email", "not an address")
    page.click("text=Send the invitation")
    expect(page.locator(".errorlist")).to_be_visible()
    assert axe_violations(page) == []

    page.goto(f"/planning/{project.pk}/export/")
    expect(page.locator("main")).to_contain_text("We count for four weeks in March.")
    assert axe_violations(page) == []


def test_the_step_forms_work_without_javascript(new_browser_page, live_server, project, lead):
    page = signed_in(new_browser_page, live_server, lead, java_script_enabled=False)
    page.goto(f"/planning/{project.pk}/steps/coalition/")
    page.select_option("#id_status", "done")
    page.click("text=Save the step")
    page.fill("#id_text", "The city's health department joins.")
    page.fill("#id_decided_on", "2025-04-02")
    page.click("text=Record the decision")
    expect(page.locator("#decisions + ul")).to_contain_text("health department joins")
    assert StepWork.objects.get(project=project, step__slug="coalition").status == "done"
    assert Decision.objects.filter(work__project=project).count() == 1
    page.fill("#id_body", "")
    page.click("text=Add the comment")
    expect(page.locator("[role=alert]").first).to_be_visible()
