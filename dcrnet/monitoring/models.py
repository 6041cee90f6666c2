"""Monitoring: the indicator dictionary, monthly values, published series, the yearly survey.

Nothing here describes a person: every value is a facility aggregate (facility, period,
indicator, breakdown, integer). Tests hold the field names to an allowlist.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from dcrnet.directory.models import Facility, Route

MAX_VALUE = 10_000_000


class Unit(models.TextChoices):
    COUNT = "count", _("count")
    DAYS = "days", _("days")
    HOURS = "hours", _("hours")
    PEOPLE = "people", _("people")


class BreakdownKind(models.TextChoices):
    NONE = "", _("none")
    ROUTE = "route", _("route of use")
    REFERRAL = "referral", _("referral type")


class ReferralType(models.TextChoices):
    TREATMENT = "treatment", _("Drug treatment")
    HEALTH = "health", _("Health care")
    SOCIAL = "social", _("Social services and housing")


BREAKDOWN_CHOICES = {
    BreakdownKind.NONE: [],
    BreakdownKind.ROUTE: list(Route.choices),
    BreakdownKind.REFERRAL: list(ReferralType.choices),
}
ALL_BREAKDOWNS = [("", _("total")), *Route.choices, *ReferralType.choices]


def breakdown_label(code: str) -> str:
    return str(dict(ALL_BREAKDOWNS).get(code, code))


def first_of_month(day: dt.date) -> dt.date:
    return day.replace(day=1)


def days_in_month(month: dt.date) -> int:
    return calendar.monthrange(month.year, month.month)[1]


# The indicator's prose, translated (translation.py). Its history keeps the English text in the
# base columns: simple_history builds the historical model before modeltranslation adds the
# per-language columns, so these are left out of it (else every save would fail).
INDICATOR_TEXT = ("title", "definition", "counts", "does_not_count")


def translation_columns(fields: tuple[str, ...]) -> list[str]:
    return [f"{field}_{code}" for field in fields for code, _name in settings.LANGUAGES]


class DictionaryRelease(models.Model):
    """A published version of the minimum dataset; indicators say in which one they appeared."""

    version = models.CharField(_("version"), max_length=20, unique=True)
    released = models.DateField(_("released"))
    changes = models.TextField(_("what changed"), blank=True)

    class Meta:
        verbose_name = _("dictionary release")
        verbose_name_plural = _("dictionary releases")
        ordering = ["-released", "-id"]

    def __str__(self) -> str:
        return self.version


class IndicatorQuerySet(models.QuerySet):
    def current(self) -> IndicatorQuerySet:
        return self.filter(retired_in__isnull=True).order_by("position", "code")

    def headline(self) -> IndicatorQuerySet:
        return self.current().filter(headline=True)

    def for_dictionary(self) -> IndicatorQuerySet:
        """The current dictionary with the release each indicator appeared in."""
        return self.current().select_related("added_in")


class Indicator(models.Model):
    """One entry of the minimum dataset. The code never changes; definitions are versioned."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    title = models.CharField(_("name"), max_length=150)
    definition = models.TextField(_("definition"))
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices, default=Unit.COUNT)
    counts = models.TextField(_("what counts"), blank=True)
    does_not_count = models.TextField(_("what does not count"), blank=True)
    breakdown = models.CharField(
        _("breakdown"), max_length=10, choices=BreakdownKind.choices, blank=True, default=""
    )
    health_canada = models.CharField(_("Health Canada equivalent"), max_length=200, blank=True)
    euda = models.CharField(_("EUDA equivalent"), max_length=200, blank=True)
    headline = models.BooleanField(_("asked as a yearly total in the survey"), default=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    added_in = models.ForeignKey(
        DictionaryRelease,
        on_delete=models.PROTECT,
        related_name="added",
        verbose_name=_("added in"),
    )
    retired_in = models.ForeignKey(
        DictionaryRelease,
        on_delete=models.PROTECT,
        related_name="retired",
        null=True,
        blank=True,
        verbose_name=_("retired in"),
    )
    history = HistoricalRecords(excluded_fields=translation_columns(INDICATOR_TEXT))

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return self.title

    @property
    def breakdown_choices(self) -> list[tuple[str, str]]:
        return BREAKDOWN_CHOICES[BreakdownKind(self.breakdown)]

    @property
    def breakdown_codes(self) -> list[str]:
        """The breakdown values a report holds: [""] for a plain indicator."""
        return [code for code, _label in self.breakdown_choices] or [""]


class MonthlyValueQuerySet(models.QuerySet):
    def for_reporter(self, user) -> MonthlyValueQuerySet:
        """Values of the facilities `user` reports for (unsuppressed: theirs alone)."""
        return self.filter(facility__in=Facility.objects.for_reporter(user))

    def for_month(self, facility: Facility, month: dt.date) -> MonthlyValueQuerySet:
        return self.filter(facility=facility, month=first_of_month(month))


class MonthlyValue(models.Model):
    """One number a facility reported for a month, indicator and breakdown."""

    facility = models.ForeignKey(
        Facility,
        on_delete=models.CASCADE,
        related_name="monthly_values",
        verbose_name=_("facility"),
    )
    month = models.DateField(_("month"))
    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="values", verbose_name=_("indicator")
    )
    breakdown = models.CharField(
        _("breakdown"), max_length=20, choices=ALL_BREAKDOWNS, blank=True, default=""
    )
    value = models.PositiveIntegerField(_("value"))
    synthetic = models.BooleanField(_("synthetic demonstration data"), default=False)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    objects = MonthlyValueQuerySet.as_manager()

    class Meta:
        verbose_name = _("monthly value")
        verbose_name_plural = _("monthly values")
        ordering = ["facility", "month", "indicator__position", "breakdown"]
        constraints = [
            models.UniqueConstraint(
                fields=["facility", "month", "indicator", "breakdown"], name="unique_monthly_value"
            ),
            models.CheckConstraint(
                condition=models.Q(value__lte=MAX_VALUE), name="monthly_value_plausible"
            ),
        ]
        indexes = [models.Index(fields=["month", "indicator"])]

    def __str__(self) -> str:
        return f"{self.facility_id} {self.month:%Y-%m} {self.indicator_id} {self.breakdown}"


