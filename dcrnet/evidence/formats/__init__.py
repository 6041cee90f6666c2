"""Reading and writing references: RIS, BibTeX, PubMed (.nbib) and CSL-JSON.

Every reader turns text into `Record`s: a CSL-JSON dict with the line where it starts and the
problems found in it (field at fault, line). A file that cannot be read at all raises
`ReferenceImportError` (a ValueError) naming the line and what is wrong there. Nothing catches a
reader's own failures: a bug surfaces as one, and the fuzz tests look for exactly that.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from . import bibtex, csljson, pubmed, ris
from .common import (
    Problem,
    Record,
    ReferenceImportError,
    decode,
    detect,
    reference_fields,
    shown,
    to_csl,
    validate,
)

FORMATS = ("ris", "bibtex", "nbib", "csljson")
READERS = {"ris": ris.read, "bibtex": bibtex.read, "nbib": pubmed.read, "csljson": csljson.read}
WRITERS = {"ris": ris.write, "bibtex": bibtex.write, "csljson": csljson.write}
CONTENT_TYPES = {
    "ris": ("application/x-research-info-systems; charset=utf-8", "ris"),
    "bibtex": ("application/x-bibtex; charset=utf-8", "bib"),
    "csljson": ("application/vnd.citationstyles.csl+json; charset=utf-8", "json"),
}

__all__ = [
    "CONTENT_TYPES",
    "FORMATS",
    "Problem",
    "Record",
    "ReferenceImportError",
    "WRITERS",
    "decode",
    "read",
    "reference_fields",
    "to_csl",
]


def read(data: bytes | str, fmt: str | None = None) -> tuple[str, list[Record]]:
    """(format, records) from any bytes, or ReferenceImportError."""
    text = decode(data)
    if not text.strip():
        raise ReferenceImportError(_("The file is empty."))
    fmt = fmt or detect(text)
    if fmt not in READERS:
        raise ReferenceImportError(_("Unknown format %(format)s.") % {"format": shown(fmt, 20)})
    records = READERS[fmt](text)
    if not records:
        raise ReferenceImportError(_("No reference was found in the file."))
    for record in records:
        validate(record)
    return fmt, records
