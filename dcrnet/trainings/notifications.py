"""Emails of training sessions: plain text, one recipient each, in the recipient's language.

The services call the functions at the top through `transaction.on_commit`; they only enqueue
tasks (tasks.py). A task builds its message when it runs, rechecking that it still applies (a
confirmation is not sent to someone who cancelled meanwhile), and records a `Delivery` under a
key of ids, so nothing is sent twice:

- "confirmed:<registration>:<stamp>", "waitlisted:<registration>:<stamp>" (stamp: when they
  registered, so registering again after cancelling is told again),
  "promoted:<registration>:<stamp>" (when confirmed), "cancelled:<registration>:<stamp>" (when
  cancelled);
- "changed:<registration>:<sequence>", "session-cancelled:<registration>:<sequence>",
  "reminder:<registration>:<sequence>" (a session moved to another day is reminded again);
- "announcement:<announcement>:<registration>".

The link to join online is only ever written to confirmed participants.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _

from dcrnet.lib.i18n import absolute

from .models import Format, Registration, RegistrationStatus, Session


def stamp(moment) -> str:
    """A moment as an integer of microseconds: part of a delivery key."""
    return str(round(moment.timestamp() * 1_000_000)) if moment else ""


def registered(registration_id: int) -> None:
    from .tasks import send_notice

    registration = Registration.objects.filter(pk=registration_id).first()
    if registration is None:
        return
    kind = "confirmed" if registration.status == RegistrationStatus.CONFIRMED else "waitlisted"
    send_notice.enqueue(kind, registration.pk, stamp(registration.registered_at))


def promoted(registration_id: int) -> None:
    from .tasks import send_notice

    registration = Registration.objects.filter(pk=registration_id).first()
    if registration is not None:
        send_notice.enqueue("promoted", registration.pk, stamp(registration.confirmed_at))


def cancelled(registration_id: int) -> None:
    from .tasks import send_notice

    registration = Registration.objects.filter(pk=registration_id).first()
    if registration is not None:
        send_notice.enqueue("cancelled", registration.pk, stamp(registration.cancelled_at))


def session_changed(registration_ids: list[int], sequence: int, changed: list[str]) -> None:
    from .tasks import send_notice

    for registration_id in registration_ids:
        send_notice.enqueue("changed", int(registration_id), str(sequence), list(changed))


def session_cancelled(registration_ids: list[int], sequence: int) -> None:
    from .tasks import send_notice

    for registration_id in registration_ids:
        send_notice.enqueue("session-cancelled", int(registration_id), str(sequence))


def announced(announcement_id: int, registration_ids: list[int]) -> None:
    from .tasks import send_notice

    for registration_id in registration_ids:
        send_notice.enqueue("announcement", int(announcement_id), str(registration_id))


def remind(registration: Registration) -> None:
    from .tasks import send_notice

    send_notice.enqueue("reminder", registration.pk, str(registration.session.sequence))


# --- pieces ------------------------------------------------------------------------------------


def _email(to: str, subject: str, body: str) -> EmailMessage:
    return EmailMessage(
        subject=" ".join(subject.split()),
        body=body.rstrip() + "\n",
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
    )


def _reachable(registration: Registration) -> bool:
    user = registration.user
    return bool(user.is_active and user.email)


def when(session: Session) -> str:
    """Start and end in the session's own time zone, with the zone's name."""
    start, end = session.local_start, session.local_end
    if start.date() == end.date():
        until = formats.time_format(end, "H:i")
    else:
        until = formats.date_format(end, "DATETIME_FORMAT")
    return f"{formats.date_format(start, 'DATETIME_FORMAT')} – {until} ({session.time_zone})"


def where(session: Session, confirmed: bool) -> list[str]:
    lines = []
    if session.format in (Format.ON_SITE, Format.HYBRID):
        place = session.address.strip()
        if session.facility_id:
            facility = session.facility
            name = f"{facility.name}, {facility.city}"
            place = f"{name}\n{place}" if place else name
        lines.append(_("Where: %(place)s") % {"place": place})
    if session.format in (Format.ONLINE, Format.HYBRID):
        if confirmed and session.online_url:
            lines.append(_("Join online: %(link)s") % {"link": session.online_url})
        else:
            lines.append(_("Online: the link is sent to confirmed participants."))
    return lines


def language_name(code: str) -> str:
    try:
        return translation.get_language_info(code)["name_translated"]
    except KeyError:
        return code


def details(session: Session, confirmed: bool) -> str:
    lines = [
        _("When: %(when)s") % {"when": when(session)},
        *where(session, confirmed),
        _("Language: %(language)s") % {"language": language_name(session.language)},
    ]
    return "\n".join(lines)


def session_url(session: Session) -> str:
    return absolute(session.get_absolute_url())


def _title(session: Session) -> str:
    return session.training.title


def registration_of(registration_id: int) -> Registration | None:
    return (
        Registration.objects.select_related("user", "session__training", "session__facility")
        .filter(pk=registration_id)
        .first()
    )


# --- what --------------------------------------------------------------------------------------


def confirmed_message(registration: Registration, token: str) -> EmailMessage | None:
    session = registration.session
    if (
        registration.status != RegistrationStatus.CONFIRMED
        or stamp(registration.registered_at) != token
        or session.is_cancelled
        or not _reachable(registration)
    ):
        return None
    user = registration.user
    with translation.override(user.email_language):
        body = "\n\n".join(
            [
                _("Your place in “%(title)s” is confirmed.") % {"title": _title(session)},
                details(session, confirmed=True),
                _(
                    "The session’s page, where you can also cancel if you cannot come, so that "
                    "someone else gets your place:"
                )
                + "\n"
                + session_url(session),
            ]
        )
        return _email(
            user.email, _("Registration confirmed: %(title)s") % {"title": _title(session)}, body
        )


def waitlisted_message(registration: Registration, token: str) -> EmailMessage | None:
    session = registration.session
    if (
        registration.status != RegistrationStatus.WAITLISTED
        or stamp(registration.registered_at) != token
        or session.is_cancelled
        or not _reachable(registration)
    ):
        return None
    user = registration.user
    with translation.override(user.email_language):
        body = "\n\n".join(
            [
                _(
                    "“%(title)s” is full: you are on the wait-list. If a place becomes free, it "
                    "goes to the first person on the wait-list, and we will email you when it "
                    "is yours."
                )
                % {"title": _title(session)},
                details(session, confirmed=False),
                _("The session’s page, where you can also leave the wait-list:")
                + "\n"
                + session_url(session),
            ]
        )
        return _email(
            user.email, _("On the wait-list: %(title)s") % {"title": _title(session)}, body
        )


def promoted_message(registration: Registration, token: str) -> EmailMessage | None:
    session = registration.session
    if (
        registration.status != RegistrationStatus.CONFIRMED
        or stamp(registration.confirmed_at) != token
        or session.is_cancelled
        or not _reachable(registration)
    ):
        return None
    user = registration.user
    with translation.override(user.email_language):
        body = "\n\n".join(
            [
                _(
                    "A place in “%(title)s” became free: it is yours, your registration is "
                    "confirmed."
                )
                % {"title": _title(session)},
                details(session, confirmed=True),
                _(
                    "If you cannot come, please cancel on the session’s page, so that the next "
                    "person gets the place:"
                )
                + "\n"
                + session_url(session),
            ]
        )
        return _email(
            user.email, _("A place is yours: %(title)s") % {"title": _title(session)}, body
        )


def cancelled_message(registration: Registration, token: str) -> EmailMessage | None:
    session = registration.session
    if (
        registration.status != RegistrationStatus.CANCELLED
        or stamp(registration.cancelled_at) != token
        or not _reachable(registration)
    ):
        return None
    user = registration.user
    with translation.override(user.email_language):
        body = "\n\n".join(
            [
                _("Your registration for “%(title)s” on %(when)s is cancelled.")
                % {"title": _title(session), "when": when(session)},
                _("If this is a mistake, you can register again on the session’s page:")
                + "\n"
                + session_url(session),
            ]
        )
        return _email(
            user.email, _("Registration cancelled: %(title)s") % {"title": _title(session)}, body
        )


def _changed_names(changed: list[str]) -> str:
    names = {
        "starts_at": _("the start"),
        "ends_at": _("the end"),
        "time_zone": _("the time zone"),
        "format": _("the format"),
        "facility": _("the place"),
        "address": _("the address"),
        "online_url": _("the link to join online"),
        "language": _("the language"),
    }
    return ", ".join(dict.fromkeys(str(names[name]) for name in changed if name in names))


def changed_message(
    registration: Registration, token: str, changed: list[str] | None = None
) -> EmailMessage | None:
    session = registration.session
    if (
        registration.status not in (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)
        or session.is_cancelled
        or not _reachable(registration)
    ):
        return None
    confirmed = registration.status == RegistrationStatus.CONFIRMED
    if not confirmed and list(changed or []) == ["online_url"]:
        return None  # a link they do not see
    user = registration.user
    with translation.override(user.email_language):
        what = _changed_names(changed or [])
        first = (
            _("The organisers changed “%(title)s”: %(what)s.")
            % {"title": _title(session), "what": what}
            if what
            else _("The organisers changed “%(title)s”.") % {"title": _title(session)}
        )
        body = "\n\n".join(
            [
                first,
                _("It is now:") + "\n" + details(session, confirmed=confirmed),
                _("The session’s page, where you can also cancel if you can no longer come:")
                + "\n"
                + session_url(session),
            ]
        )
        return _email(user.email, _("Changed: %(title)s") % {"title": _title(session)}, body)


def session_cancelled_message(registration: Registration, token: str) -> EmailMessage | None:
    session = registration.session
    if (
        registration.status not in (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)
        or not session.is_cancelled
        or not _reachable(registration)
    ):
        return None
    user = registration.user
    with translation.override(user.email_language):
        body = "\n\n".join(
            [
                _("The session of “%(title)s” on %(when)s is cancelled.")
                % {"title": _title(session), "when": when(session)},
                _("The organisers’ reason:") + "\n" + session.cancellation_reason,
                _("Other sessions:") + "\n" + absolute(reverse("trainings:sessions")),
            ]
        )
        return _email(user.email, _("Cancelled: %(title)s") % {"title": _title(session)}, body)


def reminder_message(registration: Registration, token: str) -> EmailMessage | None:
    session = registration.session
    if (
        registration.status != RegistrationStatus.CONFIRMED
        or session.is_cancelled
        or str(session.sequence) != token
        or not _reachable(registration)
    ):
        return None
    user = registration.user
    with translation.override(user.email_language):
        body = "\n\n".join(
            [
                _("A reminder: “%(title)s” is tomorrow.") % {"title": _title(session)},
                details(session, confirmed=True),
                _(
                    "The session’s page (if you cannot come after all, please cancel there or "
                    "tell the organisers):"
                )
                + "\n"
                + session_url(session),
            ]
        )
        return _email(user.email, _("Tomorrow: %(title)s") % {"title": _title(session)}, body)


def announcement_message(announcement, registration: Registration) -> EmailMessage | None:
    session = registration.session
    if (
        registration.session_id != announcement.session_id
        or registration.status != RegistrationStatus.CONFIRMED
        or not _reachable(registration)
    ):
        return None
    user = registration.user
    with translation.override(user.email_language):
        body = "\n\n".join(
            [
                _("A message from the organisers of “%(title)s” (%(when)s):")
                % {"title": _title(session), "when": when(session)},
                announcement.body,
                _("The session’s page:") + "\n" + session_url(session),
            ]
        )
        return _email(user.email, announcement.subject, body)
