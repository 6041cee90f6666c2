"""Early warning across facilities: aggregate observations, the signals computed from them,
and the alerts two reviewers make of a signal.

Everything here is an aggregate about a facility and a week or a day, never about a person:
no model has a field that could describe a client (no age, sex, initials, date of birth,
free-text case notes). Places are coarsened to a region and times to an ISO week (or a day for
the pulse, which is one number per facility).

The flow (see detection.py, signals.py, services.py, tasks.py):
    SubstanceReport / Pulse / monitoring.MonthlyValue
        → Signal (S1 substance, S2 pulse spike, S3 monthly aberration, S4 network cluster),
          one per kind and scope and period (unique key), with its inputs, method, threshold, p
        → Review × 2 (two different alert reviewers confirm or dismiss; a grade)
        → Alert (graded, public or network-only, updatable and retractable with history)
        → Delivery (email to subscribers by region and grade, signed webhooks), feed, page, API.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from dcrnet.directory.models import Country, Facility, translation_columns

SUBSTANCE_TEXT = ("name", "description")
ALERT_TEXT = ("title", "advice", "actions")

# The number of events below which a count is shown as "<5" and no alarm is raised.
MIN_EVENTS = 5

inchikey = RegexValidator(
    r"^[A-Z]{14}-[A-Z]{10}-[A-Z]$",
    _("An InChIKey has 27 characters: 14 letters, a hyphen, 10 letters, a hyphen, one letter."),
)


class SubstanceKind(models.TextChoices):
    COMPOUND = "compound", _("Identified compound")
    GROUP = "group", _("Group, compound unresolved")
    UNKNOWN = "unknown", _("Unknown")


class Substance(models.Model):
    """The vocabulary: a compound with its InChIKey, or a group ("nitazene, unresolved")."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=SubstanceKind.choices)
    inchikey = models.CharField(
        _("InChIKey"), max_length=27, blank=True, validators=[inchikey], db_index=True
    )
    pubchem_cid = models.PositiveIntegerField(_("PubChem CID"), null=True, blank=True)
    group = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="members",
        limit_choices_to={"kind": SubstanceKind.GROUP}, verbose_name=_("group"),
    )  # fmt: skip
    synonyms = models.JSONField(_("synonyms"), default=list, blank=True)
    watch_list = models.BooleanField(
        _("on the watch list"), default=False,
        help_text=_("Any report of it raises a substance signal."),
    )  # fmt: skip
    source_url = models.URLField(_("source of the identifiers"), max_length=500, blank=True)

    history = HistoricalRecords(excluded_fields=translation_columns(SUBSTANCE_TEXT))

    class Meta:
        ordering = ["name"]
        verbose_name = _("substance")
        verbose_name_plural = _("substances")
        constraints = [
            models.UniqueConstraint(
                fields=["inchikey"], condition=~Q(inchikey=""), name="unique_substance_inchikey"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Region(models.Model):
    """A coarse place for alerts (a metropolitan area or province): never finer than a city."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120)
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="alert_regions", verbose_name=_("country")
    )
    facilities = models.ManyToManyField(
        Facility, related_name="alert_regions", blank=True, verbose_name=_("facilities")
    )

    class Meta:
        ordering = ["country", "name"]
        verbose_name = _("alert region")
        verbose_name_plural = _("alert regions")

    def __str__(self) -> str:
        return self.name


class Confirmation(models.TextChoices):
    FTIR = "ftir", _("Drug checking: infrared spectroscopy (FTIR)")
    GCMS = "gcms", _("Drug checking: gas chromatography–mass spectrometry")
    LCMS = "lcms", _("Drug checking: liquid chromatography–mass spectrometry")
    RAMAN = "raman", _("Drug checking: Raman spectroscopy")
    STRIP = "strip", _("Drug checking: immunoassay test strip")
    REAGENT = "reagent", _("Drug checking: reagent (colour) test")
    TOXICOLOGY = "toxicology", _("Toxicology (blood or urine, laboratory)")
    OBSERVATION = "observation", _("Staff observation only")


class Form(models.TextChoices):
    POWDER = "powder", _("Powder")
    CRYSTAL = "crystal", _("Crystal or rock")
    TABLET = "tablet", _("Tablet")
    LIQUID = "liquid", _("Liquid")
    PLANT = "plant", _("Plant material")
    PAPER = "paper", _("Blotter or paper")
    OTHER = "other", _("Other")
    UNKNOWN = "unknown", _("Unknown")


class SubstanceReport(models.Model):
    """One facility's aggregate observation of a substance in one ISO week."""

    public_id = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    facility = models.ForeignKey(
        Facility, on_delete=models.CASCADE, related_name="substance_reports",
        verbose_name=_("facility"),
    )  # fmt: skip
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="substance_reports", verbose_name=_("reported by"),
    )  # fmt: skip
    substance = models.ForeignKey(
        Substance, on_delete=models.PROTECT, related_name="reports", verbose_name=_("substance")
    )
    confirmation = models.CharField(
        _("how it was confirmed"), max_length=12, choices=Confirmation.choices
    )
    form = models.CharField(_("form"), max_length=10, choices=Form.choices, default=Form.UNKNOWN)
    sold_as = models.ForeignKey(
        Substance, on_delete=models.PROTECT, null=True, blank=True, related_name="sold_as_reports",
        verbose_name=_("sold as"),
    )  # fmt: skip
    samples = models.PositiveIntegerField(
        _("samples"), validators=[MinValueValidator(1), MaxValueValidator(10_000)]
    )
    linked_overdoses = models.PositiveIntegerField(
        _("samples linked to overdoses"), default=0, validators=[MaxValueValidator(10_000)]
    )
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="substance_reports",
        verbose_name=_("region"),
    )  # fmt: skip
    # The Monday of the ISO week observed.
    week = models.DateField(_("ISO week (its Monday)"))
    created = models.DateTimeField(_("reported"), auto_now_add=True)
    synthetic = models.BooleanField(_("synthetic demonstration data"), default=False)

    class Meta:
        ordering = ["-week", "-created"]
        verbose_name = _("substance report")
        verbose_name_plural = _("substance reports")
        constraints = [
            models.CheckConstraint(
                condition=Q(linked_overdoses__lte=models.F("samples")),
                name="linked_overdoses_within_samples",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.facility} · {self.substance} · {self.week:%G-W%V}"


class Pulse(models.Model):
    """The optional daily pulse: yesterday's overdoses managed on site, one number."""

    facility = models.ForeignKey(
        Facility, on_delete=models.CASCADE, related_name="pulses", verbose_name=_("facility")
    )
    day = models.DateField(_("day"))
    overdoses = models.PositiveIntegerField(
        _("overdoses managed on site"), validators=[MaxValueValidator(1000)]
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="pulses", verbose_name=_("reported by"),
    )  # fmt: skip
    updated = models.DateTimeField(_("updated"), auto_now=True)
    synthetic = models.BooleanField(_("synthetic demonstration data"), default=False)

    class Meta:
        ordering = ["-day"]
        verbose_name = _("daily pulse")
        verbose_name_plural = _("daily pulses")
        constraints = [
            models.UniqueConstraint(fields=["facility", "day"], name="unique_pulse_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.facility} · {self.day}: {self.overdoses}"


class SignalKind(models.TextChoices):
    SUBSTANCE = "S1", _("S1 · watch-list or never-seen substance")
    PULSE = "S2", _("S2 · daily pulse spike")
    MONTHLY = "S3", _("S3 · monthly aberration")
    CLUSTER = "S4", _("S4 · network cluster")


class SignalStatus(models.TextChoices):
    OPEN = "open", _("Awaiting review")
    CONFIRMED = "confirmed", _("Confirmed: an alert")
    DISMISSED = "dismissed", _("Dismissed")


class Signal(models.Model):
    """What a detection run found. `key` names the kind, scope and period (e.g.
    "S3:overdoses:f12:2026-10"), so a rerun or a parallel run finds the row instead of adding
    one."""

    key = models.CharField(_("key"), max_length=160, unique=True)
    kind = models.CharField(_("kind"), max_length=2, choices=SignalKind.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=SignalStatus.choices, default=SignalStatus.OPEN
    )
    detected = models.DateTimeField(_("detected"), auto_now_add=True)
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, null=True, blank=True, related_name="signals",
        verbose_name=_("region"),
    )  # fmt: skip
    substance = models.ForeignKey(
        Substance, on_delete=models.PROTECT, null=True, blank=True, related_name="signals",
        verbose_name=_("substance"),
    )  # fmt: skip
    indicator = models.CharField(_("indicator"), max_length=40, blank=True)
    facilities = models.ManyToManyField(
        Facility, related_name="alert_signals", blank=True, verbose_name=_("facilities")
    )
    observed = models.PositiveIntegerField(_("observed"), null=True, blank=True)
    expected = models.FloatField(_("expected"), null=True, blank=True)
    threshold = models.FloatField(_("threshold"), null=True, blank=True)
    p_value = models.FloatField(_("p-value"), null=True, blank=True)
    method = models.CharField(_("method"), max_length=200)
    inputs = models.JSONField(_("inputs"), default=dict)
    synthetic = models.BooleanField(_("synthetic demonstration data"), default=False)

    class Meta:
        ordering = ["-detected"]
        verbose_name = _("signal")
        verbose_name_plural = _("signals")
        permissions = [("review_signal", _("Can review signals and grade alerts"))]

    def __str__(self) -> str:
        return self.key


class Grade(models.TextChoices):
    # Public grades are shown to everyone; network grades to signed-in members only.
    RED = "red", _("Red: immediate danger (public)")
    AMBER = "amber", _("Amber: warning (public)")
    NETWORK = "network", _("Network only: under watch (members)")


PUBLIC_GRADES = (Grade.RED.value, Grade.AMBER.value)


class Decision(models.TextChoices):
    CONFIRM = "confirm", _("Confirm")
    DISMISS = "dismiss", _("Dismiss")


class Review(models.Model):
    """One reviewer's decision on a signal; two confirmations by two people make an alert."""

    signal = models.ForeignKey(
        Signal, on_delete=models.CASCADE, related_name="reviews", verbose_name=_("signal")
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="signal_reviews",
        verbose_name=_("reviewer"),
    )  # fmt: skip
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices)
    grade = models.CharField(_("grade"), max_length=10, choices=Grade.choices, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    created = models.DateTimeField(_("reviewed"), auto_now_add=True)

    class Meta:
        ordering = ["created"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.UniqueConstraint(fields=["signal", "reviewer"], name="one_review_per_reviewer")
        ]

    def __str__(self) -> str:
        return f"{self.signal} · {self.decision}"


class Alert(models.Model):
    """A confirmed, graded signal, as the network publishes it (fields after the EU Drug Alert
    System, Victoria's template and MANDRAKE's alerts). Counts of 1–4 are shown as "<5"."""

    public_id = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    signal = models.OneToOneField(
        Signal, on_delete=models.PROTECT, related_name="alert", verbose_name=_("signal")
    )
    grade = models.CharField(_("grade"), max_length=10, choices=Grade.choices)
    title = models.CharField(_("title"), max_length=200)
    issued = models.DateTimeField(_("issued"))
    updated = models.DateTimeField(_("updated"), auto_now=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, null=True, blank=True, related_name="alerts",
        verbose_name=_("region"),
    )  # fmt: skip
    week = models.DateField(_("ISO week (its Monday)"))
    substance = models.ForeignKey(
        Substance, on_delete=models.PROTECT, null=True, blank=True, related_name="alerts",
        verbose_name=_("substance"),
    )  # fmt: skip
    form = models.CharField(_("form"), max_length=10, choices=Form.choices, blank=True)
    sold_as = models.ForeignKey(
        Substance, on_delete=models.PROTECT, null=True, blank=True,
        related_name="sold_as_alerts", verbose_name=_("sold as"),
    )  # fmt: skip
    confirmation = models.CharField(
        _("how it was confirmed"), max_length=12, choices=Confirmation.choices, blank=True
    )
    facility_count = models.PositiveIntegerField(_("number of facilities"))
    # Facilities named in public: only with their consent and at MIN_EVENTS or more events.
    named_facilities = models.ManyToManyField(
        Facility, related_name="named_in_alerts", blank=True, verbose_name=_("facilities named")
    )
    counts = models.JSONField(_("counts"), default=dict)  # e.g. {"samples": 7, "overdoses": 3}
    observed = models.PositiveIntegerField(_("observed"), null=True, blank=True)
    expected = models.FloatField(_("expected"), null=True, blank=True)
    p_value = models.FloatField(_("p-value"), null=True, blank=True)
    advice = models.TextField(_("advice"), help_text=_("Markdown."))
    actions = models.TextField(_("actions taken"), blank=True, help_text=_("Markdown."))
    source = models.CharField(_("source"), max_length=300)
    retracted = models.DateTimeField(_("retracted"), null=True, blank=True)
    retraction_reason = models.TextField(_("reason for the retraction"), blank=True)
    synthetic = models.BooleanField(_("synthetic demonstration data"), default=False)

    history = HistoricalRecords(excluded_fields=translation_columns(ALERT_TEXT))

    class Meta:
        ordering = ["-issued"]
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return self.grade in PUBLIC_GRADES


class NamingConsent(models.Model):
    """A facility's consent to be named in public alerts (given by one of its reporters)."""

    facility = models.OneToOneField(
        Facility, on_delete=models.CASCADE, related_name="alert_naming_consent",
        verbose_name=_("facility"),
    )  # fmt: skip
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
        related_name="+", verbose_name=_("given by"),
    )  # fmt: skip
    given = models.DateTimeField(_("given"), auto_now_add=True)

    class Meta:
        verbose_name = _("consent to be named in alerts")
        verbose_name_plural = _("consents to be named in alerts")

    def __str__(self) -> str:
        return str(self.facility)


class AlertSubscription(models.Model):
    """A member's choice of alerts by email: regions (none = all) and grades."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alert_subscription",
        verbose_name=_("member"),
    )  # fmt: skip
    regions = models.ManyToManyField(Region, blank=True, verbose_name=_("regions"))
    grades = models.JSONField(_("grades"), default=list)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("alert subscription")
        verbose_name_plural = _("alert subscriptions")

    def __str__(self) -> str:
        return str(self.user)


class Webhook(models.Model):
    """A partner system that receives every alert it may see as signed JSON (HMAC-SHA256)."""

    name = models.CharField(_("partner"), max_length=120)
    url = models.URLField(_("URL"), max_length=500)
    secret = models.CharField(_("signing secret"), max_length=128)
    active = models.BooleanField(_("active"), default=True)
    network_grades = models.BooleanField(
        _("also network-only grades"), default=False,
        help_text=_("Only for partners inside the network's agreements."),
    )  # fmt: skip
    regions = models.ManyToManyField(Region, blank=True, verbose_name=_("regions"))
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")

    def __str__(self) -> str:
        return self.name


class Channel(models.TextChoices):
    EMAIL = "email", _("Email")
    WEBHOOK = "webhook", _("Webhook")


class Delivery(models.Model):
    """One alert version sent once to one recipient: the send-once record (lib.delivery) and,
    for webhooks, the delivery log with attempts and the next retry."""

    key = models.CharField(_("key"), max_length=200, unique=True)
    alert = models.ForeignKey(
        Alert, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("alert")
    )
    version = models.PositiveIntegerField(_("alert version"))
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    webhook = models.ForeignKey(
        Webhook, on_delete=models.CASCADE, null=True, blank=True, related_name="deliveries",
        verbose_name=_("webhook"),
    )  # fmt: skip
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True,
        related_name="+", verbose_name=_("member"),
    )  # fmt: skip
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt = models.DateTimeField(_("next attempt"), null=True, blank=True)
    last_status = models.CharField(_("last response"), max_length=200, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    failed_at = models.DateTimeField(_("given up"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("alert delivery")
        verbose_name_plural = _("alert deliveries")

    def __str__(self) -> str:
        return self.key
