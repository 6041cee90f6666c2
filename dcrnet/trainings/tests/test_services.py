"""The rules of registering and of organisers' changes, on a frozen clock: the deadline, the
cut-off, the start and the end; who may do what; what each write leaves in the database."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from dcrnet.lib.refusals import Invalid, NotFound
from dcrnet.trainings import services
from dcrnet.trainings.models import (
    Answer,
    Question,
    Registration,
    RegistrationStatus,
    SessionStatus,
)

from .factories import NOW, make_person, make_session

pytestmark = pytest.mark.django_db

CONFIRMED, WAITLISTED, CANCELLED = (
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.WAITLISTED,
    RegistrationStatus.CANCELLED,
)


def at(moment):
    return time_machine.travel(moment, tick=False)


@pytest.fixture
def organiser():
    return make_person("organiser")


@pytest.fixture
def session(organiser):
    return make_session(capacity=2, organisers=[organiser])


# --- registering -------------------------------------------------------------------------------


def test_the_first_get_places_then_the_wait_list(session):
    people = [make_person(f"p{i}") for i in range(3)]
    with at(NOW):
        statuses = [services.register(session, person).status for person in people]
    assert statuses == [CONFIRMED, CONFIRMED, WAITLISTED]
    first = Registration.objects.get(user=people[0])
    assert first.registered_at == first.confirmed_at == NOW
    assert Registration.objects.get(user=people[2]).confirmed_at is None


def test_registering_again_returns_the_same_registration_unchanged(session):
    person = make_person("twice")
    with at(NOW):
        first = services.register(session, person)
    with at(NOW + dt.timedelta(hours=1)):
        again = services.register(session, person)
    assert again.pk == first.pk and again.already_registered and not first.already_registered
    assert again.registered_at == NOW
    assert Registration.objects.filter(session=session).count() == 1


def test_no_registration_after_the_deadline(session):
    person = make_person("late")
    with at(session.registration_deadline + dt.timedelta(seconds=1)):
        with pytest.raises(Invalid, match="closed"):
            services.register(session, person)
    assert not Registration.objects.exists()


def test_the_deadline_moment_itself_is_still_open(session):
    with at(session.registration_deadline):
        registration = services.register(session, make_person("just-in-time"))
    assert registration.status == CONFIRMED


def test_no_registration_once_the_session_started(session):
    session.registration_deadline = session.starts_at
    session.save()
    with at(session.starts_at), pytest.raises(Invalid, match="started"):
        services.register(session, make_person("door"))
    assert not Registration.objects.exists()


def test_no_registration_for_a_cancelled_session(session, organiser):
    with at(NOW):
        services.cancel_session(session, by=organiser, reason="The trainer is ill.")
        with pytest.raises(Invalid, match="cancelled"):
            services.register(session, make_person("hopeful"))


def test_a_required_answer_is_named_when_missing(session, organiser):
    role = services.add_question(session, by=organiser, text="Your role?", required=True)
    organisation = services.add_question(session, by=organiser, text="Your organisation?")
    person = make_person("asked")
    with at(NOW):
        with pytest.raises(Invalid, match="Your role"):
            services.register(session, person, {organisation.pk: "Abrigado"})
        with pytest.raises(Invalid, match="Your role"):
            services.register(session, person, {role.pk: "   "})
        assert not Registration.objects.exists()
        registration = services.register(
            session, person, {role.pk: " Nurse ", organisation.pk: "", 999999: "ignored"}
        )
    assert list(registration.answers.values_list("question_id", "text")) == [(role.pk, "Nurse")]


def test_an_overlong_answer_is_refused(session, organiser):
    question = services.add_question(session, by=organiser, text="Your role?")
    with at(NOW), pytest.raises(Invalid, match="Your role"):
        services.register(session, make_person("verbose"), {question.pk: "x" * 1001})


def test_registering_after_cancelling_reuses_the_row_at_the_end_of_the_queue(session, organiser):
    question = services.add_question(session, by=organiser, text="Your role?")
    people = [make_person(f"p{i}") for i in range(4)]
    with at(NOW):
        first = services.register(session, people[0], {question.pk: "Nurse"})
        for person in people[1:]:
            services.register(session, person)
    with at(NOW + dt.timedelta(days=1)):
        services.cancel(first, by=people[0])
    with at(NOW + dt.timedelta(days=2)):
        again = services.register(session, people[0], {question.pk: "Doctor"})
    assert again.pk == first.pk
    assert again.status == WAITLISTED  # p2 was promoted into the freed place; p3 waits first
    assert again.registered_at == NOW + dt.timedelta(days=2)
    assert again.cancelled_at is None and again.confirmed_at is None
    assert list(session.registrations.waitlist().values_list("user__handle", flat=True)) == [
        "p3",
        "p0",
    ]
    assert list(Answer.objects.values_list("text", flat=True)) == ["Doctor"]


def test_anonymous_people_cannot_register(session):
    from django.contrib.auth.models import AnonymousUser

    with at(NOW), pytest.raises(Invalid):
        services.register(session, AnonymousUser())


# --- cancelling --------------------------------------------------------------------------------


def test_a_confirmed_participant_cancels_until_the_cut_off(session):
    person = make_person("leaver")
    with at(NOW):
        registration = services.register(session, person)
    with at(session.cancellation_cutoff):
        cancelled = services.cancel(registration, by=person)
    assert cancelled.status == CANCELLED
    assert cancelled.cancelled_at == session.cancellation_cutoff


def test_after_the_cut_off_a_confirmed_participant_asks_the_organisers(session, organiser):
    person = make_person("late-leaver")
    with at(NOW):
        registration = services.register(session, person)
    with at(session.cancellation_cutoff + dt.timedelta(seconds=1)):
        with pytest.raises(Invalid, match="ask the organisers"):
            services.cancel(registration, by=person)
        assert Registration.objects.get().status == CONFIRMED
        # The organisers may remove them.
        assert services.cancel(registration, by=organiser).status == CANCELLED


def test_a_wait_listed_person_leaves_any_time_before_the_start(session):
    people = [make_person(f"p{i}") for i in range(3)]
    with at(NOW):
        waiting = [services.register(session, person) for person in people][-1]
    assert waiting.status == WAITLISTED
    with at(session.starts_at - dt.timedelta(seconds=1)):
        assert services.cancel(waiting, by=people[2]).status == CANCELLED


def test_nobody_cancels_themselves_once_the_session_started(session):
    people = [make_person(f"p{i}") for i in range(3)]
    with at(NOW):
        waiting = [services.register(session, person) for person in people][-1]
    with at(session.starts_at), pytest.raises(Invalid, match="started"):
        services.cancel(waiting, by=people[2])


def test_organisers_remove_until_the_end_only(session, organiser):
    person = make_person("p")
    with at(NOW):
        registration = services.register(session, person)
    with at(session.ends_at), pytest.raises(Invalid, match="over"):
        services.cancel(registration, by=organiser)
    with at(session.ends_at - dt.timedelta(seconds=1)):
        assert services.cancel(registration, by=organiser).status == CANCELLED


def test_someone_else_cannot_cancel_a_registration(session):
    person, other = make_person("p"), make_person("other")
    other_organiser = make_person("elsewhere")
    make_session(organisers=[other_organiser])
    with at(NOW):
        registration = services.register(session, person)
        for intruder in (other, other_organiser):
            with pytest.raises(NotFound):
                services.cancel(registration, by=intruder)
    assert Registration.objects.get().status == CONFIRMED


def test_cancelling_twice_changes_nothing_the_second_time(session):
    person = make_person("p")
    with at(NOW):
        registration = services.register(session, person)
        services.cancel(registration, by=person)
    with at(NOW + dt.timedelta(days=1)):
        again = services.cancel(registration, by=person)
    assert again.cancelled_at == NOW


# --- organisers --------------------------------------------------------------------------------


def test_who_may_organise(session, organiser, editor, staff, member):
    other_organiser = make_person("elsewhere")
    make_session(organisers=[other_organiser])
    from django.contrib.auth.models import AnonymousUser

    assert services.can_organise(organiser, session)
    assert services.can_organise(editor, session) and services.can_organise(staff, session)
    assert not services.can_organise(member, session)
    assert not services.can_organise(other_organiser, session)
    assert not services.can_organise(AnonymousUser(), session)
    organiser.is_active = False
    assert not services.can_organise(organiser, session)


def test_only_organisers_change_a_session(session, member):
    other_organiser = make_person("elsewhere")
    make_session(organisers=[other_organiser])
    for person in (member, other_organiser):
        with pytest.raises(NotFound):
            services.update_session(session, by=person, capacity=5)
        with pytest.raises(NotFound):
            services.cancel_session(session, by=person, reason="No.")
        with pytest.raises(NotFound):
            services.send_announcement(session, by=person, subject="Hi", body="Hello")
        with pytest.raises(NotFound):
            services.add_question(session, by=person, text="Role?")
    session.refresh_from_db()
    assert session.capacity == 2 and session.status == SessionStatus.SCHEDULED


def test_a_visible_change_raises_the_sequence_and_others_do_not(session, editor):
    start = session.starts_at + dt.timedelta(hours=1)
    with at(NOW):
        services.update_session(session, by=editor, trainers="Ana, Ben", capacity=3)
        session.refresh_from_db()
        assert session.sequence == 0
        services.update_session(
            session, by=editor, starts_at=start, ends_at=start + dt.timedelta(hours=3)
        )
    session.refresh_from_db()
    assert (session.sequence, session.starts_at, session.trainers) == (1, start, "Ana, Ben")


def test_a_change_that_does_not_validate_is_refused_with_its_field(session, organiser):
    with at(NOW), pytest.raises(services.InvalidSession) as refused:
        services.update_session(session, by=organiser, ends_at=session.starts_at)
    assert "ends_at" in refused.value.errors
    session.refresh_from_db()
    assert session.ends_at > session.starts_at


def test_capacity_below_the_confirmed_count_is_refused(session, organiser):
    with at(NOW):
        for i in range(2):
            services.register(session, make_person(f"p{i}"))
        with pytest.raises(Invalid, match="already confirmed") as refused:
            services.update_session(session, by=organiser, capacity=1)
    assert "capacity" in refused.value.errors
    session.refresh_from_db()
    assert session.capacity == 2


def test_unknown_fields_are_a_programming_error(session, organiser):
    with pytest.raises(TypeError):
        services.update_session(session, by=organiser, status=SessionStatus.CANCELLED)


def test_a_cancelled_session_is_not_changed(session, organiser):
    with at(NOW):
        services.cancel_session(session, by=organiser, reason="Ill.")
        with pytest.raises(Invalid):
            services.update_session(session, by=organiser, capacity=5)


def test_cancelling_a_session_needs_a_reason_and_happens_once(session, organiser):
    with at(NOW):
        with pytest.raises(Invalid, match="why"):
            services.cancel_session(session, by=organiser, reason="  ")
        services.cancel_session(session, by=organiser, reason="The trainer is ill.")
        again = services.cancel_session(session, by=organiser, reason="Other")
    assert again.status == SessionStatus.CANCELLED
    assert (again.sequence, again.cancellation_reason) == (1, "The trainer is ill.")


def test_a_session_that_is_over_cannot_be_cancelled(session, organiser):
    with at(session.ends_at), pytest.raises(Invalid, match="over"):
        services.cancel_session(session, by=organiser, reason="Late")


def test_attendance_is_marked_from_the_start_for_confirmed_participants(session, organiser):
    people = [make_person(f"p{i}") for i in range(3)]
    with at(NOW):
        came, missed, waiting = [services.register(session, person) for person in people]
    marks = {came.pk: True, missed.pk: False, waiting.pk: True}
    with at(session.starts_at - dt.timedelta(seconds=1)), pytest.raises(Invalid):
        services.set_attendance(session, marks, by=organiser)
    with at(session.starts_at + dt.timedelta(hours=1)):
        assert services.set_attendance(session, marks, by=organiser) == 2
        assert services.set_attendance(session, marks, by=organiser) == 0
        assert services.set_attendance(session, {came.pk: None}, by=organiser) == 1
    assert dict(Registration.objects.values_list("pk", "attended")) == {
        came.pk: None,
        missed.pk: False,
        waiting.pk: None,
    }


def test_attendance_of_another_session_is_not_touched(session, organiser):
    other = make_session(organisers=[organiser])
    person = make_person("p")
    with at(NOW):
        elsewhere = services.register(other, person)
    with at(session.starts_at + dt.timedelta(hours=1)):
        assert services.set_attendance(session, {elsewhere.pk: True}, by=organiser) == 0
    assert Registration.objects.get().attended is None


def test_an_announcement_is_kept_with_its_author(session, organiser):
    with pytest.raises(Invalid):
        services.send_announcement(session, by=organiser, subject=" ", body="Hello")
    announcement = services.send_announcement(
        session, by=organiser, subject="  Bring   a pen ", body="See you on Monday."
    )
    assert (announcement.author, announcement.subject) == (organiser, "Bring a pen")


def test_questions_are_added_in_order_and_deleted_with_their_answers(session, organiser):
    first = services.add_question(session, by=organiser, text="Role?", required=True)
    second = services.add_question(session, by=organiser, text="Organisation?")
    assert (first.order, second.order) == (0, 1)
    with pytest.raises(Invalid):
        services.add_question(session, by=organiser, text="   ")
    with at(NOW):
        services.register(session, make_person("p"), {first.pk: "Nurse", second.pk: "X"})
    with pytest.raises(NotFound):
        services.delete_question(first, by=make_person("stranger"))
    services.delete_question(first, by=organiser)
    assert list(Question.objects.values_list("text", flat=True)) == ["Organisation?"]
    assert list(Answer.objects.values_list("text", flat=True)) == ["X"]
