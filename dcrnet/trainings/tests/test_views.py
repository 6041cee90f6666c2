"""The trainings pages at work: the catalogue, a training, a session (times in its own zone,
the online link only for confirmed participants and organisers), registering and cancelling
through the pages, "mine", and each organisers' page doing its write through the services."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.urls import reverse

from dcrnet.community.models import Profile
from dcrnet.documents.models import Document, Topic
from dcrnet.evidence.models import Reference
from dcrnet.guide.models import Step
from dcrnet.trainings.models import (
    Announcement,
    Answer,
    Format,
    Question,
    Registration,
    RegistrationStatus,
    Session,
    SessionStatus,
)

from . import web
from .factories import NOW, make_session, make_training
from .web import client_for, person, register

pytestmark = pytest.mark.django_db
cast, frozen = web.cast, web.frozen

CONFIRMED, WAITLISTED, CANCELLED = (
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.WAITLISTED,
    RegistrationStatus.CANCELLED,
)


def url(name: str, session) -> str:
    return reverse(f"trainings:{name}", kwargs={"public_id": session.public_id})


def main(response) -> str:
    return response.content.decode().split("<main", 1)[1].split("</main>", 1)[0]


def said(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


# --- the catalogue and a training --------------------------------------------------------------


def test_the_catalogue_lists_published_trainings_with_their_next_session(cast):
    hidden = make_training("draft", title="A draft training", published=False)
    make_session(hidden)
    demo = make_training("demo", title="Demonstration training", is_demo=True, provider="Partner")
    page = main(client_for(None).get(reverse("trainings:catalogue")))
    assert "Running a drug consumption room" in page and "Cost-effectiveness" in page
    assert "A draft training" not in page
    assert "31 March 2027" in page  # the next session
    assert "English, German" in page
    assert f"?training={demo.slug}" not in page and "None planned yet" in page
    assert "Demonstration entry" in page and "Partner" in page
    assert reverse("trainings:calendar") in page


def test_a_training_shows_its_materials_steps_and_upcoming_sessions(cast):
    training = cast["training"]
    step = Step.objects.create(number=3, slug="funding", title="Funding", summary="s", body="b")
    topic = Topic.objects.create(name="Admission", slug="admission")
    shown = Document.objects.create(
        title="House rules", slug="house-rules", kind="house rules", perspective="both",
        topic=topic, language="en", status="published",
    )  # fmt: skip
    hidden = Document.objects.create(
        title="Secret draft", slug="secret-draft", kind="house rules", perspective="both",
        topic=topic, language="en", status="suggested",
    )  # fmt: skip
    reference = Reference.objects.create(title="A cohort study", year=2020)
    training.steps.add(step)
    training.documents.add(shown, hidden)
    training.references.add(reference)
    past = make_session(training, start=NOW - dt.timedelta(days=10))
    page = main(client_for(None).get(training.get_absolute_url()))
    assert step.get_absolute_url() in page
    assert reverse("documents:detail", args=["house-rules"]) in page
    assert "Secret draft" not in page
    assert reference.get_absolute_url() in page
    assert url("session", cast["session"]) in page
    assert url("session", past) not in page


def test_demonstration_sessions_are_marked(cast):
    demo = make_session(cast["training"], is_demo=True, start=NOW + dt.timedelta(days=60))
    for page in (
        main(client_for(None).get(url("session", demo))),
        main(client_for(None).get(reverse("trainings:sessions") + "?month=2027-04")),
    ):
        assert "Demonstration entry" in page


# --- a session ---------------------------------------------------------------------------------


def test_a_session_shows_its_time_in_its_own_zone_with_the_offset(cast):
    winter = make_session(cast["training"], start=dt.datetime(2027, 11, 2, 9, 0, tzinfo=dt.UTC))
    page = main(client_for(None).get(url("session", winter)))
    assert "2 November 2027, 10:00" in page and "13:00" in page
    assert "Europe/Berlin" in page and "UTC+01:00" in page
    summer = main(client_for(None).get(url("session", cast["session"])))
    assert "31 March 2027, 11:00" in summer and "UTC+02:00" in summer
    sao_paulo = make_session(
        cast["training"], time_zone="America/Sao_Paulo", start=NOW + dt.timedelta(days=3)
    )
    assert "UTC−03:00" in main(client_for(None).get(url("session", sao_paulo)))


LINK = "https://meet.example.org/secret-room"


@pytest.mark.parametrize(
    ("who", "shown"),
    [
        ("anonymous", False),
        ("non_member", False),
        ("member", False),
        ("participant", True),
        ("other_participant", False),  # wait-listed
        ("organiser", True),
        ("other_organiser", False),
        ("editor", True),
        ("staff", True),
    ],
)
def test_the_online_link_only_for_confirmed_participants_and_organisers(cast, who, shown):
    client = client_for(cast[who])
    pages = [client.get(url("session", cast["session"]))]
    pages.append(client.get(reverse("trainings:sessions")))
    pages.append(client.get(cast["training"].get_absolute_url()))
    if who != "anonymous":
        pages.append(client.get(reverse("trainings:mine")))
    assert (LINK in pages[0].content.decode()) is shown
    for page in pages[1:]:
        assert LINK not in page.content.decode()


def test_a_cancelled_registration_does_not_show_the_link(cast):
    Registration.objects.filter(pk=cast["registration"].pk).update(status=CANCELLED)
    page = main(client_for(cast["participant"]).get(url("session", cast["session"])))
    assert LINK not in page and "Your registration is cancelled." in page


def test_a_cancelled_session_says_so_with_its_reason_everywhere(cast):
    session = cast["session"]
    Session.objects.filter(pk=session.pk).update(
        status=SessionStatus.CANCELLED, cancellation_reason="The trainer is ill."
    )
    page = main(client_for(cast["member"]).get(url("session", session)))
    assert "This session is cancelled" in page and "The trainer is ill." in page
    assert f'action="{url("register", session)}"' not in page
    listed = main(client_for(None).get(reverse("trainings:sessions")))
    assert "Cancelled" in listed
    refused = client_for(cast["member"]).get(url("register", session))
    assert refused.status_code == 400
    assert "This session has been cancelled." in main(refused)


def test_places_left_and_the_wait_list_are_shown(cast):
    full = main(client_for(None).get(url("session", cast["session"])))
    assert "Full" in full and "1 person on the wait-list" in full
    other = main(client_for(None).get(url("session", cast["other_session"])))
    assert "4 places left of 5" in other


def test_anonymous_visitors_are_invited_to_sign_in_to_register(cast):
    page = main(client_for(None).get(url("session", cast["other_session"])))
    assert "Sign in to register" in page and "next=/trainings/sessions/" in page


def test_the_wait_listed_person_sees_their_place_in_the_queue(cast):
    later = person("later")
    register(cast["session"], later, WAITLISTED, registered_at=NOW)
    page = main(client_for(later).get(url("session", cast["session"])))
    assert "You are on the wait-list: number 2." in page and "Leave the wait-list" in page


# --- registering and cancelling ---------------------------------------------------------------


def test_registering_with_the_organisers_questions(cast, django_capture_on_commit_callbacks):
    session = cast["other_session"]
    question = Question.objects.create(session=session, text="Your organisation?", required=True)
    client = client_for(cast["member"])
    form = client.get(url("register", session))
    assert "Your organisation?" in main(form)
    missing = client.post(url("register", session), {})
    assert missing.status_code == 400 and "This field is required." in main(missing)
    assert not Registration.objects.filter(user=cast["member"]).exists()
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(url("register", session), {f"q{question.pk}": "Abrigado"})
    assert done.status_code == 302 and done["Location"] == url("session", session)
    registration = Registration.objects.get(user=cast["member"], session=session)
    assert registration.status == CONFIRMED
    assert Answer.objects.get(registration=registration).text == "Abrigado"
    assert any("your place is confirmed" in m for m in said(done))


def test_registering_on_the_session_page_form(cast):
    session = cast["other_session"]
    client = client_for(cast["member"])
    page = main(client.get(url("session", session)))
    assert f'action="{url("register", session)}"' in page
    assert client.post(url("register", session)).status_code == 302
    assert Registration.objects.get(user=cast["member"], session=session).status == CONFIRMED


def test_a_full_session_puts_people_on_the_wait_list_with_their_number(cast):
    session = cast["session"]
    client = client_for(cast["member"])
    response = client.post(url("register", session), {f"q{cast['question'].pk}": "Nurse"})
    assert response.status_code == 302
    assert Registration.objects.get(user=cast["member"]).status == WAITLISTED
    assert any("wait-list (number 2)" in m for m in said(response))


def test_registering_twice_is_one_registration(cast):
    client = client_for(cast["participant"])
    response = client.post(url("register", cast["session"]), {f"q{cast['question'].pk}": "x"})
    assert response.status_code == 302
    assert Registration.objects.filter(user=cast["participant"]).count() == 1


def test_registering_after_the_deadline_is_refused_with_its_message(cast):
    session = cast["other_session"]
    with time_machine.travel(session.registration_deadline + dt.timedelta(minutes=1), tick=False):
        response = client_for(cast["member"]).post(url("register", session))
    assert response.status_code == 400
    assert "Registration for this session has closed." in main(response)
    assert not Registration.objects.filter(user=cast["member"]).exists()


def test_an_overlong_or_control_character_answer_is_a_form_error(cast):
    question = cast["question"]
    client = client_for(cast["member"])
    for answer in ("x" * 1001, "bad\x0banswer"):
        response = client.post(url("register", cast["session"]), {f"q{question.pk}": answer})
        assert response.status_code == 400
    assert not Registration.objects.filter(user=cast["member"]).exists()


def test_cancelling_a_confirmed_place_gives_it_to_the_first_waiting(
    cast, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(cast["participant"]).post(url("cancel", cast["session"]))
    assert response.status_code == 302 and response["Location"] == url("session", cast["session"])
    assert any("Your registration is cancelled" in m for m in said(response))
    cast["registration"].refresh_from_db()
    cast["waiting"].refresh_from_db()
    assert cast["registration"].status == CANCELLED
    assert cast["waiting"].status == CONFIRMED
    assert {"participant@example.org", "other-participant@example.org"} <= {
        address for mail in mailoutbox for address in mail.to
    }


def test_a_promoted_person_may_decline_the_place(cast):
    waiting = cast["waiting"]
    Registration.objects.filter(pk=waiting.pk).update(
        status=CONFIRMED, confirmed_at=NOW + dt.timedelta(hours=1)
    )
    client = client_for(cast["other_participant"])
    assert "Decline the place" in main(client.get(url("session", cast["session"])))
    client.post(url("cancel", cast["session"]))
    waiting.refresh_from_db()
    assert waiting.status == CANCELLED


def test_after_the_cut_off_a_participant_is_told_to_ask_the_organisers(cast):
    session = cast["session"]
    with time_machine.travel(session.cancellation_cutoff + dt.timedelta(hours=1), tick=False):
        client = client_for(cast["participant"])
        page = main(client.get(url("session", session)))
        assert "Cancel my registration" not in page and "ask the organisers" in page
        response = client.post(url("cancel", session))
    assert response.status_code == 400 and "ask the organisers" in main(response)
    cast["registration"].refresh_from_db()
    assert cast["registration"].status == CONFIRMED


def test_a_wait_listed_person_leaves_the_wait_list(cast):
    response = client_for(cast["other_participant"]).post(url("cancel", cast["session"]))
    assert any("left the wait-list" in m for m in said(response))
    cast["waiting"].refresh_from_db()
    assert cast["waiting"].status == CANCELLED


def test_mine_lists_upcoming_and_past_registrations_and_organised_sessions(cast):
    participant = cast["participant"]
    old = make_session(cast["training"], start=NOW - dt.timedelta(days=40))
    register(old, participant, attended=True)
    page = main(client_for(participant).get(reverse("trainings:mine")))
    coming, gone = page.split('id="gone-heading"')
    assert url("session", cast["session"]) in coming
    assert url("session", old) in gone and url("certificate", old) in gone
    organiser_page = main(client_for(cast["organiser"]).get(reverse("trainings:mine")))
    assert "Sessions you organise" in organiser_page
    assert url("participants", cast["session"]) in organiser_page


# --- organisers --------------------------------------------------------------------------------


def test_the_participants_page_lists_everyone_with_their_answers(cast):
    Answer.objects.create(
        registration=cast["registration"], question=cast["question"], text="Nurse"
    )
    gone = register(cast["session"], person("gone"), CANCELLED)
    Profile.objects.update_or_create(
        user=cast["participant"], defaults={"real_name": "Pat Doe", "show_real_name": True}
    )
    page = main(client_for(cast["organiser"]).get(url("participants", cast["session"])))
    assert "Nurse" in page and "Pat Doe (participant)" in page
    confirmed, rest = page.split('id="waitlist-heading"')
    waitlist, cancelled = rest.split('id="cancelled-heading"')
    assert "participant" in confirmed and "other-participant" in waitlist
    assert str(gone.user) in cancelled


def test_an_organiser_removes_a_participant_and_the_place_goes_on(cast):
    client = client_for(cast["organiser"])
    response = client.post(
        url("cancel", cast["session"]), {"registration": cast["registration"].pk}
    )
    assert response.status_code == 302 and response["Location"] == url(
        "participants", cast["session"]
    )
    cast["registration"].refresh_from_db()
    cast["waiting"].refresh_from_db()
    assert (cast["registration"].status, cast["waiting"].status) == (CANCELLED, CONFIRMED)


def test_an_organiser_cannot_remove_a_registration_of_another_session(cast):
    client = client_for(cast["organiser"])
    for value in (cast["other_registration"].pk, "abc", "99999999999999999999", ""):
        response = client.post(url("cancel", cast["session"]), {"registration": value})
        assert response.status_code == 404, value
    cast["other_registration"].refresh_from_db()
    assert cast["other_registration"].status == CONFIRMED


def test_attendance_waits_for_the_start_then_marks(cast):
    session, registration = cast["session"], cast["registration"]
    client = client_for(cast["organiser"])
    assert "once the session has started" in main(client.get(url("attendance", session)))
    with time_machine.travel(session.starts_at + dt.timedelta(minutes=30), tick=False):
        client = client_for(cast["organiser"])  # the sign-in of a month ago has expired
        page = main(client.get(url("attendance", session)))
        assert f'name="r{registration.pk}"' in page
        assert f'name="r{cast["waiting"].pk}"' not in page  # the wait-list did not come
        response = client.post(url("attendance", session), {f"r{registration.pk}": "no"})
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.attended is False


def test_attendance_ignores_ids_of_another_session(cast):
    """IDOR: a registration id of session B sent in A's form has no field and is not read."""
    session, other = cast["session"], cast["other_registration"]
    with time_machine.travel(session.starts_at + dt.timedelta(minutes=30), tick=False):
        response = client_for(cast["organiser"]).post(
            url("attendance", session),
            {f"r{other.pk}": "yes", f"r{cast['waiting'].pk}": "yes", "r1": "yes"},
        )
    assert response.status_code == 302
    other.refresh_from_db()
    cast["waiting"].refresh_from_db()
    assert other.attended is None and cast["waiting"].attended is None


