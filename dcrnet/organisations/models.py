"""Organisations of the network and who belongs to them (as an individual or through one)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from dcrnet.directory.models import Facility


class Kind(models.TextChoices):
    DCR_OPERATOR = "dcr operator", _("DCR operator")
    PEER_GROUP = "peer group", _("Peer group of people who use drugs")
    RESEARCH = "research", _("Research institute")
    PUBLIC_BODY = "public body", _("Public body")
    NGO = "ngo", _("NGO")


class Status(models.TextChoices):
    PENDING = "pending", _("Waiting for a decision")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")


class Organisation(models.Model):
    """An organisation that applied to join; public once approved."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind of organisation"), max_length=20, choices=Kind.choices)
    country = CountryField(_("country"), blank=True)
    website = models.URLField(_("website"), blank=True)
    facilities = models.ManyToManyField(
        Facility, blank=True, related_name="organisations", verbose_name=_("facilities")
    )
    statement = models.TextField(_("statement"), help_text=_("Why the organisation joins."))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("applied by"),
    )
    applied_at = models.DateTimeField(_("applied"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    # Where the facts about an organisation of the demo come from (empty for real applications).
    source = models.URLField(_("source"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name


class MembershipRole(models.TextChoices):
    CONTACT = "contact", _("Contact person")
    MEMBER = "member", _("Member")


class Membership(models.Model):
    """A person's application to the network, as an individual (no organisation) or on behalf of
    an organisation; approved, it makes them a member (the member role).

    At most one pending or approved membership per person and organisation, and per person as
    an individual (constraints, so two parallel applications cannot both land).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    role = models.CharField(
        _("role"), max_length=10, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    statement = models.TextField(_("statement"), blank=True)
    listed = models.BooleanField(_("list me on the organisation's page"), default=False)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    applied_at = models.DateTimeField(_("applied"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-applied_at"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"],
                condition=Q(status__in=["pending", "approved"], organisation__isnull=False),
                name="organisations_membership_one_open",
            ),
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(status__in=["pending", "approved"], organisation__isnull=True),
                name="organisations_membership_one_open_individual",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.organisation or _('individual')}"
