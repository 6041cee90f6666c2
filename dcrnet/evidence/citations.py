"""Formatted bibliographies (APA 7, Vancouver) with citeproc-py and the vendored CSL styles."""

from __future__ import annotations

import html
import re
import warnings
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .formats import to_csl
from .models import Reference

CSL_DIR = Path(__file__).resolve().parent / "csl"
STYLES = {
    "apa": ("apa.csl", _("APA 7th edition")),
    "vancouver": ("nlm-citation-sequence.csl", _("Vancouver (NLM)")),
}
# The CSL locale of each language: the words a style puts around the data ("In", "Retrieved
# from", "et al.", month names). A page cites in its language; a download in English unless
# ?lang= names another (lib.i18n.neutral_language).
CSL_LOCALES = {"en": "en-US", "fr": "fr-FR", "de": "de-DE", "nl": "nl-NL", "es": "es-ES"}


def csl_locale() -> str:
    return CSL_LOCALES.get(get_language() or "en", CSL_LOCALES["en"])


@lru_cache(maxsize=16)
def _style(name: str, locale: str):
    from citeproc import CitationStylesStyle

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return CitationStylesStyle(str(CSL_DIR / STYLES[name][0]), locale=locale, validate=False)


def bibliography(refs: Iterable[Reference], style: str) -> list[SafeString]:
    """One HTML entry per reference, in the style's order (APA: by author; Vancouver: as given)."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    items = [to_csl(ref) for ref in refs]
    if not items:
        return []
    for item in items:
        item["id"] = f"r{item['id']}"
    source = CiteProcJSON(items)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        bib = CitationStylesBibliography(_style(style, csl_locale()), source, formatter.html)
        for item in items:
            bib.register(Citation([CitationItem(item["id"])]))
        entries = [str(entry) for entry in bib.bibliography()]
    numbered = style == "vancouver"
    out = []
    for entry in entries:
        entry = re.sub(r"^\d+\.\s*", "", entry) if numbered else entry
        out.append(mark_safe(entry))  # noqa: S308 (citeproc escapes the data it formats)
    return out


def as_text(entries: Iterable[str], numbered: bool = False) -> str:
    lines = []
    for position, entry in enumerate(entries, start=1):
        text = html.unescape(re.sub(r"<[^>]+>", "", str(entry)))
        lines.append(f"{position}. {text}" if numbered else text)
    return "\n".join(lines) + "\n"
