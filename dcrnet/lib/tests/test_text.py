"""lib.text: the one rule for control characters, in forms and everywhere else."""

from __future__ import annotations

import pytest
from django import forms

from dcrnet.lib.text import PlainTextForm, control_character


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("plain", None),
        ("tab\tand\r\nline ends", None),
        ("nul\x00", "U+0000"),
        ("\x1b[2J", "U+001B"),
    ],
)
def test_control_characters_are_named_and_line_ends_are_text(text, found):
    assert control_character(text) == found


class Note(PlainTextForm):
    title = forms.CharField()
    body = forms.CharField(widget=forms.Textarea, required=False)


def test_a_plain_text_form_names_the_field_and_the_character():
    form = Note({"title": "ok", "body": "line one\r\nline\x07two"})
    assert not form.is_valid()
    assert form.errors == {"body": ["This value contains a control character (U+0007)."]}
    assert Note({"title": "ok", "body": "line one\r\nline two"}).is_valid()
