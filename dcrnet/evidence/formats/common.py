"""What every format shares: records and problems, decoding, detection, names, dates, checks."""

from __future__ import annotations

import codecs
import datetime
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from ..models import Reference, clean_doi

__all__ = [
    "CONTROL",
    "LIMITS",
    "Problem",
    "Record",
    "ReferenceImportError",
    "clean_doi",
    "control_character",
    "decode",
    "detect",
    "join_pages",
    "name_text",
    "parse_name",
    "parse_year",
    "reference_fields",
    "shown",
    "to_csl",
    "validate",
]


@dataclass
class Problem:
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = _("line %(line)s") % {"line": self.line} if self.line else _("file")
        if self.field == "file":  # the file as a whole, not one of its fields
            return _("%(where)s: %(message)s") % {"where": where, "message": self.message}
        # The field keeps its name in the file's format (TI, issued, DOI): what the editor finds.
        return _("%(where)s, %(field)s: %(message)s") % {
            "where": where,
            "field": self.field,
            "message": self.message,
        }


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

# C0 control characters but tab and newline (carriage returns are line ends, read as newlines).
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")


def control_character(text: str) -> str | None:
    """'U+0000' for the first control character in `text` (tab and newline apart), or None."""
    found = CONTROL.search(text)
    return f"U+{ord(found.group()):04X}" if found else None


def decode(data: bytes | str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252; newlines to \\n.

    Control characters are kept: a field that holds one is refused with its line.
    """
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
    return text.replace("\r\n", "\n").replace("\r", "\n")


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


# --- Names, dates, pages -----------------------------------------------------------------


def parse_name(text: str) -> dict[str, str]:
    """'Kerr, Thomas', 'Kerr T', 'Thomas Kerr' or an organisation → CSL name (RIS, PubMed,
    CSL-JSON strings; BibTeX names follow BibTeX's own rules, see bibtex.py)."""
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


def name_text(name: dict, ris: bool = False) -> str:
    """'Family, Given', or an organisation (with RIS's trailing comma)."""
    if "literal" in name:
        return name["literal"] + ("," if ris else "")
    return (
        f"{name.get('family', '')}, {name['given']}"
        if name.get("given")
        else name.get("family", "")
    )


MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()


def parse_year(value: str | int | None) -> list[int]:
    """'2011', '2011/03/05/', '2011 Mar 5', '2011-03' → [2011, 3, 5] (as far as known)."""
    if value is None:
        return []
    text = str(value)
    match = re.search(r"\b(1[5-9]\d\d|2[01]\d\d)\b", text, re.ASCII)
    if not match:
        return []
    parts = [int(match.group(1))]
    rest = text[match.end() :]
    month = re.match(r"[/\-\s]+(\d{1,2})\b", rest, re.ASCII)
    if month:
        parts.append(int(month.group(1)))
        day = re.match(r"[/\-\s]+(\d{1,2})\b", rest[month.end() :], re.ASCII)
        if day:
            parts.append(int(day.group(1)))
    else:
        named = re.match(r"\s+([A-Za-z]{3})", rest)
        if named and named.group(1).lower() in MONTHS:
            parts.append(MONTHS.index(named.group(1).lower()) + 1)
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


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def shown(value, length: int = 60) -> str:
    """A value quoted in a message: shortened, control characters as '?'."""
    return CONTROL.sub("?", str(value)[:length])


def _real_date(parts: list[int]) -> bool:
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        return False
    if len(parts) > 2:
        try:
            datetime.date(parts[0], parts[1], parts[2])
        except ValueError:
            return False
    return True


def validate(record: Record) -> None:
    """Add a problem (field, line) for everything the library would not accept."""
    csl = record.csl
    if not csl:
        return

    def problem(name: str, message: str) -> None:
        record.problems.append(Problem(record.lines.get(name, record.line), name, message))

    for name, value in csl.items():
        for text in _strings(value):
            if code := control_character(text):
                problem(
                    "issued" if name == "_bad_year" else name,
                    _("contains a control character (%(code)s); remove it") % {"code": code},
                )
                break
    csl["title"] = " ".join(str(csl.get("title", "")).split())
    if not csl["title"] and not any(p.field == "title" for p in record.problems):
        problem("title", _("a title is required"))
    date = (csl.get("issued") or {}).get("date-parts", [[]])[0]
    if "_bad_year" in csl:
        problem("issued", _("'%(value)s' is not a year") % {"value": shown(csl.pop("_bad_year"))})
    elif not date:
        problem("issued", _("a year is required"))
    elif not 1800 <= date[0] <= 2100:
        problem("issued", _("%(year)s is not a plausible year") % {"year": shown(date[0])})
    elif not _real_date(date):
        problem(
            "issued",
            _("%(date)s is not a date") % {"date": "-".join(shown(part, 6) for part in date)},
        )
    for name, limit in LIMITS.items():
        if len(str(csl.get(name, ""))) > limit:
            problem(name, _("longer than %(limit)s characters") % {"limit": limit})
    for role in ("author", "editor"):
        for person in csl.get(role, []):
            if any(len(v) > 200 for v in person.values()):
                problem(role, _("a name is longer than 200 characters"))
                break
    if csl.get("DOI") and not re.fullmatch(r"10\.\d{4,9}/\S+", csl["DOI"], re.ASCII):
        problem("DOI", _("'%(value)s' is not a DOI (10.xxxx/…)") % {"value": shown(csl["DOI"])})
    if csl.get("PMID") and not re.fullmatch(r"\d{1,9}", csl["PMID"], re.ASCII):
        problem("PMID", _("'%(value)s' is not a PubMed ID") % {"value": shown(csl["PMID"], 30)})
    if csl.get("URL"):
        try:
            URLValidator(schemes=["http", "https"])(csl["URL"])
        except ValidationError:
            problem("URL", _("'%(value)s' is not a web address") % {"value": shown(csl["URL"])})


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
