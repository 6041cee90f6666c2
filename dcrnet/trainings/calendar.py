"""Training sessions as iCalendar (RFC 5545): one event per session, in the session's time zone.

An event's UID is the session's public id, so a calendar client that imported a session once
applies every later version of it: SEQUENCE counts the changes participants were told about and
a cancelled session comes with STATUS:CANCELLED. DTSTAMP and LAST-MODIFIED are the session's last
change (no METHOD: the file is the calendar store's copy), so the same data gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import uuid
import zoneinfo
from collections.abc import Iterable

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from icalendar import (
    Calendar,
    Event,
    Timezone,
    TimezoneDaylight,
    TimezoneStandard,
    vDuration,
)

from dcrnet.experts import languages
from dcrnet.lib.i18n import absolute

from .models import Format, Session, SessionStatus

PRODID = "-//DCR Network//Trainings//EN"
# How often a subscribed client should look again (RFC 7986; X-PUBLISHED-TTL for Outlook).
REFRESH = dt.timedelta(hours=6)


def summary(session: Session) -> str:
    title = session.training.title
    if session.status == SessionStatus.CANCELLED:
        title = pgettext("calendar", "Cancelled: %(title)s") % {"title": title}
    if session.is_demo or session.training.is_demo:
        title = pgettext("calendar", "Demonstration: %(title)s") % {"title": title}
    return title


def location(session: Session) -> str:
    """Where, on one line: the address or the host facility; "Online" for an online session."""
    parts = []
    if session.format in (Format.ON_SITE, Format.HYBRID):
        facility = session.facility
        if facility is not None and facility.published:
            parts += [facility.name, facility.public_address, facility.city]
        parts += session.address.splitlines()
    if session.format in (Format.ONLINE, Format.HYBRID):
        parts.append(pgettext("calendar", "Online"))
    return ", ".join(part.strip() for part in parts if part.strip())


def description(session: Session, *, online_link: bool) -> str:
    lines = []
    if session.is_demo or session.training.is_demo:
        lines.append(_("A demonstration session: it does not take place."))
    if session.status == SessionStatus.CANCELLED:
        lines.append(
            _("This session has been cancelled: %(reason)s")
            % {"reason": session.cancellation_reason}
        )
    lines.append(session.training.summary.strip())
    lines.append(
        _("Format: %(format)s. Language: %(language)s.")
        % {"format": session.get_format_display(), "language": languages.name(session.language)}
    )
    if session.trainers:
        lines.append(_("Trainers: %(trainers)s") % {"trainers": session.trainers})
    if session.format in (Format.ONLINE, Format.HYBRID):
        if online_link and session.online_url and session.status != SessionStatus.CANCELLED:
            lines.append(_("Join online: %(link)s") % {"link": session.online_url})
        else:
            lines.append(_("Online: the link is sent to confirmed participants."))
    lines.append(_("Details and registration: %(url)s") % {"url": page(session)})
    return "\n\n".join(line for line in lines if line)


def page(session: Session) -> str:
    return absolute(session.get_absolute_url())


def event(session: Session, *, online_link: bool = False) -> Event:
    """The session as an event; `online_link` only for its confirmed participants and organisers."""
    changed = session.updated_at.astimezone(dt.UTC).replace(microsecond=0)
    return Event.new(
        uid=str(session.public_id),
        sequence=session.sequence,
        stamp=changed,
        last_modified=changed,
        start=session.local_start,
        end=session.local_end,
        status="CANCELLED" if session.status == SessionStatus.CANCELLED else "CONFIRMED",
        summary=summary(session),
        location=location(session) or None,
        url=page(session),
        description=description(session, online_link=online_link),
    )


def calendar(events: Iterable[Event], *, name: str, source: str) -> Calendar:
    """A calendar of these events with a VTIMEZONE for each zone they use, over their years."""
    events = list(events)
    # The calendar's own UID is its address: the same from one download to the next.
    cal = Calendar.new(
        prodid=PRODID, name=name, uid=uuid.uuid5(uuid.NAMESPACE_URL, source), source=source
    )
    cal.add("REFRESH-INTERVAL", REFRESH, parameters={"VALUE": "DURATION"})  # RFC 7986 wants it
    cal.add("X-PUBLISHED-TTL", vDuration(REFRESH))
    for item in events:
        cal.add_component(item)
    if events:
        first = min(item.start for item in events).astimezone(dt.UTC).year
        last = max(item.end for item in events).astimezone(dt.UTC).year
        since = dt.datetime(first, 1, 1, tzinfo=dt.UTC)
        until = dt.datetime(last + 1, 1, 1, tzinfo=dt.UTC)
        zones = [vtimezone(name, since, until) for name in sorted(cal.get_missing_tzids())]
        cal.subcomponents[:0] = zones  # before the events that name them
    return cal


def transitions(zone: zoneinfo.ZoneInfo, since: dt.datetime, until: dt.datetime):
    """The instants (UTC) at which the zone's offset changes between `since` and `until`."""
    step, second = dt.timedelta(hours=12), dt.timedelta(seconds=1)
    moment = since
    while moment < until:
        later = moment + step
        if moment.astimezone(zone).utcoffset() != later.astimezone(zone).utcoffset():
            low, high = moment, later
            while high - low > second:
                middle = low + (high - low) / 2
                if middle.astimezone(zone).utcoffset() == low.astimezone(zone).utcoffset():
                    low = middle
                else:
                    high = middle
            yield high.replace(microsecond=0)
        moment = later


def vtimezone(name: str, since: dt.datetime, until: dt.datetime) -> Timezone:
    """The VTIMEZONE of a zone from `since` to `until` (aware, UTC).

    Each observance starts at its onset written in the local time of the offset before it, as
    RFC 5545 (3.6.5) defines DTSTART there: Berlin's summer time starts at 02:00, its winter
    time at 03:00. icalendar's own Timezone.from_tzinfo writes the spring onset as 03:00, an
    hour late for a client that reads the RFC.
    """
    zone = zoneinfo.ZoneInfo(name)
    component = Timezone()
    component.add("TZID", name)
    local = since.astimezone(zone)
    onsets = [(local.replace(tzinfo=None), local.utcoffset(), local)]
    for instant in transitions(zone, since, until):
        before = (instant - dt.timedelta(seconds=1)).astimezone(zone).utcoffset()
        onsets.append(((instant + before).replace(tzinfo=None), before, instant.astimezone(zone)))
    for start, offset_from, after in onsets:
        observance = TimezoneDaylight() if after.dst() else TimezoneStandard()
        observance.add("DTSTART", start)
        observance.add("TZOFFSETFROM", offset_from)
        observance.add("TZOFFSETTO", after.utcoffset())
        observance.add("TZNAME", after.tzname())
        component.add_component(observance)
    return component


def feed(sessions: Iterable[Session]) -> bytes:
    """The public calendar of sessions: no link to join, nothing about anyone."""
    return calendar(
        (event(session) for session in sessions),
        name=_("DCR Network trainings"),
        source=absolute(reverse("trainings:calendar")),
    ).to_ical()


def single(session: Session, *, online_link: bool) -> bytes:
    """One session, as a file to import."""
    return calendar(
        [event(session, online_link=online_link)],
        name=session.training.title,
        source=absolute(reverse("trainings:session_ics", kwargs={"public_id": session.public_id})),
    ).to_ical()
