"""BibTeX / BibLaTeX: read and written by bibtexparser 2, names by its name middlewares."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import bibtexparser
from bibtexparser.library import Library
from bibtexparser.middlewares import (
    AddEnclosingMiddleware,
    MergeCoAuthors,
    MergeNameParts,
    NameParts,
    NormalizeFieldKeys,
    RemoveEnclosingMiddleware,
    ResolveStringReferencesMiddleware,
    SeparateCoAuthors,
    SplitNameParts,
)
from bibtexparser.middlewares.names import InvalidNameError
from bibtexparser.model import Entry, Field, MiddlewareErrorBlock, ParsingFailedBlock
from bibtexparser.writer import BibtexFormat
from django.utils.translation import gettext as _
from pylatexenc.latex2text import LatexNodes2Text
from pylatexenc.latexencode import UnicodeToLatexEncoder
from pylatexenc.latexwalker import LatexWalkerError

from ..models import Reference
from .common import Problem, Record, ReferenceImportError, clean_doi, parse_year, shown, to_csl

TYPES = {
    "article": "article-journal",
    "book": "book",
    "inbook": "chapter",
    "incollection": "chapter",
    "techreport": "report",
    "report": "report",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "online": "webpage",
    "dataset": "dataset",
    "unpublished": "article",
}
TYPES_OUT = {
    "article-journal": "article",
    "book": "book",
    "chapter": "incollection",
    "report": "techreport",
    "thesis": "phdthesis",
    "paper-conference": "inproceedings",
    "webpage": "online",
    "dataset": "misc",
    "article": "unpublished",
    "document": "misc",
}
# BibTeX field → CSL variable, in the order a later field may not replace an earlier one.
FIELDS = {
    "volume": "volume",
    "number": "issue",
    "pages": "page",
    "publisher": "publisher",
    "address": "publisher-place",
    "location": "publisher-place",
    "language": "language",
    "abstract": "abstract",
    "keywords": "keyword",
    "institution": "publisher",
    "school": "publisher",
    "url": "URL",
    "doi": "DOI",
    "pmid": "PMID",
}
VERBATIM = {"url", "doi", "pmid"}  # not LaTeX: written and read as they are
NAME_FIELDS = ("author", "editor")
MAX_BRACE_DEPTH = 50  # deeper is no bibliography, and would exhaust the LaTeX parser's stack

_decoder = LatexNodes2Text(strict_latex_spaces=True)
_encoder = UnicodeToLatexEncoder(
    non_ascii_only=False, replacement_latex_protection="braces", unknown_char_policy="keep"
)


class LatexError(ValueError):
    pass


def _brace_depth(text: str) -> int:
    depth = deepest = 0
    for char in text:
        if char == "{":
            depth += 1
            deepest = max(deepest, depth)
        elif char == "}":
            depth -= 1
    return deepest


def latex_to_text(text: str) -> str:
    """'Chlo{\\'e}' → 'Chloé'; LatexError if the text cannot be read as LaTeX."""
    if not re.search(r"[\\{}$~%]", text):
        return text
    if _brace_depth(text) > MAX_BRACE_DEPTH:
        raise LatexError(_("braces nested more than %(n)s deep") % {"n": MAX_BRACE_DEPTH})
    try:
        decoded = _decoder.latex_to_text(text, tolerant_parsing=True)
    except LatexWalkerError as exc:
        raise LatexError(str(exc).splitlines()[0][:120]) from exc
    return " ".join(decoded.split())


def _parse_stack() -> list:
    return [
        ResolveStringReferencesMiddleware(True),
        RemoveEnclosingMiddleware(True),
        NormalizeFieldKeys(True),
        SeparateCoAuthors(True, name_fields=NAME_FIELDS),
        SplitNameParts(True, name_fields=NAME_FIELDS),
    ]


def _failure(block: ParsingFailedBlock) -> Problem:
    line = (block.start_line or 0) + 1
    error = block.error
    if isinstance(block, MiddlewareErrorBlock) and isinstance(error, InvalidNameError):
        entry = block.ignore_error_block
        for item in getattr(entry, "fields", []):
            if item.key in NAME_FIELDS and error.name in str(item.value):
                return Problem(
                    (item.start_line or 0) + 1,
                    item.key,
                    _("'%(name)s' is not a name BibTeX can read (%(reason)s)")
                    % {"name": shown(error.name), "reason": error.reason},
                )
    return Problem(
        line,
        "entry",
        _("this entry could not be read (%(reason)s)")
        % {"reason": shown(error or type(block).__name__, 120)},
    )


def read(text: str) -> list[Record]:
    library = bibtexparser.parse_string(text, parse_stack=_parse_stack())
    if library.failed_blocks:
        raise ReferenceImportError([_failure(block) for block in library.failed_blocks])
    return [_record(entry) for entry in library.entries]


def _name(parts: NameParts) -> dict[str, str]:
    """A CSL name: a braced last name alone ('{MSIC Evaluation Committee}') is an organisation;
    'von' parts belong to the family name, 'Jr' parts to the given names."""
    if not parts.first and not parts.von and not parts.jr and len(parts.last) == 1:
        word = parts.last[0]
        if word.startswith("{") and word.endswith("}") and _brace_depth(word[1:-1]) == 0:
            return {"literal": latex_to_text(word[1:-1])}
    family = latex_to_text(" ".join(parts.von + parts.last))
    given = latex_to_text(" ".join(parts.first + parts.jr))
    if not family:
        return {"family": given} if given else {}
    return {"family": family, "given": given} if given else {"family": family}


