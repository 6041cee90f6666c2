"""Writes of trainings: registering, cancelling, the wait-list, organisers' changes.

Every write that touches places locks the session row first (`_locked`), so registrations,
cancellations, promotions and capacity changes of one session run one after the other: the
number of confirmed registrations never exceeds the capacity. The unique (session, user)
constraint is the backstop against a second row for one person. Emails are queued after commit
(notifications.py) and built when their task runs.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from dcrnet.lib.refusals import Invalid, NotFound

from . import notifications
from .models import (
    ACTIVE,
    Announcement,
    Answer,
    Question,
    Registration,
    RegistrationStatus,
    Session,
    SessionStatus,
)

# What an organiser may change on a session; the first ones are what participants see.
VISIBLE_FIELDS = ("starts_at", "ends_at", "time_zone", "format", "facility", "address")
VISIBLE_FIELDS += ("online_url", "language")
EDITABLE_FIELDS = VISIBLE_FIELDS + (
    "capacity",
    "registration_deadline",
    "cancellation_cutoff",
    "trainers",
)
ANSWER_CHARS = 1000
QUESTION_CHARS = 300
SUBJECT_CHARS = 200
BODY_CHARS = 5000


class InvalidSession(Invalid):
    """A session change that does not validate; `errors` maps fields to their messages."""

    def __init__(self, error: ValidationError):
        self.errors = error.message_dict if hasattr(error, "error_dict") else {}
        super().__init__(" ".join(error.messages))


def can_organise(user, session: Session) -> bool:
    """The session's organisers, and anyone who may change every session (editors, staff)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.has_perm("trainings.change_session"):
        return True
    return session.organisers.filter(pk=user.pk).exists()


def _check_organiser(user, session: Session) -> None:
    # Organisers of another session see nothing of this one: 404, not 403.
    if not can_organise(user, session):
        raise NotFound()


def _locked(session: Session) -> Session:
    return Session.objects.select_for_update().get(pk=session.pk)


def _on_commit(function, *args) -> None:
    transaction.on_commit(lambda: function(*args), robust=True)


def _promote(session: Session, now) -> list[Registration]:
    """Give the free places of a locked session to the first of its wait-list."""
    if session.is_cancelled or now >= session.starts_at:
        return []
    free = session.capacity - session.registrations.confirmed().count()
    if free <= 0:
        return []
    promoted = list(session.registrations.waitlist().select_for_update()[:free])
    for registration in promoted:
        registration.status = RegistrationStatus.CONFIRMED
        registration.confirmed_at = now
        registration.save(update_fields=["status", "confirmed_at"])
        _on_commit(notifications.promoted, registration.pk)
    return promoted


# --- participants ------------------------------------------------------------------------------


def _clean_answers(session: Session, answers: dict[int, str] | None) -> dict[int, str]:
    answers = {int(key): (value or "").strip() for key, value in (answers or {}).items()}
    cleaned = {}
    for question in session.questions.all():
        text = answers.get(question.pk, "")
        if question.required and not text:
            raise Invalid(_("Please answer the question “%(text)s”.") % {"text": question.text})
        if len(text) > ANSWER_CHARS:
            raise Invalid(
                ngettext(
                    "Please answer “%(text)s” in at most %(n)s character.",
                    "Please answer “%(text)s” in at most %(n)s characters.",
                    ANSWER_CHARS,
                )
                % {"text": question.text, "n": ANSWER_CHARS}
            )
        if text:
            cleaned[question.pk] = text
    return cleaned


