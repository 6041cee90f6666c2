"""Editors maintain the guide: each step's texts in every language side by side, the documents
and evidence that help, and examples from facilities (inline), with the history of changes."""

from django.conf import settings
from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline
from simple_history.admin import SimpleHistoryAdmin

from .models import Example, Step

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class ExampleInline(TranslationStackedInline):
    model = Example
    extra = 0
    raw_id_fields = ["facility"]
    fields = ["facility", "note", "source", "source_url"]


@admin.register(Step)
class StepAdmin(SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["number", "title", "slug", "expertise", "updated_at"]
    list_display_links = ["number", "title"]
    list_select_related = ["expertise"]
    search_fields = [f"{field}_{code}" for field in ("title", "body") for code in LANGUAGE_CODES]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["documents", "references"]
    inlines = [ExampleInline]


@admin.register(Example)
class ExampleAdmin(SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["step", "facility", "source"]
    list_select_related = ["step", "facility"]
    list_filter = ["step"]
    search_fields = ["facility__name", "source"]
    raw_id_fields = ["facility"]
