"""Template filters of the organisation pages."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def web_url(value: str) -> str:
    """The address if it is http(s), else nothing: a link never carries another scheme."""
    value = (value or "").strip()
    return value if value.lower().startswith(("https://", "http://")) else ""
