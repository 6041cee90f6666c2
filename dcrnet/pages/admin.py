from django.conf import settings
from django.contrib import admin
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import Page

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


@admin.register(Page)
class PageAdmin(SimpleHistoryAdmin, TranslationAdmin):
    """Title, summary and body in every language side by side (plain TranslationAdmin: no
    script), with the history of changes."""

    list_display = ["title", "slug", "menu_order", "published", "updated"]
    list_editable = ["menu_order", "published"]
    search_fields = [f"{field}_{code}" for field in ("title", "body") for code in LANGUAGE_CODES]
    prepopulated_fields = {"slug": ["title"]}