def test_attendance_refuses_an_unknown_mark(cast):
    session = cast["session"]
    with time_machine.travel(session.starts_at + dt.timedelta(minutes=30), tick=False):
        response = client_for(cast["organiser"]).post(
            url("attendance", session), {f"r{cast['registration'].pk}": "maybe"}
        )
    assert response.status_code == 400
    cast["registration"].refresh_from_db()
    assert cast["registration"].attended is True


def test_a_message_goes_to_the_confirmed_participants(
    cast, django_capture_on_commit_callbacks, mailoutbox
):
    client = client_for(cast["organiser"])
    assert client.post(url("message", cast["session"]), {"subject": " "}).status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("message", cast["session"]), {"subject": "Room 4", "body": "We meet in room 4."}
        )
    assert response.status_code == 302
    announcement = Announcement.objects.get()
    assert (announcement.subject, announcement.author) == ("Room 4", cast["organiser"])
    recipients = {address for mail in mailoutbox for address in mail.to}
    assert "participant@example.org" in recipients
    assert "other-participant@example.org" not in recipients  # wait-listed
    assert "Room 4" in main(client.get(url("message", cast["session"])))


def test_questions_are_added_and_deleted_by_the_organisers(cast):
    client = client_for(cast["organiser"])
    session = cast["session"]
    assert client.post(url("questions", session), {"text": "Diet?"}).status_code == 302
    assert session.questions.filter(text="Diet?", required=False).exists()
    assert client.post(url("questions", session), {"text": ""}).status_code == 400
    response = client.post(url("questions", session), {"delete": cast["question"].pk})
    assert response.status_code == 302
    assert not Question.objects.filter(pk=cast["question"].pk).exists()


