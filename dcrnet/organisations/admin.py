"""Staff manage organisations and memberships here (editors: organisations' public facts);
every change is kept by simple-history."""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Membership, Organisation


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    fields = ["user", "role", "status", "listed", "decided_at"]
    readonly_fields = ["decided_at"]
    raw_id_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "country", "status", "applied_at", "decided_at"]
    list_filter = ["status", "kind", "country"]
    search_fields = ["name", "slug", "website"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["facilities"]
    raw_id_fields = ["applied_by", "decided_by"]
    readonly_fields = ["applied_at"]
    inlines = [MembershipInline]

    def get_inlines(self, request, obj):
        # Memberships are people's data: only for those who may see them (staff, not editors).
        if request.user.has_perm("organisations.view_membership"):
            return self.inlines
        return []


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "organisation", "role", "status", "listed", "applied_at"]
    list_filter = ["status", "role"]
    search_fields = ["user__handle", "user__email", "organisation__name"]
    raw_id_fields = ["user", "organisation", "decided_by"]
    readonly_fields = ["applied_at"]
