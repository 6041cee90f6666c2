"""Translated content of the evidence library (django-modeltranslation): a column per language
beside the English one; an empty translation falls back to English.

The vocabularies' names and descriptions and the GRADE rationales are shown to the public in the
visitor's language. References (titles, abstracts, notes) stay in the language they were
published or written in. Terms are matched by slug and code everywhere (filters, URLs, the API,
the search index's postings), never by a translated name.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import EvidenceSummary, Term


@register(Term)
class TermTranslation(TranslationOptions):
    fields = ("name", "description")


@register(EvidenceSummary)
class EvidenceSummaryTranslation(TranslationOptions):
    fields = ("rationale",)
