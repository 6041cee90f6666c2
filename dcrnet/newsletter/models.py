"""The monthly newsletter: its subscribers (double opt-in), its issues and one `Send` row per
issue and subscriber, which makes sending an issue resumable without sending anything twice.

A subscriber is an email address, with or without an account. Links in emails carry a token
signed for one purpose over the subscriber's random `public_id` (tokens.py), never the row id.
Unsubscribed and bounced addresses stay as a suppression record (the address, its status and
the dates): nobody on it is mailed again until they subscribe again through a new double
opt-in.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from dcrnet.directory.models import translation_columns

ISSUE_TEXT = ("title", "intro")


class Status(models.TextChoices):
    PENDING = "pending", pgettext_lazy("newsletter subscriber", "Waiting for confirmation")
    CONFIRMED = "confirmed", pgettext_lazy("newsletter subscriber", "Subscribed")
    UNSUBSCRIBED = "unsubscribed", pgettext_lazy("newsletter subscriber", "Unsubscribed")
    BOUNCED = "bounced", pgettext_lazy("newsletter subscriber", "Bounced")


# Addresses never mailed with the newsletter again (until a new double opt-in).
SUPPRESSED = (Status.UNSUBSCRIBED, Status.BOUNCED)


class SubscriberQuerySet(models.QuerySet):
    def receiving(self) -> SubscriberQuerySet:
        """Those who get the newsletter: confirmed, and neither unsubscribed nor bounced."""
        return self.filter(status=Status.CONFIRMED)

    def of_addresses(self, addresses) -> SubscriberQuerySet:
        return self.filter(email__in=[normalise(address) for address in addresses if address])


def normalise(address: str) -> str:
    """Addresses are stored and compared in lower case (one row per mailbox, as people type)."""
    return (address or "").strip().lower()


class Subscriber(models.Model):
    public_id = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    email = models.EmailField(_("email address"), max_length=254, unique=True)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="newsletter_subscriptions",
        verbose_name=_("account"),
    )
    # The consent: the notice shown beside the unticked box, and when it was ticked.
    notice_version = models.CharField(_("notice version"), max_length=20, blank=True)
    consented_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    # The latest request to subscribe; a confirmation email is sent once for each.
    requested_at = models.DateTimeField(_("subscription requested"), null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(_("confirmation sent"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    bounced_at = models.DateTimeField(_("bounced"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")
        ordering = ["pk"]
        indexes = [models.Index(fields=["status", "id"])]

    def __str__(self) -> str:
        return self.email


class IssueStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("newsletter issue", "Draft")
    APPROVED = "approved", pgettext_lazy("newsletter issue", "Approved: sending")
    SENT = "sent", pgettext_lazy("newsletter issue", "Sent")


class Issue(models.Model):
    """A monthly digest: an editor's introduction, and what the month brought (composed in each
    subscriber's language when it is sent: the highlight, news, evidence, trainings)."""

    month = models.DateField(
        _("month"),
        unique=True,
        help_text=_("Any day in the month: the issue gathers what that month brought."),
    )
    title = models.CharField(
        _("subject"),
        max_length=200,
        blank=True,
        help_text=_("The email's subject; empty: “DCR Network newsletter, <month>”."),
    )
    intro = models.TextField(
        _("editor's introduction"), help_text=_("Markdown, at the top of the newsletter.")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=IssueStatus.choices, default=IssueStatus.DRAFT
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    finished_at = models.DateTimeField(_("sending finished"), null=True, blank=True)
    recipient_count = models.PositiveIntegerField(_("emails sent"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=translation_columns(ISSUE_TEXT))

    class Meta:
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")
        ordering = ["-month"]

    def __str__(self) -> str:
        return date_format(self.month, "YEAR_MONTH_FORMAT")

    def save(self, *args, **kwargs) -> None:
        self.month = self.month.replace(day=1)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("newsletter:preview", kwargs={"issue_id": self.pk})

    @property
    def is_draft(self) -> bool:
        return self.status == IssueStatus.DRAFT


class Send(models.Model):
    """One issue to one subscriber, sent once: the task locks this row, sends, and stamps
    sent_at in the same transaction (a failed send rolls back, so a rerun sends it)."""

    issue = models.ForeignKey(
        Issue, on_delete=models.CASCADE, related_name="sends", verbose_name=_("issue")
    )
    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="sends", verbose_name=_("subscriber")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # The mail server refused the address: not retried (staff may mark it bounced).
    refused_at = models.DateTimeField(_("refused by the mail server"), null=True, blank=True)

    class Meta:
        verbose_name = _("newsletter email")
        verbose_name_plural = _("newsletter emails")
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "subscriber"], name="newsletter_send_once_per_subscriber"
            )
        ]

    def __str__(self) -> str:
        return f"{self.issue} → {self.subscriber_id}"
