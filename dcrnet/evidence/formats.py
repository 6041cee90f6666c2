"""Reading and writing references: RIS, BibTeX, PubMed (.nbib) and CSL-JSON.

Every reader turns bytes into `Record`s: a CSL-JSON dict with the line where it starts and
the problems found in it (field at fault, line). A file that cannot be read at all raises
`ReferenceImportError`; nothing else escapes a reader, whatever the bytes.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from .models import CslType, Reference, clean_doi

FORMATS = ("ris", "bibtex", "nbib", "csljson")


@dataclass
class Problem:
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = _("line %(line)s") % {"line": self.line} if self.line else _("file")
        return f"{where}, {self.field}: {self.message}"


class ReferenceImportError(ValueError):
    """The file cannot be read; `problems` says where and why."""

    def __init__(self, problems: list[Problem] | str):
        if isinstance(problems, str):
            problems = [Problem(None, "file", problems)]
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


@dataclass
class Record:
    line: int
    csl: dict
    problems: list[Problem] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)  # field → line, for messages

    @property
    def valid(self) -> bool:
        return not self.problems


# --- Decoding and detection --------------------------------------------------------------


def decode(data: bytes | str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252; newlines to \\n."""
    if isinstance(data, str):
        text = data.lstrip("\ufeff")
    elif data.startswith(codecs.BOM_UTF8):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return text


def detect(text: str) -> str:
    stripped = text.lstrip()
    if stripped[:1] in ("[", "{"):
        return "csljson"
    if re.search(r"^\s*TY  -", text, re.MULTILINE):
        return "ris"
    if re.search(r"^PMID-\s*\d", text, re.MULTILINE):
        return "nbib"
    if re.search(r"^\s*@\s*\w+\s*[{(]", text, re.MULTILINE):
        return "bibtex"
    raise ReferenceImportError(
        _("The format was not recognised: expected RIS, BibTeX, PubMed (.nbib) or CSL-JSON.")
    )


def read(data: bytes | str, fmt: str | None = None) -> tuple[str, list[Record]]:
    """(format, records) from any bytes, or ReferenceImportError."""
    text = decode(data)
    if not text.strip():
        raise ReferenceImportError(_("The file is empty."))
    fmt = fmt or detect(text)
    readers = {"ris": read_ris, "bibtex": read_bibtex, "nbib": read_nbib, "csljson": read_csljson}
    if fmt not in readers:
        raise ReferenceImportError(_("Unknown format %(format)s.") % {"format": fmt})
    try:
        records = readers[fmt](text)
    except ReferenceImportError:
        raise
    except Exception as exc:  # a third-party parser's own failure, reported, never a 500
        raise ReferenceImportError(
            _("The file could not be read as %(format)s (%(error)s).")
            % {"format": fmt, "error": str(exc)[:200] or type(exc).__name__}
        ) from exc
    if not records:
        raise ReferenceImportError(_("No reference was found in the file."))
    for record in records:
        validate(record)
    return fmt, records


# --- Names, dates, pages -----------------------------------------------------------------


def parse_name(text: str) -> dict[str, str]:
    """'Kerr, Thomas', 'Kerr T', 'Thomas Kerr' or an organisation → CSL name."""
    raw = " ".join(text.split())
    text = raw.strip(" ,;")
    if not text:
        return {}
    if raw.endswith(",") and "," not in text:
        return {"literal": text}  # RIS corporate author: "Name," (EndNote's convention)
    if "," in text:
        family, _sep, given = text.partition(",")
        return (
            {"family": family.strip(), "given": given.strip()}
            if given.strip()
            else {"family": family.strip()}
        )
    parts = text.split(" ")
    if len(parts) == 1:
        return {"family": text}
    if len(parts) >= 5 or any(
        p in {"for", "and", "of", "on", "the", "de", "für"} for p in parts[1:-1]
    ):
        return {"literal": text}  # an organisation written without a comma
    if re.fullmatch(r"[A-Z][A-Z.\-]{0,5}", parts[-1]):  # Vancouver: "Kerr T", "Marshall BDL"
        return {"family": " ".join(parts[:-1]), "given": parts[-1]}
    return {"family": parts[-1], "given": " ".join(parts[:-1])}


