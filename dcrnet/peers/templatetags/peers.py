"""The peer section of a facility's dashboard, and the rounding of the peer tables."""

from __future__ import annotations

import math
from urllib.parse import urlencode

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy

from dcrnet.peers import selectors

register = template.Library()


@register.filter
def significant(value: float | None, digits: int = 2) -> str:
    """A figure rounded to `digits` significant figures, in the page's number format
    (52,345 → 52,000; 0.4123 → 0.41): other facilities' figures are never shown exactly."""
    if value is None:
        return ""
    if value == 0:
        return number_format(0)
    places = digits - 1 - math.floor(math.log10(abs(value)))
    rounded = round(value, places)
    return number_format(rounded, max(places, 0), force_grouping=True)


@register.filter
def position_words(code: str) -> str:
    return str(selectors.POSITIONS.get(code, ""))


@register.inclusion_tag("peers/_facility_section.html", takes_context=True)
def facility_peers(context, facility) -> dict:
    """Everyone: a link to the peer plots. The facility's own reporters: where it stands."""
    request = context.get("request")
    user = getattr(request, "user", None)
    mine = user is not None and facility.pk in selectors.own_facilities(user)
    span = selectors.period(selectors.LAST_12)
    rows, groups = [], []
    if mine:
        countries = {facility.country.code.code: facility.country.name}
        for rate, cells in selectors.facility_positions(facility, span):
            groups = [cell.group.label(countries) for cell in cells]
            rows.append(
                {
                    "rate": rate,
                    "cells": [
                        {
                            "status": cell.status,
                            "position": cell.position,
                            "query": urlencode(
                                {"rate": rate.code, "group": cell.group.key, "period": span.key}
                            ),
                        }
                        for cell in cells
                    ],
                }
            )
    return {"facility": facility, "mine": mine, "period": span, "rows": rows, "groups": groups}


STATUS_WORDS = {
    selectors.NO_DATA: gettext_lazy("no data"),
    selectors.TOO_FEW: gettext_lazy("not shown: fewer than 5 facilities"),
    selectors.FEW_EVENTS: gettext_lazy("not shown: fewer than 5 events"),
    selectors.NO_SPREAD: gettext_lazy("every facility has the same rate"),
}


@register.filter
def status_words(status: str) -> str:
    return str(STATUS_WORDS.get(status, ""))
