"""Editors write issues here (month, subject and introduction in every language side by side,
every change kept by simple-history); they preview and approve them in the site, and an approved
issue can no longer be edited (it is being composed for its subscribers as it is sent).

Subscribers and sends are personal: staff only (dcrnet.community.roles). Nobody adds a
subscriber here: subscribing takes the person's own double opt-in. Staff may mark addresses
bounced or unsubscribed (an action), or delete a subscriber on request.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from . import services
from .models import SUPPRESSED, Issue, IssueStatus, Send, Subscriber


@admin.register(Issue)
class IssueAdmin(SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["__str__", "status", "approved_at", "finished_at", "recipient_count"]
    list_filter = ["status"]
    date_hierarchy = "month"
    fields = [
        "month",
        "title",
        "intro",
        "preview",
        "status",
        "approved_by",
        "approved_at",
        "finished_at",
        "recipient_count",
    ]
    readonly_fields = [
        "preview",
        "status",
        "approved_by",
        "approved_at",
        "finished_at",
        "recipient_count",
    ]

    @admin.display(description=_("preview and approval"))
    def preview(self, obj: Issue) -> str:
        if obj.pk is None:
            return _("Save the issue first.")
        return format_html(
            '<a href="{}">{}</a>',
            reverse("newsletter:preview", kwargs={"issue_id": obj.pk}),
            _("Preview in every language, then approve"),
        )

    def has_change_permission(self, request, obj=None) -> bool:
        if obj is not None and obj.status != IssueStatus.DRAFT:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        if obj is not None and obj.status != IssueStatus.DRAFT:
            return False
        return super().has_delete_permission(request, obj)


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "status", "language", "confirmed_at", "unsubscribed_at", "bounced_at"]
    list_filter = ["status", "language"]
    search_fields = ["email"]
    fields = [
        "email",
        "status",
        "language",
        "user",
        "notice_version",
        "consented_at",
        "requested_at",
        "confirmation_sent_at",
        "confirmed_at",
        "unsubscribed_at",
        "bounced_at",
        "created_at",
    ]
    readonly_fields = fields
    actions = ["mark_bounced", "mark_unsubscribed"]

    def has_add_permission(self, request) -> bool:
        return False

    @admin.action(description=_("Mark as bounced (no more newsletters)"), permissions=["change"])
    def mark_bounced(self, request, queryset) -> None:
        marked, _unknown = services.mark_bounced(queryset.values_list("email", flat=True))
        self.message_user(
            request,
            ngettext("%(n)s address marked bounced.", "%(n)s addresses marked bounced.", marked)
            % {"n": marked},
            messages.SUCCESS,
        )

    @admin.action(description=_("Unsubscribe (no more newsletters)"), permissions=["change"])
    def mark_unsubscribed(self, request, queryset) -> None:
        done = 0
        for public_id in queryset.exclude(status__in=SUPPRESSED).values_list(
            "public_id", flat=True
        ):
            services.unsubscribe(public_id)
            done += 1
        self.message_user(
            request,
            ngettext("%(n)s address unsubscribed.", "%(n)s addresses unsubscribed.", done)
            % {"n": done},
            messages.SUCCESS,
        )


@admin.register(Send)
class SendAdmin(admin.ModelAdmin):
    """Read-only: what went to whom, for staff answering a question about one address."""

    list_display = ["issue", "subscriber", "sent_at", "refused_at"]
    list_filter = ["issue"]
    list_select_related = ["issue", "subscriber"]
    search_fields = ["subscriber__email"]
    fields = ["issue", "subscriber", "created_at", "sent_at", "refused_at"]
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