def parse_year(value: str | int | None) -> list[int]:
    """'2011', '2011/03/05/', '2011 Mar 5', '2011-03' → [2011, 3, 5] (as far as known)."""
    if value is None:
        return []
    text = str(value)
    match = re.search(r"\b(1[5-9]\d\d|2[01]\d\d)\b", text)
    if not match:
        return []
    parts = [int(match.group(1))]
    rest = text[match.end() :]
    month = re.match(r"[/\-\s]+(\d{1,2})\b", rest)
    if month:
        parts.append(int(month.group(1)))
        day = re.match(r"[/\-\s]+(\d{1,2})\b", rest[month.end() :])
        if day:
            parts.append(int(day.group(1)))
    else:
        named = re.match(r"\s+([A-Za-z]{3})", rest)
        months = "jan feb mar apr may jun jul aug sep oct nov dec".split()
        if named and named.group(1).lower() in months:
            parts.append(months.index(named.group(1).lower()) + 1)
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        parts = parts[:1]
    if len(parts) > 2 and not 1 <= parts[2] <= 31:
        parts = parts[:2]
    return parts


def join_pages(start: str | None, end: str | None) -> str:
    start, end = (start or "").strip(), (end or "").strip()
    if start and end and end != start:
        return f"{start}-{end}"
    return start or end


# --- RIS -------------------------------------------------------------------------------

