"""Editors manage the directory here; every change is kept by simple-history."""

from __future__ import annotations

from django.conf import settings
from django.contrib import admin
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from . import services
from .models import (
    Country,
    Facility,
    Highlight,
    OpeningHours,
    ProfileSnapshot,
    SnapshotCriterion,
    SnapshotRoute,
    SnapshotService,
    StatusChange,
)


class StatusChangeInline(admin.TabularInline):
    model = StatusChange
    extra = 0
    fields = ["date", "status", "note", "source", "source_url", "source_accessed"]


def in_every_language(*fields: str) -> list[str]:
    return [f"{field}_{code}" for field in fields for code, _name in settings.LANGUAGES]


class TranslatedHistoryAdmin(SimpleHistoryAdmin, TranslationAdmin):
    """Every language's text side by side (plain TranslationAdmin: no script), with history."""

    def save_model(self, request, obj, form, change):
        # The base columns, and so the history's copy of the text, hold the English version
        # whatever the language of the admin page.
        with translation.override(settings.LANGUAGE_CODE):
            super().save_model(request, obj, form, change)


@admin.register(Country)
class CountryAdmin(TranslatedHistoryAdmin):
    list_display = ["__str__", "code", "as_of", "updated"]
    search_fields = ["code", *in_every_language("legal_basis", "political_situation")]


@admin.register(Facility)
class FacilityAdmin(SimpleHistoryAdmin):
    list_display = ["name", "city", "country", "status", "model", "published", "source_accessed"]
    list_filter = ["status", "model", "country", "published"]
    search_fields = ["name", "city", "operator", "public_id"]
    readonly_fields = ["status", "status_since", "current_snapshot"]
    filter_horizontal = ["reporters"]
    inlines = [StatusChangeInline]
    fieldsets = [
        (None, {"fields": ["public_id", "name", "operator", "model", "website", "published"]}),
        (_("Where"), {"fields": ["city", "country", "latitude", "longitude"]}),
        (
            _("Source of its name, operator, city and location"),
            {"fields": ["source", "source_url", "source_accessed"]},
        ),
        (
            _("Exact location (only if the operator publishes it)"),
            {"fields": ["publish_exact_location", "address", "exact_latitude", "exact_longitude"]},
        ),
        (_("Description"), {"fields": ["description"]}),
        (_("Derived"), {"fields": ["status", "status_since", "current_snapshot"]}),
        (_("Reporters"), {"fields": ["reporters"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        # The public identifier is fixed once the facility exists.
        return [*self.readonly_fields, "public_id"] if obj else self.readonly_fields

    def save_formset(self, request, form, formset, change):
        if formset.model is not StatusChange:
            return super().save_formset(request, form, formset, change)
        # The status history is written through the directory's services, which keep the
        # facility's current status in step, row by row, inside the admin's transaction.
        entries = formset.save(commit=False)
        for entry in formset.deleted_objects:
            services.delete_status_change(entry, user=request.user)
        for entry in entries:
            services.save_status_change(entry, user=request.user)
        formset.save_m2m()


class RouteInline(admin.TabularInline):
    model = SnapshotRoute
    extra = 0


class ServiceInline(admin.TabularInline):
    model = SnapshotService
    extra = 0


class CriterionInline(admin.TabularInline):
    model = SnapshotCriterion
    extra = 0


class HoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0


@admin.register(ProfileSnapshot)
class ProfileSnapshotAdmin(SimpleHistoryAdmin):
    list_display = ["facility", "as_of", "source", "source_accessed"]
    list_filter = ["facility__country"]
    search_fields = ["facility__name", "source"]
    autocomplete_fields = ["facility"]
    inlines = [RouteInline, HoursInline, CriterionInline, ServiceInline]

    # Snapshots are written through the directory's services, which keep the facility's
    # current profile (its latest snapshot) in step, inside the admin's transaction.
    def save_model(self, request, obj, form, change):
        services.save_snapshot(obj, user=request.user)

    def delete_model(self, request, obj):
        services.delete_snapshot(obj, user=request.user)

    def delete_queryset(self, request, queryset):
        # One by one, so that each facility's current profile moves back to its previous
        # snapshot (a bulk delete would only null the reference and leave the profile empty).
        with transaction.atomic():
            for snapshot in queryset.select_related("facility"):
                services.delete_snapshot(snapshot, user=request.user)


@admin.register(Highlight)
class HighlightAdmin(TranslatedHistoryAdmin):
    list_display = ["month", "facility", "title"]
    search_fields = ["facility__name", *in_every_language("title")]
    autocomplete_fields = ["facility"]
    date_hierarchy = "month"