class Qualifier(models.TextChoices):
    EXACT = "exact", _("exactly")
    MORE_THAN = "more_than", _("more than")
    ABOUT = "about", _("about")


class YearlyValueQuerySet(models.QuerySet):
    def for_display(self) -> YearlyValueQuerySet:
        """With what a page shows beside each figure, in one query."""
        return self.select_related("facility", "facility__country", "indicator")


class YearlyValue(models.Model):
    """A published yearly (or other period) figure with its source, e.g. from an annual report."""

    facility = models.ForeignKey(
        Facility, on_delete=models.CASCADE, related_name="yearly_values", verbose_name=_("facility")
    )
    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="yearly", verbose_name=_("indicator")
    )
    breakdown = models.CharField(
        _("breakdown"), max_length=20, choices=ALL_BREAKDOWNS, blank=True, default=""
    )
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    value = models.PositiveIntegerField(_("value"))
    qualifier = models.CharField(
        _("qualifier"), max_length=10, choices=Qualifier.choices, default=Qualifier.EXACT
    )
    wording = models.CharField(
        _("as published"), max_length=200, blank=True, help_text=_("The source's own words.")
    )
    wording_language = models.CharField(
        _("language of the words as published"),
        max_length=8,
        default="en",
        validators=[RegexValidator(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")],
        help_text=_("A language code such as en, fr or nb: pages mark the quotation with it."),
    )
    source = models.CharField(_("source"), max_length=300)
    source_url = models.URLField(_("source URL"), max_length=500)
    history = HistoricalRecords()

    objects = YearlyValueQuerySet.as_manager()

    class Meta:
        verbose_name = _("published yearly figure")
        verbose_name_plural = _("published yearly figures")
        ordering = ["facility", "period_start", "indicator__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["facility", "indicator", "breakdown", "period_start", "period_end"],
                name="unique_yearly_value",
            )
        ]

    def __str__(self) -> str:
        return f"{self.facility_id} {self.indicator_id} {self.period_start}–{self.period_end}"

    @property
    def display(self) -> str:
        """The figure as a page shows it, grouped in the page's language: 59,000 / 59 000."""
        number = number_format(self.value, force_grouping=True)
        if self.qualifier == Qualifier.MORE_THAN:
            return str(_("more than %(n)s") % {"n": number})
        if self.qualifier == Qualifier.ABOUT:
            return str(_("about %(n)s") % {"n": number})
        return number


class Level(models.TextChoices):
    NETWORK = "network", _("network")
    COUNTRY = "country", _("country")
    FACILITY = "facility", _("facility")


class Flag(models.TextChoices):
    SHOWN = "", _("shown")
    SMALL = "<5", _("fewer than 5 (suppressed)")
    COMPLEMENTARY = "x", _("suppressed so that a small count cannot be worked out")


class SeriesPointQuerySet(models.QuerySet):
    def for_scope(self, key: str) -> SeriesPointQuerySet:
        """One published area: "n" (network), "c:LU" (a country) or "f:<id>" (a facility)."""
        return self.filter(key=key)


class SeriesPoint(models.Model):
    """A published, disclosure-controlled value: what every page, chart, CSV and API shows.

    Recomputed for the affected (month, indicator) on every write, so reads never aggregate
    and never see an unsuppressed 1–4.
    """

    key = models.CharField(_("area key"), max_length=30)  # "n", "c:LU" or "f:<facility id>"
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    facility = models.ForeignKey(
        Facility,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("facility"),
    )
    country = models.CharField(_("country"), max_length=2, blank=True)
    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="+", verbose_name=_("indicator")
    )
    breakdown = models.CharField(_("breakdown"), max_length=20, blank=True, default="")
    month = models.DateField(_("month"))
    value = models.PositiveIntegerField(_("value"), null=True, blank=True)
    flag = models.CharField(_("flag"), max_length=2, choices=Flag.choices, blank=True, default="")
    synthetic = models.BooleanField(_("synthetic demonstration data"), default=False)

    objects = SeriesPointQuerySet.as_manager()

    class Meta:
        verbose_name = _("published series point")
        verbose_name_plural = _("published series points")
        constraints = [
            models.UniqueConstraint(
                fields=["key", "indicator", "breakdown", "month"], name="unique_series_point"
            )
        ]
        indexes = [
            models.Index(fields=["indicator", "month"]),
            models.Index(fields=["level", "country", "month"]),
        ]

    def __str__(self) -> str:
        return f"{self.key} {self.indicator_id} {self.breakdown} {self.month:%Y-%m}"

    @property
    def shown(self) -> str:
        return self.flag or str(self.value)


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ReporterTokenQuerySet(models.QuerySet):
    def active(self) -> ReporterTokenQuerySet:
        """Not revoked, and its account not deactivated."""
        return self.filter(revoked__isnull=True, user__is_active=True)

    def matching(self, raw: str) -> ReporterTokenQuerySet:
        return self.filter(digest=hash_token(raw))

    def of(self, user) -> ReporterTokenQuerySet:
        return self.filter(user=user) if user.is_authenticated else self.none()


