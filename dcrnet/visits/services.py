"""Writes of exchange visits: each one transaction, its rules checked against a locked row,
emails queued after commit (notifications.py, tasks.py).

The state of a visit (who may do what, when):

    requested --host accepts--> accepted
    requested --host proposes other dates--> proposed --requester takes them--> accepted
    requested --host declines--> declined
    requested / proposed --requester withdraws--> withdrawn
    accepted (before its first day) --requester withdraws--> withdrawn

A request is locked (`select_for_update`) before its state is read, so of two host contacts
answering at once one answers and the other gets `AlreadyAnswered` (409) with what happened,
never a 500. Asking locks the host's row: one open request per person and host (a database
constraint as well), so a double submit makes one request.
"""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from dcrnet.experts import languages as language_list
from dcrnet.experts.services import is_member, is_staff
from dcrnet.lib.refusals import Invalid, NotAllowed, NotFound, Refused
from dcrnet.organisations.models import Organisation, Status

from . import notifications
from .models import MAX_GROUP, OPEN, Event, EventKind, Host, Visit, VisitStatus

# A visit lasts at most this many days, and is asked for at most this far ahead.
MAX_DAYS = 14
MAX_AHEAD_DAYS = 730
TEXT_MAX = 3000
HOST_FIELDS = ("receives_visits", "availability", "max_group_size", "languages", "notes")


class AlreadyAsked(Refused):
    status = 409
    default_message = gettext_lazy(
        "You already have an open request to this facility. Wait for its answer, or withdraw "
        "it before asking again."
    )


class AlreadyAnswered(Refused):
    status = 409


# --- the rules every form and service share ----------------------------------------------------


def today() -> dt.date:
    return timezone.localdate()


def date_problems(first: dt.date | None, last: dt.date | None, *, on: dt.date) -> dict:
    """Field name → message for dates a visit cannot have (empty when they are fine)."""
    problems: dict[str, str] = {}
    if first is None or last is None:
        return problems
    if first <= on:
        problems["first_date"] = _(
            "The first day must be in the future (tomorrow at the earliest)."
        )
    elif (first - on).days > MAX_AHEAD_DAYS:
        problems["first_date"] = _("Please ask for dates within the next two years.")
    if last < first:
        problems["last_date"] = _("The last day cannot be before the first.")
    elif (last - first).days + 1 > MAX_DAYS:
        problems["last_date"] = ngettext(
            "A visit lasts at most %(n)s day.", "A visit lasts at most %(n)s days.", MAX_DAYS
        ) % {"n": MAX_DAYS}
    return problems


def group_problem(size: int | None, host: Host) -> str:
    if size is None:
        return ""
    largest = min(host.max_group_size, MAX_GROUP)
    if size < 1:
        return _("A group has at least one person.")
    if size > largest:
        return ngettext(
            "This facility receives groups of at most %(n)s person.",
            "This facility receives groups of at most %(n)s people.",
            largest,
        ) % {"n": largest}
    return ""


def language_problem(codes) -> str:
    unknown = [code for code in codes or [] if code not in language_list.CODES]
    return _("Unknown language: %(codes)s.") % {"codes": ", ".join(unknown)} if unknown else ""


def organisations_of(user):
    """Approved organisations the person is an approved member of: those they may ask for."""
    if not getattr(user, "is_authenticated", False):
        return Organisation.objects.none()
    return Organisation.objects.filter(
        status=Status.APPROVED, memberships__user=user, memberships__status=Status.APPROVED
    ).distinct()


def is_contact(user, host: Host) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return host.contacts.filter(pk=user.pk).exists()


def can_see(user, visit: Visit) -> bool:
    """The requester, the host's contacts and staff."""
    if not getattr(user, "is_authenticated", False):
        return False
    return visit.requester_id == user.pk or is_contact(user, visit.host) or is_staff(user)


def _first(problems: dict) -> None:
    if problems:
        raise Invalid(next(iter(problems.values())))


# --- hosts ---------------------------------------------------------------------------------


