"""Translated content of initiatives: title, summary, text and what it asks (editors write them
in the admin side by side; a missing one falls back to English)."""

from modeltranslation.translator import TranslationOptions, register

from .models import INITIATIVE_TEXT, Initiative


@register(Initiative)
class InitiativeTranslation(TranslationOptions):
    fields = INITIATIVE_TEXT
    required_languages = ("en",)
