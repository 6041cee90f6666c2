"""Export and erasure of trainings (RELIABILITY 57, 58): the export holds the person's
registrations with their answers, the sessions they organise and the messages they sent, and
nobody else's; after deletion their registrations are gone (a confirmed place goes to the
wait-list), their messages stay without an author, and no text column of the app names them."""

from __future__ import annotations

import json

import pytest
import time_machine

from dcrnet.community.erasure import delete_account
from dcrnet.community.models import Profile
from dcrnet.community.privacy import export_all
from dcrnet.trainings import privacy, services
from dcrnet.trainings.models import (
    Announcement,
    Answer,
    Question,
    Registration,
    RegistrationStatus,
    Session,
)

from .factories import NOW, make_person, make_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    person = make_person("leaving")
    Profile.objects.create(user=person, real_name="Lea Realname")
    other = make_person("staying")
    waiting = make_person("waiting")
    full = make_session(capacity=2, organisers=[person, other])
    elsewhere = make_session(capacity=5)
    role = services.add_question(full, by=person, text="Your role?")
    with time_machine.travel(NOW, tick=False):
        services.register(full, person, {role.pk: "Nurse at Abrigado"})
        services.register(full, other, {role.pk: "Social worker"})
        services.register(full, waiting)
        services.register(elsewhere, person)
        services.send_announcement(
            full, by=person, subject="From leaving", body="Write to leaving@example.org."
        )
        services.send_announcement(full, by=other, subject="Hello", body="Lea Realname says hi.")
    return {"person": person, "other": other, "waiting": waiting, "full": full}


def test_export_holds_the_persons_rows_only(world):
    data = json.loads(json.dumps(privacy.export(world["person"])))
    assert len(data["registrations"]) == Registration.objects.filter(user=world["person"]).count()
    answers = [r["answers"] for r in data["registrations"]]
    assert [{"question": "Your role?", "answer": "Nurse at Abrigado"}] in answers
    assert data["organised_sessions"] == [
        {"session": str(world["full"].public_id), "training": "running-a-dcr"}
    ]
    assert [m["subject"] for m in data["messages_to_participants"]] == ["From leaving"]
    text = json.dumps(data)
    assert "Social worker" not in text and "Hello" not in text


def test_the_account_export_includes_this_app(world):
    records = export_all(world["person"])["records"]
    assert len(records["trainings.registrations"]) == 2
    assert len(records["trainings.messages_to_participants"]) == 1


def test_someone_without_trainings_exports_empty_lists():
    assert privacy.export(make_person("nobody")) == {
        "registrations": [],
        "organised_sessions": [],
        "messages_to_participants": [],
    }


@pytest.mark.parametrize("keep_posts", [True, False])
def test_erasure_leaves_no_identifier_in_any_text_column(world, keep_posts):
    person, full = world["person"], world["full"]
    with time_machine.travel(NOW, tick=False):
        delete_account(person, keep_posts=keep_posts)
    assert not Registration.objects.filter(user_id=person.pk).exists()
    assert list(Answer.objects.values_list("text", flat=True)) == ["Social worker"]
    # Their confirmed place went to the first of the wait-list.
    waiting = Registration.objects.get(user=world["waiting"])
    assert waiting.status == RegistrationStatus.CONFIRMED
    # Their message to participants stays for the session's record, without them.
    assert list(Announcement.objects.order_by("pk").values_list("author", "subject", "body")) == [
        (None, "From [deleted member]", "Write to [deleted member]."),
        (world["other"].pk, "Hello", "[deleted member] says hi."),
    ]
    assert list(full.organisers.all()) == [world["other"]]
    needles = ("leaving@example.org", "leaving", "lea realname")
    for model in (Session, Question, Registration, Answer, Announcement):
        for row in model.objects.values():
            text = json.dumps(row, default=str).lower().replace("[deleted member]", "")
            assert not [needle for needle in needles if needle in text], row
