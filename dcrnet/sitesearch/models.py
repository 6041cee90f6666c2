"""The site index: one row per searchable thing of the other sections (and per language it is
written in), with the facts a query needs to decide who may read it. Derived data: the
sections' own rows are the truth, `indexing` keeps these in step with them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from dcrnet.lib.search import SearchVectorColumn


class Kind(models.TextChoices):
    """What the index holds, in the order the results page shows the groups (the evidence
    library, searched by its own index, comes after the countries)."""

    FACILITY = "facility", _("Facilities")
    COUNTRY = "country", _("Countries")
    DOCUMENT = "document", _("Documents")
    NEWS = "news", pgettext_lazy("kind of search result", "News")
    INITIATIVE = "initiative", _("Advocacy initiatives")
    TRAINING = "training", _("Trainings")
    EVENT = "event", _("Policy events")
    FORUM = "forum", _("Forum posts")
    PROJECT = "project", _("Planning projects")


class EntryManager(models.Manager):
    def get_queryset(self) -> models.QuerySet:
        # The tsvector (PostgreSQL) is written and searched by lib.search, never read here.
        return super().get_queryset().defer("search_vector")


class Entry(models.Model):
    """What one searchable thing says, in one language ("" or English: the base entry, shown in
    every language that has no entry of its own, see `translations`)."""

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField(_("object id"))
    language = models.CharField(_("language"), max_length=8, blank=True)
    translations = models.PositiveSmallIntegerField(
        _("languages with an entry of their own"), default=0
    )  # bits by the position of the language in settings.LANGUAGES
    key = models.CharField(_("address key"), max_length=200)
    title = models.TextField(_("title"))
    keywords = models.TextField(_("keywords"), blank=True)
    text = models.TextField(_("text"), blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    public = models.BooleanField(_("readable by anyone"), default=False)
    public_from = models.DateTimeField(_("readable by anyone from"), null=True, blank=True)
    forum_category = models.PositiveBigIntegerField(_("forum category"), null=True, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who may also read it"),
    )
    search_vector = SearchVectorColumn(_("search index"), null=True, editable=False)

    objects = EntryManager()

    class Meta:
        verbose_name = _("site search entry")
        verbose_name_plural = _("site search entries")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id", "language"], name="sitesearch_entry_one_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id} {self.language}".strip()
