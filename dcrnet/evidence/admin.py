"""Editors keep the library here; simple-history records every change. Vocabulary terms and
evidence summaries show every language's text side by side (plain TranslationAdmin, no script)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import EvidenceSummary, Person, Reference, Suggestion, Term


class PersonInline(admin.TabularInline):
    model = Person
    extra = 1
    fields = ["role", "position", "family", "given", "literal"]


@admin.register(Reference)
class ReferenceAdmin(SimpleHistoryAdmin):
    list_display = ["title", "year", "csl_type", "doi", "pmid", "created"]
    list_filter = ["csl_type", "terms", "countries"]
    search_fields = ["title", "doi", "pmid", "people__family", "people__literal"]
    filter_horizontal = ["terms", "facilities", "countries"]
    inlines = [PersonInline]
    date_hierarchy = "created"
    fieldsets = [
        (None, {"fields": ["csl_type", "title", "container_title"]}),
        (_("Date"), {"fields": ["year", "month", "day"]}),
        (_("Locator"), {"fields": ["volume", "issue", "page", "publisher", "publisher_place"]}),
        (_("Identifiers"), {"fields": ["doi", "pmid", "url", "language"]}),
        (_("Content"), {"fields": ["abstract", "keywords", "notes"]}),
        (_("Tags and links"), {"fields": ["terms", "countries", "facilities"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).distinct()


LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


@admin.register(Term)
class TermAdmin(SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["name", "vocabulary", "code", "slug", "position"]
    list_filter = ["vocabulary"]
    list_editable = ["position"]
    search_fields = [*(f"name_{code}" for code in LANGUAGE_CODES), "code", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(EvidenceSummary)
class EvidenceSummaryAdmin(SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["outcome", "certainty", "updated"]
    list_filter = ["certainty"]
    autocomplete_fields = ["references"]


@admin.register(Suggestion)
class SuggestionAdmin(admin.ModelAdmin):
    """The moderation queue: pending suggestions first."""

    list_display = ["__str__", "state", "created", "email"]
    list_filter = ["state"]
    search_fields = ["doi", "pmid", "citation", "note"]
    readonly_fields = ["doi", "pmid", "citation", "note", "email", "created"]
    fields = ["doi", "pmid", "citation", "note", "email", "created", "state", "reference"]
    raw_id_fields = ["reference"]
    actions = ["accept", "reject"]
    ordering = ["state", "-created"]

    @admin.action(description=_("Mark as accepted"))
    def accept(self, request, queryset):
        n = queryset.update(state=Suggestion.State.ACCEPTED)
        self.message_user(
            request, ngettext("%d accepted.", "%d accepted.", n) % n, messages.SUCCESS
        )

    @admin.action(description=_("Mark as rejected"))
    def reject(self, request, queryset):
        n = queryset.update(state=Suggestion.State.REJECTED)
        self.message_user(
            request, ngettext("%d rejected.", "%d rejected.", n) % n, messages.SUCCESS
        )
