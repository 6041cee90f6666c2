"""Facility files in and out: import (parse, apply) and export (docs/facility-data.md)."""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import json
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import connection, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_countries import countries
from simple_history.utils import bulk_create_with_history

from dcrnet.lib import bulk
from dcrnet.lib.csv import Unreadable, read_rows, undefuse
from dcrnet.lib.search import strip_accents
from dcrnet.lib.text import CONTROL_CHARACTER

from . import services
from .models import (
    Country,
    Criterion,
    Facility,
    FacilityModel,
    OpeningHours,
    ProfileSnapshot,
    Route,
    Service,
    SnapshotCriterion,
    SnapshotRoute,
    SnapshotService,
    Status,
    StatusChange,
)

__all__ = [
    "ImportRefused",
    "Problem",
    "Report",
    "apply",
    "export_record",
    "import_file",
    "parse",
]

FORMATS = ("json", "csv")
MAX_CSV_ROWS = 100_000
MAX_PROBLEMS = 1_000  # a file of junk says so without listing a million lines
PUBLIC_ID = re.compile(r"^[a-z0-9_-]+$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)
TIME = re.compile(r"^(\d{2}):(\d{2})(?::(\d{2}))?$", re.ASCII)
PLACES = re.compile(r"^\d{1,5}$", re.ASCII)
# One line of text: no control character at all (tab and line ends only in Markdown fields).
LINE_BREAK = re.compile(r"[\t\n\r]")
URL = URLValidator(schemes=["http", "https"])
# The facility fields an item may set, and their model fields (for lengths).
TEXT_FIELDS = ("name", "operator", "city", "website", "source", "source_url")
CSV_FACILITY_COLUMNS = (
    "public_id",
    "name",
    "operator",
    "city",
    "country",
    "model",
    "website",
    "source",
    "source_url",
    "source_accessed",
)
# Every PostgreSQL import takes this lock for its transaction: imports queue, one at a time (an
# arbitrary key of pg_advisory_xact_lock, unique in this project).
IMPORT_LOCK = 7_301_016


def _max_length(model, field: str) -> int:
    return model._meta.get_field(field).max_length


class Problem:
    """One thing wrong with a file: its line (None for the whole file), field and message."""

    def __init__(self, line: int | None, field: str, message: str):
        self.line, self.field, self.message = line, field, message

    def __str__(self) -> str:
        parts = []
        if self.line is not None:
            parts.append(_("line %(n)s") % {"n": self.line})
        if self.field:
            parts.append(_("field %(f)s") % {"f": self.field})
        return f"{', '.join(parts)}: {self.message}" if parts else self.message

    def __repr__(self) -> str:
        return f"Problem({self.line!r}, {self.field!r}, {self.message!r})"

    def __eq__(self, other) -> bool:
        return isinstance(other, Problem) and (self.line, self.field, self.message) == (
            other.line,
            other.field,
            other.message,
        )

    __hash__ = None  # type: ignore[assignment]


class ImportRefused(Exception):
    """The file is refused as a whole; `problems` names every line and field at fault."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems


# --- Checking values ----------------------------------------------------------------------------


class _Checker:
    """Collects problems for one item; every method returns the clean value or None."""

    def __init__(self, problems: list[Problem], line: int | None):
        self.problems, self.line = problems, line

    def fail(self, field: str, message: str) -> None:
        self.problems.append(Problem(self.line, field, message))

    def text(self, value, field: str, max_length: int | None, *, required=False, lines=False):
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.fail(field, _("Give a text."))
            return None
        if not lines:
            value = value.strip()
        if required and not value:
            self.fail(field, _("This is required."))
            return None
        if max_length is not None and len(value) > max_length:
            self.fail(field, _("Give at most %(n)s characters.") % {"n": max_length})
            return None
        found = CONTROL_CHARACTER.search(value) or (None if lines else LINE_BREAK.search(value))
        if found:
            self.fail(
                field,
                _("This text contains a control character (%(c)s).")
                % {"c": f"U+{ord(found.group()):04X}"},
            )
            return None
        return value

    def url(self, value, field: str, max_length: int) -> str | None:
        value = self.text(value, field, max_length)
        if value:
            try:
                URL(value)
            except ValidationError:
                self.fail(field, _("Give a valid http(s) URL."))
                return None
        return value

    def choice(self, value, field: str, choices, *, required=True) -> str | None:
        if value is None or value == "":
            if required:
                self.fail(field, _("This is required."))
            return None
        if not isinstance(value, str) or value not in choices:
            shown = value[:40] if isinstance(value, str) else type(value).__name__
            self.fail(
                field,
                _("'%(v)s' is not one of: %(c)s") % {"v": shown, "c": ", ".join(choices)},
            )
            return None
        return value

    def date(self, value, field: str, *, required=True) -> dt.date | None:
        if value is None or value == "":
            if required:
                self.fail(field, _("This is required."))
            return None
        if isinstance(value, str) and DATE.match(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        self.fail(field, _("Give a date as YYYY-MM-DD."))
        return None

    def time(self, value, field: str) -> dt.time | None:
        match = TIME.match(value) if isinstance(value, str) else None
        if match:
            hour, minute, second = (int(part or 0) for part in match.groups())
            if hour < 24 and minute < 60 and second < 60:
                return dt.time(hour, minute, second)
        self.fail(field, _("Give a time as HH:MM or HH:MM:SS."))
        return None

    def integer(self, value, field: str, low: int, high: int, *, required=False) -> int | None:
        if value is None or value == "":
            if required:
                self.fail(field, _("This is required."))
            return None
        if isinstance(value, Decimal) and value == value.to_integral_value():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.fail(field, _("Give a whole number from %(a)s to %(b)s.") % {"a": low, "b": high})
            return None
        return value

    def number(self, value, field: str, limit: int, places: int) -> Decimal | None:
        if isinstance(value, str):
            try:
                value = Decimal(value.strip())
            except InvalidOperation:
                value = None
        if isinstance(value, int) and not isinstance(value, bool):
            value = Decimal(value)
        if not isinstance(value, Decimal) or not value.is_finite() or abs(value) > limit:
            self.fail(field, _("Give a number from -%(n)s to %(n)s.") % {"n": limit})
            return None
        return value.quantize(Decimal(1).scaleb(-places))

    def boolean(self, value, field: str) -> bool | None:
        if value is None:
            return False
        if not isinstance(value, bool):
            self.fail(field, _("Give true or false."))
            return None
        return value

    def country(self, value, field: str) -> str | None:
        if isinstance(value, dict):
            value, field = value.get("code"), f"{field}.code"
        if not isinstance(value, str) or not value.strip():
            self.fail(field, _("Give an ISO 3166-1 alpha-2 country code."))
            return None
        code = value.strip().upper()
        if len(code) != 2 or code not in countries:
            self.fail(
                field,
                _("'%(v)s' is not an ISO 3166-1 alpha-2 country code.") % {"v": value[:20]},
            )
            return None
        return code

    def public_id(self, value, field: str) -> str | None:
        value = self.text(value, field, _max_length(Facility, "public_id"))
        if value and not PUBLIC_ID.match(value):
            self.fail(field, _("Use lower-case letters, digits and hyphens only."))
            return None
        return value

    def objects(self, value, field: str) -> list:
        """A list of objects (None and missing are an empty list)."""
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(field, _("Give a list."))
            return []
        return value


def _obj(checker: _Checker, value, field: str) -> dict | None:
    if not isinstance(value, dict):
        checker.fail(field, _("Give an object."))
        return None
    return value


# --- One facility item --------------------------------------------------------------------------


def _facility_fields(c: _Checker, item: dict) -> dict:
    """The facility's own fields the item gives (a missing member leaves the field as it is)."""
    fields: dict = {}
    fields["name"] = c.text(item.get("name"), "name", _max_length(Facility, "name"), required=True)
    fields["city"] = c.text(item.get("city"), "city", _max_length(Facility, "city"), required=True)
    fields["country"] = c.country(item.get("country"), "country")
    if "operator" in item:
        fields["operator"] = c.text(item["operator"], "operator", _max_length(Facility, "operator"))
    if "model" in item:
        fields["model"] = c.choice(item["model"], "model", FacilityModel.values)
    if "website" in item:
        fields["website"] = c.url(item["website"], "website", _max_length(Facility, "website"))
    if "description" in item:
        description = item["description"]
        field = "description"
        if isinstance(description, dict):
            description, field = description.get("markdown", 0), "description.markdown"
        fields["description"] = c.text(description, field, None, lines=True)
    return fields


def _location(c: _Checker, item: dict) -> dict:
    location = _obj(c, item.get("location"), "location")
    if location is None:
        return {}
    fields = {
        "latitude": c.number(location.get("latitude"), "location.latitude", 90, 4),
        "longitude": c.number(location.get("longitude"), "location.longitude", 180, 4),
    }
    exact = c.boolean(location.get("exact"), "location.exact")
    fields["publish_exact_location"] = exact
    if exact:
        # Only a published exact location is in a file; a private one stays as it is.
        fields["exact_latitude"] = c.number(
            location.get("exact_latitude"), "location.exact_latitude", 90, 6
        )
        fields["exact_longitude"] = c.number(
            location.get("exact_longitude"), "location.exact_longitude", 180, 6
        )
        fields["address"] = c.text(
            location.get("address"), "location.address", _max_length(Facility, "address")
        )
    return fields


def _source(c: _Checker, item: dict) -> dict:
    source = item.get("source")
    if source is None:
        return {}
    if not (source := _obj(c, source, "source")):
        return {}
    return {
        "source": c.text(source.get("title"), "source.title", _max_length(Facility, "source")),
        "source_url": c.url(source.get("url"), "source.url", _max_length(Facility, "source_url")),
        "source_accessed": c.date(source.get("accessed"), "source.accessed", required=False),
    }


def _sourced(c: _Checker, entry: dict, path: str, model) -> dict:
    return {
        "source": c.text(
            entry.get("source"), f"{path}.source", _max_length(model, "source"), required=True
        ),
        "source_url": c.url(
            entry.get("source_url"), f"{path}.source_url", _max_length(model, "source_url")
        ),
        "source_accessed": c.date(
            entry.get("source_accessed"), f"{path}.source_accessed", required=False
        ),
    }


def _status_history(c: _Checker, item: dict) -> list[dict]:
    raw = item.get("status_history")
    entries = c.objects(raw, "status_history")
    if raw is None or raw == []:
        c.fail("status_history", _("Give at least one status entry."))
    history, seen = [], set()
    for i, entry in enumerate(entries):
        path = f"status_history[{i}]"
        if _obj(c, entry, path) is None:
            continue
        clean = {
            "date": c.date(entry.get("date"), f"{path}.date"),
            "status": c.choice(entry.get("status"), f"{path}.status", Status.values),
            "note": c.text(entry.get("note"), f"{path}.note", _max_length(StatusChange, "note")),
            **_sourced(c, entry, path, StatusChange),
        }
        key = (clean["date"], clean["status"])
        if None not in key:
            if key in seen:
                c.fail(path, _("The same date and status appear twice."))
            seen.add(key)
        history.append(clean)
    return history


def _unique_codes(c: _Checker, values, path: str, choices) -> list[str]:
    codes = []
    for i, value in enumerate(c.objects(values, path)):
        code = c.choice(value, f"{path}[{i}]", choices)
        if code is not None:
            if code in codes:
                c.fail(f"{path}[{i}]", _("'%(v)s' appears twice.") % {"v": code})
            codes.append(code)
    return codes


def _snapshot(c: _Checker, entry: dict, path: str) -> dict:
    snapshot = {
        "as_of": c.date(entry.get("as_of"), f"{path}.as_of"),
        **_sourced(c, entry, path, ProfileSnapshot),
        "minimum_age": c.integer(entry.get("minimum_age"), f"{path}.minimum_age", 0, 150),
        "other_criteria": c.text(
            entry.get("other_criteria"),
            f"{path}.other_criteria",
            _max_length(ProfileSnapshot, "other_criteria"),
        ),
        "hours_note": c.text(
            entry.get("hours_note"),
            f"{path}.hours_note",
            _max_length(ProfileSnapshot, "hours_note"),
        ),
        "notes": c.text(entry.get("notes"), f"{path}.notes", None, lines=True),
        "services": _unique_codes(c, entry.get("services"), f"{path}.services", Service.values),
        "criteria": _unique_codes(
            c, entry.get("admission_criteria"), f"{path}.admission_criteria", Criterion.values
        ),
    }
    routes: dict[str, int | None] = {}
    for i, route in enumerate(c.objects(entry.get("routes"), f"{path}.routes")):
        where = f"{path}.routes[{i}]"
        if _obj(c, route, where) is None:
            continue
        code = c.choice(route.get("route"), f"{where}.route", Route.values)
        places = c.integer(route.get("places"), f"{where}.places", 0, 32767)
        if code in routes:
            c.fail(f"{where}.route", _("'%(v)s' appears twice.") % {"v": code})
        elif code is not None:
            routes[code] = places
    snapshot["routes"] = routes
    hours = []
    for i, row in enumerate(c.objects(entry.get("opening_hours"), f"{path}.opening_hours")):
        where = f"{path}.opening_hours[{i}]"
        if _obj(c, row, where) is None:
            continue
        hours.append(
            (
                c.integer(row.get("weekday"), f"{where}.weekday", 0, 6, required=True),
                c.time(row.get("opens"), f"{where}.opens"),
                c.time(row.get("closes"), f"{where}.closes"),
            )
        )
    snapshot["opening_hours"] = sorted(hours, key=str)
    return snapshot


def _snapshots(c: _Checker, item: dict) -> list[dict]:
    snapshots, seen = [], set()
    for i, entry in enumerate(c.objects(item.get("snapshots"), "snapshots")):
        path = f"snapshots[{i}]"
        if _obj(c, entry, path) is None:
            continue
        snapshot = _snapshot(c, entry, path)
        if snapshot["as_of"] is not None:
            if snapshot["as_of"] in seen:
                c.fail(f"{path}.as_of", _("Two snapshots have this date."))
            seen.add(snapshot["as_of"])
        snapshots.append(snapshot)
    return snapshots


def _json_record(problems: list[Problem], item, line: int | None, index: int) -> dict | None:
    c = _Checker(problems, line)
    if not isinstance(item, dict):
        c.fail(f"facilities[{index}]", _("Give an object."))
        return None
    record = {
        "line": line,
        "public_id": c.public_id(item.get("public_id"), "public_id") or "",
        "fields": {**_facility_fields(c, item), **_location(c, item), **_source(c, item)},
        "status_history": _status_history(c, item),
        "snapshots": _snapshots(c, item),
        "csv": False,
    }
    return record


# --- JSON ---------------------------------------------------------------------------------------

# Strings and the structural characters of a JSON text (numbers and literals are not needed).
JSON_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[][{},:]')
NON_BLANK = re.compile(r"\S")


def _item_offsets(text: str) -> list[int]:
    """Where each item of the top-level "facilities" array starts, in a valid JSON text."""
    depth, last_string, key, offsets = 0, "", None, []
    in_array = False
    for token in JSON_TOKEN.finditer(text):
        char = token.group()[0]
        if char == '"':
            last_string = token.group()
        elif char == ":":
            if depth == 1:
                key = last_string
        elif char in "[{":
            if depth == 1 and char == "[" and json.loads(key or '""') == "facilities":
                in_array, offsets = True, []  # the last "facilities" member wins, as in loads
                offsets.append(token.end())
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 1:
                in_array = False
        elif char == "," and depth == 2 and in_array:
            offsets.append(token.end())
    # An offset is just after "[" or ","; the item starts at the next non-blank character.
    return [NON_BLANK.search(text, offset).start() for offset in offsets]


def _parse_json(text: str, problems: list[Problem]) -> list[dict]:
    try:
        document = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as error:
        problems.append(Problem(error.lineno, "", _("Not valid JSON: %(e)s.") % {"e": error.msg}))
        return []
    except (ValueError, RecursionError):
        problems.append(Problem(None, "", _("Not valid JSON (nested too deeply or too large).")))
        return []
    if not isinstance(document, dict):
        problems.append(Problem(1, "", _('The file must be an object with a "facilities" list.')))
        return []
    items = document.get("facilities")
    if not isinstance(items, list):
        problems.append(Problem(1, "facilities", _("Give a list of facilities.")))
        return []
    newlines = [match.start() for match in re.finditer("\n", text)]
    try:
        offsets = _item_offsets(text)
    except RecursionError:  # pragma: no cover - the scan is a loop; loads went deeper
        offsets = []
    lines = [bisect.bisect_left(newlines, offset) + 1 for offset in offsets]
    records = []
    for index, item in enumerate(items):
        line = lines[index] if len(lines) == len(items) else None
        record = _json_record(problems, item, line, index)
        if record is not None:
            records.append(record)
        if len(problems) > MAX_PROBLEMS:
            break
    return records


# --- CSV ----------------------------------------------------------------------------------------


def _csv_routes(c: _Checker, cell: str) -> dict[str, int | None]:
    routes: dict[str, int | None] = {}
    for part in filter(None, (p.strip() for p in cell.split(";"))):
        code, _colon, places = part.partition(":")
        code = c.choice(code.strip(), "routes", Route.values)
        count = None
        if places.strip():
            count = c.integer(
                int(places.strip()) if PLACES.match(places.strip()) else places,
                "routes",
                0,
                32767,
            )
        if code in routes:
            c.fail("routes", _("'%(v)s' appears twice.") % {"v": code})
        elif code is not None:
            routes[code] = count
    return routes


def _csv_record(problems: list[Problem], row: dict[str, str], line: int) -> dict:
    c = _Checker(problems, line)
    item = {name: row[name] for name in CSV_FACILITY_COLUMNS if name in row}
    fields = _facility_fields(c, item)
    if "source" in row:
        fields["source"] = c.text(row["source"], "source", _max_length(Facility, "source"))
    if "source_url" in row:
        fields["source_url"] = c.url(
            row["source_url"], "source_url", _max_length(Facility, "source_url")
        )
    accessed = c.date(row.get("source_accessed", ""), "source_accessed", required=False)
    if "source_accessed" in row:
        fields["source_accessed"] = accessed
    exact = row.get("exact_location", "no").strip().lower()
    if exact not in ("yes", "no", ""):
        c.fail("exact_location", _("Give yes or no."))
    latitude = c.number(row.get("latitude"), "latitude", 90, 6)
    longitude = c.number(row.get("longitude"), "longitude", 180, 6)
    fields["publish_exact_location"] = exact == "yes"
    if exact == "yes":
        # The download gives the published exact point; the city-level one is kept (or, for a
        # new facility, the point to two decimals).
        fields["exact_latitude"], fields["exact_longitude"] = latitude, longitude
        if latitude is not None and longitude is not None:
            fields["city_point"] = (
                latitude.quantize(Decimal("0.01")),
                longitude.quantize(Decimal("0.01")),
            )
    else:
        fields["latitude"] = latitude and latitude.quantize(Decimal("0.0001"))
        fields["longitude"] = longitude and longitude.quantize(Decimal("0.0001"))
    source = {
        "source": fields.get("source") or "",
        "source_url": fields.get("source_url") or "",
        "source_accessed": accessed,
    }
    status = c.choice(row.get("status"), "status", Status.values)
    since = c.date(row.get("status_since"), "status_since")
    snapshot = None
    if row.get("routes", "").strip() or row.get("services", "").strip():
        services = [s.strip() for s in row.get("services", "").split(";") if s.strip()]
        snapshot = {
            "as_of": accessed,
            **source,
            "routes": _csv_routes(c, row.get("routes", "")),
            "services": _unique_codes(c, services, "services", Service.values),
        }
    return {
        "line": line,
        "public_id": c.public_id(row.get("public_id"), "public_id") or "",
        "fields": fields,
        "status_history": [
            {"date": since, "status": status, "note": "", **source},
        ],
        "snapshots": [snapshot] if snapshot else [],
        "csv": True,
    }


def _parse_csv(data: bytes | str, problems: list[Problem]) -> list[dict]:
    try:
        rows = read_rows(data, MAX_CSV_ROWS)
    except Unreadable as error:
        problems.append(Problem(error.line, "", error.message))
        return []
    if not rows or not any(cell.strip() for cell in rows[0]):
        problems.append(Problem(1, "", _("The file is empty: the first row must be the header.")))
        return []
    if len(rows) > MAX_CSV_ROWS + 1:
        problems.append(
            Problem(None, "", _("Too many rows (at most %(n)s).") % {"n": MAX_CSV_ROWS})
        )
        return []
    header = [cell.strip().lstrip("\ufeff") for cell in rows[0]]
    for name in ("name", "city", "country", "latitude", "longitude", "status", "status_since"):
        if name not in header:
            problems.append(Problem(1, name, _("The header has no “%(c)s” column.") % {"c": name}))
    if len(set(header)) != len(header):
        problems.append(Problem(1, "", _("A column appears twice in the header.")))
    if problems:
        return []
    records = []
    # A row's line is its row number (header = 1), as in every CSV upload of the site.
    for line, cells in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            problems.append(
                Problem(
                    line,
                    "",
                    _("Expected %(n)s cells, found %(m)s.") % {"n": len(header), "m": len(cells)},
                )
            )
            continue
        row = dict(zip(header, (undefuse(cell) for cell in cells), strict=True))
        records.append(_csv_record(problems, row, line))
        if len(problems) > MAX_PROBLEMS:
            break
    return records


# --- parse --------------------------------------------------------------------------------------


def parse(data: bytes | str, fmt: str) -> list[dict]:
    """Every facility of a file, checked; ImportRefused naming every problem, or the records.

    A record is {"line", "public_id", "fields", "status_history", "snapshots", "csv"}: the
    facility fields the file gives (a field it does not give is left as it is), and its entries.
    """
    if fmt not in FORMATS:
        raise ImportRefused([Problem(None, "", _("Unknown format %(f)s.") % {"f": fmt})])
    problems: list[Problem] = []
    text = data
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            raise ImportRefused([Problem(line, "", _("The file is not UTF-8 text."))]) from None
    if fmt == "json":
        records = _parse_json(text.lstrip("\ufeff"), problems)
    else:
        records = _parse_csv(text, problems)
    seen: dict[str, int | None] = {}
    for record in records:
        public_id = record["public_id"]
        if public_id and public_id in seen:
            problems.append(
                Problem(
                    record["line"],
                    "public_id",
                    _("'%(id)s' is also on line %(n)s.") % {"id": public_id, "n": seen[public_id]},
                )
            )
        seen.setdefault(public_id, record["line"])
    if not records and not problems:
        problems.append(Problem(None, "facilities", _("The file has no facility.")))
    if problems:
        raise ImportRefused(problems[:MAX_PROBLEMS])
    return records


# --- apply --------------------------------------------------------------------------------------


@dataclasses.dataclass
class Report:
    created: list[str] = dataclasses.field(default_factory=list)
    updated: list[str] = dataclasses.field(default_factory=list)
    unchanged: list[str] = dataclasses.field(default_factory=list)
    statuses_created: int = 0
    statuses_updated: int = 0
    snapshots_created: int = 0
    snapshots_updated: int = 0
    dry_run: bool = False

    def summary(self) -> str:
        text = _(
            "%(created)s facilities created, %(updated)s updated, %(unchanged)s unchanged; "
            "status entries: %(sc)s created, %(su)s updated; profile snapshots: %(pc)s created, "
            "%(pu)s updated."
        ) % {
            "created": len(self.created),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
            "sc": self.statuses_created,
            "su": self.statuses_updated,
            "pc": self.snapshots_created,
            "pu": self.snapshots_updated,
        }
        if self.dry_run:
            text += " " + _("Dry run: nothing written.")
        return text


def normalised(text: str) -> str:
    """Case, accents and punctuation ignored: "Café Müller-Straße" → "cafemullerstrasse"."""
    return "".join(ch for ch in strip_accents(text).casefold() if ch.isalnum())


def match_key(country: str, city: str, name: str) -> tuple[str, str, str]:
    """What matches a facility without a public_id: its country, city and name, normalised."""
    return country, normalised(city), normalised(name)


def _lock_imports() -> None:
    """Imports queue so that matching sees what an earlier import committed.

    PostgreSQL: a transaction-level advisory lock. SQLite: every transaction is IMMEDIATE
    (settings.SQLITE_OPTIONS), so it already holds the database's one write lock.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK])


def _new_public_id(country: str, city: str, name: str, taken) -> str:
    base = slugify(f"{country}-{city}-{name}")[:72].strip("-") or country.lower()
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


class _Applier:
    def __init__(self, user, reason: str):
        self.user, self.reason = user, reason
        self.report = Report()
        self.problems: list[Problem] = []
        # What the facilities new in this file get, created in bulk (_create_new): the rows,
        # in the order the one-by-one path would save them, by model.
        self.new: dict[type, list] = {
            model: []
            for model in (
                Facility,
                StatusChange,
                ProfileSnapshot,
                SnapshotRoute,
                SnapshotService,
                SnapshotCriterion,
                OpeningHours,
            )
        }
        self.new_keys: dict[tuple[str, str, str], Facility] = {}

    def run(self, records: list[dict]) -> None:
        codes = {r["fields"]["country"] for r in records}
        self.countries = {c.code.code: c for c in Country.objects.filter(code__in=codes)}
        for code in sorted(codes - set(self.countries)):
            self.countries[code] = Country.objects.get_or_create(code=code)[0]
        existing = Facility.objects.values_list("pk", "public_id", "name", "city", "country__code")
        self.taken, self.by_id, self.by_key = set(), {}, {}
        for pk, public_id, name, city, code in existing:
            self.taken.add(public_id)
            self.by_id[public_id] = pk
            self.by_key.setdefault(match_key(code, city, name), pk)
        matches = [self._match(record) for record in records]
        wanted = {pk for pk in matches if pk is not None}
        prefetched = (
            {f.pk: f for f in Facility.objects.filter(pk__in=wanted).for_detail()} if wanted else {}
        )
        # Facilities new in this file first, in bulk; then, in the file's order, the items of
        # facilities already there (and a second item of a new one), one by one.
        fresh = set()
        for i, (record, pk) in enumerate(zip(records, matches, strict=True)):
            fields = record["fields"]
            key = match_key(fields["country"], fields["city"], fields["name"])
            if pk is None and key not in self.new_keys:
                self._build_new(record, key)
                fresh.add(i)
        self._create_new()
        for i, (record, pk) in enumerate(zip(records, matches, strict=True)):
            if i not in fresh:
                self._one(record, prefetched.get(pk) if pk is not None else None)

    def _match(self, record: dict) -> int | None:
        fields = record["fields"]
        if record["public_id"] in self.by_id:
            return self.by_id[record["public_id"]]
        return self.by_key.get(match_key(fields["country"], fields["city"], fields["name"]))

    def _history(self, instance) -> None:
        instance._change_reason = self.reason
        if self.user is not None:
            instance._history_user = self.user

    def _build_new(self, record: dict, key: tuple[str, str, str]) -> None:
        """A facility new in this file, with its entries and snapshots, built to be created in
        bulk: unsaved objects in self.new."""
        fields = dict(record["fields"])
        fields["country"] = self.countries[fields["country"]]
        city_point = fields.pop("city_point", None)
        if city_point and "latitude" not in fields:
            fields["latitude"], fields["longitude"] = city_point
        public_id = record["public_id"] or _new_public_id(
            fields["country"].code.code, fields["city"], fields["name"], self.taken
        )
        facility = Facility(public_id=public_id, **fields)
        self._history(facility)
        self.new[Facility].append(facility)
        self.taken.add(public_id)
        self.new_keys[key] = facility
        self.report.created.append(public_id)
        self._statuses(record, facility, True)
        self._snapshots(record, facility, True)

    def _create_new(self) -> None:
        """Create what _build_new built, with history rows, then set each facility's current
        status and snapshot (services.refresh_many: the rule of the one-by-one path)."""
        facilities = self.new[Facility]
        if not facilities:
            return
        for model, objects in self.new.items():
            if objects:
                # Each object's foreign key takes its parent's id, created just before.
                bulk_create_with_history(
                    objects, model, default_user=self.user, default_change_reason=self.reason
                )
        services.refresh_many(facilities)
        for key, facility in self.new_keys.items():
            self.by_id[facility.public_id] = facility.pk
            self.by_key.setdefault(key, facility.pk)
        # Bulk creation sends no post_save (sending it would write each history row one by one:
        # +7 s CPU on SQLite, +12 s on PostgreSQL for 2,000 facilities).
        bulk.created.send(sender=Facility, pks=[facility.pk for facility in facilities])

    def _one(self, record: dict, facility: Facility | None) -> None:
        """An item of a facility already there (or created by an earlier item of this file)."""
        fields = dict(record["fields"])
        fields["country"] = self.countries[fields["country"]]
        fields.pop("city_point", None)
        changed = False
        if facility is None:
            # Matching by name again: an earlier item of this file created it.
            facility = Facility.objects.get(
                pk=self.by_key[
                    match_key(fields["country"].code.code, fields["city"], fields["name"])
                ]
            )
        diff = {k: v for k, v in fields.items() if getattr(facility, k) != v}
        if diff:
            for name, value in diff.items():
                setattr(facility, name, value)
            self._history(facility)
            facility.save()
            changed = True
        changed |= self._statuses(record, facility, False)
        changed |= self._snapshots(record, facility, False)
        (self.report.updated if changed else self.report.unchanged).append(facility.public_id)

    def _need_source(self, record: dict, entry: dict, field: str) -> bool:
        if not entry["source"]:
            self.problems.append(
                Problem(record["line"], field, _("A new entry needs a source: give one."))
            )
            return False
        if entry.get("as_of", True) is None:
            self.problems.append(
                Problem(
                    record["line"],
                    "source_accessed",
                    _("A new profile snapshot is dated by source_accessed: give it."),
                )
            )
            return False
        return True

    def _statuses(self, record: dict, facility: Facility, new: bool) -> bool:
        existing = {} if new else {(s.date, s.status): s for s in facility.status_changes.all()}
        changed = False
        for entry in record["status_history"]:
            change = existing.get((entry["date"], entry["status"]))
            values = {k: entry[k] for k in ("note", "source", "source_url", "source_accessed")}
            if record["csv"]:
                # A row adds its status only when it is not the facility's current one.
                if change is not None or (
                    not new
                    and (facility.status, facility.status_since) == (entry["status"], entry["date"])
                ):
                    continue
                if not self._need_source(record, entry, "source"):
                    continue
            if change is None:
                change = StatusChange(
                    facility=facility, date=entry["date"], status=entry["status"], **values
                )
                self.report.statuses_created += 1
            elif all(getattr(change, k) == v for k, v in values.items()):
                continue
            else:
                for name, value in values.items():
                    setattr(change, name, value)
                self.report.statuses_updated += 1
            self._history(change)
            if new:
                self.new[StatusChange].append(change)
            else:
                services.save_status_change(change, user=self.user)
            changed = True
        return changed

    def _snapshots(self, record: dict, facility: Facility, new: bool) -> bool:
        existing = {} if new else {s.as_of: s for s in facility.snapshots.all()}
        changed = False
        for entry in record["snapshots"]:
            if record["csv"]:
                changed |= self._csv_snapshot(record, facility, entry, existing)
                continue
            snapshot = existing.get(entry["as_of"])
            changed |= self._write_snapshot(facility, snapshot, entry)
        return changed

    def _csv_snapshot(self, record, facility, entry, existing) -> bool:
        current = next((s for s in existing.values() if s.pk == facility.current_snapshot_id), None)
        if current is not None and (
            _rows(current)["routes"] == entry["routes"]
            and _rows(current)["services"] == sorted(entry["services"])
        ):
            return False
        if not self._need_source(record, entry, "source"):
            return False
        snapshot = existing.get(entry["as_of"])
        full = {
            "as_of": entry["as_of"],
            "source": entry["source"],
            "source_url": entry["source_url"],
            "source_accessed": entry["source_accessed"],
            "routes": entry["routes"],
            "services": entry["services"],
        }
        # A row states routes and services only; a snapshot of that date keeps its other facts.
        base = _rows(snapshot) if snapshot is not None else {}
        for name in ("minimum_age", "other_criteria", "hours_note", "notes"):
            full[name] = (
                getattr(snapshot, name)
                if snapshot is not None
                else (None if name == "minimum_age" else "")
            )
        full["criteria"] = base.get("criteria", [])
        full["opening_hours"] = base.get("opening_hours", [])
        return self._write_snapshot(facility, snapshot, full)

    def _write_snapshot(self, facility, snapshot, entry: dict) -> bool:
        fields = (
            "source",
            "source_url",
            "source_accessed",
            "minimum_age",
            "other_criteria",
            "hours_note",
            "notes",
        )
        values = {name: entry[name] for name in fields}
        rows = {
            "routes": entry["routes"],
            "services": sorted(entry["services"]),
            "criteria": sorted(entry["criteria"]),
            "opening_hours": sorted(entry["opening_hours"], key=str),
        }
        if snapshot is None:
            snapshot = ProfileSnapshot(facility=facility, as_of=entry["as_of"], **values)
            self._history(snapshot)
            if facility.pk is None:  # new in this file: created in bulk (_create_new)
                self.new[ProfileSnapshot].append(snapshot)
            else:
                services.save_snapshot(snapshot, user=self.user)
            self._add_rows(snapshot, rows, set(rows))
            self.report.snapshots_created += 1
            return True
        old = _rows(snapshot)
        changed_rows = {name for name in rows if rows[name] != old[name]}
        changed_fields = any(getattr(snapshot, k) != v for k, v in values.items())
        if not changed_rows and not changed_fields:
            return False
        if changed_fields:
            for name, value in values.items():
                setattr(snapshot, name, value)
            self._history(snapshot)
            services.save_snapshot(snapshot, user=self.user)
        # A snapshot in the file is the whole profile as of its date: its rows are replaced.
        for name in changed_rows:
            for row in list(getattr(snapshot, name).all()):
                self._history(row)
                row.delete()
        self._add_rows(snapshot, rows, changed_rows)
        self.report.snapshots_updated += 1
        return True

    def _add_rows(self, snapshot: ProfileSnapshot, rows: dict, names: set[str]) -> None:
        made = {
            "routes": (
                SnapshotRoute,
                [
                    SnapshotRoute(snapshot=snapshot, route=r, places=p)
                    for r, p in rows["routes"].items()
                ],
            ),
            "services": (
                SnapshotService,
                [SnapshotService(snapshot=snapshot, service=s) for s in rows["services"]],
            ),
            "criteria": (
                SnapshotCriterion,
                [SnapshotCriterion(snapshot=snapshot, criterion=c) for c in rows["criteria"]],
            ),
            "opening_hours": (
                OpeningHours,
                [
                    OpeningHours(snapshot=snapshot, weekday=w, opens=o, closes=c)
                    for w, o, c in rows["opening_hours"]
                ],
            ),
        }
        for name in names:
            model, objects = made[name]
            if snapshot.pk is None:
                self.new[model].extend(objects)
            elif objects:
                bulk_create_with_history(
                    objects,
                    model,
                    default_user=self.user,
                    default_change_reason=self.reason,
                )


def _rows(snapshot: ProfileSnapshot) -> dict:
    """A stored snapshot's rows in the shape of a parsed one (uses prefetched rows)."""
    return {
        "routes": {r.route: r.places for r in sorted(snapshot.routes.all(), key=lambda r: r.route)},
        "services": sorted(s.service for s in snapshot.services.all()),
        "criteria": sorted(c.criterion for c in snapshot.criteria.all()),
        "opening_hours": sorted(
            ((h.weekday, h.opens, h.closes) for h in snapshot.opening_hours.all()), key=str
        ),
    }


def apply(
    records: list[dict], *, dry_run: bool = False, user=None, reason: str = "import_facilities"
) -> Report:
    """Write parsed records in one transaction: create, update, add entries; never delete.

    Refuses with ImportRefused (writing nothing) what only the database can tell: a CSV row
    whose new status entry or snapshot would have no source or date.
    """
    applier = _Applier(user, reason)
    with transaction.atomic():
        _lock_imports()
        with bulk.writes():  # e.g. each facility indexed once, not once per row saved
            applier.run(records)
        if applier.problems:
            transaction.set_rollback(True)
        elif dry_run:
            transaction.set_rollback(True)
    if applier.problems:
        raise ImportRefused(applier.problems)
    applier.report.dry_run = dry_run
    return applier.report


def import_file(path, fmt: str | None = None, *, dry_run: bool = False, user=None) -> Report:
    """parse + apply a file; the format from its extension (.json, .csv) unless given."""
    path = Path(path)
    fmt = fmt or path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ImportRefused(
            [Problem(None, "", _("Give --format json or csv (the file's extension is neither)."))]
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportRefused([Problem(None, "", f"{path}: {error.strerror}")]) from None
    return apply(parse(data, fmt), dry_run=dry_run, user=user)


# --- export -------------------------------------------------------------------------------------


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def export_record(facility: Facility) -> dict:
    """The facility as an item of the JSON format; importing it back changes nothing.

    Reads status_changes and snapshots (with routes, services, criteria, opening_hours) through
    .all(), so a caller listing many facilities prefetches them (`for_detail()`).
    A private exact location is never given (it is not in the file, so it stays as it is).
    """
    exact = facility.publish_exact_location and facility.exact_latitude is not None
    history = sorted(facility.status_changes.all(), key=lambda s: (s.date, s.id))
    snapshots = sorted(facility.snapshots.all(), key=lambda s: (s.as_of, s.id), reverse=True)
    return {
        "public_id": facility.public_id,
        "name": facility.name,
        "operator": facility.operator,
        "city": facility.city,
        "country": facility.country.code.code,
        "model": facility.model,
        "website": facility.website,
        "description": facility.description,
        "location": {
            "latitude": _number(facility.latitude),
            "longitude": _number(facility.longitude),
            "exact": exact,
            "address": (facility.address or None) if exact else None,
            "exact_latitude": _number(facility.exact_latitude) if exact else None,
            "exact_longitude": _number(facility.exact_longitude) if exact else None,
        },
        "source": {
            "title": facility.source,
            "url": facility.source_url,
            "accessed": _day(facility.source_accessed),
        },
        "status_history": [
            {
                "date": change.date.isoformat(),
                "status": change.status,
                "note": change.note,
                "source": change.source,
                "source_url": change.source_url,
                "source_accessed": _day(change.source_accessed),
            }
            for change in history
        ],
        "snapshots": [_export_snapshot(snapshot) for snapshot in snapshots],
    }


def _export_snapshot(snapshot: ProfileSnapshot) -> dict:
    rows = _rows(snapshot)
    return {
        "as_of": snapshot.as_of.isoformat(),
        "source": snapshot.source,
        "source_url": snapshot.source_url,
        "source_accessed": _day(snapshot.source_accessed),
        "routes": [{"route": r, "places": p} for r, p in rows["routes"].items()],
        "services": rows["services"],
        "admission_criteria": rows["criteria"],
        "minimum_age": snapshot.minimum_age,
        "other_criteria": snapshot.other_criteria,
        "opening_hours": [
            {"weekday": w, "opens": o.strftime("%H:%M:%S"), "closes": c.strftime("%H:%M:%S")}
            for w, o, c in rows["opening_hours"]
        ],
        "hours_note": snapshot.hours_note,
        "notes": snapshot.notes,
    }
