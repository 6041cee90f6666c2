"""The policy timeline a country page shows under its legal and political situation."""

from __future__ import annotations

from django import template

from dcrnet.policy import selectors

register = template.Library()

COUNTRY_ITEMS = 25


@register.inclusion_tag("policy/_timeline.html", takes_context=True)
def country_timeline(context, country) -> dict:
    request = context.get("request")
    user = getattr(request, "user", None)
    events = list(selectors.country_timeline(country, user)[: COUNTRY_ITEMS + 1])
    return {
        "events": events[:COUNTRY_ITEMS],
        "more": len(events) > COUNTRY_ITEMS,
        "country": country,
        "heading_level": 2,
        "show_country": False,
    }
