"""Editable pages: home introduction, About, What is a DCR, DCR models, and any others."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

# Translated content (translation.py). The history records the base columns, which hold the
# English text; the per-language columns that django-modeltranslation adds after the historical
# model exists are left out, or every save would pass the history fields it lacks.
TRANSLATED_FIELDS = ("title", "summary", "body")
TRANSLATION_COLUMNS = [
    f"{field}_{code}" for field in TRANSLATED_FIELDS for code, _n in settings.LANGUAGES
]


# The page whose text introduces the home page (its address is the site's root).
HOME_SLUG = "home"


class PageQuerySet(models.QuerySet):
    def published(self) -> PageQuerySet:
        return self.filter(published=True)

    def home(self) -> Page | None:
        """The home page's introduction if it is published, else None (one query)."""
        return self.published().filter(slug=HOME_SLUG).first()

    def in_menu(self) -> PageQuerySet:
        return self.published().filter(menu_order__isnull=False).order_by("menu_order")


class Page(models.Model):
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    body = models.TextField(_("body"), help_text=_("Markdown."))
    menu_order = models.PositiveSmallIntegerField(
        _("position in the main menu"), null=True, blank=True
    )
    published = models.BooleanField(_("published"), default=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=TRANSLATION_COLUMNS)

    objects = PageQuerySet.as_manager()

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        # The base columns and the history's copy hold the English text whatever the language
        # of the page that saves (the base field's value is the active language's).
        with translation.override(settings.LANGUAGE_CODE):
            super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        if self.slug == HOME_SLUG:
            return reverse("home")
        return reverse("pages:page", args=[self.slug])
