"""The yearly survey: opening, emails after commit and once only, answers, acceptance."""

from __future__ import annotations

import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.tasks import default_task_backend
from django.test import override_settings

from dcrnet.directory.models import ProfileSnapshot
from dcrnet.monitoring import survey
from dcrnet.monitoring.models import EmailKind, ResponseStatus, SurveyEmail, SurveyResponse
from dcrnet.monitoring.tasks import send_survey_email

pytestmark = pytest.mark.django_db
DUMMY = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}

ANSWERS = {
    "model": "integrated",
    "visitors_per_day": "120",
    "minimum_age": "18",
    "services": ["supervision", "drug_checking"],
    "criteria": ["contract"],
    "places_injecting": "8",
    "places_smoking": "4",
    "opens_0": "09:00",
    "closes_0": "17:00",
    "opens_5": "10:00",
    "closes_5": "14:00",
    "staff_nurse": "3",
    "total_visits": "30000",
}


@pytest.fixture
def survey_year(reporter):
    return survey.open_survey_year(2026)[0]


@override_settings(TASKS=DUMMY)
def test_an_invitation_is_queued_after_commit(survey_year, django_capture_on_commit_callbacks):
    default_task_backend.clear()
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            queued, _skipped = survey.queue_emails(survey_year, EmailKind.INVITATION)
            assert default_task_backend.results == []
    assert queued == 1
    assert len(default_task_backend.results) == 1
    result = default_task_backend.results[0]
    assert result.task.name == send_survey_email.name
    import json

    json.dumps(result.args)


@override_settings(TASKS=DUMMY)
def test_nothing_is_queued_after_a_rollback(survey_year, django_capture_on_commit_callbacks):
    default_task_backend.clear()
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                survey.queue_emails(survey_year, EmailKind.INVITATION)
                raise RuntimeError("fail")
        except RuntimeError:
            pass
    assert default_task_backend.results == []
    assert not SurveyEmail.objects.exists()


@override_settings(TASKS=DUMMY)
def test_a_rerun_queues_nothing_twice(survey_year, django_capture_on_commit_callbacks):
    default_task_backend.clear()
    with django_capture_on_commit_callbacks(execute=True):
        survey.queue_emails(survey_year, EmailKind.INVITATION)
    with django_capture_on_commit_callbacks(execute=True):
        queued, skipped = survey.queue_emails(survey_year, EmailKind.INVITATION)
    assert (queued, skipped) == (0, 1)
    assert len(default_task_backend.results) == 1


def test_the_email_is_sent_once_even_if_the_task_runs_twice(survey_year, reporter):
    email = SurveyEmail.objects.create(
        survey=survey_year, facility=reporter.reported_facilities.get(), user=reporter,
        kind=EmailKind.INVITATION,
    )  # fmt: skip
    assert send_survey_email.call(email.pk) is True
    assert send_survey_email.call(email.pk) is False
    assert len(mail.outbox) == 1
    assert "/data/survey/2026/lu-abrigado/" in mail.outbox[0].body
    assert mail.outbox[0].to == ["reporter@example.org"]


@override_settings(TASKS=DUMMY)
def test_reminders_go_only_to_the_invited_who_have_not_answered(
    survey_year, facility, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert survey.queue_emails(survey_year, EmailKind.REMINDER_1) == (0, 1)  # not invited
        survey.queue_emails(survey_year, EmailKind.INVITATION)
        assert survey.queue_emails(survey_year, EmailKind.REMINDER_1) == (1, 0)
        survey.save_response(survey_year, facility, {}, submit=True)
        assert survey.queue_emails(survey_year, EmailKind.REMINDER_2) == (0, 1)


@override_settings(TASKS=DUMMY)
def test_the_commands_print_progress_and_a_summary(reporter):
    out = io.StringIO()
    call_command("open_survey_year", "2026", stdout=out)
    call_command("send_survey_invitations", "2026", stdout=out)
    call_command("send_survey_invitations", "2026", stdout=out)
    call_command("send_survey_reminders", "2026", stdout=out)
    call_command("send_survey_reminders", "2026", stdout=out)
    text = out.getvalue()
    assert "Opened survey 2026" in text and "] 1/1" in text
    assert "Invitations queued: 1; skipped (sent before): 0." in text
    assert "Invitations queued: 0; skipped (sent before): 1." in text
    assert "First reminder queued: 1" in text and "Second reminder queued: 1" in text
    assert SurveyEmail.objects.count() == 3


def test_a_reporter_submits_the_questionnaire(client, reporter, survey_year, facility):
    client.force_login(reporter)
    response = client.post("/data/survey/2026/lu-abrigado/", {**ANSWERS, "submit": "1"})
    assert response.status_code == 302
    answers = SurveyResponse.objects.get().answers
    assert answers["routes"] == {"injecting": 8, "smoking": 4}
    assert answers["hours"] == [[0, "09:00", "17:00"], [5, "10:00", "14:00"]]
    assert answers["totals"] == {"visits": 30000}


def test_the_questionnaire_of_another_facility_is_forbidden(
    client, reporter, survey_year, other_facility
):
    client.force_login(reporter)
    assert client.get("/data/survey/2026/ca-insite/").status_code == 403
    assert client.post("/data/survey/2026/ca-insite/", ANSWERS).status_code == 403
    assert client.get("/data/survey/2026/no-such-place/").status_code == 404
    assert not SurveyResponse.objects.exists()


def test_a_response_becomes_a_snapshot_only_after_acceptance(
    client, reporter, editor, survey_year, facility
):
    client.force_login(reporter)
    client.post("/data/survey/2026/lu-abrigado/", {**ANSWERS, "submit": "1"})
    before = ProfileSnapshot.objects.count()
    response = SurveyResponse.objects.get()
    assert response.status == ResponseStatus.SUBMITTED
    assert ProfileSnapshot.objects.count() == before
    # A reporter cannot accept their own response.
    assert (
        client.post(f"/data/survey/responses/{response.pk}/", {"decision": "accept"}).status_code
        == 403
    )
    client.force_login(editor)
    client.post(f"/data/survey/responses/{response.pk}/", {"decision": "accept"})
    facility.refresh_from_db()
    snapshot = facility.current_snapshot
    assert ProfileSnapshot.objects.count() == before + 1
    assert snapshot.source == "DCR survey 2026"
    assert {(r.route, r.places) for r in snapshot.routes.all()} == {
        ("injecting", 8),
        ("smoking", 4),
    }
    assert snapshot.open_weekends and snapshot.minimum_age == 18
    assert SurveyResponse.objects.get().status == ResponseStatus.ACCEPTED


def test_staff_see_the_response_rate_per_country(
    client, staff, survey_year, facility, other_facility
):
    survey.save_response(survey_year, facility, {}, submit=True)
    client.force_login(staff)
    html = client.get("/data/survey/").content.decode()
    assert "Response rate per country" in html
    assert survey.response_rates(survey_year) == [
        {"country": "LU", "country__code": "LU", "surveyed": 1, "responded": 1, "rate": 100}
    ]


def test_survey_results_show_n_and_response_rate(client, editor, survey_year, facility, reporter):
    client.force_login(reporter)
    client.post("/data/survey/2026/lu-abrigado/", {**ANSWERS, "submit": "1"})
    survey.accept_response(SurveyResponse.objects.get(), editor=editor)
    html = client.get("/data/").content.decode()
    assert "2026: n = 1 of 1 facilities surveyed (response rate 100%)." in html
    text = client.get("/data/survey.csv").content.decode()
    assert "2026,visitors_per_day,average,120.0,1,1,100" in text
