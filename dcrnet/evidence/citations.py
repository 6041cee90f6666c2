"""Formatted bibliographies (APA 7, Vancouver) with citeproc-py and the vendored CSL styles."""

from __future__ import annotations

import html
import re
import warnings
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from .formats import to_csl
from .models import Reference

CSL_DIR = Path(__file__).resolve().parent / "csl"
STYLES = {
    "apa": ("apa.csl", _("APA 7th edition")),
    "vancouver": ("nlm-citation-sequence.csl", _("Vancouver (NLM)")),
}


@lru_cache(maxsize=4)
def _style(name: str):
    from citeproc import CitationStylesStyle

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return CitationStylesStyle(str(CSL_DIR / STYLES[name][0]), validate=False)


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
        bib = CitationStylesBibliography(_style(style), source, formatter.html)
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
