"""Forms of the organisation and membership pages: only the fields a person may set."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from dcrnet.directory.models import Facility
from dcrnet.lib import forms as lib_forms

from . import selectors
from .models import Kind, Organisation

STATEMENT_LENGTH = 2000


class OrganisationFilterForm(forms.Form):
    """The list's filters (plain GET); an unknown value is shown as an error and ignored."""

    kind = forms.ChoiceField(label=_("Kind of organisation"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)

    def __init__(self, data, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["kind"].choices = [("", _("Any kind")), *Kind.choices]
        codes = selectors.organisation_countries()
        self.fields["country"].choices = [
            ("", _("Any country")),
            *sorted(((c, countries.name(c)) for c in codes), key=lambda pair: str(pair[1])),
        ]

    @property
    def filters(self) -> dict[str, str]:
        if not self.is_valid():
            return {
                name: value
                for name, value in self.cleaned_data.items()
                if name not in self.errors and value
            }
        return {name: value for name, value in self.cleaned_data.items() if value}


class OrganisationApplicationForm(forms.ModelForm):
    statement = forms.CharField(
        label=_("Statement"),
        max_length=STATEMENT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Why the organisation joins the network, in a few sentences."),
    )

    class Meta:
        model = Organisation
        fields = ["name", "kind", "country", "website", "facilities", "statement"]
        help_texts = {
            "facilities": _("The drug consumption rooms your organisation runs, if any."),
            "website": _("An address starting with https:// or http://."),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["facilities"].queryset = Facility.objects.visible_to(user).order_by("name")
        self.fields["facilities"].widget.attrs["size"] = 8
        self.fields["website"].assume_scheme = "https"

    def clean_website(self) -> str:
        website = self.cleaned_data.get("website", "")
        if website and not website.lower().startswith(("https://", "http://")):
            raise forms.ValidationError(_("Enter an address starting with https:// or http://."))
        return website


class MembershipApplicationForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Apply"),
        queryset=None,
        required=False,
        empty_label=_("As an individual"),
        help_text=_("As an individual, or on behalf of an organisation of the network."),
    )
    statement = forms.CharField(
        label=_("Statement"),
        max_length=STATEMENT_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("A few words on who you are and why you join."),
    )
    listed = forms.BooleanField(
        label=_("List me on the organisation's page"),
        required=False,
        initial=False,
        help_text=_("Only your handle is shown."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = selectors.joinable_organisations()


class DecisionForm(lib_forms.DecisionForm):
    reason_help = _("Required to decline; the applicant sees it.")
    reason_required = _("Please give a reason when you decline an application.")

    @property
    def approve(self) -> bool:
        return self.accepted