def update_host(host: Host, *, by, **fields) -> Host:
    """A host contact changes the facility's terms for visits."""
    values = {name: value for name, value in fields.items() if name in HOST_FIELDS}
    with transaction.atomic():
        host = Host.objects.select_for_update().get(pk=host.pk)
        if not is_contact(by, host):
            raise NotAllowed(_("Only the facility's host contacts change its terms for visits."))
        if "languages" in values:
            values["languages"] = list(dict.fromkeys(values["languages"] or []))
            if problem := language_problem(values["languages"]):
                raise Invalid(problem)
        size = values.get("max_group_size", host.max_group_size)
        if not 1 <= int(size) <= MAX_GROUP:
            raise Invalid(_("The largest group is between 1 and %(n)s people.") % {"n": MAX_GROUP})
        for name, value in values.items():
            setattr(host, name, value)
        host._history_user = by
        host.save()
    return host


# --- asking --------------------------------------------------------------------------------


def ask(
    host: Host,
    *,
    by,
    first_date: dt.date,
    last_date: dt.date,
    group_size: int,
    purpose: str,
    languages,
    organisation: Organisation | None = None,
) -> Visit:
    """A member asks a receiving host for a visit."""
    if not is_member(by):
        raise NotAllowed(_("Only members of the network can ask for a visit."))
    purpose = (purpose or "").strip()
    codes = list(dict.fromkeys(languages or []))
    with transaction.atomic():
        host = Host.objects.select_for_update().select_related("facility").get(pk=host.pk)
        # Without an active contact the request would reach no one.
        if not (
            host.receives_visits
            and host.facility.published
            and host.contacts.filter(is_active=True).exists()
        ):
            raise NotFound(_("This facility does not receive visits at the moment."))
        if is_contact(by, host):
            raise NotAllowed(
                _("You answer the visit requests of this facility: you cannot ask it for one.")
            )
        _first(date_problems(first_date, last_date, on=today()))
        if problem := group_problem(group_size, host):
            raise Invalid(problem)
        if not codes:
            raise Invalid(_("Please choose at least one language."))
        if problem := language_problem(codes):
            raise Invalid(problem)
        if not purpose:
            raise Invalid(_("Please say what you would like to see and learn."))
        if len(purpose) > TEXT_MAX:
            raise Invalid(_("The purpose is too long."))
        if (
            organisation is not None
            and not organisations_of(by).filter(pk=organisation.pk).exists()
        ):
            raise Invalid(_("You can only ask on behalf of an organisation you are a member of."))
        if Visit.objects.filter(host=host, requester=by, status__in=OPEN).exists():
            raise AlreadyAsked
        try:
            with transaction.atomic():
                visit = Visit.objects.create(
                    host=host,
                    requester=by,
                    organisation=organisation,
                    first_date=first_date,
                    last_date=last_date,
                    group_size=group_size,
                    purpose=purpose,
                    languages=codes,
                )
        except IntegrityError:  # the same person asking twice at once
            raise AlreadyAsked from None
        _record(visit, EventKind.REQUESTED, by=by, first=first_date, last=last_date)
    return visit


def open_request(host: Host, user) -> Visit | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Visit.objects.filter(host=host, requester=user, status__in=OPEN).first()


# --- answers -------------------------------------------------------------------------------


def _locked(visit: Visit) -> Visit:
    return Visit.objects.select_for_update().get(pk=visit.pk)


def _record(visit: Visit, kind: str, *, by, host_side=False, first=None, last=None, message=""):
    event = Event.objects.create(
        visit=visit,
        kind=kind,
        by_host=host_side,
        author=by,
        first_date=first,
        last_date=last,
        message=message,
    )
    event_id = event.pk
    transaction.on_commit(lambda: notifications.event_recorded(event_id), robust=True)
    return event


def _answered(visit: Visit) -> AlreadyAnswered:
    messages = {
        VisitStatus.ACCEPTED: _("This request has already been answered: the visit is accepted."),
        VisitStatus.PROPOSED: _(
            "This request has already been answered: other dates have been proposed."
        ),
        VisitStatus.DECLINED: _("This request has already been answered: it was declined."),
        VisitStatus.WITHDRAWN: _("The visitors have withdrawn this request."),
    }
    return AlreadyAnswered(messages.get(visit.status, _("This request has already been answered.")))


