"""Translated content of the forum: the categories' names and descriptions (editors write them
in the admin, one column per language; an empty translation falls back to English)."""

from modeltranslation.translator import TranslationOptions, register

from .models import CATEGORY_TEXT, Category


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = CATEGORY_TEXT
    required_languages = ("en",)
