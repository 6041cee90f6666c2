"""Translated content of the news: an article's title, summary and text, a tag's name (editors
write them side by side in the admin; a missing one falls back to English)."""

from modeltranslation.translator import TranslationOptions, register

from .models import ARTICLE_TEXT, TAG_TEXT, Article, Tag


@register(Article)
class ArticleTranslation(TranslationOptions):
    fields = ARTICLE_TEXT
    required_languages = ("en",)


@register(Tag)
class TagTranslation(TranslationOptions):
    fields = TAG_TEXT
    required_languages = ("en",)
