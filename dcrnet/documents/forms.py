"""Forms of the documents pages: a member's suggestion, an editor's decision, a new version.

Every file goes through dcrnet.lib.uploads.validate_upload (content, not name); the checked
result is in cleaned_data["file"] (a `Checked`, or None when no file was given)."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dcrnet.lib import forms as lib_forms
from dcrnet.lib.uploads import ALL, validate_upload
from dcrnet.organisations.models import Organisation
from dcrnet.organisations.models import Status as OrganisationStatus

from . import selectors
from .models import Document, Topic

NOTE_LENGTH = 2000
FILE_HELP = _(
    "PDF, DOCX, XLSX, ODT, PNG or JPEG, at most 10 MB. Files are checked by their content: "
    "PDFs with scripts and documents with macros are refused; images lose their metadata."
)


class CheckedFileField(forms.FileField):
    """A file checked by its content; cleans to a `Checked` (or None)."""

    def __init__(self, *args, allowed=ALL, **kwargs):
        self.allowed = allowed
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        data = super().clean(data, initial)
        if not data:
            return None
        return validate_upload(data, self.allowed)


def _https_only(url: str) -> str:
    if url and not url.lower().startswith(("https://", "http://")):
        raise forms.ValidationError(_("Enter an address starting with https:// or http://."))
    return url


class SuggestForm(forms.ModelForm):
    language = forms.ChoiceField(label=_("Language"), choices=())
    file = CheckedFileField(label=_("File"), required=False, help_text=FILE_HELP)
    note = forms.CharField(
        label=_("Note for the editors"),
        max_length=NOTE_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Why this document helps, who uses it. Never published."),
    )

    class Meta:
        model = Document
        fields = [
            "title",
            "summary",
            "kind",
            "perspective",
            "topic",
            "country",
            "language",
            "organisation",
            "publisher",
            "licence",
            "source_url",
        ]
        widgets = {"summary": forms.Textarea(attrs={"rows": 6})}
        help_texts = {
            "summary": _("What the document is for, in a few sentences (Markdown)."),
            "publisher": _("Who published it, if not an organisation of the network."),
            "licence": _("For example CC BY 4.0, or “all rights reserved”."),
            "source_url": _("Where the original is published: an address starting with https://."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", "---------"), *selectors.language_choices()]
        self.fields["topic"].queryset = Topic.objects.all()
        self.fields["organisation"].queryset = Organisation.objects.filter(
            status=OrganisationStatus.APPROVED
        ).order_by("name")
        self.fields["summary"].max_length = 5000
        self.fields["summary"].widget.attrs["maxlength"] = 5000
        self.fields["source_url"].assume_scheme = "https"

    def clean_source_url(self) -> str:
        return _https_only(self.cleaned_data.get("source_url", ""))

    def clean_title(self) -> str:
        title = self.cleaned_data.get("title", "").strip()
        if not title:
            raise forms.ValidationError(_("Please give the document's title."))
        return title

    def document_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class DecisionForm(lib_forms.DecisionForm):
    accept_value = "publish"
    accept_label = _("Publish")
    reason_help = _("Required to decline; the member who suggested it sees it.")
    reason_required = _("Please give a reason when you decline a suggestion.")

    @property
    def publish(self) -> bool:
        return self.accepted


class VersionForm(forms.Form):
    date = forms.DateField(
        label=_("Date of the version"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("When this version was issued."),
    )
    change_note = forms.CharField(
        label=_("What changed"),
        max_length=NOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    file = CheckedFileField(label=_("File"), required=False, help_text=FILE_HELP)

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date.year < 1900 or date > timezone.localdate():
            raise forms.ValidationError(_("Enter a date between 1900 and today."))
        return date
