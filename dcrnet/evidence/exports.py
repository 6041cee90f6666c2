"""Export downloads: references as RIS, BibTeX, CSL-JSON, or an APA 7 / Vancouver bibliography.

The page, the reference page and the API send the same files through `download`.
"""

from __future__ import annotations

from django.http import HttpResponse

from dcrnet.lib.csv import as_download

from . import citations, formats
from .models import Reference

EXPORT_FORMATS = ("ris", "bibtex", "csljson", "apa", "vancouver")
EXPORT_LIMIT = 5000  # references in one export


def download(refs: list[Reference], fmt: str, filename: str) -> HttpResponse:
    """`fmt` is one of EXPORT_FORMATS (the callers' schemas and URLs hold to that)."""
    if fmt in formats.WRITERS:
        content_type, extension = formats.CONTENT_TYPES[fmt]
        body = formats.WRITERS[fmt](refs)
    else:
        content_type, extension = "text/plain; charset=utf-8", "txt"
        body = citations.as_text(citations.bibliography(refs, fmt), numbered=fmt == "vancouver")
    return as_download(HttpResponse(body, content_type=content_type), f"{filename}.{extension}")
