"""PubMed / MEDLINE (.nbib): 'TAG - value' lines, continuation lines indented six spaces."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from .common import Problem, Record, ReferenceImportError, clean_doi, parse_name, parse_year

LINE = re.compile(r"^([A-Z][A-Z0-9]{0,3})\s*- ?(.*)$")


def read(text: str) -> list[Record]:
    records: list[Record] = []
    current: list[tuple[str, str, int]] | None = None
    start = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip()
        if not line.strip():
            continue
        if raw.startswith("      ") and current:
            tag, value, at = current[-1]
            current[-1] = (tag, f"{value} {line.strip()}", at)
            continue
        match = LINE.match(line)
        if not match:
            raise ReferenceImportError(
                [Problem(number, "file", _("not a MEDLINE line (expected 'TAG - value')"))]
            )
        tag, value = match.group(1), match.group(2).strip()
        if tag == "PMID":
            if current:
                records.append(_record(current, start))
            current, start = [], number
        elif current is None:
            raise ReferenceImportError(
                [Problem(number, tag, _("a record must start with a PMID line"))]
            )
        current.append((tag, value, number))
    if current:
        records.append(_record(current, start))
    return records


def _record(tags: list[tuple[str, str, int]], line: int) -> Record:
    values: dict[str, list[str]] = {}
    lines: dict[str, int] = {}
    for tag, value, at in tags:
        values.setdefault(tag, []).append(value)
        lines.setdefault(tag, at)

    def first(tag: str) -> str:
        return values.get(tag, [""])[0]

    types = [t.lower() for t in values.get("PT", [])]
    csl: dict = {
        "type": "article-journal"
        if not types or "journal article" in types or "review" in types
        else "document"
    }
    if "book" in " ".join(types):
        csl["type"] = "book"
    csl["PMID"] = first("PMID")
    title = first("TI")
    csl["title"] = title.rstrip(".") if title.endswith(".") and not title.endswith("..") else title
    full = values.get("FAU") or []
    short = values.get("AU") or []
    authors = [parse_name(n) for n in (full or short)]
    authors += [{"literal": n} for n in values.get("CN", []) if n]
    csl["author"] = [a for a in authors if a]
    container = first("JT") or first("TA")
    if container:
        csl["container-title"] = container
    date = parse_year(first("DP"))
    if date:
        csl["issued"] = {"date-parts": [date]}
    elif first("DP"):
        csl["_bad_year"] = first("DP")
    for tag, target in (
        ("VI", "volume"),
        ("IP", "issue"),
        ("PG", "page"),
        ("AB", "abstract"),
        ("LA", "language"),
        ("PB", "publisher"),
    ):
        if first(tag):
            csl[target] = first(tag)
    for tag in ("AID", "LID"):
        for value in values.get(tag, []):
            if value.endswith("[doi]") and "DOI" not in csl:
                csl["DOI"] = clean_doi(value[: -len("[doi]")].strip())
                lines["DOI"] = next(at for t, v, at in tags if t == tag and v == value)
    keywords = values.get("OT", []) + [m.split("/")[0].lstrip("*") for m in values.get("MH", [])]
    if keywords:
        csl["keyword"] = "; ".join(dict.fromkeys(k.strip() for k in keywords if k.strip()))
    field_lines = {
        "title": lines.get("TI"),
        "author": lines.get("FAU") or lines.get("AU") or lines.get("CN"),
        "issued": lines.get("DP"),
        "PMID": lines.get("PMID"),
        "DOI": lines.get("DOI"),
        "page": lines.get("PG"),
        "volume": lines.get("VI"),
        "issue": lines.get("IP"),
        "container-title": lines.get("JT") or lines.get("TA"),
        "abstract": lines.get("AB"),
        "language": lines.get("LA"),
        "publisher": lines.get("PB"),
        "keyword": lines.get("OT") or lines.get("MH"),
    }
    return Record(line, csl, lines={k: v for k, v in field_lines.items() if v})
