"""Translated content: substance names and descriptions, alert titles, advice and actions (a
missing language falls back to English)."""

from modeltranslation.translator import TranslationOptions, register

from .models import ALERT_TEXT, SUBSTANCE_TEXT, Alert, Substance


@register(Substance)
class SubstanceTranslation(TranslationOptions):
    fields = SUBSTANCE_TEXT
    required_languages = ("en",)


@register(Alert)
class AlertTranslation(TranslationOptions):
    fields = ALERT_TEXT
    required_languages = ("en",)
