"""Trainings in the admin. Editors keep the catalogue (each training's texts in every language
side by side, with its guide steps and materials) and the sessions (with their questions and
organisers). Changing an existing session goes through `services.update_session` (and
cancelling it through `services.cancel_session`), so participants are told as they are when an
organiser changes it in the site. Registrations, answers and messages are people's data:
staff read them here (roles.PERSONAL_MODELS); places change only through the site."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from dcrnet.lib.refusals import Refused

from . import services
from .models import (
    Announcement,
    Answer,
    Question,
    Registration,
    Session,
    SessionStatus,
    Training,
)

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


@admin.register(Training)
class TrainingAdmin(SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["title", "slug", "format", "topic", "published", "is_demo", "updated_at"]
    list_filter = ["published", "format", "is_demo", "topic"]
    list_select_related = ["topic"]
    search_fields = [f"{field}_{code}" for field in ("title", "summary") for code in LANGUAGE_CODES]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["steps", "documents", "references"]


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0
    fields = ["text", "required", "order"]


class SessionForm(forms.ModelForm):
    """The checks update_session makes that the model's own validation does not."""

    def clean(self):
        data = super().clean()
        session = self.instance
        if session.pk is None:
            return data
        stored = Session.objects.get(pk=session.pk)
        if stored.is_cancelled:
            if set(self.changed_data) & {*services.EDITABLE_FIELDS, "status"}:
                raise forms.ValidationError(
                    _("This session has been cancelled: it can no longer be changed.")
                )
            return data
        capacity = data.get("capacity")
        confirmed = stored.registrations.confirmed().count()
        if capacity is not None and capacity < confirmed:
            self.add_error(
                "capacity",
                ngettext(
                    "%(n)s person is already confirmed: the session needs at least as many places.",
                    "%(n)s people are already confirmed: the session needs at least as many "
                    "places.",
                    confirmed,
                )
                % {"n": confirmed},
            )
        if (
            data.get("status") == SessionStatus.CANCELLED
            and not (data.get("cancellation_reason") or "").strip()
        ):
            self.add_error(
                "cancellation_reason",
                _("Please say why the session is cancelled: participants will read it."),
            )
        return data


@admin.register(Session)
class SessionAdmin(SimpleHistoryAdmin):
    form = SessionForm
    list_display = ["__str__", "starts_at", "format", "language", "capacity", "status", "is_demo"]
    list_filter = ["status", "format", "language", "is_demo", "training"]
    list_select_related = ["training"]
    search_fields = ["training__title", "trainers", "address", "facility__name"]
    date_hierarchy = "starts_at"
    raw_id_fields = ["facility"]
    filter_horizontal = ["organisers"]
    readonly_fields = ["public_id", "sequence", "created_at", "updated_at"]
    inlines = [QuestionInline]

    def save_model(self, request, obj, form, change):
        if not change:
            super().save_model(request, obj, form, change)
            return
        stored = Session.objects.get(pk=obj.pk)
        changed = set(form.changed_data)
        # What participants are not told about is saved as it is.
        plain = sorted(
            name
            for name in changed
            if name in {f.name for f in Session._meta.concrete_fields}
            and name not in services.EDITABLE_FIELDS
            and name != "status"
        )
        for name in plain:
            setattr(stored, name, getattr(obj, name))
        if plain:
            stored.save(update_fields=[*plain, "updated_at"])
        edits = {name: getattr(obj, name) for name in services.EDITABLE_FIELDS if name in changed}
        try:
            if edits:
                stored = services.update_session(stored, by=request.user, **edits)
            if "status" in changed and obj.status == SessionStatus.CANCELLED:
                stored = services.cancel_session(
                    stored, by=request.user, reason=obj.cancellation_reason
                )
        except Refused as refusal:
            self.message_user(request, refusal.message, level=messages.ERROR)
        # The admin goes on with the object it holds (inlines, many-to-many, history).
        obj.refresh_from_db()


class ReadOnly:
    """People's data: staff read it; places and answers change through the site only."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class AnswerInline(ReadOnly, admin.TabularInline):
    model = Answer
    extra = 0
    fields = ["question", "text"]
    readonly_fields = ["question", "text"]
    can_delete = False


@admin.register(Registration)
class RegistrationAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["__str__", "user", "status", "registered_at", "confirmed_at", "attended"]
    list_filter = ["status", "attended"]
    list_select_related = ["session__training", "user"]
    search_fields = ["user__handle", "user__email", "session__training__title"]
    raw_id_fields = ["session", "user"]
    inlines = [AnswerInline]

    def has_delete_permission(self, request, obj=None) -> bool:
        # A deleted confirmed place would not go to the wait-list: cancel in the site instead.
        return False


@admin.register(Answer)
class AnswerAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["__str__", "question", "registration"]
    list_select_related = ["question", "registration__session__training"]
    raw_id_fields = ["registration", "question"]


@admin.register(Announcement)
class AnnouncementAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["subject", "session", "author", "created_at"]
    list_select_related = ["session__training", "author"]
    search_fields = ["subject", "session__training__title"]
    raw_id_fields = ["session", "author"]