def _record(entry: Entry) -> Record:
    line = (entry.start_line or 0) + 1
    fields = {item.key: item for item in entry.fields}
    lines = {key: (item.start_line or 0) + 1 for key, item in fields.items()}
    problems: list[Problem] = []
    values: dict[str, str] = {}
    for key, item in fields.items():
        if key in NAME_FIELDS:
            continue
        value = str(item.value)
        try:
            values[key] = value.strip() if key in VERBATIM else latex_to_text(value)
        except LatexError as exc:
            problems.append(Problem(lines[key], key, str(exc)))
    csl: dict = {"type": TYPES.get(entry.entry_type.lower(), "document")}
    if csl["type"] == "document" and values.get("url"):
        csl["type"] = "webpage"
    csl["title"] = values.get("title", "")
    for role in NAME_FIELDS:
        if role not in fields:
            continue
        try:
            names = [_name(parts) for parts in fields[role].value]
        except LatexError as exc:
            problems.append(Problem(lines[role], role, str(exc)))
            continue
        if any(names) or role == "author":
            csl[role] = [n for n in names if n]
    container_key = next(
        (k for k in ("journal", "journaltitle", "booktitle", "series") if values.get(k)), None
    )
    if container_key:
        csl["container-title"] = values[container_key]
    date_key = "year" if values.get("year") else "date"
    date = parse_year(values.get(date_key) or None)
    if date:
        month = (
            parse_year(f"{date[0]} {values['month']}")
            if values.get("month") and len(date) == 1
            else []
        )
        csl["issued"] = {"date-parts": [month if len(month) > 1 else date]}
    elif values.get(date_key):
        csl["_bad_year"] = values[date_key]
    for key, target in FIELDS.items():
        if values.get(key) and target not in csl:
            csl[target] = values[key]
    if "page" in csl:
        csl["page"] = re.sub(r"\s*-+\s*|\s*–\s*", "-", csl["page"])
    if "keyword" in csl:
        csl["keyword"] = "; ".join(
            k.strip() for k in re.split(r"[;,]", csl["keyword"]) if k.strip()
        )
    if "DOI" in csl:
        csl["DOI"] = clean_doi(csl["DOI"])
    field_lines = {
        "title": lines.get("title"),
        "author": lines.get("author"),
        "editor": lines.get("editor"),
        "container-title": lines.get(container_key or ""),
        "issued": lines.get(date_key),
    }
    field_lines |= {target: lines.get(key) for key, target in FIELDS.items() if key in values}
    return Record(line, csl, problems, {k: v for k, v in field_lines.items() if v})


# --- Writing -----------------------------------------------------------------------------


def normal_key(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return re.sub(r"[^A-Za-z0-9]", "", text) or "ref"


def text_to_latex(text: str) -> str:
    """'Chloé & 50%' → 'Chlo\\'e \\& 50\\%': any text, safe inside braces."""
    return _encoder.unicode_to_latex(text)


def _name_parts(name: dict) -> NameParts:
    if "literal" in name:
        return NameParts(last=["{" + text_to_latex(name["literal"]) + "}"])
    given, family = name.get("given", ""), text_to_latex(name.get("family", ""))
    if re.search(r"[\s,]", family):
        family = "{" + family + "}"  # one family name, not 'First Last' nor two people
    return NameParts(first=[text_to_latex(given)] if given else [], last=[family])


def _verbatim(value: str) -> str:
    return value.replace("{", "").replace("}", "")


def _entry(ref: Reference, key: str) -> Entry:
    csl = to_csl(ref)
    fields: list[Field] = []
    for role in NAME_FIELDS:
        if csl.get(role):
            fields.append(Field(role, [_name_parts(n) for n in csl[role]]))
    fields.append(Field("title", "{" + text_to_latex(ref.title) + "}"))
    container_key = {
        "article-journal": "journal",
        "chapter": "booktitle",
        "paper-conference": "booktitle",
    }.get(ref.csl_type, "series")
    if ref.container_title:
        fields.append(Field(container_key, text_to_latex(ref.container_title)))
    fields.append(Field("year", str(ref.year)))
    if ref.month:
        fields.append(Field("month", str(ref.month)))
    for attr, name in (
        ("volume", "volume"),
        ("issue", "number"),
        ("page", "pages"),
        ("publisher", "publisher"),
        ("publisher_place", "address"),
        ("language", "language"),
        ("abstract", "abstract"),
        ("keywords", "keywords"),
    ):
        value = getattr(ref, attr)
        if value:
            fields.append(
                Field(name, text_to_latex(value.replace("-", "--") if attr == "page" else value))
            )
    for attr in ("doi", "pmid", "url"):
        if value := getattr(ref, attr):
            fields.append(Field(attr, _verbatim(value)))
    return Entry(TYPES_OUT.get(ref.csl_type, "misc"), key, fields)


def write(refs: Iterable[Reference]) -> str:
    library = Library()
    keys: set[str] = set()
    for ref in refs:
        base = f"{normal_key(ref.first_author_family() or 'anon')}{ref.year}"
        key, suffix = base, 0
        while key in keys:
            suffix += 1
            key = f"{base}{chr(ord('a') + suffix - 1) if suffix <= 26 else suffix}"
        keys.add(key)
        library.add(_entry(ref, key))
    style = BibtexFormat()
    style.indent = "  "
    style.block_separator = "\n"
    return bibtexparser.write_string(
        library,
        unparse_stack=[
            MergeNameParts("last", name_fields=NAME_FIELDS),
            MergeCoAuthors(name_fields=NAME_FIELDS),
            AddEnclosingMiddleware(
                reuse_previous_enclosing=False, enclose_integers=False, default_enclosing="{"
            ),
        ],
        bibtex_format=style,
    )
