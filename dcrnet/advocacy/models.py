"""Advocacy initiatives (statements and campaigns), the organisations that endorse them and the
individuals who add their name.

An endorsement is an organisation's act, made by its approved contact person and public once
staff approve it. Withdrawing keeps the row (status "withdrawn", with its date) and its history:
the initiative's page names the organisations that endorse it now and counts, without naming
them, those that withdrew. A person's signature is theirs alone: withdrawing deletes it.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from dcrnet.directory.models import Country, Facility, translation_columns
from dcrnet.evidence.models import Reference
from dcrnet.organisations.models import Organisation

INITIATIVE_TEXT = ("title", "summary", "text", "asks")
# Paths under /advocacy/ that an initiative's slug would hide.
RESERVED_SLUGS = frozenset({"review", "endorsements"})


class Kind(models.TextChoices):
    STATEMENT = "statement", pgettext_lazy("kind of initiative", "Statement")
    CAMPAIGN = "campaign", pgettext_lazy("kind of initiative", "Campaign")


class InitiativeQuerySet(models.QuerySet):
    def published(self) -> InitiativeQuerySet:
        return self.filter(published=True)

    def visible_to(self, user) -> InitiativeQuerySet:
        """Published initiatives; editors (and staff) see drafts too."""
        if getattr(user, "is_authenticated", False) and user.has_perm("advocacy.change_initiative"):
            return self.all()
        return self.published()


class Initiative(models.Model):
    """A statement or a campaign of the network: its text, what it asks and its sources."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(
        _("kind of initiative"), max_length=20, choices=Kind.choices, default=Kind.STATEMENT
    )
    date = models.DateField(
        _("date"), help_text=_("The day the statement was made or the campaign began.")
    )
    summary = models.TextField(
        _("summary"), help_text=_("One or two sentences, shown in lists. Plain text.")
    )
    text = models.TextField(_("text"), help_text=_("Markdown."))
    asks = models.TextField(
        _("what it asks"), blank=True, help_text=_("Markdown: what the initiative asks for.")
    )
    sources = models.TextField(
        _("source links"),
        blank=True,
        help_text=_("Markdown: where the text comes from and what it relies on, one a line."),
    )
    references = models.ManyToManyField(
        Reference, blank=True, related_name="initiatives", verbose_name=_("evidence references")
    )
    countries = models.ManyToManyField(
        Country, blank=True, related_name="initiatives", verbose_name=_("countries")
    )
    facilities = models.ManyToManyField(
        Facility, blank=True, related_name="initiatives", verbose_name=_("facilities")
    )
    published = models.BooleanField(_("published"), default=False)
    accepts_endorsements = models.BooleanField(
        _("open for endorsement"),
        default=True,
        help_text=_(
            "While open, organisations (and individuals, if allowed) may add their name. "
            "Withdrawing is always possible."
        ),
    )
    allows_individuals = models.BooleanField(_("individuals may add their name"), default=False)
    is_demo = models.BooleanField(_("demonstration entry"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=translation_columns(INITIATIVE_TEXT))

    objects = InitiativeQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "title"]
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("advocacy:detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        super().clean()
        if self.slug in RESERVED_SLUGS:
            message = _("“%(slug)s” is the address of another page of the advocacy section.")
            raise ValidationError({"slug": message % {"slug": self.slug}})


class Status(models.TextChoices):
    PENDING = "pending", pgettext_lazy("endorsement status", "Waiting for approval")
    APPROVED = "approved", pgettext_lazy("endorsement status", "Approved")
    DECLINED = "declined", pgettext_lazy("endorsement status", "Declined")
    WITHDRAWN = "withdrawn", pgettext_lazy("endorsement status", "Withdrawn")


OPEN = (Status.PENDING, Status.APPROVED)


class Endorsement(models.Model):
    """An organisation's name under an initiative, given by its contact person.

    At most one pending or approved endorsement per initiative and organisation (a partial
    unique constraint, so two contacts endorsing at once cannot both land).
    """

    initiative = models.ForeignKey(
        Initiative,
        on_delete=models.PROTECT,
        related_name="endorsements",
        verbose_name=_("initiative"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="endorsements",
        verbose_name=_("organisation"),
    )
    endorsed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("endorsed by"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    endorsed_at = models.DateTimeField(_("endorsed"), auto_now_add=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("withdrawn by"),
    )
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-endorsed_at"]
        verbose_name = _("endorsement")
        verbose_name_plural = _("endorsements")
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "organisation"],
                condition=Q(status__in=["pending", "approved"]),
                name="advocacy_endorsement_one_open",
            ),
        ]
        indexes = [models.Index(fields=["initiative", "status"])]

    def __str__(self) -> str:
        return f"{self.organisation} · {self.initiative}"


class ShownAs(models.TextChoices):
    HANDLE = "handle", _("My public handle")
    REAL_NAME = "real name", _("My real name")
    COUNTED = "counted", _("No name: count me only")


class Signature(models.Model):
    """A person's name under an initiative that allows individuals, shown as they chose."""

    initiative = models.ForeignKey(
        Initiative,
        on_delete=models.CASCADE,
        related_name="signatures",
        verbose_name=_("initiative"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="advocacy_signatures",
        verbose_name=_("user"),
    )
    shown_as = models.CharField(
        _("shown as"), max_length=10, choices=ShownAs.choices, default=ShownAs.HANDLE
    )
    real_name = models.CharField(_("real name"), max_length=120, blank=True)
    signed_at = models.DateTimeField(_("signed"), auto_now_add=True)

    class Meta:
        ordering = ["signed_at", "pk"]
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "user"], name="advocacy_signature_one_per_person"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.initiative}"

    @property
    def shown_name(self) -> str:
        """The name the page shows ("" when the person chose to be counted only)."""
        if self.shown_as == ShownAs.REAL_NAME:
            return self.real_name
        if self.shown_as == ShownAs.HANDLE:
            return self.user.handle
        return ""


class Delivery(models.Model):
    """One email of this app, sent once: the task takes the row of its key under a lock, sends,
    and stamps sent_at in the same transaction (keys hold ids only, never addresses)."""

    key = models.CharField(_("key"), max_length=120, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("advocacy email delivery")
        verbose_name_plural = _("advocacy email deliveries")

    def __str__(self) -> str:
        return self.key
