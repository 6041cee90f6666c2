from django.contrib import admin
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import Parameter, Preset, PresetValue


@admin.register(Parameter)
class ParameterAdmin(SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["key", "label", "group", "default", "low", "high", "unit", "verified"]
    list_filter = ["group", "unit", "verified"]
    search_fields = ["key", "label"]
    autocomplete_fields = ["source"]


class PresetValueInline(admin.TabularInline):
    model = PresetValue
    extra = 0
    autocomplete_fields = ["parameter"]


@admin.register(Preset)
class PresetAdmin(SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["slug", "name", "currency", "price_year"]
    autocomplete_fields = ["source"]
    inlines = [PresetValueInline]