def test_a_question_of_another_session_cannot_be_deleted(cast):
    theirs = Question.objects.create(session=cast["other_session"], text="Theirs")
    client = client_for(cast["organiser"])
    for value in (theirs.pk, "x", ""):
        assert client.post(url("questions", cast["session"]), {"delete": value}).status_code == 404
    assert Question.objects.filter(pk=theirs.pk).exists()


def edit_data(session, **changes):
    data = {
        "starts_at": "2027-03-31T11:00",
        "ends_at": "2027-03-31T14:00",
        "time_zone": session.time_zone,
        "format": session.format,
        "facility": "",
        "address": session.address,
        "online_url": session.online_url,
        "language": session.language,
        "capacity": str(session.capacity),
        "registration_deadline": "2027-03-29T11:00",
        "cancellation_cutoff": "2027-03-28T11:00",
        "trainers": session.trainers,
    }
    data.update(changes)
    return data


def test_editing_a_session_in_its_own_time_zone(cast, django_capture_on_commit_callbacks):
    session = cast["session"]
    client = client_for(cast["organiser"])
    assert 'value="2027-03-31T11:00"' in main(client.get(url("edit", session)))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("edit", session),
            edit_data(session, starts_at="2027-03-31T12:00", ends_at="2027-03-31T15:30"),
        )
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.starts_at == dt.datetime(2027, 3, 31, 10, 0, tzinfo=dt.UTC)
    assert session.ends_at == dt.datetime(2027, 3, 31, 13, 30, tzinfo=dt.UTC)
    assert session.sequence == 1


