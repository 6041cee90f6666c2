"""The directory filter form: plain GET, so it works without JavaScript."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import FacilityModel, Route, Service, Status
from .selectors import country_choices

SORTS = {
    "name": ("name",),
    "-name": ("-name",),
    "city": ("city", "name"),
    "country": ("country__code", "name"),
    "opened": ("status_since", "name"),
    "-opened": ("-status_since", "name"),
}


def _blank(choices, label):
    return [("", label), *choices]


class FacilityFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or city"), required=False, max_length=100)
    country = forms.ChoiceField(label=_("Country"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=_blank(Status.choices, _("Any status"))
    )
    route = forms.ChoiceField(
        label=_("Route of use"), required=False, choices=_blank(Route.choices, _("Any route"))
    )
    model = forms.ChoiceField(
        label=_("Model"), required=False, choices=_blank(FacilityModel.choices, _("Any model"))
    )
    service = forms.ChoiceField(
        label=_("Service"), required=False, choices=_blank(Service.choices, _("Any service"))
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("name", _("Name A–Z")),
            ("-name", _("Name Z–A")),
            ("city", _("City")),
            ("country", _("Country")),
            ("opened", _("Status date, oldest first")),
            ("-opened", _("Status date, newest first")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = _blank(country_choices(), _("Any country"))

    def filters(self) -> dict:
        self.is_valid()  # invalid fields are left out of cleaned_data and shown as errors
        data = self.cleaned_data
        return {
            key: data.get(key) or None
            for key in ("country", "status", "route", "model", "service", "q")
        }

    def ordering(self) -> tuple[str, ...]:
        self.is_valid()
        return SORTS.get(self.cleaned_data.get("sort") or "name", SORTS["name"])