def answer(
    visit: Visit,
    *,
    by,
    decision: str,
    message: str = "",
    first_date: dt.date | None = None,
    last_date: dt.date | None = None,
) -> Visit:
    """A host contact accepts the request, proposes other dates (with a message) or declines
    it (with a message). Only a request still waiting for its answer can be answered."""
    if decision not in ("accept", "propose", "decline"):
        raise Invalid(_("Please choose to accept, to propose other dates or to decline."))
    message = (message or "").strip()
    with transaction.atomic():
        visit = _locked(visit)
        if not is_contact(by, visit.host):
            raise NotAllowed(_("Only the host facility's contacts answer visit requests."))
        if visit.status != VisitStatus.REQUESTED:
            raise _answered(visit)
        if len(message) > TEXT_MAX:
            raise Invalid(_("The message is too long."))
        if decision in ("propose", "decline") and not message:
            raise Invalid(_("Please write a message to the visitors."))
        if decision == "accept":
            if visit.first_date <= today():
                raise Invalid(
                    _("The dates asked for have passed: propose other dates, or decline.")
                )
            visit.status = VisitStatus.ACCEPTED
            kind, first, last = EventKind.ACCEPTED, visit.first_date, visit.last_date
        elif decision == "propose":
            if first_date is None or last_date is None:
                raise Invalid(_("Please give the dates you propose."))
            _first(date_problems(first_date, last_date, on=today()))
            visit.status = VisitStatus.PROPOSED
            visit.proposed_first_date, visit.proposed_last_date = first_date, last_date
            kind, first, last = EventKind.PROPOSED, first_date, last_date
        else:
            visit.status = VisitStatus.DECLINED
            kind, first, last = EventKind.DECLINED, None, None
        visit.host_message = message
        visit.decided_by = by
        visit.decided_at = timezone.now()
        visit.save()
        _record(visit, kind, by=by, host_side=True, first=first, last=last, message=message)
    return visit


def _requester_only(visit: Visit, by) -> None:
    if not getattr(by, "is_authenticated", False) or visit.requester_id != by.pk:
        raise NotAllowed(_("Only the person who asked for the visit can do this."))


def take_proposal(visit: Visit, *, by) -> Visit:
    """The requester accepts the dates the host proposed: the visit is accepted for them."""
    with transaction.atomic():
        visit = _locked(visit)
        _requester_only(visit, by)
        if visit.status != VisitStatus.PROPOSED:
            raise AlreadyAnswered(
                _("There is no proposal to answer: the request is now “%(status)s”.")
                % {"status": visit.get_status_display()}
            )
        if visit.proposed_first_date <= today():
            raise Invalid(_("The proposed dates have passed: withdraw and ask for new dates."))
        visit.first_date, visit.last_date = visit.proposed_first_date, visit.proposed_last_date
        visit.status = VisitStatus.ACCEPTED
        visit.save()
        _record(visit, EventKind.TOOK_PROPOSAL, by=by, first=visit.first_date, last=visit.last_date)
    return visit


def withdraw(visit: Visit, *, by, message: str = "") -> Visit:
    """The requester withdraws: an open request at any time, an accepted visit before its
    first day."""
    message = (message or "").strip()
    with transaction.atomic():
        visit = _locked(visit)
        _requester_only(visit, by)
        if visit.status == VisitStatus.ACCEPTED:
            if visit.first_date <= today():
                raise AlreadyAnswered(
                    _("The visit has begun or is over: it can no longer be withdrawn.")
                )
        elif visit.status not in OPEN:
            raise AlreadyAnswered(
                _("This request is closed (“%(status)s”): there is nothing to withdraw.")
                % {"status": visit.get_status_display()}
            )
        if len(message) > TEXT_MAX:
            raise Invalid(_("The message is too long."))
        visit.status = VisitStatus.WITHDRAWN
        visit.save()
        _record(visit, EventKind.WITHDRAWN, by=by, message=message)
    return visit


def set_publicity(visit: Visit, *, by, public: bool) -> Visit:
    """Each side says whether the accepted visit may be shown publicly (facility, dates, group
    size, organisation); it is shown only when both agree."""
    with transaction.atomic():
        visit = _locked(visit)
        requester = getattr(by, "is_authenticated", False) and visit.requester_id == by.pk
        host_side = is_contact(by, visit.host)
        if not (requester or host_side):
            raise NotAllowed(_("Only the visitors and the host decide whether a visit is shown."))
        if visit.status != VisitStatus.ACCEPTED:
            raise AlreadyAnswered(_("Only an accepted visit can be shown publicly."))
        if requester:
            visit.public_by_requester = public
        if host_side:
            visit.public_by_host = public
        visit.save()
    return visit
