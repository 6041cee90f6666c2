from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Page


@admin.register(Page)
class PageAdmin(SimpleHistoryAdmin):
    list_display = ["title", "slug", "menu_order", "published", "updated"]
    list_editable = ["menu_order", "published"]
    search_fields = ["title", "body"]
    prepopulated_fields = {"slug": ["title"]}