def test_raising_the_capacity_promotes_from_the_wait_list(cast):
    response = client_for(cast["organiser"]).post(
        url("edit", cast["session"]), edit_data(cast["session"], capacity="3")
    )
    assert response.status_code == 302
    cast["waiting"].refresh_from_db()
    assert cast["waiting"].status == CONFIRMED


def test_an_edit_that_does_not_validate_shows_its_field_errors(cast):
    session = cast["session"]
    client = client_for(cast["organiser"])
    cases = [
        ({"ends_at": "2027-03-31T10:00"}, "The session must end after it starts."),
        ({"capacity": "1"}, "already confirmed"),
        ({"time_zone": "Mars/Olympus"}, "is not a time zone name"),
        ({"starts_at": "2027-03-28T02:30"}, "occurs twice in that time zone"),  # clocks skip it
        ({"format": "online", "online_url": ""}, "Give the link to join an online session."),
        ({"capacity": "abc"}, "Enter a whole number."),
    ]
    for changes, message in cases:
        response = client.post(url("edit", session), edit_data(session, **changes))
        assert response.status_code == 400, changes
        assert message in main(response), changes
    session.refresh_from_db()
    assert (session.capacity, session.sequence) == (2, 0)


def test_an_edit_without_changes_changes_nothing(cast):
    session = cast["session"]
    response = client_for(cast["organiser"]).post(url("edit", session), edit_data(session))
    assert response.status_code == 302 and any("Nothing was changed" in m for m in said(response))


