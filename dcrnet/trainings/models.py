"""The training catalogue, its sessions, and registrations with a wait-list.

Writes go through services.py: registering, cancelling, promoting from the wait-list and
changing a session happen there, under a lock on the session row, so that the number of
confirmed registrations never exceeds the capacity and a person never holds two registrations
of one session (the unique constraint is the backstop).
"""

from __future__ import annotations

import datetime as dt
import functools
import uuid
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from dcrnet.community.models import ExpertiseTag
from dcrnet.directory.models import Facility, translation_columns
from dcrnet.documents.models import Document
from dcrnet.evidence.models import Reference
from dcrnet.guide.models import Step

TRAINING_TEXT = ("title", "summary", "outcomes", "audience", "prerequisites", "duration")

# Paths under /trainings/ that a training's slug would hide.
RESERVED_SLUGS = {"sessions", "past", "mine", "calendar", "calendar-ics"}

MAX_CAPACITY = 1000
# A session's times lie between these: beyond them local times overflow and a calendar's
# VTIMEZONE would list the clock changes of every year in between.
EARLIEST = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
MAX_AHEAD_YEARS = 5


class Format(models.TextChoices):
    ON_SITE = "on_site", _("On site")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid (on site and online)")


class TrainingQuerySet(models.QuerySet):
    def published(self) -> TrainingQuerySet:
        return self.filter(published=True)


