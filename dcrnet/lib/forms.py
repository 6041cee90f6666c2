"""Forms every app shares: the decision on an application or a suggestion, a CSV upload."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .text import PlainTextForm

REASON_LENGTH = 2000


class DecisionForm(forms.Form):
    """Accept (``accept_value``: "approve", "publish" …) or decline with a reason the person sees.

    Subclasses name the accepting choice and say who reads the reason and what to write when it
    is missing."""

    accept_value = "approve"
    accept_label = _("Approve")
    reason_help = ""
    reason_required = _("Please give a reason when you decline.")

    decision = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Reason"),
        max_length=REASON_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = [
            (self.accept_value, self.accept_label),
            ("decline", _("Decline")),
        ]
        self.fields["reason"].help_text = self.reason_help

    def clean(self):
        data = super().clean()
        if data.get("decision") == "decline" and not (data.get("reason") or "").strip():
            self.add_error("reason", self.reason_required)
        return data

    @property
    def accepted(self) -> bool:
        return self.cleaned_data["decision"] == self.accept_value


CSV_UPLOAD_BYTES = 1024 * 1024


class CsvUploadForm(PlainTextForm):
    """One CSV file of at most 1 MB (its content is read by lib.csv.read_rows)."""

    file = forms.FileField(label=_("CSV file"), help_text=_("UTF-8, at most 1 MB."))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > CSV_UPLOAD_BYTES:
            raise ValidationError(_("The file is larger than 1 MB."))
        if not upload.name.lower().endswith(".csv"):
            raise ValidationError(_("Upload a .csv file."))
        return upload
