"""Editors keep the policy tracker here: each event's texts in every language side by side, its
source, and the history of changes. ("Publish as news" is added by the news app.)"""

from __future__ import annotations

from django.conf import settings
from django.contrib import admin
from django.utils import translation
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import Event

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["date", "precision", "country", "kind", "title", "published"]
    list_display_links = ["date", "title"]
    list_filter = ["kind", "published", "country"]
    list_select_related = ["country"]
    search_fields = [f"{field}_{code}" for field in ("title", "summary") for code in LANGUAGE_CODES]
    date_hierarchy = "date"
    autocomplete_fields = ["country", "facility"]
    readonly_fields = ["published_at"]
    fields = [
        "country",
        "date",
        "precision",
        "kind",
        "title",
        "summary",
        "facility",
        "source_title",
        "source_url",
        "published",
        "published_at",
    ]

    def save_model(self, request, obj, form, change):
        # The base columns, and so the history's copy of the texts, hold the English version
        # whatever the language of the admin page.
        with translation.override(settings.LANGUAGE_CODE):
            super().save_model(request, obj, form, change)
