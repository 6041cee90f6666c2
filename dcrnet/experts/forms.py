"""The input of experts and help requests: opting in, asking, routing, the conversation, and the
directory's filters (an invalid filter is a 400 page)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from dcrnet.community.models import ExpertiseTag

from . import languages
from .models import HelpRequest

TEXT_MAX = 5_000
BIO_MAX = 2_000


def country_choices(blank_label=None) -> list[tuple[str, str]]:
    found = [(code, str(name)) for code, name in countries]
    return [("", str(blank_label)), *found] if blank_label else found


def _not_blank(value: str, message) -> str:
    value = (value or "").strip()
    if not value:
        raise forms.ValidationError(message)
    return value


class ExpertForm(forms.Form):
    bio = forms.CharField(
        label=_("About your experience"),
        max_length=BIO_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "What you have done that others can learn from. Shown publicly beside your handle; "
            "please do not write your email address or anything about anyone's health."
        ),
    )
    expertise = forms.ModelMultipleChoiceField(
        label=_("What you can help with"),
        queryset=ExpertiseTag.objects.all(),
        to_field_name="slug",  # slugs in the form: no integer a database cannot hold
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Please choose at least one subject.")},
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages you can answer in"),
        choices=languages.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Please choose at least one language.")},
    )
    countries = forms.MultipleChoiceField(
        label=_("Countries you know well (optional)"),
        choices=country_choices,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Hold Ctrl (or Cmd) to choose several."),
    )
    hours_per_month = forms.IntegerField(
        label=_("Hours a month you can give"), min_value=1, max_value=160, initial=2
    )
    max_open_requests = forms.IntegerField(
        label=_("Requests at a time"),
        min_value=1,
        max_value=20,
        initial=2,
        help_text=_("How many open requests you take at once."),
    )
    active = forms.BooleanField(
        label=_("Available: propose me for new requests"), required=False, initial=True
    )

    def clean_bio(self) -> str:
        return _not_blank(
            self.cleaned_data["bio"], _("Please say a few words about your experience.")
        )


class HelpRequestForm(forms.Form):
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=ExpertiseTag.objects.all(),
        empty_label=_("Choose a topic"),
        to_field_name="slug",
    )
    country = forms.ChoiceField(
        label=_("Country (optional)"),
        choices=lambda: country_choices(_("Not stated")),
        required=False,
        help_text=_("Where the service you plan or run is."),
    )
    language = forms.ChoiceField(
        label=_("Language you want to be answered in"), choices=languages.choices
    )
    text = forms.CharField(
        label=_("What do you need?"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Describe your question or your plan. Do not include health details about anyone "
            "(yourself included), nor names of people who use your service."
        ),
    )
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=HelpRequest._meta.get_field("email").max_length,
        help_text=_(
            "We send you a link to read the answers and reply. Only staff and the experts who "
            "answer see your request; nobody sees your address."
        ),
    )

    def __init__(self, *args, signed_in: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if signed_in:
            del self.fields["email"]

    def clean_text(self) -> str:
        return _not_blank(self.cleaned_data["text"], _("Please describe what you need."))


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Do not include health details about anyone."),
    )

    def clean_body(self) -> str:
        return _not_blank(self.cleaned_data["body"], _("Please write a message."))


class RouteForm(forms.Form):
    experts = forms.TypedMultipleChoiceField(
        label=_("Ask these experts"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Please choose at least one expert.")},
    )

    def __init__(self, *args, proposal, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["experts"].choices = [(p.candidate.pk, p.candidate.handle) for p in proposal]


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("accept", _("Accept")), ("decline", _("Decline"))],
        widget=forms.RadioSelect,
    )


class DirectoryFilter(forms.Form):
    expertise = forms.ModelChoiceField(
        label=_("Expertise"),
        queryset=ExpertiseTag.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Any"),
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=lambda: [("", _("Any")), *languages.choices()], required=False
    )
    country = forms.ChoiceField(
        label=_("Country"), choices=lambda: country_choices(_("Any")), required=False
    )
    page = forms.IntegerField(
        min_value=1, max_value=100_000, required=False, widget=forms.HiddenInput
    )
