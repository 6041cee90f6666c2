"""Writes of monitoring data: read and check a month, save it in one transaction, republish."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from dcrnet.community.roles import lacks_mfa
from dcrnet.directory.models import Facility
from dcrnet.lib.cache import bump
from dcrnet.lib.csv import Unreadable, read_rows
from dcrnet.lib.disclosure import Constraint, protect
from dcrnet.lib.text import control_character

from .models import (
    MAX_VALUE,
    Indicator,
    Level,
    MonthlyValue,
    ReporterLanguage,
    ReporterToken,
    SeriesPoint,
    days_in_month,
    first_of_month,
    hash_token,
)


@dataclass
class Problem:
    """One thing wrong with a report; `cells` names every cell at fault."""

    message: str
    cells: list[str] = field(default_factory=list)
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = []
        if self.line is not None:
            where.append(_("row %(n)s") % {"n": self.line})
        if self.column is not None:
            where.append(_("column %(n)s") % {"n": self.column})
        if not where:
            return self.message
        return _("%(where)s: %(problem)s") % {"where": ", ".join(where), "problem": self.message}


class ReportInvalid(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


class ReportConflict(Exception):
    """The month changed since the reporter read it: saving would overwrite someone's cells."""

    def __init__(self, version: str):
        super().__init__(
            _(
                "This month was changed by someone else while you were editing it. "
                "Check the values shown now and save again."
            )
        )
        self.version = version


def cell_name(code: str, breakdown: str = "") -> str:
    return f"{code}:{breakdown}" if breakdown else code


def parse_cell_name(name: str) -> tuple[str, str]:
    code, _sep, breakdown = name.partition(":")
    return code, breakdown


# --- reading values: one contract for the grid, the CSV upload and the API ------------------

# ASCII digits only: "٣" (Arabic-Indic) or "３" (full-width) are not read as 3.
MONTH = re.compile(r"([0-9]{4})-([0-9]{1,2})(?:-([0-9]{1,2}))?")
COUNT = re.compile(r"-?[0-9]+")
DIGIT_GROUPING = str.maketrans("", "", " \u00a0\u202f")  # "1 200" as typed in many languages


def refuse_control_characters(text: str) -> None:
    """ValueError naming the first control character in `text` (tab and line ends are fine)."""
    if code := control_character(text):
        raise ValueError(_("contains a control character (%(code)s)") % {"code": code})


def parse_month(text: object) -> dt.date:
    """'2025-03' (or a real date in that month) → 2025-03-01; ValueError otherwise.

    `2025-02-30` is refused: it is no day of February.
    """
    if not isinstance(text, str | dt.date):
        raise ValueError(_("Month must look like 2025-03."))
    if isinstance(text, dt.date):
        return first_of_month(text)
    match = MONTH.fullmatch(text.strip())
    if not match:
        raise ValueError(_("Month must look like 2025-03."))
    year, month = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12 or year < 1986 or year > 2100:
        raise ValueError(_("Month must look like 2025-03."))
    if match.group(3) is not None:
        try:
            dt.date(year, month, int(match.group(3)))
        except ValueError:
            raise ValueError(
                _("%(text)s is not a date; give the month as 2025-03.") % {"text": text.strip()}
            ) from None
    return dt.date(year, month, 1)


def read_count(raw: object) -> int | None:
    """The one reader of a monthly cell: None when blank (not reported), else 0 to 10^7.

    Integers and texts of ASCII digits are counts; true/false, fractions and other scripts'
    digits are not. ValueError says why.
    """
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise ValueError(_("must be a whole number, not true or false"))
    if isinstance(raw, int):
        value = raw
    elif isinstance(raw, float) and raw.is_integer():
        value = int(raw)  # JSON's 12.0 is the integer 12 (JSON Schema says so too)
    elif isinstance(raw, str):
        refuse_control_characters(raw)
        text = raw.strip().translate(DIGIT_GROUPING)
        if not text:
            return None
        if not COUNT.fullmatch(text):
            raise ValueError(_("must be a whole number (digits 0-9)"))
        value = int(text)
    else:
        raise ValueError(_("must be a whole number"))
    if value < 0:
        raise ValueError(_("must not be negative"))
    if value > MAX_VALUE:
        raise ValueError(
            _("is implausibly large (more than %(n)s)")
            % {"n": number_format(MAX_VALUE, force_grouping=True)}
        )
    return value


