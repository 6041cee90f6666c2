from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from .models import Consent, ExpertiseTag, Profile, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    """Staff manage accounts and roles; only a superuser may touch a superuser or make one."""

    ordering = ["email"]
    list_display = ["email", "handle", "is_active", "is_staff", "date_joined"]
    list_filter = ["is_active", "is_staff", "groups"]
    search_fields = ["email", "handle"]
    fieldsets = [
        (None, {"fields": ["email", "handle", "password"]}),
        (_("Roles"), {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]
    filter_horizontal = ["groups"]

    def get_readonly_fields(self, request, obj=None):
        readonly = ["last_login", "date_joined"]
        if not request.user.is_superuser:
            readonly.append("is_superuser")
        return readonly

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)


@admin.register(ExpertiseTag)
class ExpertiseTagAdmin(TranslationAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    """People's own descriptions, for staff: each change is in the admin's history."""

    list_display = ["user", "country", "updated_at"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]
    filter_horizontal = ["expertise"]
    search_fields = ["user__handle"]


@admin.register(Consent)
class ConsentAdmin(admin.ModelAdmin):
    """The record of consents: read-only, as people give and withdraw them in the site."""

    list_display = ["user", "purpose", "notice_version", "given_at", "withdrawn_at"]
    list_filter = ["purpose", "notice_version"]
    list_select_related = ["user"]
    search_fields = ["user__handle"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
