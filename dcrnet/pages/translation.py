"""Translated content of the editable pages (django-modeltranslation): a column per language
beside the English one; an empty translation falls back to English."""

from modeltranslation.translator import TranslationOptions, register

from .models import TRANSLATED_FIELDS, Page


@register(Page)
class PageTranslation(TranslationOptions):
    fields = TRANSLATED_FIELDS
    # English is what every other language falls back to: a page always has it.
    required_languages = ("en",)