def valid_cells(indicators: Iterable[Indicator]) -> dict[str, tuple[Indicator, str]]:
    return {cell_name(ind.code, b): (ind, b) for ind in indicators for b in ind.breakdown_codes}


def read_cells(raw: Mapping[str, object]) -> dict[str, int]:
    """Cells by name → counts (blank cells left out); ReportInvalid names every bad cell."""
    known = valid_cells(Indicator.objects.current())
    clean: dict[str, int] = {}
    problems: list[Problem] = []
    for name, raw_value in raw.items():
        if name not in known:
            problems.append(Problem(_("Unknown indicator “%(c)s”.") % {"c": name}, [name]))
            continue
        try:
            value = read_count(raw_value)
        except ValueError as error:
            problems.append(Problem(f"{name}: {error}", [name]))
            continue
        if value is not None:
            clean[name] = value
    if problems:
        raise ReportInvalid(problems)
    return clean


def cross_check(values: dict[str, int], month: dt.date) -> list[Problem]:
    """Consistency rules between cells of one facility-month. Only checks cells present."""

    def total(code: str) -> int | None:
        parts = [v for name, v in values.items() if parse_cell_name(name)[0] == code]
        return sum(parts) if parts else None

    def cells(code: str) -> list[str]:
        return sorted(name for name in values if parse_cell_name(name)[0] == code)

    problems = []

    def at_most(small: str, big: str, message: str) -> None:
        a, b = total(small), total(big)
        if a is not None and b is not None and a > b:
            problems.append(Problem(message % {"a": a, "b": b}, cells(small) + cells(big)))

    at_most("unique_clients", "visits", _("Unique clients (%(a)s) exceed visits (%(b)s)."))
    at_most(
        "new_clients", "unique_clients", _("New clients (%(a)s) exceed unique clients (%(b)s).")
    )
    at_most(
        "overdoses",
        "supervised_consumptions",
        _("Overdoses (%(a)s) exceed supervised consumptions (%(b)s)."),
    )
    at_most(
        "naloxone", "overdoses", _("Overdoses needing naloxone (%(a)s) exceed overdoses (%(b)s).")
    )
    emergencies = [total("overdoses"), total("other_emergencies")]
    if any(e is not None for e in emergencies):
        limit = sum(e or 0 for e in emergencies)
        for code in ("deaths_on_site", "ambulance_calls"):
            value = total(code)
            if value is not None and value > limit:
                problems.append(
                    Problem(
                        _("%(what)s (%(a)s) exceed overdoses and other emergencies (%(b)s).")
                        % {"what": _indicator_name(code), "a": value, "b": limit},
                        cells(code) + cells("overdoses") + cells("other_emergencies"),
                    )
                )
    n_days = days_in_month(month)
    if (days := total("days_open")) is not None and days > n_days:
        problems.append(
            Problem(
                _("Days open (%(a)s) exceed the %(b)s days of the month.")
                % {"a": days, "b": n_days},
                cells("days_open"),
            )
        )
    if (hours := total("opening_hours")) is not None:
        limit = 24 * min(total("days_open") if total("days_open") is not None else n_days, n_days)
        if hours > limit:
            problems.append(
                Problem(
                    _("Opening hours (%(a)s) exceed 24 hours per day open (%(b)s).")
                    % {"a": hours, "b": limit},
                    cells("opening_hours") + cells("days_open"),
                )
            )
    return problems


def _indicator_name(code: str) -> str:
    """The indicator's name in the active language, for a message."""
    indicator = Indicator.objects.filter(code=code).first()
    return indicator.title if indicator else code


def month_version(values: Mapping[str, int]) -> str:
    """A fingerprint of a facility-month's stored cells: a writer sends back the one it read."""
    text = ";".join(f"{name}={values[name]}" for name in sorted(values))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _stored_rows(facility: Facility, month: dt.date) -> dict[str, MonthlyValue]:
    return {
        cell_name(row.indicator.code, row.breakdown): row
        for row in MonthlyValue.objects.for_month(facility, month).select_related("indicator")
    }


