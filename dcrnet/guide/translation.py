"""Translated content of the guide: each step's title, summary and guidance, and the examples'
notes (editors write them in the admin side by side; a missing one falls back to English)."""

from modeltranslation.translator import TranslationOptions, register

from .models import EXAMPLE_TEXT, STEP_TEXT, Example, Step


@register(Step)
class StepTranslation(TranslationOptions):
    fields = STEP_TEXT
    required_languages = ("en",)


@register(Example)
class ExampleTranslation(TranslationOptions):
    fields = EXAMPLE_TEXT
    required_languages = ("en",)
