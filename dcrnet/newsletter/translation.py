"""Translated content of a newsletter issue: its subject and the editor's introduction (written
side by side in the admin; a missing one falls back to English)."""

from modeltranslation.translator import TranslationOptions, register

from .models import ISSUE_TEXT, Issue


@register(Issue)
class IssueTranslation(TranslationOptions):
    fields = ISSUE_TEXT
    required_languages = {"en": ("intro",)}