def _lock_facility(facility: Facility) -> None:
    """Writers of one facility's months queue here until the first one commits.

    PostgreSQL: a row lock (NO KEY UPDATE, so inserts that merely reference the facility do not
    wait). SQLite: select_for_update does nothing, but every transaction is IMMEDIATE
    (settings.SQLITE_OPTIONS), so it already holds the database's one write lock.
    """
    list(
        Facility.objects.select_for_update(no_key=True)
        .filter(pk=facility.pk)
        .values_list("pk", flat=True)
    )


@transaction.atomic
def save_month(
    facility: Facility,
    month: dt.date,
    values: dict[str, int],
    *,
    user=None,
    synthetic: bool = False,
    replace: bool = False,
    version: str | None = None,
) -> int:
    """Write the cells of one facility-month (read by `read_cells`); returns how many changed.

    Without `replace`, the cells sent are merged into those stored; with it, cells left out are
    deleted (the web grid shows the whole month, so an emptied cell means "not reported").
    The cross-checks run here, inside the transaction, against the stored cells as they are
    once this writer holds the facility's lock: two writers can never both pass on stale values.
    With `version` (from `month_version` of what the writer read), a month changed since then
    raises ReportConflict instead of being overwritten. A changed value keeps its former value
    in the history.
    """
    month = first_of_month(month)
    _lock_facility(facility)
    rows = _stored_rows(facility, month)
    stored = {name: row.value for name, row in rows.items()}
    if version is not None and version != month_version(stored):
        raise ReportConflict(month_version(stored))
    merged = dict(values) if replace else {**stored, **values}
    problems = cross_check(merged, month)
    if problems:
        raise ReportInvalid(problems)
    count, indicator_ids = _write_month(
        facility, month, values, rows, user=user, synthetic=synthetic, replace=replace
    )
    if indicator_ids:
        publish_months([month], indicator_ids)
    return count


def _write_month(
    facility: Facility,
    month: dt.date,
    values: dict[str, int],
    existing: dict[str, MonthlyValue],
    *,
    user=None,
    synthetic: bool = False,
    replace: bool = False,
) -> tuple[int, set[int]]:
    """Returns how many cells changed and the ids of their indicators.

    The caller holds the facility's lock and passes the month's stored rows.
    """
    known = valid_cells(Indicator.objects.all())
    changed: set[int] = set()
    count = 0
    for name, value in values.items():
        indicator, breakdown = known[name]
        row = existing.get(name)
        if row is None:
            row = MonthlyValue(
                facility=facility, month=month, indicator=indicator, breakdown=breakdown
            )
        elif row.value == value and row.synthetic == synthetic:
            continue
        row.value = value
        row.synthetic = synthetic
        if user is not None:
            row._history_user = user
        row.save()
        count += 1
        changed.add(indicator.pk)
    if replace:
        for name, row in existing.items():
            if name not in values:
                if user is not None:
                    row._history_user = user
                changed.add(row.indicator_id)
                count += 1
                row.delete()
    return count, changed


def _publish_month(
    month: dt.date, indicators: dict[int, Indicator], only: set[int] | None
) -> list[SeriesPoint]:
    rows = MonthlyValue.objects.filter(month=month, facility__published=True)
    if only is not None:
        rows = rows.filter(indicator_id__in=only)
    grouped: dict[int, list[tuple]] = defaultdict(list)
    for row in rows.values_list(
        "facility_id", "facility__country__code", "indicator_id", "breakdown", "value", "synthetic"
    ):
        grouped[row[2]].append(row)
    points: list[SeriesPoint] = []
    for indicator_id, cells in grouped.items():
        points.extend(_publish_table(month, indicators[indicator_id], cells))
    return points


