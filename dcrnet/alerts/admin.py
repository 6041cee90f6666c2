from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import Alert, Delivery, Region, Substance, Webhook


@admin.register(Substance)
class SubstanceAdmin(SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["name", "kind", "inchikey", "watch_list"]
    list_filter = ["kind", "watch_list"]
    search_fields = ["name", "inchikey", "slug"]


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "country"]
    search_fields = ["name"]
    filter_horizontal = ["facilities"]


@admin.register(Alert)
class AlertAdmin(SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["title", "grade", "week", "issued", "retracted"]
    list_filter = ["grade"]
    readonly_fields = ["signal", "version", "issued"]


@admin.register(Webhook)
class WebhookAdmin(admin.ModelAdmin):
    list_display = ["name", "url", "active"]


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    """The delivery log: every email and webhook post of every alert version, read-only; failed
    webhook deliveries can be tried again."""

    list_display = [
        "key", "channel", "alert", "version", "webhook", "attempts", "last_status",
        "next_attempt", "sent_at", "failed_at",
    ]  # fmt: skip
    list_filter = [
        "channel",
        ("sent_at", admin.EmptyFieldListFilter),
        ("failed_at", admin.EmptyFieldListFilter),
        "webhook",
    ]
    search_fields = ["key", "last_status"]
    actions = ["retry"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    @admin.action(description=_("Try these webhook deliveries again now"))
    def retry(self, request, queryset) -> None:
        from .deliveries import retry_now

        count = retry_now(list(queryset.values_list("pk", flat=True)))
        self.message_user(
            request,
            ngettext("%(count)d delivery queued.", "%(count)d deliveries queued.", count)
            % {"count": count},
        )
