"""Translated texts of the registry: parameter labels and notes, preset names and descriptions
(a missing language falls back to English)."""

from modeltranslation.translator import TranslationOptions, register

from .models import PARAMETER_TEXT, PRESET_TEXT, Parameter, Preset


@register(Parameter)
class ParameterTranslation(TranslationOptions):
    fields = PARAMETER_TEXT
    required_languages = ("en",)


@register(Preset)
class PresetTranslation(TranslationOptions):
    fields = PRESET_TEXT
    required_languages = ("en",)