def _publish_table(month: dt.date, indicator: Indicator, cells: list[tuple]) -> list[SeriesPoint]:
    """Facilities × breakdown with facility totals, country subtotals and the network total."""
    breakdowns = indicator.breakdown_codes
    has_parts = breakdowns != [""]
    values: dict[tuple, int] = {}
    synthetic: dict[tuple, bool] = defaultdict(bool)
    countries: dict[str, set[int]] = defaultdict(set)
    for facility_id, country, _ind, breakdown, value, is_synthetic in cells:
        if breakdown not in breakdowns:
            continue
        key = (f"f:{facility_id}", breakdown)
        values[key] = value
        synthetic[key] = is_synthetic
        countries[country].add(facility_id)
    constraints: list[Constraint] = []

    # Cells nobody reported (a route a facility does not offer) count as zero in the sums but
    # are not published: only reported cells and aggregates of reported cells are.
    reported = set(values)

    def add_total(total_key: tuple, part_keys: list[tuple]) -> None:
        for part in part_keys:
            values.setdefault(part, 0)
        values[total_key] = sum(values[p] for p in part_keys)
        synthetic[total_key] = any(synthetic[p] for p in part_keys)
        if any(p in reported for p in part_keys):
            reported.add(total_key)
        constraints.append(Constraint(total_key, tuple(part_keys)))

    facility_keys = {f: f"f:{f}" for fs in countries.values() for f in fs}
    if has_parts:
        for key in facility_keys.values():
            add_total((key, ""), [(key, b) for b in breakdowns])
    columns = [*breakdowns, ""] if has_parts else [""]
    for country, members in countries.items():
        for b in columns:
            add_total((f"c:{country}", b), [(facility_keys[f], b) for f in sorted(members)])
    for b in columns:
        add_total(("n", b), [(f"c:{c}", b) for c in sorted(countries)])
    if has_parts:
        # Totals of totals: the same relation across breakdowns for countries and network.
        for area in [*(f"c:{c}" for c in countries), "n"]:
            constraints.append(Constraint((area, ""), tuple((area, b) for b in breakdowns)))
    # Without a breakdown the relations form a tree, for which the cheap rule is exact.
    flags = protect(values, constraints, exact=has_parts)
    points = []
    for (key, breakdown), value in values.items():
        if (key, breakdown) not in reported:
            continue
        level = (
            Level.NETWORK
            if key == "n"
            else Level.COUNTRY
            if key.startswith("c:")
            else Level.FACILITY
        )
        flag = flags[(key, breakdown)]
        points.append(
            SeriesPoint(
                key=key,
                level=level,
                facility_id=int(key[2:]) if level == Level.FACILITY else None,
                country=key[2:] if level == Level.COUNTRY else "",
                indicator=indicator,
                breakdown=breakdown,
                month=month,
                value=None if flag else value,
                flag=flag,
                synthetic=synthetic[(key, breakdown)],
            )
        )
    return points


POINT_COLUMNS = [
    "key", "level", "facility_id", "country", "indicator_id", "breakdown", "month", "value",
    "flag", "synthetic",
]  # fmt: skip


def _point_row(point: SeriesPoint) -> tuple:
    return tuple(getattr(point, column) for column in POINT_COLUMNS)


def _insert_points(points: list[SeriesPoint]) -> None:
    """A parameterised executemany: several times faster than bulk_create for large batches."""
    if not points:
        return
    table = connection.ops.quote_name(SeriesPoint._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(c) for c in POINT_COLUMNS)
    placeholders = ", ".join(["%s"] * len(POINT_COLUMNS))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} ({columns}) VALUES ({placeholders})",  # noqa: S608
            [_point_row(p) for p in points],
        )


