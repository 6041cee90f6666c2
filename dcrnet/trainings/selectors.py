"""Reads of trainings: the catalogue, the session list's filter contract and facets, a session
with what its visitor may see, the organisers' lists; each with its access rule."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from dataclasses import dataclass

from django.conf.locale import LANG_INFO
from django.db.models import Count, Exists, F, Min, OuterRef, Prefetch, Q, QuerySet, Value
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries
from ninja import Field
from pydantic import field_validator
from pydantic_core import PydanticCustomError

from dcrnet.documents.models import Document
from dcrnet.documents.selectors import language_name
from dcrnet.evidence.filters import Filters, Page, Text, problems  # noqa: F401 - re-exported
from dcrnet.lib.facets import Facet, FacetValue
from dcrnet.organisations.models import Organisation

from . import services
from .models import (
    Format,
    Registration,
    RegistrationStatus,
    Session,
    SessionStatus,
    Training,
)

PER_PAGE = 20
MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")


def is_editor(user) -> bool:
    """Editors and staff see unpublished trainings and organise every session."""
    return bool(getattr(user, "is_authenticated", False)) and user.has_perm(
        "trainings.change_session"
    )


def utc_offset(moment: dt.datetime) -> str:
    """'UTC+02:00' for a local time (the zone's offset at that moment, DST included)."""
    offset = moment.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hours, minutes = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"


def local_month(moment: dt.datetime, zone: str) -> str:
    try:
        tz = zoneinfo.ZoneInfo(zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        tz = dt.UTC
    return moment.astimezone(tz).strftime("%Y-%m")


def month_label(month: str) -> str:
    year, number = (int(part) for part in month.split("-"))
    return date_format(dt.date(year, number, 1), "YEAR_MONTH_FORMAT")


def display_name(user) -> str:
    """A person's name as they chose it on their profile: the real name if they gave one, else
    the handle (their own certificate)."""
    profile = getattr(user, "profile", None) if user is not None else None
    if profile is not None and profile.real_name.strip():
        return profile.real_name.strip()
    return str(user) if user is not None else ""


# --- The catalogue ---------------------------------------------------------------------------


def catalogue(now=None) -> QuerySet[Training]:
    """Published trainings with the start of their next scheduled session."""
    now = now or timezone.now()
    upcoming = Q(sessions__ends_at__gte=now, sessions__status=SessionStatus.SCHEDULED)
    return (
        Training.objects.published()
        .select_related("topic")
        .annotate(
            next_start=Min("sessions__starts_at", filter=upcoming),
            upcoming_count=Count("sessions", filter=upcoming),
        )
        .order_by("title", "pk")
    )


def training_for(slug: str, user) -> Training:
    """A training the user may see (editors: unpublished ones too), with its materials.
    Raises Training.DoesNotExist."""
    trainings = Training.objects.all() if is_editor(user) else Training.objects.published()
    return (
        trainings.select_related("topic")
        .prefetch_related(
            Prefetch("steps", queryset=_steps()),
            Prefetch(
                "documents",
                queryset=Document.objects.published().order_by("title"),
                to_attr="published_documents",
            ),
            "references",
        )
        .get(slug=slug)
    )


def _steps():
    from dcrnet.guide.models import Step

    return Step.objects.order_by("number")


def with_places(sessions: QuerySet[Session]) -> QuerySet[Session]:
    """Each session with its confirmed and wait-listed counts and the places left."""
    confirmed = Count("registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED))
    waiting = Count("registrations", filter=Q(registrations__status=RegistrationStatus.WAITLISTED))
    return sessions.annotate(
        confirmed_count=confirmed,
        waitlist_count=waiting,
        places_left=Greatest(F("capacity") - confirmed, Value(0)),
    )


def training_sessions(training: Training, now=None) -> QuerySet[Session]:
    return with_places(
        training.sessions.filter(ends_at__gte=now or timezone.now())
        .select_related("facility__country")
        .order_by("starts_at", "pk")
    )


# --- The session list: its filter contract ---------------------------------------------------


def _unknown(value: str, message: str) -> PydanticCustomError:
    return PydanticCustomError("unknown_value", message, {"value": value[:60]})


class SessionFilters(Filters):
    """What narrows the list of upcoming sessions (its page; the names are the query's)."""

    training: Text = Field("", max_length=80, description="Slug of a training.")
    format: Text = Field("", max_length=10, description="on_site, online or hybrid.")
    language: Text = Field("", max_length=8, description="ISO 639-1 code, e.g. de.")
    country: Text = Field("", max_length=2, description="ISO 3166 code of the host's country.")
    month: Text = Field("", max_length=7, description="YYYY-MM, in the session's time zone.")

    @field_validator("training")
    @classmethod
    def _known_training(cls, value: str) -> str:
        value = value.strip()
        if value and not Training.objects.published().filter(slug=value).exists():
            raise _unknown(value, _("{value} is not a training of the catalogue"))
        return value

    @field_validator("format")
    @classmethod
    def _known_format(cls, value: str) -> str:
        value = value.strip()
        if value and value not in Format.values:
            raise _unknown(value, _("{value} is not a format (on_site, online or hybrid)"))
        return value

    @field_validator("language")
    @classmethod
    def _known_language(cls, value: str) -> str:
        value = value.strip().lower()
        if value and value not in LANG_INFO:
            raise _unknown(value, _("{value} is not a language code (ISO 639-1, e.g. de)"))
        return value

    @field_validator("country")
    @classmethod
    def _known_country(cls, value: str) -> str:
        value = value.strip().upper()
        if value and value not in dict(countries):
            raise _unknown(value, _("{value} is not a country code (ISO 3166, e.g. DE)"))
        return value

    @field_validator("month")
    @classmethod
    def _month(cls, value: str) -> str:
        value = value.strip()
        if not value:
            return value
        found = MONTH.fullmatch(value)
        if not found or not (1 <= int(found[2]) <= 12) or not (2000 <= int(found[1]) <= 2100):
            raise _unknown(value, _("{value} is not a month written YYYY-MM, e.g. 2026-03"))
        return value

    def active(self) -> dict[str, str]:
        return {name: value for name, value in self.model_dump().items() if value}


class SessionPageFilters(SessionFilters):
    page: Page = Field(1, ge=1, le=10_000, description="Page of the results.")

    def active(self) -> dict[str, str]:
        found = super().active()
        found.pop("page", None)
        return found


class PastFilters(Filters):
    page: Page = Field(1, ge=1, le=10_000, description="Page of the archive.")


def _narrowed(filters: SessionFilters, now, *, leave_out: str = "") -> QuerySet[Session]:
    sessions = Session.objects.upcoming(now)
    wanted = filters.active()
    wanted.pop(leave_out, None)
    if training := wanted.get("training"):
        sessions = sessions.filter(training__slug=training)
    if format_ := wanted.get("format"):
        sessions = sessions.filter(format=format_)
    if language := wanted.get("language"):
        sessions = sessions.filter(language__iexact=language)
    if country := wanted.get("country"):
        sessions = sessions.filter(facility__country__code=country)
    if month := wanted.get("month"):
        # A session's month is the one of its own time zone (a session at 00:30 in Berlin on
        # 1 June is in June, though it starts in May in UTC); upcoming sessions are few.
        found = [
            pk
            for pk, starts_at, zone in sessions.values_list("pk", "starts_at", "time_zone")
            if local_month(starts_at, zone) == month
        ]
        sessions = sessions.filter(pk__in=found)
    return sessions


def upcoming(filters: SessionFilters, now=None) -> QuerySet[Session]:
    """Upcoming sessions of published trainings matching every filter, soonest first
    (cancelled ones included: they say so)."""
    now = now or timezone.now()
    return with_places(
        _narrowed(filters, now)
        .select_related("training", "facility__country")
        .order_by("starts_at", "pk")
    )


def past(now=None) -> QuerySet[Session]:
    return with_places(
        Session.objects.past(now or timezone.now())
        .select_related("training", "facility__country")
        .order_by("-starts_at", "-pk")
    )


FACET_LABELS = {
    "training": gettext_lazy("Training"),
    "format": gettext_lazy("Format"),
    "language": gettext_lazy("Language"),
    "country": gettext_lazy("Country"),
    "month": gettext_lazy("Month"),
}
COLUMNS = {"training": "training__slug", "country": "facility__country__code"}


def facets(filters: SessionFilters, now=None) -> list[Facet]:
    """For each facet, how many upcoming sessions each value gives with the other filters kept
    (the facet's own choice left out, so its other values stay reachable)."""
    now = now or timezone.now()
    chosen = filters.active()
    result = []
    for name, label in FACET_LABELS.items():
        sessions = _narrowed(filters, now, leave_out=name)
        if name == "month":
            counts: dict[str, int] = {}
            for starts_at, zone in sessions.values_list("starts_at", "time_zone"):
                month = local_month(starts_at, zone)
                counts[month] = counts.get(month, 0) + 1
        else:
            column = COLUMNS.get(name, name)
            counts = dict(
                sessions.exclude(**{f"{column}__isnull": True})
                .exclude(**{column: ""})
                .order_by()
                .values_list(column)
                .annotate(n=Count("pk"))
                .values_list(column, "n")
            )
        labels = _labels(name, counts)
        values = [
            FacetValue(value, labels.get(value, value), count, chosen.get(name) == value)
            for value, count in counts.items()
        ]
        if chosen.get(name) and chosen[name] not in counts:
            values.append(FacetValue(chosen[name], labels.get(chosen[name], chosen[name]), 0, True))
        if name == "month":
            values.sort(key=lambda v: v.value)
        else:
            values.sort(key=lambda v: (-v.count, str(v.label)))
        result.append(Facet(name, str(label), values))
    return result


def _labels(name: str, counts: dict) -> dict[str, str]:
    if name == "training":
        return dict(Training.objects.filter(slug__in=list(counts)).values_list("slug", "title"))
    if name == "format":
        return {k: str(v) for k, v in Format.choices}
    if name == "language":
        return {code: language_name(code) for code in counts}
    if name == "country":
        return {code: str(countries.name(code)) for code in counts}
    if name == "month":
        return {month: month_label(month) for month in counts}
    return {}


# --- One session -----------------------------------------------------------------------------


def sessions_visible_to(user) -> QuerySet[Session]:
    """Sessions of published trainings; their organisers and participants keep seeing a session
    whose training was unpublished; editors see all."""
    if is_editor(user):
        return Session.objects.all()
    if not getattr(user, "is_authenticated", False):
        return Session.objects.visible()
    organises = Session.organisers.through.objects.filter(session=OuterRef("pk"), user=user)
    registered = Registration.objects.filter(session=OuterRef("pk"), user=user)
    return Session.objects.filter(
        Q(training__published=True) | Exists(organises) | Exists(registered)
    )


def session_for(public_id, user) -> Session:
    """Raises Session.DoesNotExist."""
    return with_places(
        sessions_visible_to(user).select_related("training", "facility__country")
    ).get(public_id=public_id)


def registration_of(session: Session, user) -> Registration | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Registration.objects.filter(session=session, user=user).first()


def waitlist_position(registration: Registration) -> int | None:
    """1 for the first on the wait-list."""
    if registration.status != RegistrationStatus.WAITLISTED:
        return None
    ahead = (
        Registration.objects.waitlist()
        .filter(session_id=registration.session_id)
        .filter(
            Q(registered_at__lt=registration.registered_at)
            | Q(registered_at=registration.registered_at, pk__lt=registration.pk)
        )
    )
    return ahead.count() + 1


def registration_open(session: Session, now=None) -> bool:
    now = now or timezone.now()
    return (
        session.status == SessionStatus.SCHEDULED
        and now <= session.registration_deadline
        and now < session.starts_at
    )


def may_cancel(registration: Registration | None, now=None) -> bool:
    """The participant's own cancellation: confirmed until the cut-off, wait-listed until the
    start (the service decides; this only chooses what the page offers)."""
    if registration is None or registration.session.is_cancelled:
        return False
    now = now or timezone.now()
    session = registration.session
    if registration.status == RegistrationStatus.CONFIRMED:
        if services.declinable(registration, session):
            return now < session.starts_at  # promoted after the cut-off: may decline
        return now <= session.cancellation_cutoff
    if registration.status == RegistrationStatus.WAITLISTED:
        return now < session.starts_at
    return False


def questions(session: Session) -> list:
    return list(session.questions.order_by("order", "id"))


def organisers_organisations(session: Session) -> list[Organisation]:
    """The organisations of the session's organisers (approved memberships), for a certificate."""
    return list(
        Organisation.objects.filter(
            status="approved",
            memberships__status="approved",
            memberships__user__in=session.organisers.all(),
        )
        .distinct()
        .order_by("name")
    )


# --- A person's registrations ----------------------------------------------------------------


def my_registrations(user, now=None) -> tuple[list[Registration], list[Registration]]:
    """(upcoming, past) registrations of `user`, cancelled ones included."""
    now = now or timezone.now()
    rows = (
        Registration.objects.filter(user=user)
        .select_related("session__training", "session__facility__country")
        .order_by("session__starts_at", "pk")
    )
    coming = [r for r in rows if r.session.ends_at >= now]
    gone = [r for r in rows if r.session.ends_at < now]
    return coming, gone[::-1]


def organised_by(user, now=None) -> QuerySet[Session]:
    now = now or timezone.now()
    return with_places(
        Session.objects.organised_by(user)
        .filter(ends_at__gte=now)
        .select_related("training", "facility__country")
        .order_by("starts_at", "pk")
    )


# --- The organisers' pages -------------------------------------------------------------------


@dataclass
class Participants:
    confirmed: list[Registration]
    waitlist: list[Registration]
    cancelled: list[Registration]

    def all(self) -> list[Registration]:
        return [*self.confirmed, *self.waitlist, *self.cancelled]


def participants(session: Session) -> Participants:
    """Everyone registered, in the organisers' order: confirmed (by registration), the wait-list
    in its queue order, then cancelled ones; each with its answers by question."""
    rows = list(
        session.registrations.select_related("user__profile")
        .prefetch_related("answers")
        .order_by("registered_at", "id")
    )
    for row in rows:
        row.answer_by_question = {answer.question_id: answer.text for answer in row.answers.all()}
        row.name = organiser_view_name(row.user)
    return Participants(
        confirmed=[r for r in rows if r.status == RegistrationStatus.CONFIRMED],
        waitlist=[r for r in rows if r.status == RegistrationStatus.WAITLISTED],
        cancelled=[r for r in rows if r.status == RegistrationStatus.CANCELLED],
    )


def organiser_view_name(user) -> str:
    """The handle, and the real name where the person chose to show it to other members."""
    profile = getattr(user, "profile", None)
    if profile is not None and profile.show_real_name and profile.real_name.strip():
        return f"{profile.real_name.strip()} ({user})"
    return str(user)


def confirmed_for_attendance(session: Session) -> list[Registration]:
    rows = list(
        session.registrations.confirmed()
        .select_related("user__profile")
        .order_by("registered_at", "id")
    )
    for row in rows:
        row.name = organiser_view_name(row.user)
    return rows


def upcoming_at(facility, now=None, limit: int = 10) -> list[Session]:
    """Upcoming sessions hosted at a facility, for its directory page."""
    if facility is None or facility.pk is None:
        return []
    return list(
        with_places(
            Session.objects.upcoming(now or timezone.now())
            .filter(facility=facility)
            .select_related("training")
            .order_by("starts_at", "pk")
        )[:limit]
    )
