"""Planning projects: a team working through the guide's steps towards opening a DCR.

A project is private to its team and the experts it invites to a step; staff see only
aggregate progress unless the team publishes it.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from dcrnet.directory.models import Facility
from dcrnet.experts.models import Expert
from dcrnet.guide.models import Step
from dcrnet.lib.uploads import private_storage, stored_name
from dcrnet.organisations.models import Organisation


class Project(models.Model):
    name = models.CharField(_("name"), max_length=200)
    city = models.CharField(_("city"), max_length=120)
    country = CountryField(_("country"))
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="planning_projects",
        verbose_name=_("organisation"),
    )
    summary = models.TextField(_("summary"), blank=True)
    published = models.BooleanField(
        _("published"), default=False, help_text=_("Anyone can read a published project.")
    )
    # Set when an editor approves the team's request to list the facility as planned.
    facility = models.OneToOneField(
        Facility,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="planning_project",
        verbose_name=_("planned facility"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    is_demo = models.BooleanField(_("demonstration entry"), default=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("planning project")
        verbose_name_plural = _("planning projects")

    def __str__(self) -> str:
        return self.name


class TeamRole(models.TextChoices):
    LEAD = "lead", _("Lead")
    MEMBER = "member", pgettext_lazy("team role", "Team member")


class TeamMember(models.Model):
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="team", verbose_name=_("project")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="planning_teams",
        verbose_name=_("member"),
    )
    role = models.CharField(
        _("role"), max_length=10, choices=TeamRole.choices, default=TeamRole.MEMBER
    )
    joined_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        ordering = ["project", "joined_at"]
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        constraints = [
            models.UniqueConstraint(fields=["project", "user"], name="unique_team_member"),
        ]

    def __str__(self) -> str:
        return f"{self.project}: {self.user}"


class Invitation(models.Model):
    """An invitation to join a team, sent to a colleague's email; accepted once, by a member
    signed in with that address, before it expires."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("project")
    )
    email = models.EmailField(_("email address"))
    token = models.UUIDField(_("token"), default=uuid.uuid4, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)

    class Meta:
        ordering = ["project", "-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "email"],
                condition=Q(accepted_at__isnull=True),
                name="unique_open_invitation",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project}: {self.email}"


class StepStatus(models.TextChoices):
    NOT_STARTED = "not started", _("Not started")
    IN_PROGRESS = "in progress", _("In progress")
    DONE = "done", _("Done")
    NOT_APPLICABLE = "not applicable", _("Does not apply")


class StepWork(models.Model):
    """A project's work on one step of the guide: the checklist row."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="steps", verbose_name=_("project")
    )
    step = models.ForeignKey(
        Step, on_delete=models.PROTECT, related_name="work", verbose_name=_("step")
    )
    status = models.CharField(
        _("status"), max_length=15, choices=StepStatus.choices, default=StepStatus.NOT_STARTED
    )
    notes = models.TextField(_("notes"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )
    due = models.DateField(_("due date"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    experts = models.ManyToManyField(
        Expert,
        through="ExpertInvitation",
        blank=True,
        related_name="planning_steps",
        verbose_name=_("invited experts"),
    )

    class Meta:
        ordering = ["project", "step__number"]
        verbose_name = _("step of a project")
        verbose_name_plural = _("steps of projects")
        constraints = [
            models.UniqueConstraint(fields=["project", "step"], name="unique_project_step"),
        ]

    def __str__(self) -> str:
        return f"{self.project}: {self.step}"


class Decision(models.Model):
    work = models.ForeignKey(
        StepWork, on_delete=models.CASCADE, related_name="decisions", verbose_name=_("step")
    )
    text = models.TextField(_("decision"))
    decided_on = models.DateField(_("decided on"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["work", "decided_on", "id"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return f"{self.work}: {self.decided_on}"


def attachment_name(instance, filename: str) -> str:
    return stored_name("planning")


class Attachment(models.Model):
    work = models.ForeignKey(
        StepWork, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("step")
    )
    file = models.FileField(
        _("file"), storage=private_storage, upload_to=attachment_name, max_length=200
    )
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["work", "created_at", "id"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.original_name


class ExpertInvitation(models.Model):
    """An expert the team invited to comment on one step: they read that step (and the project's
    name, city and country), and comment on it; nothing else of the project."""

    work = models.ForeignKey(
        StepWork,
        on_delete=models.CASCADE,
        related_name="expert_invitations",
        verbose_name=_("step"),
    )
    expert = models.ForeignKey(
        Expert,
        on_delete=models.CASCADE,
        related_name="planning_invitations",
        verbose_name=_("expert"),
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["work", "created_at"]
        verbose_name = _("expert invitation")
        verbose_name_plural = _("expert invitations")
        constraints = [
            models.UniqueConstraint(fields=["work", "expert"], name="unique_expert_invitation"),
        ]

    def __str__(self) -> str:
        return f"{self.work}: {self.expert}"


class Comment(models.Model):
    work = models.ForeignKey(
        StepWork, on_delete=models.CASCADE, related_name="comments", verbose_name=_("step")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    body = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["work", "created_at", "id"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self) -> str:
        return f"{self.work}: {self.created_at:%Y-%m-%d %H:%M}"


class ListingStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an editor")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")


class ListingRequest(models.Model):
    """A team's request to show its facility as "planned" in the directory; an editor approves
    (creating the facility with a planned status) or declines with a reason."""

    project = models.ForeignKey(
        Project,
        on_delete=models.CASCADE,
        related_name="listing_requests",
        verbose_name=_("project"),
    )
    name = models.CharField(_("facility name"), max_length=200)
    city = models.CharField(_("city"), max_length=120)
    country = CountryField(_("country"))
    public_note = models.TextField(_("what the directory may say"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ListingStatus.choices, default=ListingStatus.PENDING
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("listing request")
        verbose_name_plural = _("listing requests")
        constraints = [
            models.UniqueConstraint(
                fields=["project"],
                condition=Q(status="pending"),
                name="one_pending_listing_request",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project}: {self.name}"