def test_cancelling_a_session_needs_a_reason_and_a_confirmation(
    cast, django_capture_on_commit_callbacks, mailoutbox
):
    session = cast["session"]
    client = client_for(cast["organiser"])
    page = main(client.get(url("cancel_session", session)))
    assert "3 people are registered" in page
    assert client.post(url("cancel_session", session), {"reason": "Ill"}).status_code == 400
    session.refresh_from_db()
    assert not session.is_cancelled
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("cancel_session", session), {"reason": "Ill", "confirm": "on"})
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.is_cancelled and session.cancellation_reason == "Ill"
    assert {"participant@example.org", "other-participant@example.org"} <= {
        address for mail in mailoutbox for address in mail.to
    }


# --- the facility page's tag -------------------------------------------------------------------


def test_sessions_at_a_facility(cast, facility):
    hosted = make_session(cast["training"], facility=facility, address="")
    make_session(cast["training"], facility=facility, address="", start=NOW - dt.timedelta(days=5))
    html = Template("{% load trainings %}{% sessions_at facility %}").render(
        Context({"facility": facility})
    )
    assert url("session", hosted) in html and html.count("<li>") == 1
    assert (
        Template("{% load trainings %}{% sessions_at facility %}")
        .render(Context({"facility": cast["other_session"].facility}))
        .strip()
        == ""
    )
    page = main(client_for(None).get(url("session", hosted)))
    assert facility.get_absolute_url() in page


