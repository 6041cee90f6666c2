"""The directory filter form: plain GET, so it works without JavaScript.

It only renders the filters and their errors: `FacilityFilters` (schemas.py) alone decides what
is valid, for this page, the map, the API and the downloads alike.
"""

from __future__ import annotations

from django import forms
from django.forms.utils import ErrorDict
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from .models import FacilityModel, FacilitySort, Route, Service, Status
from .schemas import MAX_Q, FacilityFilters
from .selectors import country_choices


class Select(forms.Select):
    """A select without option groups, rendered without an include per option."""

    template_name = "directory/widgets/select.html"


def _blank(choices, label):
    return [("", label), *choices]


class FacilityFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or city"), required=False, max_length=MAX_Q)
    country = forms.ChoiceField(label=_("Country"), required=False, widget=Select)
    status = forms.ChoiceField(
        widget=Select,
        label=_("Status"),
        required=False,
        choices=_blank(Status.choices, _("Any status")),
    )
    route = forms.ChoiceField(
        widget=Select,
        label=_("Route of use"),
        required=False,
        choices=_blank(Route.choices, _("Any route")),
    )
    model = forms.ChoiceField(
        widget=Select,
        label=_("Model"),
        required=False,
        choices=_blank(FacilityModel.choices, _("Any model")),
    )
    service = forms.ChoiceField(
        widget=Select,
        label=_("Service"),
        required=False,
        choices=_blank(Service.choices, _("Any service")),
    )
    sort = forms.ChoiceField(
        label=_("Sort by"), required=False, choices=FacilitySort.choices, widget=Select
    )

    def __init__(self, data, **kwargs):
        super().__init__(data, **kwargs)
        self.filters, self.problems = FacilityFilters.from_query(data)
        choices = country_choices()
        country = self.filters.country.upper()
        if country and country not in dict(choices):  # a country with no facility listed
            choices = [*choices, (country, countries.name(country))]
        self.fields["country"].choices = _blank(choices, _("Any country"))
        if country:
            self.data = self.data.copy()
            self.data["country"] = country  # "lu" selects Luxembourg

    def full_clean(self) -> None:
        """The schema's verdict, each problem shown beside its field."""
        self._errors = ErrorDict()
        self.cleaned_data = self.filters.model_dump()
        for parameter, message in self.problems:
            self.add_error(parameter if parameter in self.fields else None, message)
