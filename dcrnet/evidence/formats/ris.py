"""RIS (EndNote, Zotero, Mendeley, most databases): read with line numbers, write with rispy."""

from __future__ import annotations

import re
from collections.abc import Iterable

import rispy
from django.utils.translation import gettext as _

from ..models import Reference
from .common import (
    Problem,
    Record,
    ReferenceImportError,
    clean_doi,
    join_pages,
    name_text,
    parse_name,
    parse_year,
    to_csl,
)

TYPES = {
    "JOUR": "article-journal",
    "EJOUR": "article-journal",
    "MGZN": "article-journal",
    "BOOK": "book",
    "EBOOK": "book",
    "EDBOOK": "book",
    "CHAP": "chapter",
    "ECHAP": "chapter",
    "RPRT": "report",
    "GOVDOC": "report",
    "THES": "thesis",
    "CONF": "paper-conference",
    "CPAPER": "paper-conference",
    "ELEC": "webpage",
    "BLOG": "webpage",
    "WEB": "webpage",
    "DATA": "dataset",
    "DBASE": "dataset",
    "UNPB": "article",
    "INPR": "article-journal",
}
TYPES_OUT = {
    "article-journal": "JOUR",
    "book": "BOOK",
    "chapter": "CHAP",
    "report": "RPRT",
    "thesis": "THES",
    "paper-conference": "CPAPER",
    "webpage": "ELEC",
    "dataset": "DATA",
    "article": "UNPB",
    "document": "GEN",
}
LINE = re.compile(r"^([A-Z][A-Z0-9])  -(?: (.*))?$")


def read(text: str) -> list[Record]:
    """Records between 'TY  -' and 'ER  -'; a continuation line joins the tag above it."""
    records: list[Record] = []
    chunk: list[str] = []
    lines: dict[str, int] = {}
    start = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip()
        match = LINE.match(line.lstrip())
        if match and match.group(1) == "TY":
            if chunk:
                raise ReferenceImportError(
                    [
                        Problem(
                            number,
                            "TY",
                            _("a new record starts before ER ended the one at line %(line)s")
                            % {"line": start},
                        )
                    ]
                )
            chunk, lines, start = [line.lstrip()], {"TY": number}, number
            continue
        if not chunk:
            if re.fullmatch(r"\d+\.", line.strip()):
                continue  # rispy numbers its records
            if line.strip() and not match:
                raise ReferenceImportError(
                    [
                        Problem(
                            number,
                            "file",
                            _("text outside a record (a record starts with 'TY  -')"),
                        )
                    ]
                )
            if match and match.group(1) != "ER":
                raise ReferenceImportError(
                    [
                        Problem(
                            number,
                            match.group(1),
                            _("tag outside a record (a record starts with 'TY  -')"),
                        )
                    ]
                )
            continue
        if match:
            lines.setdefault(match.group(1), number)
            chunk.append(line.lstrip())
            if match.group(1) == "ER":
                records.append(_record(rispy.loads("\n".join(chunk)), start, lines))
                chunk = []
        elif line.strip():
            chunk[-1] = f"{chunk[-1]} {line.strip()}"  # a long value wrapped onto this line
    if chunk:
        raise ReferenceImportError(
            [Problem(start, "ER", _("the record that starts here has no 'ER  -' end line"))]
        )
    return records


def _text(value) -> str:
    """rispy gives a list for a tag it expects once when the file repeats it."""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value or "")


