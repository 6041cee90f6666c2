"""Only the listing requests are in the admin (editors decide on them here or at
/planning/listings/). A team's project, steps, notes, files and comments are private to the
team: they are not registered here, so staff cannot read them in the admin (roles give no
model permission on them either; staff see aggregate progress at /planning/overview/)."""

from __future__ import annotations

from django.contrib import admin

from .models import ListingRequest


@admin.register(ListingRequest)
class ListingRequestAdmin(admin.ModelAdmin):
    list_display = ["name", "city", "country", "status", "requested_at", "decided_at"]
    list_filter = ["status", "country"]
    search_fields = ["name", "city"]
    # The project and the people are shown as ids only: nothing of the team's work leaks here.
    fields = [
        "name",
        "city",
        "country",
        "public_note",
        "status",
        "decision_reason",
        "requested_at",
        "decided_at",
    ]
    readonly_fields = ["status", "requested_at", "decided_at"]

    def has_add_permission(self, request) -> bool:
        return False  # requests come from a team, in the site