@transaction.atomic
def publish_months(months: Iterable[dt.date], indicator_ids: Iterable[int] | None = None) -> int:
    """Recompute the published, suppressed series of whole months; store only what changed.

    With `indicator_ids`, only those indicators' tables are recomputed (a write changes a few).
    Returns the number of points inserted or replaced.
    """
    only = set(indicator_ids) if indicator_ids is not None else None
    # Writers of different facilities republish the same network and country points: the
    # indicators' rows queue them (in one order, so two never wait for each other), and each
    # recomputes from what the previous one committed. No-op on SQLite (IMMEDIATE transactions).
    locked = Indicator.objects.select_for_update(no_key=True).order_by("pk")
    if only is not None:
        locked = locked.filter(pk__in=only)
    list(locked.values_list("pk", flat=True))
    indicators = {ind.pk: ind for ind in Indicator.objects.all()}
    changed = 0
    for month in sorted({first_of_month(m) for m in months}):
        fresh = {
            (p.key, p.indicator_id, p.breakdown): p for p in _publish_month(month, indicators, only)
        }
        existing = SeriesPoint.objects.filter(month=month)
        if only is not None:
            existing = existing.filter(indicator_id__in=only)
        stale, keep = [], set()
        for pk, *row in existing.values_list("pk", *POINT_COLUMNS):
            ident = (row[0], row[4], row[5])
            point = fresh.get(ident)
            if point is not None and _point_row(point) == tuple(row):
                keep.add(ident)
            else:
                stale.append(pk)
        for i in range(0, len(stale), 900):
            SeriesPoint.objects.filter(pk__in=stale[i : i + 900]).delete()
        inserts = [p for ident, p in fresh.items() if ident not in keep]
        _insert_points(inserts)
        changed += len(inserts)
    # Now for this process, and again at commit so no reader re-caches the old values between.
    bump()  # every cached series and download goes stale at once
    transaction.on_commit(bump)
    return changed


# --- CSV -----------------------------------------------------------------------------------

FIXED_COLUMNS = ["month"]


def template_columns() -> list[str]:
    return [*FIXED_COLUMNS, *valid_cells(Indicator.objects.current())]


def template_rows(months: list[dt.date]) -> tuple[list[str], list[list[str]]]:
    """The upload template: its header and one empty row per month."""
    header = template_columns()
    return header, [[f"{month:%Y-%m}"] + [""] * (len(header) - 1) for month in months]


@dataclass
class ParsedUpload:
    months: dict[dt.date, dict[str, int]]
    problems: list[Problem]
    lines: dict[dt.date, int] = field(default_factory=dict)  # the row each month came from
    header: list[str] = field(default_factory=list)

    @property
    def cell_count(self) -> int:
        return sum(len(v) for v in self.months.values())


MAX_UPLOAD_ROWS = 1200


def _control_characters(rows: list[list[str]]) -> list[Problem]:
    problems = []
    for line, row in enumerate(rows, start=1):
        for col, cell in enumerate(row, start=1):
            try:
                refuse_control_characters(cell)
            except ValueError as error:
                problems.append(
                    Problem(_("The cell %(error)s.") % {"error": error}, line=line, column=col)
                )
    return problems


def parse_upload(data: bytes | str) -> ParsedUpload:
    """Parse a whole monthly CSV (one row per month, one column per indicator cell).

    Every problem carries its row (header = row 1) and column numbers. Unknown columns are
    rejected outright, so no field other than the dictionary's can get in. Cells are read by
    `read_count`, as in the grid and the API.
    """
    problems: list[Problem] = []
    try:
        rows = read_rows(data, MAX_UPLOAD_ROWS)
    except Unreadable as error:
        return ParsedUpload({}, [Problem(error.message, line=error.line)])
    if not rows or not any(cell.strip() for cell in rows[0]):
        return ParsedUpload(
            {}, [Problem(_("The file is empty: the first row must be the header."), line=1)]
        )
    if len(rows) > MAX_UPLOAD_ROWS + 1:
        return ParsedUpload(
            {}, [Problem(_("Too many rows (at most %(n)s months).") % {"n": MAX_UPLOAD_ROWS})]
        )
    problems = _control_characters(rows)
    if problems:
        return ParsedUpload({}, problems)
    header = [cell.strip() for cell in rows[0]]
    known = valid_cells(Indicator.objects.current())
    if "month" not in header:
        problems.append(Problem(_("The header has no “month” column."), line=1))
    seen: set[str] = set()
    for col, name in enumerate(header, start=1):
        if name in seen:
            problems.append(
                Problem(_("Column “%(c)s” appears twice.") % {"c": name}, line=1, column=col)
            )
        seen.add(name)
        if name != "month" and name not in known:
            problems.append(
                Problem(
                    _(
                        "Unknown column “%(c)s”: only the dictionary's indicator columns "
                        "are allowed."
                    )
                    % {"c": name},
                    line=1,
                    column=col,
                )
            )
    if problems:
        return ParsedUpload({}, problems)
    month_col = header.index("month")
    months: dict[dt.date, dict[str, int]] = {}
    lines: dict[dt.date, int] = {}
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            problems.append(
                Problem(
                    _("Expected %(a)s columns, found %(b)s.") % {"a": len(header), "b": len(row)},
                    line=line,
                )
            )
            continue
        try:
            month = parse_month(row[month_col])
        except ValueError as error:
            problems.append(Problem(str(error), line=line, column=month_col + 1))
            continue
        if month in months:
            problems.append(
                Problem(
                    _("Month %(m)s appears twice.") % {"m": f"{month:%Y-%m}"},
                    line=line,
                    column=month_col + 1,
                )
            )
            continue
        cells: dict[str, int] = {}
        for col, (name, raw) in enumerate(zip(header, row, strict=True), start=1):
            if name == "month":
                continue
            try:
                value = read_count(raw)
            except ValueError as error:
                problems.append(Problem(f"{name} {error}", [name], line=line, column=col))
                continue
            if value is not None:
                cells[name] = value
        for problem in cross_check(cells, month):
            problems.append(_placed(problem, header, line))
        months[month] = cells
        lines[month] = line
    if not months and not problems:
        problems.append(Problem(_("The file has a header but no months."), line=2))
    return ParsedUpload(months if not problems else {}, problems, lines, header)


