"""Admin for editors and staff: the dictionary, values (with history), the survey."""

from __future__ import annotations

from django.conf import settings
from django.contrib import admin
from django.utils import translation
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from . import survey
from .models import (
    DictionaryRelease,
    Indicator,
    MonthlyValue,
    SurveyEmail,
    SurveyResponse,
    SurveyYear,
    YearlyValue,
)


@admin.register(DictionaryRelease)
class DictionaryReleaseAdmin(TranslationAdmin):
    """Every language's "what changed" side by side (plain TranslationAdmin: no script)."""

    list_display = ["version", "released"]


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin, TranslationAdmin):
    """Names and definitions in every language side by side, with the history of changes."""

    list_display = ["code", "title", "unit", "breakdown", "headline", "added_in", "retired_in"]
    list_filter = ["unit", "breakdown", "headline"]
    search_fields = ["code", *(f"title_{code}" for code, _name in settings.LANGUAGES)]

    def save_model(self, request, obj, form, change):
        # The base columns, and so the history's copy of the text, hold the English version
        # whatever the language of the admin page.
        with translation.override(settings.LANGUAGE_CODE):
            super().save_model(request, obj, form, change)


@admin.register(MonthlyValue)
class MonthlyValueAdmin(SimpleHistoryAdmin):
    list_display = ["facility", "month", "indicator", "breakdown", "value", "synthetic"]
    list_filter = ["synthetic", "indicator"]
    search_fields = ["facility__public_id", "facility__name"]
    raw_id_fields = ["facility"]
    date_hierarchy = "month"

    def has_add_permission(self, request):
        # Values come from reporters (form, CSV, API) so that validation always applies.
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(YearlyValue)
class YearlyValueAdmin(SimpleHistoryAdmin):
    list_display = ["facility", "indicator", "period_start", "period_end", "value", "qualifier"]
    raw_id_fields = ["facility"]


@admin.register(SurveyYear)
class SurveyYearAdmin(admin.ModelAdmin):
    list_display = ["year", "questionnaire", "opened", "closes"]
    readonly_fields = ["questionnaire", "questions", "opened", "opened_by"]

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
        else:
            opened, _created = survey.open_survey_year(
                obj.year, user=request.user, closes=obj.closes
            )
            obj.pk = opened.pk


@admin.register(SurveyResponse)
class SurveyResponseAdmin(SimpleHistoryAdmin):
    list_display = ["survey", "facility", "status", "submitted", "decided"]
    list_filter = ["survey", "status"]
    readonly_fields = ["answers", "status", "submitted", "decided", "decided_by", "snapshot"]
    raw_id_fields = ["facility"]


@admin.register(SurveyEmail)
class SurveyEmailAdmin(admin.ModelAdmin):
    list_display = ["survey", "facility", "kind", "queued", "sent"]
    list_filter = ["survey", "kind"]
    raw_id_fields = ["facility", "user"]
