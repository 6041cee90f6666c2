"""Editors keep the initiatives here (texts in every language side by side, sources, every
change kept by simple-history). Endorsements and signatures are people's acts: staff see them
here, decide on endorsements in the site (/advocacy/review/), and may delete a signature."""

from __future__ import annotations

from django.conf import settings
from django.contrib import admin
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import Endorsement, Initiative, Signature

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


@admin.register(Initiative)
class InitiativeAdmin(SimpleHistoryAdmin, TranslationAdmin):
    list_display = [
        "title",
        "kind",
        "date",
        "published",
        "accepts_endorsements",
        "allows_individuals",
        "is_demo",
    ]
    list_filter = ["published", "kind", "accepts_endorsements", "allows_individuals", "is_demo"]
    search_fields = [
        f"{field}_{code}" for field in ("title", "summary") for code in LANGUAGE_CODES
    ] + ["slug"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["references", "countries", "facilities"]
    readonly_fields = ["created_at", "updated_at"]
    date_hierarchy = "date"


@admin.register(Endorsement)
class EndorsementAdmin(SimpleHistoryAdmin):
    """Read-only: decisions go through the site's queue (one decision under a lock, an email
    to the contact), withdrawals through the organisation's contact."""

    list_display = ["organisation", "initiative", "status", "endorsed_at", "decided_at"]
    list_filter = ["status", "initiative"]
    list_select_related = ["organisation", "initiative"]
    search_fields = ["organisation__name", "initiative__slug"]
    fields = [
        "initiative",
        "organisation",
        "status",
        "endorsed_by",
        "endorsed_at",
        "decision_reason",
        "decided_by",
        "decided_at",
        "withdrawn_by",
        "withdrawn_at",
    ]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Signature)
class SignatureAdmin(admin.ModelAdmin):
    list_display = ["initiative", "user", "shown_as", "signed_at"]
    list_filter = ["initiative", "shown_as"]
    list_select_related = ["initiative", "user"]
    search_fields = ["user__handle", "real_name"]
    fields = ["initiative", "user", "shown_as", "real_name", "signed_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
