"""Editors write news here (every language side by side, sources inline, history), and publish a
facility's status change or a policy event as news with one click: the "Publish as news" action
on the list of status changes below and on the policy events' list."""

from __future__ import annotations

from django.conf import settings
from django.contrib import admin, messages
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

import dcrnet.policy.admin  # noqa: F401 - registers the events' admin, which gains an action here
from dcrnet.policy.models import Event

from . import services
from .models import Article, SourceLink, StatusChangeNews, Tag

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class InEnglishMixin:
    def save_model(self, request, obj, form, change):
        # The base columns, and so the history's copy of the texts, hold the English version
        # whatever the language of the admin page.
        with translation.override(settings.LANGUAGE_CODE):
            super().save_model(request, obj, form, change)


@admin.register(Tag)
class TagAdmin(InEnglishMixin, SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = ["slug", *(f"name_{code}" for code in LANGUAGE_CODES)]
    prepopulated_fields = {"slug": ["name"]}


class SourceInline(admin.TabularInline):
    model = SourceLink
    extra = 1
    fields = ["title", "url", "position"]


@admin.register(Article)
class ArticleAdmin(InEnglishMixin, SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["title", "status", "published_at", "author"]
    list_filter = ["status", "tags"]
    list_select_related = ["author"]
    search_fields = ["slug", *(f"title_{code}" for code in LANGUAGE_CODES)]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["tags", "facilities", "countries", "references", "initiatives"]
    readonly_fields = ["author", "status_change", "policy_event", "created", "updated"]
    inlines = [SourceInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        (_("Publication"), {"fields": ["status", "published_at", "author"]}),
        (
            _("What it is about"),
            {"fields": ["tags", "facilities", "countries", "references", "initiatives"]},
        ),
        (
            _("Made with one click from"),
            {"fields": ["status_change", "policy_event", "created", "updated"]},
        ),
    ]

    def save_model(self, request, obj, form, change):
        if obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)


def _publish(request, queryset, publish) -> None:
    created = existing = 0
    for obj in queryset:
        _article, made = publish(obj, by=request.user)
        created += made
        existing += not made
    if created:
        message = ngettext(
            "%(count)d article made (published, or a draft where what it tells is not public).",
            "%(count)d articles made (published, or drafts where what they tell is not public).",
            created,
        )
        messages.success(request, message % {"count": created})
    if existing:
        message = ngettext(
            "%(count)d was already published as news: no second article.",
            "%(count)d were already published as news: no second article.",
            existing,
        )
        messages.info(request, message % {"count": existing})


def _editors_only(request) -> bool:
    if services.is_editor(request.user):
        return True
    messages.error(request, services.NotAnEditor.default_message)
    return False


@admin.action(description=_("Publish as news"))
def publish_status_changes(modeladmin, request, queryset) -> None:
    if _editors_only(request):
        _publish(request, queryset.select_related("facility"), services.publish_status_change)


@admin.action(description=_("Publish as news"))
def publish_events(modeladmin, request, queryset) -> None:
    if _editors_only(request):
        _publish(request, queryset, services.publish_event)


@admin.register(StatusChangeNews)
class StatusChangeNewsAdmin(admin.ModelAdmin):
    """The directory's status changes, read-only: they are written on each facility's page
    (directory.services keeps the facility's current status); here they are published."""

    list_display = ["facility", "status", "date", "source", "told_as_news"]
    list_filter = ["status", "facility__country"]
    list_select_related = ["facility", "news_article"]
    search_fields = ["facility__name", "facility__city", "source"]
    date_hierarchy = "date"
    ordering = ["-date", "-pk"]
    actions = [publish_status_changes]

    @admin.display(boolean=True, description=_("told as news"))
    def told_as_news(self, obj) -> bool:
        return hasattr(obj, "news_article")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


# The events' admin (dcrnet.policy.admin) gains the action, so the policy app needs no news.
_events = admin.site._registry[Event]
_events.actions = [*(_events.actions or []), publish_events]
