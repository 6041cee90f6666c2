"""Template filters every template gets as builtins; query strings use `{% querystring %}`."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.utils.translation import get_language

from dcrnet.lib.i18n import alternates, falls_back
from dcrnet.lib.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str | None):
    return render_markdown(text)


@register.simple_tag(takes_context=True)
def language_alternates(context) -> list:
    """The current page in each language: `{% language_alternates as languages %}`."""
    request = context.get("request")
    return alternates(request) if request is not None else []


@register.filter
def untranslated(obj, fields: str) -> bool:
    """Any of the comma-separated content fields falls back to English in this language."""
    return any(falls_back(obj, field.strip()) for field in fields.split(","))


@register.filter
def content_lang(obj, field: str) -> str:
    """The language a content field is shown in, for a `lang` attribute (WCAG 3.1.2)."""
    return settings.LANGUAGE_CODE if falls_back(obj, field) else get_language()


@register.inclusion_tag("_untranslated.html", takes_context=True)
def untranslated_note(context, obj, fields: str) -> dict:
    """ "Not yet translated" in the visitor's language, where a content field shows English."""
    return {"show": untranslated(obj, fields), "LANGUAGE_CODE": get_language()}
