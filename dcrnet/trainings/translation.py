"""Translated content of the catalogue: each training's texts (editors write them in the admin
side by side; a missing one falls back to English)."""

from modeltranslation.translator import TranslationOptions, register

from .models import TRAINING_TEXT, Training


@register(Training)
class TrainingTranslation(TranslationOptions):
    fields = TRAINING_TEXT
    required_languages = ("en",)
