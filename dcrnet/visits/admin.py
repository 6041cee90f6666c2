"""Exchange visits in the admin. Hosts are editors' content (which facility receives visits,
its contacts and terms, with their change history); visits are people's data, for staff only
(roles.PERSONAL_MODELS) and read-mostly: the site's pages are where both sides act, so that
every answer has its history and its emails."""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Event, Host, Visit


@admin.register(Host)
class HostAdmin(SimpleHistoryAdmin):
    list_display = ["facility", "receives_visits", "max_group_size", "is_demo", "updated_at"]
    list_filter = ["receives_visits", "is_demo"]
    search_fields = ["facility__name", "facility__public_id"]
    list_select_related = ["facility"]
    raw_id_fields = ["facility"]
    filter_horizontal = ["contacts"]
    readonly_fields = ["updated_at"]


class EventInline(admin.TabularInline):
    model = Event
    extra = 0
    fields = ["created_at", "kind", "by_host", "author", "first_date", "last_date", "message"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Visit)
class VisitAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "first_date", "last_date", "group_size", "is_demo"]
    list_filter = ["status", "is_demo"]
    search_fields = ["host__facility__name", "requester__handle"]
    list_select_related = ["host__facility"]
    date_hierarchy = "first_date"
    fields = [
        "public_id",
        "host",
        "requester",
        "organisation",
        "first_date",
        "last_date",
        "group_size",
        "languages",
        "purpose",
        "status",
        "proposed_first_date",
        "proposed_last_date",
        "host_message",
        "decided_by",
        "decided_at",
        "public_by_requester",
        "public_by_host",
        "is_demo",
        "created_at",
        "updated_at",
    ]
    # Staff may withdraw a visit's public display (or mark a demonstration); nothing else.
    readonly_fields = [
        name for name in fields if name not in {"public_by_requester", "public_by_host", "is_demo"}
    ]
    inlines = [EventInline]

    def has_add_permission(self, request) -> bool:
        return False
