"""The visits block of a facility's page: `{% load visits %}{% visits_at facility %}`."""

from __future__ import annotations

from django import template

from dcrnet.experts import languages

from .. import selectors, services

register = template.Library()


@register.inclusion_tag("visits/facility.html", takes_context=True)
def visits_at(context, facility) -> dict:
    """Whether and when the facility receives visits, the link to ask for one, and its visits
    shown publicly; nothing for a facility that has no host terms."""
    host = selectors.host_of(facility)
    if host is None:
        return {"host": None}
    request = context.get("request")
    user = getattr(request, "user", None)
    return {
        "host": host,
        "receiving": host.receives_visits
        and facility.published
        and host.contacts.filter(is_active=True).exists(),
        "languages": languages.names(host.languages),
        "visits": selectors.public_visits(host),
        "is_member": services.is_member(user),
        "is_contact": services.is_contact(user, host),
    }
