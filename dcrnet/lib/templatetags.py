"""Template filters every template gets as builtins; query strings use `{% querystring %}`."""

from __future__ import annotations

from django import template

from dcrnet.lib.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str | None):
    return render_markdown(text)
