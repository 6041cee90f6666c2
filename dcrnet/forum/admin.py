"""The forum in the admin: editors keep the categories (translated, with history); threads and
posts are people's data, for staff only (roles.PERSONAL_MODELS), with their change history.
Moderators work in the site, not here."""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from dcrnet.directory.admin import TranslatedHistoryAdmin

from .models import Category, Post, Thread


@admin.register(Category)
class CategoryAdmin(TranslatedHistoryAdmin):
    list_display = ["name", "slug", "position", "public_readable", "thread_count", "post_count"]
    list_editable = ["position", "public_readable"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["thread_count", "post_count", "last_post_at"]


class PostInline(admin.TabularInline):
    model = Post
    extra = 0
    fields = ["number", "author", "status", "created_at", "edited_at"]
    readonly_fields = ["number", "author", "created_at", "edited_at"]
    show_change_link = True
    can_delete = False


@admin.register(Thread)
class ThreadAdmin(SimpleHistoryAdmin):
    list_display = [
        "title",
        "category",
        "author",
        "post_count",
        "last_post_at",
        "pinned",
        "locked",
        "is_demo",
    ]
    list_filter = ["category", "pinned", "locked", "is_demo"]
    search_fields = ["title", "author__handle"]
    list_select_related = ["category", "author"]
    raw_id_fields = ["author"]
    readonly_fields = ["created_at", "last_post_at", "post_count"]
    inlines = [PostInline]
    show_full_result_count = False


@admin.register(Post)
class PostAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "author", "status", "created_at", "edited_at"]
    list_filter = ["status"]
    search_fields = ["body", "author__handle", "thread__title"]
    list_select_related = ["thread", "author"]
    raw_id_fields = ["thread", "author"]
    readonly_fields = ["created_at", "edited_at"]
    show_full_result_count = False