def register(session: Session, user, answers: dict[int, str] | None = None, *, now=None):
    """Confirmed if places are left, else wait-listed; an active registration is returned as
    it is, marked `already_registered` (for the page to say so). Registering again after
    cancelling reuses the row, at the end of the queue."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        raise Invalid(_("Please sign in to register."))
    with transaction.atomic():
        session = _locked(session)
        # The time after the lock: the order of registered_at is the order of the queue.
        now = now or timezone.now()
        existing = (
            Registration.objects.select_for_update().filter(session=session, user=user).first()
        )
        if existing is not None and existing.status in ACTIVE:
            existing.already_registered = True
            return existing
        if session.is_cancelled:
            raise Invalid(_("This session has been cancelled."))
        if now >= session.starts_at:
            raise Invalid(_("This session has already started."))
        if now > session.registration_deadline:
            raise Invalid(_("Registration for this session has closed."))
        cleaned = _clean_answers(session, answers)
        confirmed = session.registrations.confirmed().count() < session.capacity
        values = {
            "status": RegistrationStatus.CONFIRMED if confirmed else RegistrationStatus.WAITLISTED,
            "registered_at": now,
            "confirmed_at": now if confirmed else None,
            "cancelled_at": None,
            "attended": None,
        }
        if existing is None:
            try:
                with transaction.atomic():
                    registration = Registration.objects.create(session=session, user=user, **values)
            except IntegrityError:
                # Only reachable if a writer skipped the session lock: keep the first row.
                registration = Registration.objects.get(session=session, user=user)
                registration.already_registered = True
                return registration
        else:
            registration = existing
            for name, value in values.items():
                setattr(registration, name, value)
            registration.save(update_fields=list(values))
            registration.answers.all().delete()
        Answer.objects.bulk_create(
            Answer(registration=registration, question_id=question_id, text=text)
            for question_id, text in cleaned.items()
        )
        _on_commit(notifications.registered, registration.pk)
    registration.already_registered = False
    return registration


def declinable(registration: Registration, session: Session) -> bool:
    """A place given from the wait-list after the cut-off: its holder was told they may decline
    it, so they may until the start."""
    confirmed_at = registration.confirmed_at
    promoted = confirmed_at is not None and confirmed_at != registration.registered_at
    return promoted and confirmed_at > session.cancellation_cutoff


def cancel(registration: Registration, *, by, now=None) -> Registration:
    """The participant cancels (a confirmed place until the cut-off, or until the start if it
    came from the wait-list after the cut-off; a wait-list place until the start), or an
    organiser removes them (until the end). A freed place is promoted."""
    with transaction.atomic():
        session = _locked(registration.session)
        now = now or timezone.now()
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        organiser = can_organise(by, session)
        if not organiser and getattr(by, "pk", None) != registration.user_id:
            raise NotFound()
        if registration.status == RegistrationStatus.CANCELLED:
            return registration
        was_confirmed = registration.status == RegistrationStatus.CONFIRMED
        if organiser:
            if now >= session.ends_at:
                raise Invalid(_("This session is over: its registrations can no longer change."))
        elif now >= session.starts_at:
            raise Invalid(_("This session has already started."))
        elif (
            was_confirmed
            and now > session.cancellation_cutoff
            and not declinable(registration, session)
        ):
            raise Invalid(
                _(
                    "The date until which participants can cancel has passed. If you cannot "
                    "come, please ask the organisers to remove your registration."
                )
            )
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancelled_at"])
        _on_commit(notifications.cancelled, registration.pk)
        if was_confirmed:
            _promote(session, now)
    return registration


# --- organisers --------------------------------------------------------------------------------


def update_session(session: Session, *, by, **fields) -> Session:
    """Change a session. A change participants see raises `sequence` and tells them; a raised
    capacity gives the new places to the wait-list."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"update_session() cannot change {', '.join(sorted(unknown))}")
    _check_organiser(by, session)
    with transaction.atomic():
        session = _locked(session)
        now = timezone.now()
        if session.is_cancelled:
            raise Invalid(_("This session has been cancelled: it can no longer be changed."))
        before = {name: getattr(session, name) for name in VISIBLE_FIELDS}
        for name, value in fields.items():
            if name == "facility":
                session.facility = value
            else:
                setattr(session, name, value)
        try:
            session.full_clean()
        except ValidationError as error:
            raise InvalidSession(error) from error
        confirmed = session.registrations.confirmed().count()
        if session.capacity < confirmed:
            raise InvalidSession(
                ValidationError(
                    {
                        "capacity": ngettext(
                            "%(n)s person is already confirmed: the session needs at least as "
                            "many places.",
                            "%(n)s people are already confirmed: the session needs at least as "
                            "many places.",
                            confirmed,
                        )
                        % {"n": confirmed}
                    }
                )
            )
        after = {name: getattr(session, name) for name in VISIBLE_FIELDS}
        changed = [name for name in VISIBLE_FIELDS if before[name] != after[name]]
        if changed:
            session.sequence += 1
        session.save()
        if changed and now < session.ends_at:
            ids = list(session.registrations.active().values_list("pk", flat=True))
            _on_commit(notifications.session_changed, ids, session.sequence, changed)
        _promote(session, now)
    return session


