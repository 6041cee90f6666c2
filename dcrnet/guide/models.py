"""The guide to opening a DCR: its steps, each with guidance and what helps with it."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from dcrnet.community.models import ExpertiseTag
from dcrnet.directory.models import Facility, translation_columns
from dcrnet.documents.models import Document
from dcrnet.evidence.models import Reference

STEP_TEXT = ("title", "summary", "body")
# Paths of the guide's own pages, which a step's slug would hide.
RESERVED_SLUGS = frozenset({"print"})
EXAMPLE_TEXT = ("note",)


class Step(models.Model):
    """One step of opening a DCR (needs assessment, coalition, legal route …), in order.

    `expertise` is the expertise tag that names this step in the experts' controlled list, so
    the experts who help with a step are those who hold its tag.
    """

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), help_text=_("One or two sentences."))
    body = models.TextField(_("guidance"), help_text=_("Markdown."))
    sources = models.TextField(
        _("sources"), blank=True, help_text=_("Markdown: the sources of the guidance, one a line.")
    )
    expertise = models.OneToOneField(
        ExpertiseTag,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="guide_step",
        verbose_name=_("expertise"),
    )
    documents = models.ManyToManyField(
        Document, blank=True, related_name="guide_steps", verbose_name=_("documents")
    )
    references = models.ManyToManyField(
        Reference, blank=True, related_name="guide_steps", verbose_name=_("evidence references")
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=translation_columns(STEP_TEXT))

    class Meta:
        ordering = ["number"]
        verbose_name = _("guide step")
        verbose_name_plural = _("guide steps")
        constraints = [
            models.CheckConstraint(condition=Q(number__gte=1), name="guide_step_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("guide:step", kwargs={"slug": self.slug})

    def clean(self) -> None:
        super().clean()
        if self.slug in RESERVED_SLUGS:
            message = _("“%(slug)s” is the address of another page of the guide.")
            raise ValidationError({"slug": message % {"slug": self.slug}})


class Example(models.Model):
    """A facility of the directory that shows how a step was done, with a sourced note."""

    step = models.ForeignKey(
        Step, on_delete=models.CASCADE, related_name="examples", verbose_name=_("step")
    )
    facility = models.ForeignKey(
        Facility,
        on_delete=models.CASCADE,
        related_name="guide_examples",
        verbose_name=_("facility"),
    )
    note = models.TextField(_("note"), help_text=_("Markdown: what this facility did."))
    source = models.CharField(_("source"), max_length=300)
    source_url = models.URLField(_("source URL"), max_length=500, blank=True)
    history = HistoricalRecords(excluded_fields=translation_columns(EXAMPLE_TEXT))

    class Meta:
        ordering = ["step", "facility__name"]
        verbose_name = _("example")
        verbose_name_plural = _("examples")
        constraints = [
            models.UniqueConstraint(fields=["step", "facility"], name="unique_guide_example"),
        ]

    def __str__(self) -> str:
        return f"{self.step}: {self.facility}"
