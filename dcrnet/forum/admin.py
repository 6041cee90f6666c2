"""The forum in the admin: editors keep the categories (translated, with history); threads and
posts are people's data, for staff only (roles.PERSONAL_MODELS), with their change history.
Moderators work in the site, not here."""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from dcrnet.directory.admin import TranslatedHistoryAdmin

from .models import (
    Category,
    Delivery,
    ModerationEntry,
    Post,
    Reaction,
    ReadMarker,
    Report,
    Sanction,
    Subscription,
    Thread,
)


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


# The rest of the forum's records, for staff: each change is in the admin's own history (the
# "History" button); moderators act on them in the site.
@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["__str__", "reporter", "created_at", "resolved_at"]
    list_filter = ["reason"]
    list_select_related = ["post__thread", "reporter"]
    raw_id_fields = ["post", "reporter", "resolved_by"]
    readonly_fields = ["created_at"]


@admin.register(Sanction)
class SanctionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "until", "lifted_at", "issued_by", "created_at"]
    list_filter = ["kind"]
    list_select_related = ["member", "issued_by"]
    raw_id_fields = ["member", "issued_by"]
    readonly_fields = ["created_at"]


@admin.register(ModerationEntry)
class ModerationEntryAdmin(admin.ModelAdmin):
    list_display = ["__str__", "moderator", "thread", "post", "member"]
    list_filter = ["action"]
    list_select_related = ["moderator", "thread", "post__thread", "member"]
    raw_id_fields = ["moderator", "thread", "post", "member"]
    readonly_fields = ["created_at"]


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "user", "created_at"]
    list_select_related = ["user", "thread", "category"]
    raw_id_fields = ["user", "thread", "category"]


@admin.register(Reaction)
class ReactionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "user", "created_at"]
    list_filter = ["kind"]
    list_select_related = ["post__thread", "user"]
    raw_id_fields = ["post", "user"]


@admin.register(ReadMarker)
class ReadMarkerAdmin(admin.ModelAdmin):
    list_display = ["__str__", "user"]
    list_select_related = ["thread", "user"]
    raw_id_fields = ["thread", "user"]


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["key", "user", "created_at", "sent_at"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]
    search_fields = ["key"]