def _record(parsed: list[dict], line: int, lines: dict[str, int]) -> Record:
    entry = parsed[0] if parsed else {}
    csl: dict = {}
    ris_type = _text(entry.get("type_of_reference")).strip().upper()
    csl["type"] = TYPES.get(ris_type, "document")
    csl["title"] = _text(entry.get("title") or entry.get("primary_title"))
    names = (entry.get("authors") or []) + (entry.get("first_authors") or [])
    csl["author"] = [n for n in (parse_name(a) for a in names) if n]
    editors = entry.get("secondary_authors") if csl["type"] == "chapter" else None
    if editors:
        csl["editor"] = [n for n in (parse_name(a) for a in editors) if n]
    container = _text(
        entry.get("secondary_title")
        or entry.get("journal_name")
        or entry.get("alternate_title3")
        or entry.get("alternate_title1")
    )
    if container:
        csl["container-title"] = container
    year = _text(entry.get("year") or entry.get("publication_year"))
    date = parse_year(year or _text(entry.get("date")) or None)
    if date:
        csl["issued"] = {"date-parts": [date]}
    elif year:
        csl["_bad_year"] = year
    for key, target in (
        ("volume", "volume"),
        ("number", "issue"),
        ("publisher", "publisher"),
        ("place_published", "publisher-place"),
        ("language", "language"),
        ("abstract", "abstract"),
        ("notes_abstract", "abstract"),
    ):
        value = _text(entry.get(key)).strip()
        if value and target not in csl:
            csl[target] = value
    pages = join_pages(_text(entry.get("start_page")), _text(entry.get("end_page")))
    if pages:
        csl["page"] = pages
    if entry.get("doi"):
        csl["DOI"] = clean_doi(_text(entry["doi"]))
    for url in entry.get("urls") or []:
        if "doi.org/" in url and "DOI" not in csl:
            csl["DOI"] = clean_doi(url)
        elif "URL" not in csl:
            csl["URL"] = url.strip()
    accession = _text(entry.get("accession_number")).strip()
    if re.fullmatch(r"\d{1,9}", accession, re.ASCII):
        csl["PMID"] = accession
    keywords = [k.strip() for k in entry.get("keywords") or [] if k.strip()]
    if keywords:
        csl["keyword"] = "; ".join(keywords)
    field_lines = {
        "title": lines.get("TI") or lines.get("T1"),
        "author": lines.get("AU") or lines.get("A1"),
        "issued": lines.get("PY") or lines.get("Y1") or lines.get("DA"),
        "DOI": lines.get("DO"),
        "volume": lines.get("VL"),
        "issue": lines.get("IS"),
        "page": lines.get("SP"),
        "container-title": lines.get("T2") or lines.get("JO") or lines.get("JF"),
        "URL": lines.get("UR"),
        "PMID": lines.get("AN"),
        "publisher": lines.get("PB"),
        "publisher-place": lines.get("CY"),
        "language": lines.get("LA"),
        "abstract": lines.get("AB") or lines.get("N2"),
        "keyword": lines.get("KW"),
        "editor": lines.get("A2") or lines.get("ED"),
    }
    return Record(line, csl, lines={k: v for k, v in field_lines.items() if v})


def write(refs: Iterable[Reference]) -> str:
    entries = []
    for ref in refs:
        csl = to_csl(ref)
        entry: dict = {"type_of_reference": TYPES_OUT.get(ref.csl_type, "GEN")}
        entry["authors"] = [name_text(n, ris=True) for n in csl.get("author", [])]
        if csl.get("editor"):
            entry["secondary_authors"] = [name_text(n) for n in csl["editor"]]
        entry["title"] = ref.title
        if ref.container_title:
            entry["secondary_title"] = ref.container_title
        entry["year"] = str(ref.year)
        if ref.month:
            day = f"{ref.day:02d}" if ref.day else ""
            entry["date"] = f"{ref.year}/{ref.month:02d}/{day}/"
        for attr, key in (
            ("volume", "volume"),
            ("issue", "number"),
            ("publisher", "publisher"),
            ("publisher_place", "place_published"),
            ("language", "language"),
            ("abstract", "abstract"),
            ("doi", "doi"),
            ("pmid", "accession_number"),
        ):
            value = getattr(ref, attr)
            if value:
                entry[key] = value
        if ref.page:
            start, _sep, end = ref.page.partition("-")
            entry["start_page"] = start
            if end:
                entry["end_page"] = end
        if ref.url:
            entry["urls"] = [ref.url]
        if ref.keywords:
            entry["keywords"] = [k.strip() for k in ref.keywords.split(";") if k.strip()]
        entries.append(entry)
    return rispy.dumps(entries)
