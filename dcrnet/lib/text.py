"""Text nobody types: C0 control characters, refused alike in every request, form and file."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# C0 control characters except tab, line feed and carriage return (a textarea sends CR LF).
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def control_character(text: str) -> str | None:
    """The first control character of `text` as "U+0000", or None."""
    found = CONTROL_CHARACTER.search(text or "")
    return f"U+{ord(found.group()):04X}" if found else None


def no_control_characters(value: str) -> None:
    """A form field validator that names the character it refuses."""
    if code := control_character(value):
        raise ValidationError(
            _("This value contains a control character (%(code)s)."),
            code="control_character",
            params={"code": code},
        )


class PlainTextForm(forms.Form):
    """Every text field refuses control characters, with a message under that field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField):
                field.validators.append(no_control_characters)
