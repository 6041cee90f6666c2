"""Experts who can be asked for help, and the help requests routed to them."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from dcrnet.community.models import ExpertiseTag


class ExpertQuerySet(models.QuerySet):
    def available(self) -> ExpertQuerySet:
        """Experts who take requests now (active, with an active account)."""
        return self.filter(active=True, user__is_active=True)

    def for_expertise(self, tag) -> ExpertQuerySet:
        return self.available().filter(expertise=tag)


class Expert(models.Model):
    """A member who opted in to be asked for help: what about, in which languages, for which
    countries, and how much time they can give. Leaving is `active = False` (or deleting it)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="expert",
        verbose_name=_("member"),
    )
    bio = models.TextField(
        _("about your experience"), help_text=_("Shown to members and to people you help.")
    )
    expertise = models.ManyToManyField(
        ExpertiseTag, related_name="experts", verbose_name=_("expertise")
    )
    # ISO 639-1 codes: experts speak more languages than the site has.
    languages = models.JSONField(_("languages"), default=list)
    countries = CountryField(_("countries"), multiple=True, blank=True)
    hours_per_month = models.PositiveSmallIntegerField(_("hours a month you can give"), default=2)
    max_open_requests = models.PositiveSmallIntegerField(
        _("requests at a time"), default=2, help_text=_("How many open requests you take at once.")
    )
    active = models.BooleanField(_("available"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    is_demo = models.BooleanField(_("demonstration entry"), default=False)

    objects = ExpertQuerySet.as_manager()

    class Meta:
        ordering = ["user__handle"]
        verbose_name = _("expert")
        verbose_name_plural = _("experts")

    def __str__(self) -> str:
        return self.user.handle or str(self.pk)


class RequestStatus(models.TextChoices):
    NEW = "new", pgettext_lazy("help request status", "New")
    ROUTED = "routed", pgettext_lazy("help request status", "Sent to experts")
    ANSWERED = "answered", pgettext_lazy("help request status", "In conversation")
    CLOSED = "closed", pgettext_lazy("help request status", "Closed")


class HelpRequest(models.Model):
    """A need described by anyone, signed in or not. Never health details about anyone (the form
    says so). An anonymous requester is reached at `email` and replies through a signed link."""

    public_id = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    topic = models.ForeignKey(
        ExpertiseTag,
        on_delete=models.PROTECT,
        related_name="help_requests",
        verbose_name=_("topic"),
    )
    country = CountryField(_("country"), blank=True)
    language = models.CharField(_("language"), max_length=8)
    text = models.TextField(_("what you need"))
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="help_requests",
        verbose_name=_("requester"),
    )
    email = models.EmailField(_("email address"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.NEW
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    routed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("routed by"),
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("help request")
        verbose_name_plural = _("help requests")
        constraints = [
            models.CheckConstraint(
                condition=Q(requester__isnull=False) | ~Q(email=""),
                name="help_request_reachable",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.topic} ({self.created_at:%Y-%m-%d})"


class AssignmentStatus(models.TextChoices):
    PROPOSED = "proposed", pgettext_lazy("assignment status", "Proposed")
    INVITED = "invited", pgettext_lazy("assignment status", "Asked")
    ACCEPTED = "accepted", pgettext_lazy("assignment status", "Accepted")
    DECLINED = "declined", pgettext_lazy("assignment status", "Declined")


class Assignment(models.Model):
    """An expert for a request: proposed by the matching, asked by staff, accepted or declined by
    the expert. Only accepted experts read the request's conversation."""

    request = models.ForeignKey(
        HelpRequest, on_delete=models.CASCADE, related_name="assignments", verbose_name=_("request")
    )
    expert = models.ForeignKey(
        Expert, on_delete=models.CASCADE, related_name="assignments", verbose_name=_("expert")
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=AssignmentStatus.choices,
        default=AssignmentStatus.PROPOSED,
    )
    rank = models.PositiveSmallIntegerField(_("rank in the proposal"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        ordering = ["request", "rank"]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [
            models.UniqueConstraint(fields=["request", "expert"], name="unique_assignment"),
        ]

    def __str__(self) -> str:
        return f"{self.request} → {self.expert}"


class Message(models.Model):
    """One message of a request's private conversation (requester, accepted experts, staff).

    `author` is empty for an anonymous requester (who writes through the signed link)."""

    request = models.ForeignKey(
        HelpRequest, on_delete=models.CASCADE, related_name="messages", verbose_name=_("request")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    from_requester = models.BooleanField(_("from the requester"), default=False)
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["request", "created_at", "id"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self) -> str:
        return f"{self.request}: {self.created_at:%Y-%m-%d %H:%M}"


class Delivery(models.Model):
    """One email of this app, sent once: the task takes the row of its key under a lock, sends,
    and stamps sent_at in the same transaction (keys hold ids only, never addresses)."""

    key = models.CharField(_("key"), max_length=120, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("email delivery")
        verbose_name_plural = _("email deliveries")

    def __str__(self) -> str:
        return self.key
