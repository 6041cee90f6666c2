"""CSL-JSON (citeproc, Zotero, Crossref's API): a list of items, or one item."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from django.utils.translation import gettext as _

from ..models import CslType, Reference
from .common import Problem, Record, ReferenceImportError, clean_doi, parse_name, parse_year, to_csl

CROSSREF_TYPES = {
    "journal-article": "article-journal",
    "book-chapter": "chapter",
    "posted-content": "article",
    "proceedings-article": "paper-conference",
    "monograph": "book",
    "edited-book": "book",
    "dissertation": "thesis",
    "report-series": "report",
}
TEXT_FIELDS = (
    "volume",
    "issue",
    "page",
    "publisher",
    "publisher-place",
    "DOI",
    "PMID",
    "URL",
    "language",
    "abstract",
    "keyword",
    "note",
)


def _item_lines(text: str) -> list[int]:
    """The line on which each top-level array item starts (JSON gives no positions)."""
    starts, depth, in_string, escaped, line = [], 0, False, False, 1
    for char in text:
        if char == "\n":
            line += 1
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
            continue
        if char == '"':
            in_string = True
        elif char in "[{":
            if depth == 1 and char == "{":
                starts.append(line)
            depth += 1
        elif char in "]}":
            depth -= 1
    return starts


def read(text: str) -> list[Record]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        # json's own reason stays in English (it names JSON's syntax); the sentence is translated
        reason = _("not valid JSON (%(reason)s)") % {"reason": exc.msg}
        raise ReferenceImportError([Problem(exc.lineno, "JSON", reason)]) from exc
    except RecursionError as exc:
        raise ReferenceImportError(_("The JSON is nested too deeply.")) from exc
    if isinstance(data, dict):
        data, lines = [data], [1]
    elif isinstance(data, list):
        lines = _item_lines(text)
    else:
        raise ReferenceImportError(_("CSL-JSON is a list of objects (or one object)."))
    return [
        _record(item, lines[position] if position < len(lines) else 1)
        for position, item in enumerate(data)
    ]


def _text(value) -> str:
    """A JSON value as text: lists joined (Crossref gives lists), objects refused by the caller."""
    if isinstance(value, list):
        return "; ".join(_text(v) for v in value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _names(people, line: int, role: str, problems: list[Problem]) -> list[dict]:
    if not isinstance(people, list):
        problems.append(Problem(line, role, _("must be a list of names")))
        return []
    names = []
    for person in people:
        if isinstance(person, dict):
            name = {
                k: _text(person[k]).strip()
                for k in ("family", "given", "literal")
                if person.get(k) not in (None, "", [])
            }
            name = {k: v for k, v in name.items() if v}
            if not name.get("family") and not name.get("literal") and name.get("given"):
                name = {"family": name["given"]}
            if name.get("family") or name.get("literal"):
                names.append(name)
        elif isinstance(person, str) and person.strip():
            names.append(parse_name(person))
        elif person not in (None, ""):
            problems.append(Problem(line, role, _("each name must be an object or a string")))
    return [n for n in names if n]


def _date_part(value) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d{1,6}\s*", value, re.ASCII):
        return int(value)
    return None


def _date(issued) -> list[int]:
    if isinstance(issued, dict):
        parts = issued.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            date = [_date_part(p) for p in parts[0][:3]]
            return [] if None in date else date
        raw = issued.get("raw") or issued.get("literal")
        return parse_year(raw) if isinstance(raw, str | int) else []
    return parse_year(str(issued))


def _record(item, line: int) -> Record:
    if not isinstance(item, dict):
        return Record(line, {}, [Problem(line, "item", _("each item must be a JSON object"))])
    csl: dict = {}
    problems: list[Problem] = []
    kind = item.get("type") if isinstance(item.get("type"), str) else "document"
    csl["type"] = kind if kind in CslType.values else CROSSREF_TYPES.get(kind, "document")
    title = item.get("title")
    if isinstance(title, list):  # Crossref gives lists
        title = title[0] if title else ""
    if isinstance(title, dict):
        problems.append(Problem(line, "title", _("must be text")))
        title = ""
    csl["title"] = _text(title)
    for role in ("author", "editor"):
        names = _names(item.get(role) or [], line, role, problems)
        if names:
            csl[role] = names
    container = item.get("container-title")
    if isinstance(container, list):
        container = container[0] if container else ""
    if container not in (None, ""):
        csl["container-title"] = _text(container)
    issued = item.get("issued")
    if issued is not None:
        date = _date(issued)
        if date:
            csl["issued"] = {"date-parts": [date]}
        else:
            csl["_bad_year"] = json.dumps(issued, ensure_ascii=False)[:60]
    for key in TEXT_FIELDS:
        value = item.get(key) if key in item else item.get(key.lower())
        if isinstance(value, dict):
            problems.append(Problem(line, key, _("must be text")))
        elif value not in (None, "", []):
            csl[key] = _text(value)
    if "DOI" in csl:
        csl["DOI"] = clean_doi(csl["DOI"])
    return Record(line, csl, problems)


def write(refs: Iterable[Reference]) -> str:
    return json.dumps([to_csl(ref) for ref in refs], ensure_ascii=False, indent=2)
