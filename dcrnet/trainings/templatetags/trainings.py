"""Template tags of trainings: a facility's upcoming sessions (for its directory page), a
session's UTC offset, language names, and links that only ever carry http(s)."""

from __future__ import annotations

from django import template

from dcrnet.trainings import selectors

register = template.Library()


@register.inclusion_tag("trainings/_sessions_at.html")
def sessions_at(facility) -> dict:
    """`{% sessions_at facility %}`: upcoming sessions hosted at the facility (nothing if none)."""
    return {"facility": facility, "sessions": selectors.upcoming_at(facility)}


@register.filter
def utc_offset(session) -> str:
    """'UTC+02:00': the offset of the session's time zone when it starts."""
    return selectors.utc_offset(session.local_start)


@register.filter
def language_name(code: str) -> str:
    return selectors.language_name(code)


@register.filter
def language_names(codes) -> str:
    return ", ".join(selectors.language_name(code) for code in codes or [])


@register.filter
def web_url(value: str) -> str:
    """The address if it is http(s), else nothing: a link never carries another scheme."""
    value = (value or "").strip()
    return value if value.lower().startswith(("https://", "http://")) else ""
