"""Translated content of the policy tracker: each event's title and summary (editors write them
side by side in the admin; a missing one falls back to English). The source's title stays as the
source titles itself."""

from modeltranslation.translator import TranslationOptions, register

from .models import EVENT_TEXT, Event


@register(Event)
class EventTranslation(TranslationOptions):
    fields = EVENT_TEXT
    required_languages = ("en",)
