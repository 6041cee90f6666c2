"""The policy tracker: dated events of each country's legal and political situation, each with
its source (laws, court rulings, pilots, rooms opened and closed, policy statements)."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from dcrnet.directory.models import Country, Facility, translation_columns

# Translated with django-modeltranslation (translation.py); the history keeps the English column.
EVENT_TEXT = ("title", "summary")


class Kind(models.TextChoices):
    LAW = "law", _("Law passed")
    COURT = "court", _("Court ruling")
    PILOT = "pilot", _("Pilot approved")
    OPENED = "opened", _("Room opened")
    CLOSED = "closed", _("Room closed")
    STATEMENT = "statement", _("Policy statement")
    OTHER = "other", _("Other")


class Precision(models.TextChoices):
    """How much of the date the source gives: "September 2003" is stored as 1 September."""

    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


def sees_unpublished(user) -> bool:
    """Editors (whoever may change events) see unpublished events too."""
    return bool(getattr(user, "is_authenticated", False) and user.has_perm("policy.change_event"))


class EventQuerySet(models.QuerySet):
    def public(self) -> EventQuerySet:
        return self.filter(published=True)

    def visible_to(self, user) -> EventQuerySet:
        return self.all() if sees_unpublished(user) else self.public()

    def timeline(self) -> EventQuerySet:
        """Newest first, with what a row of the timeline shows."""
        return self.select_related("country", "facility").order_by("-date", "-pk")

    def filtered(
        self, *, country: str = "", kind: str = "", year: int | None = None
    ) -> EventQuerySet:
        qs = self
        if country:
            qs = qs.filter(country__code=country)
        if kind:
            qs = qs.filter(kind=kind)
        if year:
            qs = qs.filter(date__year=year)
        return qs

    def newly_published(self) -> EventQuerySet:
        """The feeds: public events, the most recently published first."""
        return self.public().select_related("country", "facility").order_by("-published_at", "-pk")


class Event(models.Model):
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="policy_events", verbose_name=_("country")
    )
    date = models.DateField(_("date"), help_text=_("With a month or year only: its first day."))
    precision = models.CharField(
        _("date precision"),
        max_length=5,
        choices=Precision.choices,
        default=Precision.DAY,
        help_text=_("How much of the date the source gives."),
    )
    kind = models.CharField(_("kind of event"), max_length=12, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), help_text=_("Markdown: one or two sentences."))
    facility = models.ForeignKey(
        Facility,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="policy_events",
        verbose_name=_("facility"),
    )
    source_title = models.CharField(_("source title"), max_length=300)
    source_url = models.URLField(_("source URL"), max_length=500)
    published = models.BooleanField(_("published"), default=True)
    published_at = models.DateTimeField(_("first published"), null=True, blank=True, editable=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=translation_columns(EVENT_TEXT))

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("policy event")
        verbose_name_plural = _("policy events")
        ordering = ["-date", "-pk"]
        indexes = [
            models.Index(fields=["country", "date"]),
            models.Index(fields=["published", "published_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.country.code}: {self.title}"

    def save(self, *args, **kwargs) -> None:
        # The feeds list events by when they were first published, not by when they happened.
        if self.published and self.published_at is None:
            self.published_at = timezone.now()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "published_at"}
        self.date = first_day(self.date, self.precision)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("policy:event", args=[self.pk])

    @property
    def when(self) -> str:
        """The date as precisely as the source gives it, in the page's language."""
        if self.precision == Precision.YEAR:
            return str(self.date.year)
        if self.precision == Precision.MONTH:
            return date_format(self.date, "YEAR_MONTH_FORMAT")
        return date_format(self.date, "DATE_FORMAT")

    @property
    def iso(self) -> str:
        """The date for a <time datetime>, as precise as the source: 2000, 2012-06, 2016-10-17."""
        if self.precision == Precision.YEAR:
            return f"{self.date:%Y}"
        if self.precision == Precision.MONTH:
            return f"{self.date:%Y-%m}"
        return self.date.isoformat()

    @property
    def kind_label(self) -> str:
        return Kind(self.kind).label


def first_day(date: dt.date, precision: str) -> dt.date:
    if precision == Precision.YEAR:
        return date.replace(month=1, day=1)
    if precision == Precision.MONTH:
        return date.replace(day=1)
    return date
