"""Translated content of the documents: the topics' names (one column per language)."""

from modeltranslation.translator import TranslationOptions, register

from .models import TOPIC_TEXT, Topic


@register(Topic)
class TopicTranslation(TranslationOptions):
    fields = TOPIC_TEXT
    required_languages = ("en",)
