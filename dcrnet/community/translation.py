"""Translated content of the community app: the names of expertise tags."""

from modeltranslation.translator import TranslationOptions, register

from .models import ExpertiseTag


@register(ExpertiseTag)
class ExpertiseTagTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("en",)
