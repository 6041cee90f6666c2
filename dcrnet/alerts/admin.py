from django.contrib import admin
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import Alert, Region, Substance, Webhook


@admin.register(Substance)
class SubstanceAdmin(SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["name", "kind", "inchikey", "watch_list"]
    list_filter = ["kind", "watch_list"]
    search_fields = ["name", "inchikey", "slug"]


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "country"]
    search_fields = ["name"]
    filter_horizontal = ["facilities"]


@admin.register(Alert)
class AlertAdmin(SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["title", "grade", "week", "issued", "retracted"]
    list_filter = ["grade"]
    readonly_fields = ["signal", "version", "issued"]


@admin.register(Webhook)
class WebhookAdmin(admin.ModelAdmin):
    list_display = ["name", "url", "active"]