class Training(models.Model):
    """An entry of the catalogue: what a training teaches, to whom, in which form."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), help_text=_("Markdown."))
    outcomes = models.TextField(
        _("learning outcomes"), help_text=_("Markdown: what participants can do afterwards.")
    )
    audience = models.TextField(_("audience"), help_text=_("Who it is for."))
    prerequisites = models.TextField(_("prerequisites"), blank=True)
    duration = models.CharField(
        _("duration"), max_length=120, help_text=_("For example “one day” or “3 × 2 hours”.")
    )
    format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    # ISO 639-1 codes: trainings are given in more languages than the site's five.
    languages = models.JSONField(_("languages it is given in"), default=list, blank=True)
    topic = models.ForeignKey(
        ExpertiseTag,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="trainings",
        verbose_name=_("training topic"),
    )
    steps = models.ManyToManyField(
        Step, blank=True, related_name="trainings", verbose_name=_("guide steps it serves")
    )
    documents = models.ManyToManyField(
        Document, blank=True, related_name="trainings", verbose_name=_("materials: documents")
    )
    references = models.ManyToManyField(
        Reference, blank=True, related_name="trainings", verbose_name=_("materials: evidence")
    )
    provider = models.CharField(
        _("provider"),
        max_length=200,
        blank=True,
        help_text=_("Who gives it, when not the network."),
    )
    source_url = models.URLField(
        _("source"), max_length=500, blank=True, help_text=_("Where its description is published.")
    )
    source_note = models.CharField(_("about the source"), max_length=300, blank=True)
    published = models.BooleanField(pgettext_lazy("training", "published"), default=True)
    is_demo = models.BooleanField(_("demonstration entry"), default=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=translation_columns(TRAINING_TEXT))

    objects = TrainingQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("training")
        verbose_name_plural = _("trainings")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("trainings:training", kwargs={"slug": self.slug})

    def clean(self) -> None:
        super().clean()
        if self.slug in RESERVED_SLUGS:
            message = _("“%(slug)s” is the address of another page of the trainings.")
            raise ValidationError({"slug": message % {"slug": self.slug}})


@functools.cache
def time_zone_names() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def validate_time_zone(value: str) -> None:
    # Only the names of the zone database: "Europe" (a folder), "../x" or a too long name
    # would make ZoneInfo raise something else than "not found".
    if value not in time_zone_names():
        raise ValidationError(
            _("“%(zone)s” is not a time zone name such as Europe/Berlin."),
            params={"zone": value[:64]},
        )


def time_problem(value: dt.datetime, now: dt.datetime | None = None) -> str:
    """Why a session cannot have this time ("" when it can)."""
    latest = (now or timezone.now()).year + MAX_AHEAD_YEARS
    if value < EARLIEST or value.year > latest:
        return _("Please choose a time from %(first)s to %(last)s.") % {
            "first": EARLIEST.year,
            "last": latest,
        }
    return ""


class SessionStatus(models.TextChoices):
    SCHEDULED = "scheduled", pgettext_lazy("training session", "Scheduled")
    CANCELLED = "cancelled", pgettext_lazy("training session", "Cancelled")


class SessionQuerySet(models.QuerySet):
    def visible(self) -> SessionQuerySet:
        """Sessions of published trainings (cancelled ones included: they say so)."""
        return self.filter(training__published=True)

    def upcoming(self, now=None) -> SessionQuerySet:
        return self.visible().filter(ends_at__gte=now or timezone.now())

    def past(self, now=None) -> SessionQuerySet:
        return self.visible().filter(ends_at__lt=now or timezone.now())

    def organised_by(self, user) -> SessionQuerySet:
        if not user.is_authenticated:
            return self.none()
        return self.filter(organisers=user)


class Session(models.Model):
    """One date of a training, at a place or online, with a number of places.

    Times are stored in UTC and shown in `time_zone`, the zone of the place (or the organiser's
    for an online session). `sequence` counts the changes participants were told about: the
    iCalendar SEQUENCE, so calendar clients apply an update or a cancellation.
    """

    public_id = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    training = models.ForeignKey(
        Training, on_delete=models.PROTECT, related_name="sessions", verbose_name=_("training")
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Europe/Brussels",
        validators=[validate_time_zone],
        help_text=_("The time zone of the place, for example Europe/Berlin."),
    )
    format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    facility = models.ForeignKey(
        Facility,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="training_sessions",
        verbose_name=_("host facility"),
    )
    address = models.TextField(
        _("address"), blank=True, help_text=_("Where it takes place, if not at the host facility.")
    )
    online_url = models.URLField(
        _("link to join online"),
        max_length=500,
        blank=True,
        help_text=_("Shown to confirmed participants only."),
    )
    language = models.CharField(_("language"), max_length=8)
    capacity = models.PositiveIntegerField(
        _("places"), validators=[MinValueValidator(1), MaxValueValidator(MAX_CAPACITY)]
    )
    registration_deadline = models.DateTimeField(_("registration deadline"))
    cancellation_cutoff = models.DateTimeField(
        _("participants may cancel until"),
        help_text=_("After this, a confirmed participant asks the organisers to be removed."),
    )
    trainers = models.CharField(_("trainers"), max_length=300, blank=True)
    organisers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="organised_sessions",
        verbose_name=_("organisers"),
        help_text=_("They see the participants, mark attendance and write to them."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=SessionStatus.choices, default=SessionStatus.SCHEDULED
    )
    cancellation_reason = models.TextField(_("reason for the cancellation"), blank=True)
    sequence = models.PositiveIntegerField(_("revision"), default=0, editable=False)
    is_demo = models.BooleanField(_("demonstration entry"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="trainings_session_ends_after"
            ),
            models.CheckConstraint(
                condition=Q(capacity__gte=1), name="trainings_session_has_places"
            ),
        ]
        indexes = [models.Index(fields=["starts_at"]), models.Index(fields=["ends_at"])]

    def __str__(self) -> str:
        return f"{self.training} ({self.local_start:%Y-%m-%d})"

    def get_absolute_url(self) -> str:
        return reverse("trainings:session", kwargs={"public_id": self.public_id})

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
            return zoneinfo.ZoneInfo("UTC")

    @property
    def local_start(self):
        return self.starts_at.astimezone(self.zone)

    @property
    def local_end(self):
        return self.ends_at.astimezone(self.zone)

    @property
    def is_cancelled(self) -> bool:
        return self.status == SessionStatus.CANCELLED

    def clean(self) -> None:
        super().clean()
        errors = {}
        for name in ("starts_at", "ends_at", "registration_deadline", "cancellation_cutoff"):
            value = getattr(self, name)
            if value and (problem := time_problem(value)):
                errors[name] = problem
        if errors:
            raise ValidationError(errors)
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The session must end after it starts.")
        if self.starts_at and self.registration_deadline:
            if self.registration_deadline > self.starts_at:
                errors["registration_deadline"] = _(
                    "The registration deadline must be before the session starts."
                )
        if self.starts_at and self.cancellation_cutoff:
            if self.cancellation_cutoff > self.starts_at:
                errors["cancellation_cutoff"] = _(
                    "The cancellation cut-off must be before the session starts."
                )
        if self.format in (Format.ON_SITE, Format.HYBRID) and not (
            self.facility_id or self.address.strip()
        ):
            errors["address"] = _("Give the host facility or an address for a session on site.")
        if self.format in (Format.ONLINE, Format.HYBRID) and not self.online_url:
            errors["online_url"] = _("Give the link to join an online session.")
        if errors:
            raise ValidationError(errors)


class Question(models.Model):
    """A question the organisers ask on registering (for example role and organisation)."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="questions", verbose_name=_("session")
    )
    text = models.CharField(_("question"), max_length=300)
    required = models.BooleanField(_("an answer is required"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("registration question")
        verbose_name_plural = _("registration questions")

    def __str__(self) -> str:
        return self.text


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", pgettext_lazy("registration", "Confirmed")
    WAITLISTED = "waitlisted", pgettext_lazy("registration", "On the wait-list")
    CANCELLED = "cancelled", pgettext_lazy("registration", "Cancelled")


ACTIVE = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)


class RegistrationQuerySet(models.QuerySet):
    def active(self) -> RegistrationQuerySet:
        return self.filter(status__in=ACTIVE)

    def confirmed(self) -> RegistrationQuerySet:
        return self.filter(status=RegistrationStatus.CONFIRMED)

    def waitlist(self) -> RegistrationQuerySet:
        """The wait-list in its order: first registered, first promoted."""
        return self.filter(status=RegistrationStatus.WAITLISTED).order_by("registered_at", "id")


class Registration(models.Model):
    """A person's place (or wait-list place) in a session. One row per person and session:
    registering again after cancelling reuses it, at the end of the queue."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("session")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="training_registrations",
        verbose_name=_("participant"),
    )
    status = models.CharField(_("status"), max_length=10, choices=RegistrationStatus.choices)
    registered_at = models.DateTimeField(_("registered"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(
        pgettext_lazy("registration", "cancelled"), null=True, blank=True
    )
    attended = models.BooleanField(_("attended"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["registered_at", "id"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="trainings_registration_once"),
        ]

    def __str__(self) -> str:
        return f"{self.session} – {self.get_status_display()}"


class Answer(models.Model):
    registration = models.ForeignKey(
        Registration,
        on_delete=models.CASCADE,
        related_name="answers",
        verbose_name=_("registration"),
    )
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="answers", verbose_name=_("question")
    )
    text = models.TextField(_("answer"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "question"], name="trainings_answer_once"
            ),
        ]

    def __str__(self) -> str:
        return self.text[:60]


class Announcement(models.Model):
    """A message the organisers sent to every confirmed participant of a session."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="announcements", verbose_name=_("session")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("author"),
    )
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"), max_length=5000)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("message to participants")
        verbose_name_plural = _("messages to participants")

    def __str__(self) -> str:
        return self.subject


class Delivery(models.Model):
    """One email that was (or is being) sent, by a key of ids: nothing is sent twice."""

    key = models.CharField(_("key"), max_length=200, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("training email delivery")
        verbose_name_plural = _("training email deliveries")

    def __str__(self) -> str:
        return self.key
