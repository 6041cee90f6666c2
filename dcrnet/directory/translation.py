"""Translated content of the directory (django-modeltranslation): a column per language beside
the English one; an empty translation falls back to English.

`source_title` stays as the cited source titles itself, and facility texts (names, descriptions,
notes) are written by or about each facility in one language, so they are not translated here.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import COUNTRY_TEXT, HIGHLIGHT_TEXT, Country, Highlight


@register(Country)
class CountryTranslation(TranslationOptions):
    fields = COUNTRY_TEXT


@register(Highlight)
class HighlightTranslation(TranslationOptions):
    fields = HIGHLIGHT_TEXT
