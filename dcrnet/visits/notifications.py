"""Emails of exchange visits: plain text, one recipient each, in the recipient's language.

Every step of a visit is an `Event`; services call `event_recorded` through
`transaction.on_commit`, which only enqueues one task per recipient (tasks.py). The task builds
its message when it runs, rechecking that the recipient is still on the other side of the
visit, and records a `Delivery` under "event:<event>:<user>", so nothing is sent twice.

Who hears of what: the requester's steps (asking, taking the proposed dates, withdrawing) go to
the host's contacts; the host's answers (accepted, other dates proposed, declined) go to the
requester. Never to the author. The purpose and the messages stay on the site: the email says
what happened and links to the visit's page.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from dcrnet.lib.i18n import absolute

from .models import Event, EventKind

HOST_SIDE_KINDS = {EventKind.ACCEPTED, EventKind.PROPOSED, EventKind.DECLINED}


def event_recorded(event_id: int) -> None:
    from .tasks import send_notice

    event = Event.objects.select_related("visit").filter(pk=event_id).first()
    if event is None:
        return
    for user_id in recipients(event):
        send_notice.enqueue(event.pk, user_id)


def recipients(event: Event) -> list[int]:
    """Ids of the people on the other side of the visit from the event's author."""
    visit = event.visit
    if event.kind in HOST_SIDE_KINDS:
        found = [visit.requester_id]
    else:
        found = list(visit.host.contacts.order_by("pk").values_list("pk", flat=True))
    return [user_id for user_id in found if user_id != event.author_id]


def _still_concerned(event: Event, user) -> bool:
    visit = event.visit
    if not (user.is_active and user.email):
        return False
    if event.kind in HOST_SIDE_KINDS:
        return visit.requester_id == user.pk
    return visit.host.contacts.filter(pk=user.pk).exists()


def _dates(first, last) -> str:
    if first == last:
        return date_format(first, "DATE_FORMAT")
    return _("from %(first)s to %(last)s") % {
        "first": date_format(first, "DATE_FORMAT"),
        "last": date_format(last, "DATE_FORMAT"),
    }


def _what(event: Event) -> tuple[str, str]:
    """(subject, first paragraph), in the active language."""
    visit = event.visit
    facility = visit.host.facility.name
    dates = _dates(event.first_date or visit.first_date, event.last_date or visit.last_date)
    if event.kind == EventKind.REQUESTED:
        return (
            _("A request to visit %(facility)s") % {"facility": facility},
            ngettext(
                "A member of the network asks to visit %(facility)s %(dates)s, alone.",
                "A member of the network asks to visit %(facility)s %(dates)s, with a group "
                "of %(n)s people.",
                visit.group_size,
            )
            % {"facility": facility, "dates": dates, "n": visit.group_size},
        )
    if event.kind == EventKind.ACCEPTED:
        return (
            _("Your visit to %(facility)s is accepted") % {"facility": facility},
            _("%(facility)s accepted your visit %(dates)s.")
            % {"facility": facility, "dates": dates},
        )
    if event.kind == EventKind.PROPOSED:
        return (
            _("%(facility)s proposes other dates for your visit") % {"facility": facility},
            _(
                "%(facility)s cannot receive you on the dates you asked for and proposes "
                "%(dates)s instead. Accept these dates or withdraw your request on the "
                "visit's page."
            )
            % {"facility": facility, "dates": dates},
        )
    if event.kind == EventKind.DECLINED:
        return (
            _("%(facility)s cannot receive your visit") % {"facility": facility},
            _("%(facility)s declined your request to visit. Their message is on the visit's page.")
            % {"facility": facility},
        )
    if event.kind == EventKind.TOOK_PROPOSAL:
        return (
            _("The visitors accepted the dates you proposed"),
            _("The visit to %(facility)s is accepted %(dates)s, the dates you proposed.")
            % {"facility": facility, "dates": dates},
        )
    return (
        _("A visit request to %(facility)s was withdrawn") % {"facility": facility},
        _("The visitors withdrew their request to visit %(facility)s %(dates)s.")
        % {"facility": facility, "dates": dates},
    )


def build(event: Event, user) -> EmailMessage | None:
    if not _still_concerned(event, user):
        return None
    with translation.override(user.email_language):
        subject, first = _what(event)
        link = absolute(reverse("visits:visit", kwargs={"public_id": event.visit.public_id}))
        body = "\n\n".join(
            [first, _("See the request and its history here (sign-in needed):"), link]
        )
        return EmailMessage(
            subject=" ".join(subject.split()),
            body=body + "\n",
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[user.email],
        )


def recipient(user_id: int):
    return get_user_model().objects.filter(pk=user_id).first()
