"""The participants' CSV: organisers only, an attachment, every registration with its answers,
and nothing a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from dcrnet.community.models import Profile
from dcrnet.trainings.models import Answer, Question, RegistrationStatus

from . import web
from .web import client_for, person, register

pytestmark = pytest.mark.django_db
cast, frozen = web.cast, web.frozen


def download(client, session):
    return client.get(
        reverse("trainings:participants_csv", kwargs={"public_id": session.public_id})
    )


def rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8"))))


def test_the_csv_is_an_attachment_with_everyone_and_their_answers(cast):
    Answer.objects.create(
        registration=cast["registration"], question=cast["question"], text="Nurse"
    )
    register(cast["session"], person("left"), RegistrationStatus.CANCELLED)
    response = download(client_for(cast["organiser"]), cast["session"])
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="participants-running-a-dcr-2027-03-31.csv"'
    )
    assert "sandbox" in response["Content-Security-Policy"]
    table = rows(response)
    assert table[0] == [
        "Status", "Participant", "Registered", "Confirmed", "Cancelled", "Attended", "Your role?"
    ]  # fmt: skip
    body = {row[1]: row for row in table[1:]}
    assert body["participant"][0] == "Confirmed" and body["participant"][5] == "yes"
    assert body["participant"][6] == "Nurse"
    assert body["participant"][2] == "2027-03-01 10:00"  # in the session's time zone
    assert body["other-participant"][0] == "On the wait-list"
    assert body["left"][0] == "Cancelled"
    assert [row[1] for row in table[1:]] == [
        "participant",
        "confirmed",
        "other-participant",
        "left",
    ]


def test_formulas_in_answers_questions_and_names_are_defused(cast):
    hostile = Question.objects.create(session=cast["session"], text="=1+1")
    Answer.objects.create(
        registration=cast["registration"],
        question=cast["question"],
        text='=HYPERLINK("https://evil.example","x")',
    )
    Answer.objects.create(registration=cast["registration"], question=hostile, text="@SUM(A1)")
    Profile.objects.update_or_create(
        user=cast["participant"],
        defaults={"real_name": "+cmd|' /C calc'!A0", "show_real_name": True},
    )
    table = rows(download(client_for(cast["organiser"]), cast["session"]))
    assert table[0][-1] == "'=1+1"
    participant = next(
        row for row in table[1:] if row[0] == "Confirmed" and "participant" in row[1]
    )
    assert participant[1].startswith("'+cmd")
    assert participant[6] == '\'=HYPERLINK("https://evil.example","x")'
    assert participant[7] == "'@SUM(A1)"
    for row in table:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


@pytest.mark.parametrize("who", ["participant", "member", "other_organiser", "non_member"])
def test_nobody_else_downloads_it(cast, who):
    assert download(client_for(cast[who]), cast["session"]).status_code == 404