class ReporterToken(models.Model):
    """A personal API token: only its SHA-256 is stored; it acts for its user alone."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reporter_tokens",
        verbose_name=_("user"),
    )
    label = models.CharField(_("label"), max_length=80, blank=True)
    digest = models.CharField(_("SHA-256 digest"), max_length=64, unique=True, editable=False)
    prefix = models.CharField(_("prefix"), max_length=8, editable=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    last_used = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = ReporterTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("reporter API token")
        verbose_name_plural = _("reporter API tokens")

    def __str__(self) -> str:
        return f"{self.prefix}…"


class SurveyYear(models.Model):
    """A yearly survey, opened by staff; its questionnaire version is fixed when it opens."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    questionnaire = models.CharField(_("questionnaire version"), max_length=20)
    questions = models.JSONField(_("questions asked"), default=list)
    opened = models.DateTimeField(_("opened"), default=timezone.now)
    closes = models.DateField(_("closes"), null=True, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("opened by"),
    )

    class Meta:
        verbose_name = _("survey year")
        verbose_name_plural = _("survey years")
        ordering = ["-year"]

    def __str__(self) -> str:
        return str(self.year)

    @property
    def is_open(self) -> bool:
        return self.closes is None or self.closes >= timezone.localdate()

    @property
    def source_label(self) -> str:
        return f"DCR survey {self.year}"


class ResponseStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    ACCEPTED = "accepted", _("Accepted")
    RETURNED = "returned", _("Returned for changes")


class SurveyResponseQuerySet(models.QuerySet):
    def accepted(self) -> SurveyResponseQuerySet:
        return self.filter(status=ResponseStatus.ACCEPTED)

    def of(self, survey: SurveyYear, facility: Facility) -> SurveyResponseQuerySet:
        return self.filter(survey=survey, facility=facility)

    def for_review(self) -> SurveyResponseQuerySet:
        """With what an editor's pages show beside each response."""
        return self.select_related("survey", "facility", "facility__country", "snapshot")

    def awaiting_review(self) -> SurveyResponseQuerySet:
        """Submitted responses an editor has to accept or return, oldest first."""
        return self.filter(status=ResponseStatus.SUBMITTED).for_review().order_by("submitted", "pk")


class SurveyResponse(models.Model):
    """One facility's answers for a survey year (validated by the questionnaire form)."""

    survey = models.ForeignKey(
        SurveyYear, on_delete=models.CASCADE, related_name="responses", verbose_name=_("survey")
    )
    facility = models.ForeignKey(
        Facility,
        on_delete=models.CASCADE,
        related_name="survey_responses",
        verbose_name=_("facility"),
    )
    answers = models.JSONField(_("answers"), default=dict)
    status = models.CharField(
        _("status"), max_length=10, choices=ResponseStatus.choices, default=ResponseStatus.DRAFT
    )
    submitted = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    snapshot = models.ForeignKey(
        "directory.ProfileSnapshot",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("profile snapshot"),
    )
    history = HistoricalRecords()

    objects = SurveyResponseQuerySet.as_manager()

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        constraints = [
            models.UniqueConstraint(fields=["survey", "facility"], name="unique_survey_response")
        ]

    def __str__(self) -> str:
        return f"{self.survey.year} {self.facility_id}"


class EmailKind(models.TextChoices):
    INVITATION = "invitation", _("Invitation")
    REMINDER_1 = "reminder1", _("First reminder")
    REMINDER_2 = "reminder2", _("Second reminder")


class SurveyEmail(models.Model):
    """One survey email to one reporter: the row exists before the task runs, so nothing repeats."""

    survey = models.ForeignKey(
        SurveyYear, on_delete=models.CASCADE, related_name="emails", verbose_name=_("survey")
    )
    facility = models.ForeignKey(
        Facility, on_delete=models.CASCADE, related_name="+", verbose_name=_("facility")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("recipient"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=EmailKind.choices)
    queued = models.DateTimeField(_("queued"), auto_now_add=True)
    sent = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("survey email")
        verbose_name_plural = _("survey emails")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "facility", "user", "kind"], name="unique_survey_email"
            )
        ]

    def __str__(self) -> str:
        return f"{self.survey.year} {self.kind} {self.facility_id}"


class ReporterLanguage(models.Model):
    """The language a reporter last reported in (a month, an upload, the survey): their survey
    emails are written in it. Reporters who never reported get English."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="reporter_language",
        verbose_name=_("reporter"),
    )
    language = models.CharField(_("language"), max_length=8)  # one of settings.LANGUAGES
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("reporter's language")
        verbose_name_plural = _("reporters' languages")

    def __str__(self) -> str:
        return f"{self.user_id} {self.language}"
