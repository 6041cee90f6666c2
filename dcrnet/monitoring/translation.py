"""Translated content of the indicator dictionary (django-modeltranslation): a column per
language beside the English one; an empty translation falls back to English."""

from modeltranslation.translator import TranslationOptions, register

from .models import INDICATOR_TEXT, DictionaryRelease, Indicator


@register(Indicator)
class IndicatorTranslation(TranslationOptions):
    # The prose of the dictionary page. The Health Canada and EUDA equivalents stay as those
    # sources name their indicators.
    fields = INDICATOR_TEXT


@register(DictionaryRelease)
class DictionaryReleaseTranslation(TranslationOptions):
    fields = ("changes",)
