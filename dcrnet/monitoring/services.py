"""Writes of monitoring data: validate a month, save it in one transaction, republish series."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils.translation import gettext as _

from dcrnet.directory.models import Facility
from dcrnet.lib.cache import bump
from dcrnet.lib.disclosure import Constraint, protect

from .models import (
    MAX_VALUE,
    Indicator,
    Level,
    MonthlyValue,
    SeriesPoint,
    days_in_month,
    first_of_month,
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
        prefix = f"{', '.join(where)}: " if where else ""
        return prefix + self.message


class ReportInvalid(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


def cell_name(code: str, breakdown: str = "") -> str:
    return f"{code}:{breakdown}" if breakdown else code


def parse_cell_name(name: str) -> tuple[str, str]:
    code, _sep, breakdown = name.partition(":")
    return code, breakdown


def parse_month(text: str) -> dt.date:
    """'2025-03' (or a full date in that month) → 2025-03-01; ValueError otherwise."""
    match = re.fullmatch(r"\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?\s*", text or "")
    if not match:
        raise ValueError(_("Month must look like 2025-03."))
    year, month = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12 or year < 1986 or year > 2100:
        raise ValueError(_("Month must look like 2025-03."))
    return dt.date(year, month, 1)


def parse_count(raw: object) -> int:
    """A plain non-negative integer up to 10^7; ValueError with the reason otherwise."""
    if isinstance(raw, bool):
        raise ValueError(_("must be a whole number"))
    if isinstance(raw, int):
        value = raw
    else:
        text = str(raw).strip().replace("\u202f", "").replace(" ", "")
        if not re.fullmatch(r"[+-]?\d+", text):
            raise ValueError(_("must be a whole number"))
        value = int(text)
    if value < 0:
        raise ValueError(_("must not be negative"))
    if value > MAX_VALUE:
        raise ValueError(_("is implausibly large (more than 10,000,000)"))
    return value


def valid_cells(indicators: Iterable[Indicator]) -> dict[str, tuple[Indicator, str]]:
    return {cell_name(ind.code, b): (ind, b) for ind in indicators for b in ind.breakdown_codes}


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
                        % {"what": code.replace("_", " ").capitalize(), "a": value, "b": limit},
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


def validate_month(raw: dict[str, object], month: dt.date) -> tuple[dict[str, int], list[Problem]]:
    """Raw cell texts (blank = not reported) → clean integers, or the problems with cells named."""
    known = valid_cells(Indicator.objects.current())
    clean: dict[str, int] = {}
    problems: list[Problem] = []
    for name, raw_value in raw.items():
        if name not in known:
            problems.append(Problem(_("Unknown indicator “%(c)s”.") % {"c": name}, [name]))
            continue
        if raw_value is None or str(raw_value).strip() == "":
            continue
        try:
            clean[name] = parse_count(raw_value)
        except ValueError as error:
            problems.append(Problem(f"{name}: {error}", [name]))
    if not problems:
        problems.extend(cross_check(clean, month))
    return clean, problems


@transaction.atomic
def save_month(
    facility: Facility,
    month: dt.date,
    values: dict[str, int],
    *,
    user=None,
    synthetic: bool = False,
    replace: bool = False,
) -> int:
    """Write the cells of one facility-month (validated before); returns how many changed.

    A changed value keeps its former value in the history. With `replace`, cells left out are
    deleted (the web form shows the whole month, so an emptied cell means "not reported").
    """
    count, indicator_ids = _write_month(
        facility, month, values, user=user, synthetic=synthetic, replace=replace
    )
    if indicator_ids:
        publish_months([first_of_month(month)], indicator_ids)
    return count


def _write_month(
    facility: Facility,
    month: dt.date,
    values: dict[str, int],
    *,
    user=None,
    synthetic: bool = False,
    replace: bool = False,
) -> tuple[int, set[int]]:
    """Returns how many cells changed and the ids of their indicators."""
    month = first_of_month(month)
    known = valid_cells(Indicator.objects.all())
    existing = {
        cell_name(v.indicator.code, v.breakdown): v
        for v in MonthlyValue.objects.for_month(facility, month).select_related("indicator")
    }
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
    indicators = {ind.pk: ind for ind in Indicator.objects.all()}
    only = set(indicator_ids) if indicator_ids is not None else None
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


def publish_all() -> int:
    months = MonthlyValue.objects.values_list("month", flat=True).distinct()
    return publish_months(list(months))


# --- CSV -----------------------------------------------------------------------------------

FIXED_COLUMNS = ["month"]


def template_columns() -> list[str]:
    return [*FIXED_COLUMNS, *valid_cells(Indicator.objects.current())]


def template_csv(facility: Facility, months: list[dt.date]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(template_columns())
    for month in months:
        writer.writerow([f"{month:%Y-%m}"] + [""] * (len(template_columns()) - 1))
    return out.getvalue()


@dataclass
class ParsedUpload:
    months: dict[dt.date, dict[str, int]]
    problems: list[Problem]

    @property
    def cell_count(self) -> int:
        return sum(len(v) for v in self.months.values())


MAX_UPLOAD_ROWS = 1200


def parse_upload(data: bytes | str) -> ParsedUpload:
    """Parse a whole monthly CSV (one row per month, one column per indicator cell).

    Every problem carries its row (header = row 1) and column numbers. Unknown columns are
    rejected outright, so no field other than the dictionary's can get in.
    """
    problems: list[Problem] = []
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return ParsedUpload({}, [Problem(_("The file is not UTF-8 text."), line=1)])
    rows = list(csv.reader(io.StringIO(data)))
    if not rows or not any(cell.strip() for cell in rows[0]):
        return ParsedUpload(
            {}, [Problem(_("The file is empty: the first row must be the header."), line=1)]
        )
    if len(rows) > MAX_UPLOAD_ROWS + 1:
        return ParsedUpload(
            {}, [Problem(_("Too many rows (at most %(n)s months).") % {"n": MAX_UPLOAD_ROWS})]
        )
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
            if name == "month" or not raw.strip():
                continue
            try:
                cells[name] = parse_count(raw)
            except ValueError as error:
                problems.append(Problem(f"{name} {error}", [name], line=line, column=col))
        for problem in cross_check(cells, month):
            problem.line = line
            problem.column = header.index(problem.cells[0]) + 1 if problem.cells else None
            problem.message += " " + _("Columns: %(cols)s.") % {
                "cols": ", ".join(str(header.index(c) + 1) for c in problem.cells)
            }
            problems.append(problem)
        months[month] = cells
    if not months and not problems:
        problems.append(Problem(_("The file has a header but no months."), line=2))
    return ParsedUpload(months if not problems else {}, problems)


@transaction.atomic
def import_months(facility: Facility, parsed: ParsedUpload, *, user=None, progress=None) -> int:
    """Write every month of a valid upload in one transaction; nothing if any problem."""
    if parsed.problems:
        raise ReportInvalid(parsed.problems)
    changed = 0
    indicator_ids: set[int] = set()
    for i, (month, cells) in enumerate(sorted(parsed.months.items()), start=1):
        count, changed_ids = _write_month(facility, month, cells, user=user)
        indicator_ids |= changed_ids
        changed += count
        if progress:
            progress(i, len(parsed.months))
    if indicator_ids:
        publish_months(parsed.months, indicator_ids)
    return changed
