"""The forum's input: a new thread (title and Markdown body), a reply or an edit (body)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ReactionKind

BODY_MAX = 20_000


class PostForm(forms.Form):
    body = forms.CharField(
        label=_("Your message (Markdown)"),
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Markdown: *emphasis*, **strong**, > quote, - lists, [links](https://…). "
            "Mention a member with @handle. Images are not shown."
        ),
    )

    def clean_body(self) -> str:
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Please write a message."))
        return body


class ThreadForm(PostForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    field_order = ["title", "body"]

    def clean_title(self) -> str:
        title = " ".join(self.cleaned_data["title"].split())
        if not title:
            raise forms.ValidationError(_("Please give the thread a title."))
        return title


class ReactionForm(forms.Form):
    kind = forms.ChoiceField(choices=ReactionKind.choices)
