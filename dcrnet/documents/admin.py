"""Editors keep the documents here: topics (translated), documents with their versions inline,
every change kept by simple-history. Files uploaded here pass the same content checks as the
site's forms (dcrnet.lib.uploads.validate_upload) and are stored under generated names."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from dcrnet.lib.uploads import ALL, validate_upload

from .models import Document, Topic, Version


class VersionAdminForm(forms.ModelForm):
    class Meta:
        model = Version
        fields = ["number", "date", "change_note", "file"]

    def clean(self):
        data = super().clean()
        upload = self.files.get(self.add_prefix("file"))
        if upload is not None and "file" not in self.errors:
            try:
                checked = validate_upload(upload, ALL)
            except forms.ValidationError as error:
                self.add_error("file", error)
                return data
            self.instance.original_name = checked.original_name
            self.instance.content_type = checked.content_type
            self.instance.size = checked.size
            self.instance.sha256 = checked.sha256
            self.instance.uploaded_by = getattr(self, "_request_user", None)
            data["file"] = checked.as_file()
        return data


class VersionInline(admin.StackedInline):
    model = Version
    form = VersionAdminForm
    extra = 0
    fields = ["number", "date", "change_note", "file", "original_name", "content_type", "size"]
    readonly_fields = ["original_name", "content_type", "size"]

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        form = formset.form

        class WithUser(form):
            _request_user = request.user if request.user.is_authenticated else None

        formset.form = WithUser
        return formset


@admin.register(Topic)
class TopicAdmin(TranslationAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Document)
class DocumentAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "perspective", "topic", "country", "language", "status"]
    list_filter = ["status", "kind", "perspective", "topic", "language", "is_demo"]
    list_select_related = ["topic"]
    search_fields = ["title", "slug", "summary", "publisher"]
    prepopulated_fields = {"slug": ["title"]}
    raw_id_fields = ["organisation", "suggested_by", "decided_by"]
    filter_horizontal = ["facilities", "references"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [VersionInline]