def _placed(problem: Problem, header: list[str], line: int | None) -> Problem:
    """A cross-check problem given the row and columns of the upload that caused it."""
    problem.line = line
    columns = [header.index(c) + 1 for c in problem.cells if c in header]
    problem.column = columns[0] if columns else None
    if columns:
        problem.message += " " + _("Columns: %(cols)s.") % {
            "cols": ", ".join(str(c) for c in columns)
        }
    return problem


@transaction.atomic
def import_months(
    facility: Facility,
    parsed: ParsedUpload,
    *,
    user=None,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Write every month of a valid upload in one transaction; nothing if any problem.

    Each month's cells are merged into those stored and cross-checked again under the
    facility's lock (an upload of unique clients must not pass against visits stored since).
    """
    if parsed.problems:
        raise ReportInvalid(parsed.problems)
    _lock_facility(facility)
    changed = 0
    indicator_ids: set[int] = set()
    for i, (month, cells) in enumerate(sorted(parsed.months.items()), start=1):
        rows = _stored_rows(facility, month)
        merged = {**{name: row.value for name, row in rows.items()}, **cells}
        problems = cross_check(merged, month)
        if problems:
            stored_note = _("(with the values stored for %(m)s)") % {"m": f"{month:%Y-%m}"}
            for problem in problems:
                problem.message += " " + stored_note
            raise ReportInvalid(
                [_placed(p, parsed.header, parsed.lines.get(month)) for p in problems]
            )
        count, changed_ids = _write_month(facility, month, cells, rows, user=user)
        indicator_ids |= changed_ids
        changed += count
        if progress:
            progress(i, len(parsed.months))
    if indicator_ids:
        publish_months(parsed.months, indicator_ids)
    return changed


# --- personal API tokens -------------------------------------------------------------------

TOKEN_PREFIX = "dcr_"


@transaction.atomic
def create_token(user, label: str = "") -> tuple[ReporterToken, str]:
    """A new token for a reporter: the row (only a hash) and the raw token, shown once."""
    if not Facility.objects.for_reporter(user).exists():
        raise PermissionDenied(_("You do not report for any facility."))
    if lacks_mfa(user):
        raise PermissionDenied(_("Set up two-factor authentication before creating a token."))
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ReporterToken.objects.create(
        user=user, label=label, digest=hash_token(raw), prefix=raw[:8]
    )
    return token, raw


def remember_language(user) -> None:
    """Note the language a reporter reports in: their survey emails will be written in it."""
    language = get_language()
    if user.is_authenticated and language in dict(settings.LANGUAGES):
        ReporterLanguage.objects.update_or_create(user=user, defaults={"language": language})


def revoke_token(token: ReporterToken) -> None:
    ReporterToken.objects.filter(pk=token.pk, revoked__isnull=True).update(revoked=timezone.now())


def record_token_use(token: ReporterToken) -> None:
    ReporterToken.objects.filter(pk=token.pk).update(last_used=timezone.now())