def test_online_sessions_need_no_place(cast):
    online = make_session(
        cast["training"], format=Format.ONLINE, address="", online_url="https://x.example/j"
    )
    assert "Online" in main(client_for(None).get(url("session", online)))


def test_an_edit_with_a_time_or_zone_out_of_range_is_a_field_error(cast):
    """Year 1 in a zone east of UTC, a zone that is a folder or a too long name, a session in
    year 9999 (which the public calendar cannot write) or in 3000 (whose VTIMEZONE would list a
    thousand years of clock changes): form errors, never a 500, and nothing saved."""
    session = cast["session"]
    client = client_for(cast["organiser"])
    far = {
        "starts_at": "9999-12-30T10:00",
        "ends_at": "9999-12-30T15:00",
        "registration_deadline": "9999-12-28T10:00",
        "cancellation_cutoff": "9999-12-28T10:00",
    }
    cases = [
        {"starts_at": "0001-01-01T00:00"},
        {"cancellation_cutoff": "0001-01-01T00:00"},
        {"time_zone": "Europe"},
        {"time_zone": "x" * 5000},
        {"time_zone": "Europe/../Europe/Berlin"},
        far,
        {name: value.replace("9999", "3000") for name, value in far.items()},
        {"starts_at": "1999-12-31T10:00"},
    ]
    for changes in cases:
        response = client.post(url("edit", session), edit_data(session, **changes))
        assert response.status_code == 400, changes
        assert 'aria-invalid="true"' in main(response), changes
    session.refresh_from_db()
    assert (session.starts_at.year, session.sequence, session.time_zone) == (
        2027,
        0,
        "Europe/Berlin",
    )
    assert client.get(reverse("trainings:calendar")).status_code == 200


def test_a_session_far_ahead_does_not_validate():
    session = make_session(start=NOW + dt.timedelta(days=6 * 366))
    with pytest.raises(ValidationError) as error:
        session.full_clean()
    assert {"starts_at", "ends_at", "registration_deadline", "cancellation_cutoff"} <= set(
        error.value.message_dict
    )


@pytest.mark.parametrize("name", ["past", "sessions"])
def test_the_session_lists_do_not_skip_a_heading_level(cast, client, name):
    import itertools
    import re

    make_session(cast["training"], start=NOW - dt.timedelta(days=10))
    page = main(client.get(reverse(f"trainings:{name}")))
    levels = [int(level) for level in re.findall(r"<h([1-6])[\s>]", page)]
    assert levels[0] == 1 and len(levels) > 1
    assert all(after <= before + 1 for before, after in itertools.pairwise(levels)), levels


def test_the_second_of_two_simultaneous_registrations_is_told_already_registered(
    cast, monkeypatch, mailoutbox, django_capture_on_commit_callbacks
):
    """RELIABILITY 62: the second request passed the view's check before the first committed
    (as if so: the check sees no registration), and the service returns the first's row."""
    from dcrnet.trainings import selectors

    session, member = cast["other_session"], cast["member"]
    client = client_for(member)
    assert client.post(url("register", session)).status_code == 302
    mailoutbox.clear()
    monkeypatch.setattr(selectors, "registration_of", lambda *args: None)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("register", session))
    assert response.status_code == 302
    assert said(response)[-1] == "You are already registered for this session."
    assert Registration.objects.filter(user=member).count() == 1 and mailoutbox == []
