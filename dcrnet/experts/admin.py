"""Experts and help requests in the admin: people's data, for staff only (roles.PERSONAL_MODELS;
editors get no permission on these models). The site's triage pages are the everyday tool;
the admin is for corrections. No change history is kept on these models."""

from __future__ import annotations

from django.contrib import admin

from .models import Assignment, Expert, HelpRequest, Message


@admin.register(Expert)
class ExpertAdmin(admin.ModelAdmin):
    list_display = ["__str__", "active", "hours_per_month", "max_open_requests", "is_demo"]
    list_filter = ["active", "is_demo", "expertise"]
    search_fields = ["user__handle"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]
    filter_horizontal = ["expertise"]


class AssignmentInline(admin.TabularInline):
    model = Assignment
    extra = 0
    raw_id_fields = ["expert"]
    readonly_fields = ["created_at", "decided_at"]


class MessageInline(admin.TabularInline):
    model = Message
    extra = 0
    fields = ["author", "from_requester", "body", "created_at"]
    readonly_fields = ["author", "from_requester", "created_at"]
    can_delete = False


@admin.register(HelpRequest)
class HelpRequestAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "language", "country", "created_at", "closed_at"]
    list_filter = ["status", "topic", "language"]
    list_select_related = ["topic"]
    raw_id_fields = ["requester", "routed_by"]
    readonly_fields = ["public_id", "created_at"]
    inlines = [AssignmentInline, MessageInline]


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "rank", "created_at", "decided_at"]
    list_filter = ["status"]
    list_select_related = ["request__topic", "expert__user"]
    raw_id_fields = ["request", "expert"]


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ["__str__", "from_requester", "created_at"]
    list_select_related = ["request__topic"]
    raw_id_fields = ["request", "author"]
