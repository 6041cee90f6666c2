"""Best-practice documents: protocols, house rules, user agreements … each with dated versions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from dcrnet.directory.models import Facility
from dcrnet.evidence.models import Reference
from dcrnet.lib.uploads import private_storage, stored_name
from dcrnet.organisations.models import Organisation


class Kind(models.TextChoices):
    PROTOCOL = "protocol", _("Protocol")
    HOUSE_RULES = "house rules", _("House rules")
    USER_AGREEMENT = "user agreement", _("User agreement")
    ADMISSION_FORM = "admission form", _("Admission form")
    OVERDOSE_RESPONSE = "overdose response", _("Overdose response procedure")
    TRAINING_CURRICULUM = "training curriculum", _("Training curriculum")
    POLICY_PAPER = "policy paper", _("Policy paper")
    GUIDANCE = "guidance", _("Guidance or toolkit")


class Perspective(models.TextChoices):
    PROFESSIONAL = "professional", _("Professional perspective")
    PEOPLE_WHO_USE_DRUGS = "people who use drugs", _("Perspective of people who use drugs")
    BOTH = "both", _("Both perspectives")


class Status(models.TextChoices):
    SUGGESTED = "suggested", pgettext_lazy("document status", "Suggested")
    PUBLISHED = "published", pgettext_lazy("document status", "Published")
    DECLINED = "declined", pgettext_lazy("document status", "Declined")


TOPIC_TEXT = ("name",)


class Topic(models.Model):
    """A controlled topic of documents (admission, overdose response, staffing …); editors keep
    the list, translated per language."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return self.name


class DocumentQuerySet(models.QuerySet):
    def published(self) -> DocumentQuerySet:
        return self.filter(status=Status.PUBLISHED)

    def visible_to(self, user) -> DocumentQuerySet:
        """Published documents; an editor sees every suggestion, a member their own."""
        if user.is_authenticated and user.has_perm("documents.change_document"):
            return self
        if user.is_authenticated:
            return self.filter(Q(status=Status.PUBLISHED) | Q(suggested_by=user))
        return self.published()


def file_name(instance, filename: str) -> str:
    return stored_name("documents")


class Document(models.Model):
    """A document that existing rooms use; public once an editor publishes it.

    A member's suggestion is a Document in status "suggested" (visible to its author and
    editors only) until an editor publishes or declines it.
    """

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    summary = models.TextField(_("summary"), blank=True, help_text=_("Markdown."))
    kind = models.CharField(_("kind of document"), max_length=30, choices=Kind.choices)
    perspective = models.CharField(_("perspective"), max_length=30, choices=Perspective.choices)
    topic = models.ForeignKey(
        Topic, on_delete=models.PROTECT, related_name="documents", verbose_name=_("topic")
    )
    country = CountryField(_("country"), blank=True)
    # An ISO 639-1 code: documents exist in many more languages than the site's five.
    language = models.CharField(_("language"), max_length=8)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("organisation"),
    )
    # Organisations that published a document but are not members of the network.
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    licence = models.CharField(_("licence"), max_length=120, blank=True)
    source_url = models.URLField(
        _("source"), max_length=500, blank=True, help_text=_("Where the original is published.")
    )
    facilities = models.ManyToManyField(
        Facility,
        blank=True,
        related_name="documents",
        verbose_name=_("facilities that use it"),
    )
    references = models.ManyToManyField(
        Reference, blank=True, related_name="documents", verbose_name=_("evidence references")
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.SUGGESTED
    )
    suggested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="suggested_documents",
        verbose_name=_("suggested by"),
    )
    suggestion_note = models.TextField(
        _("why this document"), blank=True, help_text=_("For the editors; never published.")
    )
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
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    is_demo = models.BooleanField(_("demonstration entry"), default=False)
    history = HistoricalRecords()

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        indexes = [models.Index(fields=["status", "kind"])]

    def __str__(self) -> str:
        return self.title


class Version(models.Model):
    """One dated version of a document: its file (or, for a document published elsewhere, none:
    the document's source link) and what changed."""

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="versions", verbose_name=_("document")
    )
    number = models.PositiveIntegerField(_("version"))
    date = models.DateField(_("date"))
    change_note = models.TextField(_("what changed"), blank=True)
    file = models.FileField(
        _("file"), storage=private_storage, upload_to=file_name, blank=True, max_length=200
    )
    original_name = models.CharField(_("original file name"), max_length=200, blank=True)
    content_type = models.CharField(_("content type"), max_length=100, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["document", "-number"]
        verbose_name = _("version")
        verbose_name_plural = _("versions")
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="unique_document_version"),
            models.CheckConstraint(condition=Q(number__gte=1), name="document_version_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.document} v{self.number}"
