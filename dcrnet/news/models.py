"""News: articles by editors, with tags, what they are about (facilities, countries, evidence,
initiatives) and their sources; one click turns a facility's status change or a policy event into
an article (services.py)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from dcrnet.advocacy.models import Initiative
from dcrnet.directory.models import Country, Facility, StatusChange, translation_columns
from dcrnet.evidence.models import Reference
from dcrnet.policy.models import Event

# Translated with django-modeltranslation (translation.py); the history keeps the English column.
ARTICLE_TEXT = ("title", "summary", "body")
TAG_TEXT = ("name",)
# Paths of the news section that an article's slug would hide.
RESERVED_SLUGS = frozenset({"tag", "newsroom", "publish", "feed"})


def sees_drafts(user) -> bool:
    """Editors (whoever may change articles) see drafts and articles scheduled for later."""
    return bool(getattr(user, "is_authenticated", False) and user.has_perm("news.change_article"))


class Tag(models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=100)
    history = HistoricalRecords(excluded_fields=translation_columns(TAG_TEXT))

    class Meta:
        verbose_name = _("news tag")
        verbose_name_plural = _("news tags")
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("news:tag", args=[self.slug])


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class ArticleQuerySet(models.QuerySet):
    def public(self, now: dt.datetime | None = None) -> ArticleQuerySet:
        """Published, and their publication time has come."""
        return self.filter(status=ArticleStatus.PUBLISHED, published_at__lte=now or timezone.now())

    def visible_to(self, user) -> ArticleQuerySet:
        return self.all() if sees_drafts(user) else self.public()

    def latest_first(self) -> ArticleQuerySet:
        # Drafts (no date yet) come first for editors: they are what is being worked on.
        return self.order_by(models.F("published_at").desc(nulls_first=True), "-pk")

    def in_month(self, year: int, month: int | None = None) -> ArticleQuerySet:
        qs = self.filter(published_at__year=year)
        return qs.filter(published_at__month=month) if month else qs

    def for_list(self) -> ArticleQuerySet:
        return self.prefetch_related("tags")


class Article(models.Model):
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), help_text=_("One or two sentences, plain text."))
    body = models.TextField(_("text"), blank=True, help_text=_("Markdown."))
    status = models.CharField(
        _("status"), max_length=10, choices=ArticleStatus.choices, default=ArticleStatus.DRAFT
    )
    published_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        help_text=_("Set when the article is published; a later time schedules it."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="news_articles",
        verbose_name=_("author"),
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="articles", verbose_name=_("tags"))
    facilities = models.ManyToManyField(
        Facility, blank=True, related_name="news_articles", verbose_name=_("facilities")
    )
    countries = models.ManyToManyField(
        Country, blank=True, related_name="news_articles", verbose_name=_("countries")
    )
    references = models.ManyToManyField(
        Reference, blank=True, related_name="news_articles", verbose_name=_("evidence references")
    )
    initiatives = models.ManyToManyField(
        Initiative, blank=True, related_name="news_articles", verbose_name=_("initiatives")
    )
    # Where a one-click article came from: at most one article per status change or event.
    status_change = models.OneToOneField(
        StatusChange,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="news_article",
        verbose_name=_("from the status change"),
    )
    policy_event = models.OneToOneField(
        Event,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="news_article",
        verbose_name=_("from the policy event"),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=translation_columns(ARTICLE_TEXT))

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["status", "published_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False),
                name="news_published_has_a_time",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        if self.status == ArticleStatus.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "published_at"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("news:article", args=[self.slug])

    def clean(self) -> None:
        super().clean()
        if self.slug in RESERVED_SLUGS or (self.slug or "").isdigit():
            message = _("“%(slug)s” is the address of another page of the news section.")
            raise ValidationError({"slug": message % {"slug": self.slug}})

    @property
    def is_public(self) -> bool:
        return (
            self.status == ArticleStatus.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )


class SourceLink(models.Model):
    """A source the article cites, in the order given."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="sources", verbose_name=_("article")
    )
    title = models.CharField(_("source title"), max_length=300)
    url = models.URLField(_("source URL"), max_length=500, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


class StatusChangeNews(StatusChange):
    """The directory's status changes as the news section lists them, to publish one as news
    (a read-only list in the admin with the "publish as news" action)."""

    class Meta:
        proxy = True
        verbose_name = _("status change to publish")
        verbose_name_plural = _("status changes to publish")