def cancel_session(session: Session, *, by, reason: str) -> Session:
    """Cancel a session; everyone registered (confirmed or wait-listed) is told why."""
    _check_organiser(by, session)
    reason = (reason or "").strip()
    if not reason:
        raise Invalid(_("Please say why the session is cancelled: participants will read it."))
    with transaction.atomic():
        session = _locked(session)
        if session.is_cancelled:
            return session
        if timezone.now() >= session.ends_at:
            raise Invalid(_("This session is over: it can no longer be cancelled."))
        session.status = SessionStatus.CANCELLED
        session.cancellation_reason = reason
        session.sequence += 1
        session.save(update_fields=["status", "cancellation_reason", "sequence", "updated_at"])
        ids = list(session.registrations.active().values_list("pk", flat=True))
        _on_commit(notifications.session_cancelled, ids, session.sequence)
    return session


def set_attendance(session: Session, marks: dict[int, bool | None], *, by) -> int:
    """Mark who came (True), who did not (False), or unmark (None), by registration id, among
    the confirmed participants. Returns how many registrations changed."""
    _check_organiser(by, session)
    with transaction.atomic():
        session = _locked(session)
        if session.is_cancelled:
            raise Invalid(_("This session has been cancelled."))
        if timezone.now() < session.starts_at:
            raise Invalid(_("Attendance can be marked once the session has started."))
        changed = 0
        registrations = session.registrations.confirmed().filter(pk__in=[int(k) for k in marks])
        for registration in registrations.select_for_update():
            mark = marks.get(registration.pk, marks.get(str(registration.pk)))
            if mark not in (True, False, None):
                raise Invalid(_("Please mark each participant as present, absent or unknown."))
            if registration.attended != mark:
                registration.attended = mark
                registration.save(update_fields=["attended"])
                changed += 1
    return changed


def send_announcement(session: Session, *, by, subject: str, body: str) -> Announcement:
    """A message from the organisers, emailed to every confirmed participant."""
    _check_organiser(by, session)
    subject, body = " ".join((subject or "").split()), (body or "").strip()
    if not subject or not body:
        raise Invalid(_("Please write a subject and a message."))
    if len(subject) > SUBJECT_CHARS or len(body) > BODY_CHARS:
        raise Invalid(
            _(
                "Please keep the subject under %(subject)s and the message under %(body)s "
                "characters."
            )
            % {"subject": SUBJECT_CHARS, "body": BODY_CHARS}
        )
    with transaction.atomic():
        session = _locked(session)
        announcement = Announcement.objects.create(
            session=session, author=by, subject=subject, body=body
        )
        ids = list(session.registrations.confirmed().values_list("pk", flat=True))
        _on_commit(notifications.announced, announcement.pk, ids)
    return announcement


def add_question(session: Session, *, by, text: str, required: bool = False) -> Question:
    _check_organiser(by, session)
    text = " ".join((text or "").split())
    if not text:
        raise Invalid(_("Please write the question."))
    if len(text) > QUESTION_CHARS:
        raise Invalid(_("Please keep the question under %(n)s characters.") % {"n": QUESTION_CHARS})
    with transaction.atomic():
        session = _locked(session)
        last = session.questions.aggregate(last=Max("order"))["last"]
        return Question.objects.create(
            session=session,
            text=text,
            required=bool(required),
            order=0 if last is None else last + 1,
        )


def delete_question(question: Question, *, by) -> None:
    """Remove a question with the answers given to it."""
    _check_organiser(by, question.session)
    with transaction.atomic():
        _locked(question.session)
        Question.objects.filter(pk=question.pk).delete()