RIS_TYPES = {
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
RIS_OUT = {
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
RIS_LINE = re.compile(r"^([A-Z][A-Z0-9])  -(?: (.*))?$")


def read_ris(text: str) -> list[Record]:
    import rispy

    records: list[Record] = []
    chunk: list[str] = []
    lines: dict[str, int] = {}
    start = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip()
        match = RIS_LINE.match(line.lstrip())
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
                records.append(_ris_record(rispy.loads("\n".join(chunk)), start, lines))
                chunk = []
        elif line.strip():
            chunk.append(line)  # a continuation line; rispy appends it to the tag before
    if chunk:
        raise ReferenceImportError(
            [Problem(start, "ER", _("the record that starts here has no 'ER  -' end line"))]
        )
    return records


def _ris_record(parsed: list[dict], line: int, lines: dict[str, int]) -> Record:
    entry = parsed[0] if parsed else {}
    csl: dict = {}
    ris_type = (entry.get("type_of_reference") or "").strip().upper()
    csl["type"] = RIS_TYPES.get(ris_type, "document")
    csl["title"] = entry.get("title") or entry.get("primary_title") or ""
    names = (entry.get("authors") or []) + (entry.get("first_authors") or [])
    csl["author"] = [n for n in (parse_name(a) for a in names) if n]
    editors = entry.get("secondary_authors") if csl["type"] == "chapter" else None
    if editors:
        csl["editor"] = [n for n in (parse_name(a) for a in editors) if n]
    container = (
        entry.get("secondary_title")
        or entry.get("journal_name")
        or entry.get("alternate_title3")
        or entry.get("alternate_title1")
        or ""
    )
    if container:
        csl["container-title"] = container
    date = parse_year(entry.get("year") or entry.get("publication_year") or entry.get("date"))
    if date:
        csl["issued"] = {"date-parts": [date]}
    elif entry.get("year") or entry.get("publication_year"):
        csl["_bad_year"] = entry.get("year") or entry.get("publication_year")
    for key, target in (
        ("volume", "volume"),
        ("number", "issue"),
        ("publisher", "publisher"),
        ("place_published", "publisher-place"),
        ("language", "language"),
        ("abstract", "abstract"),
        ("notes_abstract", "abstract"),
    ):
        value = entry.get(key)
        if value and target not in csl:
            csl[target] = str(value).strip()
    pages = join_pages(entry.get("start_page"), entry.get("end_page"))
    if pages:
        csl["page"] = pages
    if entry.get("doi"):
        csl["DOI"] = clean_doi(entry["doi"])
    urls = entry.get("urls") or []
    for url in urls:
        if "doi.org/" in url and "DOI" not in csl:
            csl["DOI"] = clean_doi(url)
        elif "URL" not in csl:
            csl["URL"] = url.strip()
    accession = str(entry.get("accession_number") or "")
    if re.fullmatch(r"\d{1,9}", accession.strip()):
        csl["PMID"] = accession.strip()
    if entry.get("keywords"):
        csl["keyword"] = "; ".join(k.strip() for k in entry["keywords"] if k.strip())
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
    }
    return Record(line, csl, lines={k: v for k, v in field_lines.items() if v})


def write_ris(refs: Iterable[Reference]) -> str:
    import rispy

    entries = []
    for ref in refs:
        csl = to_csl(ref)
        entry: dict = {"type_of_reference": RIS_OUT.get(ref.csl_type, "GEN")}
        entry["authors"] = [_name_text(n, ris=True) for n in csl.get("author", [])]
        if csl.get("editor"):
            entry["secondary_authors"] = [_name_text(n) for n in csl["editor"]]
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


def _name_text(name: dict, ris: bool = False) -> str:
    if "literal" in name:
        return name["literal"] + ("," if ris else "")
    return (
        f"{name.get('family', '')}, {name['given']}"
        if name.get("given")
        else name.get("family", "")
    )


# --- BibTeX ----------------------------------------------------------------------------

BIBTEX_TYPES = {
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
BIBTEX_OUT = {
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


def _latex(text: str) -> str:
    from pylatexenc.latex2text import LatexNodes2Text

    if "\\" not in text and "{" not in text and "$" not in text and "~" not in text:
        return text
    try:
        return " ".join(LatexNodes2Text(strict_latex_spaces=True).latex_to_text(text).split())
    except Exception:  # pylatexenc gives up on malformed LaTeX: keep the raw text
        return text.replace("{", "").replace("}", "")


def _split_names(value: str) -> list[str]:
    names, depth, current = [], 0, ""
    tokens = re.split(r"(\{|\}|\s+and\s+)", value)
    for token in tokens:
        if token == "{":
            depth += 1
        elif token == "}":
            depth = max(0, depth - 1)
        if depth == 0 and re.fullmatch(r"\s+and\s+", token or ""):
            names.append(current)
            current = ""
        else:
            current += token or ""
    names.append(current)
    return [n.strip() for n in names if n.strip()]


def _bibtex_name(text: str) -> dict[str, str]:
    text = text.strip()
    if text.startswith("{") and text.endswith("}") and text.count("{") == 1:
        return {"literal": _latex(text[1:-1])}
    return parse_name(_latex(text))


def read_bibtex(text: str) -> list[Record]:
    import bibtexparser
    from bibtexparser.middlewares import (
        RemoveEnclosingMiddleware,
        ResolveStringReferencesMiddleware,
    )

    library = bibtexparser.parse_string(
        text,
        parse_stack=[ResolveStringReferencesMiddleware(True), RemoveEnclosingMiddleware(True)],
    )
    if library.failed_blocks:
        problems = []
        for block in library.failed_blocks:
            line = (getattr(block, "start_line", 0) or 0) + 1
            reason = getattr(block, "error", None) or type(block).__name__
            problems.append(
                Problem(
                    line,
                    "entry",
                    _("this entry could not be read (%(reason)s)") % {"reason": str(reason)[:120]},
                )
            )
        raise ReferenceImportError(problems)
    records = []
    for entry in library.entries:
        fields = {
            k.lower(): (v.value if hasattr(v, "value") else v) for k, v in entry.fields_dict.items()
        }
        fields = {k: str(v) for k, v in fields.items()}
        line = (entry.start_line or 0) + 1
        csl: dict = {"type": BIBTEX_TYPES.get(entry.entry_type.lower(), "document")}
        if csl["type"] == "document" and fields.get("url"):
            csl["type"] = "webpage"
        csl["title"] = _latex(fields.get("title", ""))
        csl["author"] = [
            n for n in (_bibtex_name(a) for a in _split_names(fields.get("author", ""))) if n
        ]
        if fields.get("editor"):
            csl["editor"] = [
                n for n in (_bibtex_name(a) for a in _split_names(fields["editor"])) if n
            ]
        container = (
            fields.get("journal")
            or fields.get("journaltitle")
            or fields.get("booktitle")
            or fields.get("series")
            or ""
        )
        if container:
            csl["container-title"] = _latex(container)
        date = parse_year(fields.get("year") or fields.get("date"))
        if date:
            month = (
                parse_year(f"{date[0]} {fields['month']}")
                if fields.get("month") and len(date) == 1
                else []
            )
            csl["issued"] = {"date-parts": [month if len(month) > 1 else date]}
        elif fields.get("year") or fields.get("date"):
            csl["_bad_year"] = fields.get("year") or fields.get("date")
        simple = {
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
        for key, target in simple.items():
            if fields.get(key) and target not in csl:
                value = fields[key] if key in ("url", "doi") else _latex(fields[key])
                csl[target] = value.strip()
        if "page" in csl:
            csl["page"] = re.sub(r"\s*-+\s*|\s*–\s*", "-", csl["page"])
        if "keyword" in csl:
            csl["keyword"] = "; ".join(
                k.strip() for k in re.split(r"[;,]", csl["keyword"]) if k.strip()
            )
        if "DOI" in csl:
            csl["DOI"] = clean_doi(csl["DOI"])
        records.append(Record(line, csl))
    return records


def _bibtex_escape(value: str) -> str:
    value = value.replace("\\", "\\textbackslash{}")
    for char in "&%$#_":
        value = value.replace(char, "\\" + char)
    depth = 0
    for char in value:  # unbalanced braces would break the file: drop them all then
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            break
    if depth != 0:
        value = value.replace("{", "").replace("}", "")
    return value


def write_bibtex(refs: Iterable[Reference]) -> str:
    out, keys = [], set()
    for ref in refs:
        csl = to_csl(ref)
        family = normal_key(ref.first_author_family() or "anon")
        key = f"{family}{ref.year}"
        suffix, base = 0, key
        while key in keys:
            suffix += 1
            key = f"{base}{chr(ord('a') + suffix - 1) if suffix <= 26 else suffix}"
        keys.add(key)
        fields: list[tuple[str, str]] = []

        def names(people: list[dict]) -> str:
            return " and ".join(
                "{" + _bibtex_escape(p["literal"]) + "}"
                if "literal" in p
                else _bibtex_escape(_name_text(p))
                for p in people
            )

        if csl.get("author"):
            fields.append(("author", names(csl["author"])))
        if csl.get("editor"):
            fields.append(("editor", names(csl["editor"])))
        fields.append(("title", "{" + _bibtex_escape(ref.title) + "}"))
        container_key = {
            "article-journal": "journal",
            "chapter": "booktitle",
            "paper-conference": "booktitle",
        }.get(ref.csl_type, "series")
        if ref.container_title:
            fields.append((container_key, _bibtex_escape(ref.container_title)))
        fields.append(("year", str(ref.year)))
        if ref.month:
            fields.append(("month", str(ref.month)))
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
                    (name, _bibtex_escape(value.replace("-", "--") if attr == "page" else value))
                )
        for attr, name in (("doi", "doi"), ("pmid", "pmid"), ("url", "url")):
            value = getattr(ref, attr)
            if value:
                fields.append((name, value.replace("{", "").replace("}", "")))
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        out.append(f"@{BIBTEX_OUT.get(ref.csl_type, 'misc')}{{{key},\n{body}\n}}\n")
    return "\n".join(out)


def normal_key(text: str) -> str:
    import unicodedata

    text = unicodedata.normalize("NFKD", text)
    return re.sub(r"[^A-Za-z0-9]", "", text) or "ref"


# --- PubMed / MEDLINE ------------------------------------------------------------------

NBIB_LINE = re.compile(r"^([A-Z][A-Z0-9]{0,3})\s*- ?(.*)$")


def read_nbib(text: str) -> list[Record]:
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
        match = NBIB_LINE.match(line)
        if not match:
            raise ReferenceImportError(
                [Problem(number, "file", _("not a MEDLINE line (expected 'TAG - value')"))]
            )
        tag, value = match.group(1), match.group(2).strip()
        if tag == "PMID":
            if current:
                records.append(_nbib_record(current, start))
            current, start = [], number
        elif current is None:
            raise ReferenceImportError(
                [Problem(number, tag, _("a record must start with a PMID line"))]
            )
        current.append((tag, value, number))
    if current:
        records.append(_nbib_record(current, start))
    return records


def _nbib_record(tags: list[tuple[str, str, int]], line: int) -> Record:
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
    csl["title"] = (
        first("TI").rstrip(".")
        if first("TI").endswith(".") and not first("TI").endswith("..")
        else first("TI")
    )
    full = values.get("FAU") or []
    short = values.get("AU") or []
    authors = [parse_name(n) for n in (full or short)]
    authors += [{"literal": n} for n in values.get("CN", [])]
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
    keywords = values.get("OT", []) + [m.split("/")[0].lstrip("*") for m in values.get("MH", [])]
    if keywords:
        csl["keyword"] = "; ".join(dict.fromkeys(k.strip() for k in keywords if k.strip()))
    field_lines = {
        "title": lines.get("TI"),
        "author": lines.get("FAU") or lines.get("AU"),
        "issued": lines.get("DP"),
        "PMID": lines.get("PMID"),
        "DOI": lines.get("AID") or lines.get("LID"),
        "page": lines.get("PG"),
        "volume": lines.get("VI"),
        "issue": lines.get("IP"),
        "container-title": lines.get("JT") or lines.get("TA"),
    }
    return Record(line, csl, lines={k: v for k, v in field_lines.items() if v})


# --- CSL-JSON --------------------------------------------------------------------------

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


def read_csljson(text: str) -> list[Record]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReferenceImportError([Problem(exc.lineno, "JSON", exc.msg)]) from exc
    except RecursionError as exc:
        raise ReferenceImportError(_("The JSON is nested too deeply.")) from exc
    if isinstance(data, dict):
        data, lines = [data], [1]
    elif isinstance(data, list):
        lines = _item_lines(text)
    else:
        raise ReferenceImportError(_("CSL-JSON is a list of objects (or one object)."))
    records = []
    for position, item in enumerate(data):
        line = lines[position] if position < len(lines) else 1
        if not isinstance(item, dict):
            records.append(
                Record(line, {}, [Problem(line, "item", _("each item must be a JSON object"))])
            )
            continue
        csl: dict = {}
        problems: list[Problem] = []
        kind = str(item.get("type") or "document")
        csl["type"] = kind if kind in CslType.values else CROSSREF_TYPES.get(kind, "document")
        title = item.get("title")
        if isinstance(title, list):  # Crossref gives lists
            title = title[0] if title else ""
        csl["title"] = str(title or "")
        for role in ("author", "editor"):
            people = item.get(role) or []
            if not isinstance(people, list):
                problems.append(Problem(line, role, _("must be a list of names")))
                continue
            names = []
            for person in people:
                if isinstance(person, dict):
                    name = {
                        k: str(person[k]).strip()
                        for k in ("family", "given", "literal")
                        if person.get(k)
                    }
                    if not name.get("family") and not name.get("literal") and name.get("given"):
                        name = {"family": name["given"]}
                    if name.get("family") or name.get("literal"):
                        names.append(name)
                elif isinstance(person, str) and person.strip():
                    names.append(parse_name(person))
            if names:
                csl[role] = names
        container = item.get("container-title")
        if isinstance(container, list):
            container = container[0] if container else ""
        if container:
            csl["container-title"] = str(container)
        issued = item.get("issued")
        date: list[int] = []
        if isinstance(issued, dict):
            parts = issued.get("date-parts")
            if isinstance(parts, list) and parts and isinstance(parts[0], list):
                try:
                    date = [int(p) for p in parts[0][:3]]
                except (TypeError, ValueError):
                    date = []
            elif issued.get("raw") or issued.get("literal"):
                date = parse_year(issued.get("raw") or issued.get("literal"))
            if not date:
                csl["_bad_year"] = json.dumps(issued)[:60]
        elif issued is not None:
            date = parse_year(str(issued))
            if not date:
                csl["_bad_year"] = str(issued)[:60]
        if date:
            csl["issued"] = {"date-parts": [date]}
        for key in (
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
        ):
            value = item.get(key) if key in item else item.get(key.lower())
            if value not in (None, "", []):
                csl[key] = "; ".join(map(str, value)) if isinstance(value, list) else str(value)
        if "DOI" in csl:
            csl["DOI"] = clean_doi(csl["DOI"])
        records.append(Record(line, csl, problems))
    return records


def write_csljson(refs: Iterable[Reference]) -> str:
    return json.dumps([to_csl(ref) for ref in refs], ensure_ascii=False, indent=2)


# --- Validation and the CSL mapping -------------------------------------------------------

LIMITS = {
    "title": 1000,
    "container-title": 500,
    "volume": 40,
    "issue": 40,
    "page": 40,
    "publisher": 300,
    "publisher-place": 200,
    "DOI": 200,
    "PMID": 20,
    "URL": 1000,
    "language": 20,
}


def validate(record: Record) -> None:
    csl = record.csl
    if not csl:
        return

    def problem(name: str, message: str) -> None:
        record.problems.append(Problem(record.lines.get(name, record.line), name, message))

    csl["title"] = " ".join(str(csl.get("title", "")).split())
    if not csl["title"]:
        problem("title", _("a title is required"))
    date = (csl.get("issued") or {}).get("date-parts", [[]])[0]
    if "_bad_year" in csl:
        problem("issued", _("'%(value)s' is not a year") % {"value": csl.pop("_bad_year")})
    elif not date:
        problem("issued", _("a year is required"))
    elif not 1800 <= date[0] <= 2100:
        problem("issued", _("%(year)s is not a plausible year") % {"year": date[0]})
    for name, limit in LIMITS.items():
        if len(str(csl.get(name, ""))) > limit:
            problem(name, _("longer than %(limit)s characters") % {"limit": limit})
    for role in ("author", "editor"):
        for person in csl.get(role, []):
            if any(len(v) > 200 for v in person.values()):
                problem(role, _("a name is longer than 200 characters"))
                break
    if csl.get("DOI") and not re.fullmatch(r"10\.\d{4,9}/\S+", csl["DOI"]):
        problem("DOI", _("'%(value)s' is not a DOI (10.xxxx/…)") % {"value": csl["DOI"][:60]})
    if csl.get("PMID") and not re.fullmatch(r"\d{1,9}", csl["PMID"]):
        problem("PMID", _("'%(value)s' is not a PubMed ID") % {"value": csl["PMID"][:30]})
    if csl.get("URL"):
        try:
            URLValidator(schemes=["http", "https"])(csl["URL"])
        except ValidationError:
            problem("URL", _("'%(value)s' is not a web address") % {"value": csl["URL"][:60]})


def to_csl(ref: Reference) -> dict:
    """The reference as CSL-JSON (authors and editors from the prefetch cache)."""
    csl: dict = {"id": str(ref.pk), "type": ref.csl_type, "title": ref.title}
    authors = [p.as_csl() for p in ref.authors()]
    editors = [p.as_csl() for p in ref.editors()]
    if authors:
        csl["author"] = authors
    if editors:
        csl["editor"] = editors
    date = (
        [ref.year]
        + ([ref.month] if ref.month else [])
        + ([ref.day] if ref.month and ref.day else [])
    )
    csl["issued"] = {"date-parts": [date]}
    for attr, key in (
        ("container_title", "container-title"),
        ("volume", "volume"),
        ("issue", "issue"),
        ("page", "page"),
        ("publisher", "publisher"),
        ("publisher_place", "publisher-place"),
        ("doi", "DOI"),
        ("pmid", "PMID"),
        ("url", "URL"),
        ("language", "language"),
        ("abstract", "abstract"),
        ("keywords", "keyword"),
    ):
        value = getattr(ref, attr)
        if value:
            csl[key] = value
    return csl


def reference_fields(csl: dict) -> dict:
    """Model field values from a validated CSL dict (authors apart)."""
    date = csl["issued"]["date-parts"][0]
    return {
        "csl_type": csl.get("type", "document"),
        "title": csl["title"],
        "container_title": csl.get("container-title", ""),
        "year": date[0],
        "month": date[1] if len(date) > 1 else None,
        "day": date[2] if len(date) > 2 else None,
        "volume": csl.get("volume", ""),
        "issue": csl.get("issue", ""),
        "page": csl.get("page", ""),
        "publisher": csl.get("publisher", ""),
        "publisher_place": csl.get("publisher-place", ""),
        "doi": csl.get("DOI", ""),
        "pmid": csl.get("PMID", ""),
        "url": csl.get("URL", ""),
        "language": csl.get("language", ""),
        "abstract": csl.get("abstract", ""),
        "keywords": csl.get("keyword", ""),
    }


WRITERS = {"ris": write_ris, "bibtex": write_bibtex, "csljson": write_csljson}
CONTENT_TYPES = {
    "ris": ("application/x-research-info-systems; charset=utf-8", "ris"),
    "bibtex": ("application/x-bibtex; charset=utf-8", "bib"),
    "csljson": ("application/vnd.citationstyles.csl+json; charset=utf-8", "json"),
}
