"""Exchange visits: facilities that receive visitors, and the visits members ask them for.

A facility receives visits once it has a `Host` row, which editors create and give contacts
(the people who answer requests for it). Writes go through services.py.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from dcrnet.directory.models import Facility
from dcrnet.organisations.models import Organisation

MAX_GROUP = 50


class HostQuerySet(models.QuerySet):
    def receiving(self) -> HostQuerySet:
        return self.filter(receives_visits=True, facility__published=True)

    def contact_of(self, user) -> HostQuerySet:
        if not user.is_authenticated:
            return self.none()
        return self.filter(contacts=user)


class Host(models.Model):
    """A facility's terms for visits: whether and when it receives them, for how many people,
    in which languages; and its contacts, who answer the requests."""

    facility = models.OneToOneField(
        Facility, on_delete=models.CASCADE, related_name="visit_host", verbose_name=_("facility")
    )
    receives_visits = models.BooleanField(_("receives visits"), default=True)
    availability = models.TextField(
        _("when visits are possible"),
        blank=True,
        help_text=_("For example “Tuesday and Thursday mornings, not in August”."),
    )
    max_group_size = models.PositiveSmallIntegerField(
        _("largest group"),
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_GROUP)],
    )
    # ISO 639-1 codes.
    languages = models.JSONField(_("languages of the visit"), default=list, blank=True)
    notes = models.TextField(_("what visitors should know"), blank=True)
    contacts = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="visit_hosts",
        verbose_name=_("host contacts"),
        help_text=_("They answer visit requests for this facility."),
    )
    is_demo = models.BooleanField(_("demonstration entry"), default=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = HostQuerySet.as_manager()

    class Meta:
        ordering = ["facility__name"]
        verbose_name = _("visit host")
        verbose_name_plural = _("visit hosts")

    def __str__(self) -> str:
        return str(self.facility)


class VisitStatus(models.TextChoices):
    REQUESTED = "requested", pgettext_lazy("visit", "Requested")
    PROPOSED = "proposed", pgettext_lazy("visit", "Other dates proposed")
    ACCEPTED = "accepted", pgettext_lazy("visit", "Accepted")
    DECLINED = "declined", pgettext_lazy("visit", "Declined")
    WITHDRAWN = "withdrawn", pgettext_lazy("visit", "Withdrawn")


OPEN = (VisitStatus.REQUESTED, VisitStatus.PROPOSED)


class VisitQuerySet(models.QuerySet):
    def involving(self, user) -> VisitQuerySet:
        """Visits a person asked for, or that a facility they are a contact of received."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(Q(requester=user) | Q(host__contacts=user)).distinct()

    def public(self) -> VisitQuerySet:
        """Accepted visits that both sides agreed to show publicly."""
        return self.filter(
            status=VisitStatus.ACCEPTED, public_by_requester=True, public_by_host=True
        )


class Visit(models.Model):
    """A member's request to visit a host facility, and what became of it.

    The host accepts, proposes other dates (which the requester accepts or not) or declines;
    the requester may withdraw. An accepted visit is shown publicly only if both sides agree.
    """

    public_id = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    host = models.ForeignKey(
        Host, on_delete=models.CASCADE, related_name="visits", verbose_name=_("host facility")
    )
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="visits",
        verbose_name=_("requested by"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="visits",
        verbose_name=_("on behalf of"),
    )
    first_date = models.DateField(_("from"))
    last_date = models.DateField(_("until"))
    group_size = models.PositiveSmallIntegerField(
        _("people in the group"), validators=[MinValueValidator(1), MaxValueValidator(MAX_GROUP)]
    )
    purpose = models.TextField(_("purpose of the visit"), max_length=3000)
    languages = models.JSONField(_("languages the group speaks"), default=list)
    status = models.CharField(
        _("status"), max_length=10, choices=VisitStatus.choices, default=VisitStatus.REQUESTED
    )
    proposed_first_date = models.DateField(_("proposed from"), null=True, blank=True)
    proposed_last_date = models.DateField(_("proposed until"), null=True, blank=True)
    host_message = models.TextField(_("message from the host"), max_length=3000, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    public_by_requester = models.BooleanField(
        _("visitors agree to show it publicly"), default=False
    )
    public_by_host = models.BooleanField(_("host agrees to show it publicly"), default=False)
    is_demo = models.BooleanField(_("demonstration entry"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = VisitQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        constraints = [
            models.CheckConstraint(
                condition=Q(last_date__gte=models.F("first_date")), name="visits_dates_in_order"
            ),
            # One open request per person and host: a double submit cannot make two.
            models.UniqueConstraint(
                fields=["host", "requester"],
                condition=Q(status__in=["requested", "proposed"]),
                name="visits_one_open_request",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.host} {self.first_date:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("visits:visit", kwargs={"public_id": self.public_id})

    @property
    def is_open(self) -> bool:
        return self.status in OPEN

    def clean(self) -> None:
        super().clean()
        if self.first_date and self.last_date and self.last_date < self.first_date:
            raise ValidationError({"last_date": _("The last day cannot be before the first.")})


class Delivery(models.Model):
    """One email that was (or is being) sent, by a key of ids: nothing is sent twice."""

    key = models.CharField(_("key"), max_length=200, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("visit email delivery")
        verbose_name_plural = _("visit email deliveries")

    def __str__(self) -> str:
        return self.key


class EventKind(models.TextChoices):
    REQUESTED = "requested", pgettext_lazy("visit event", "Asked for a visit")
    ACCEPTED = "accepted", pgettext_lazy("visit event", "Accepted the visit")
    PROPOSED = "proposed", pgettext_lazy("visit event", "Proposed other dates")
    DECLINED = "declined", pgettext_lazy("visit event", "Declined the visit")
    TOOK_PROPOSAL = "took_proposal", pgettext_lazy("visit event", "Accepted the proposed dates")
    WITHDRAWN = "withdrawn", pgettext_lazy("visit event", "Withdrew the request")


class Event(models.Model):
    """One step in a visit's history: the request, each answer of the host and of the
    requester, with the dates it names and its message. Written only by services.py."""

    visit = models.ForeignKey(
        Visit, on_delete=models.CASCADE, related_name="events", verbose_name=_("visit")
    )
    kind = models.CharField(_("what happened"), max_length=16, choices=EventKind.choices)
    by_host = models.BooleanField(_("on the host's side"), default=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    first_date = models.DateField(_("from"), null=True, blank=True)
    last_date = models.DateField(_("until"), null=True, blank=True)
    message = models.TextField(_("message"), max_length=3000, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("visit event")
        verbose_name_plural = _("visit events")

    def __str__(self) -> str:
        return f"{self.visit_id} {self.kind}"
