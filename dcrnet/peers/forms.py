"""The peer page's one input contract: which rate, within which group, over which period."""

from __future__ import annotations

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from . import selectors

DEFAULTS = {
    "rate": selectors.RATES[0].code,
    "group": selectors.NETWORK,
    "period": selectors.LAST_12,
}


class PeerForm(forms.Form):
    rate = forms.ChoiceField(label=_("Rate"))
    group = forms.ChoiceField(label=_("Compare within"))
    period = forms.ChoiceField(label=_("Period"))

    def __init__(self, query: QueryDict, *, countries: dict[str, str], years: list[int]):
        # A parameter left out takes its default: a plain link to the page shows a plot.
        data = {name: query.get(name, default) for name, default in DEFAULTS.items()}
        super().__init__(data)
        self.countries = countries
        self.fields["rate"].choices = [(r.code, r.title) for r in selectors.RATES]
        self.fields["group"].choices = [
            (selectors.NETWORK, _("All facilities in the network")),
            (
                _("Country"),
                [
                    (f"{selectors.COUNTRY}:{code}", name)
                    for code, name in sorted(countries.items(), key=lambda item: item[1])
                ],
            ),
            (
                _("Size (visits in the period)"),
                [(f"{selectors.SIZE}:{k}", label) for k, label in selectors.SIZE_THIRDS.items()],
            ),
        ]
        self.fields["period"].choices = [(selectors.LAST_12, _("The last 12 months"))] + [
            (str(year), str(year)) for year in years
        ]

    def choice(self) -> tuple[selectors.Rate, selectors.Group, selectors.Period]:
        data = self.cleaned_data
        group = selectors.Group.parse(data["group"])
        assert group is not None  # every choice offered parses
        return (
            selectors.RATE_BY_CODE[data["rate"]],
            group,
            selectors.period(data["period"]),
        )
