"""CSV upload of substance reports or daily pulses: the whole file is checked first, every
problem named by its line and column, and nothing is written unless all of it is valid.

Each row is read by the same form as the web page and the API (forms.py). The header decides
what the file holds; a column that is not in the template is refused (RELIABILITY 53: nothing
that could describe a person can get in).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import partial

from django.db import transaction
from django.utils.translation import gettext as _

from dcrnet.directory.models import Facility
from dcrnet.lib.csv import Unreadable, read_rows
from dcrnet.lib.text import control_character

from .forms import (
    NO_REGION,
    PulseForm,
    SubstanceReportForm,
    Vocabulary,
    check_pulse,
    file_pulse,
    file_report,
    today,
)

REPORT_COLUMNS = [
    "week",
    "substance",
    "confirmation",
    "form",
    "sold_as",
    "samples",
    "linked_overdoses",
    "region",
]
REPORT_REQUIRED = {"week", "substance", "confirmation", "samples"}
PULSE_COLUMNS = ["day", "overdoses"]
MAX_ROWS = 500
# A pulse upload catches up on history: only its latest days are checked for a spike (the
# regional rule looks 72 hours back), so old days raise no signal today.
CHECKED_PULSE_DAYS = 3

REPORTS, PULSES = "reports", "pulses"


@dataclass
class Problem:
    message: str
    line: int | None = None
    column: str = ""

    def __str__(self) -> str:
        if self.line is None:
            return self.message
        if self.column:
            return _("Line %(line)s, %(column)s: %(problem)s") % {
                "line": self.line,
                "column": self.column,
                "problem": self.message,
            }
        return _("Line %(line)s: %(problem)s") % {"line": self.line, "problem": self.message}


@dataclass
class Parsed:
    kind: str = ""
    forms: list = field(default_factory=list)  # valid forms, in file order
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.forms) and not self.problems


def _header(rows: list[list[str]]) -> tuple[str, list[str], list[Problem]]:
    header = [cell.strip().lower() for cell in rows[0]]
    if "substance" in header:
        kind, allowed, required = REPORTS, REPORT_COLUMNS, REPORT_REQUIRED
    elif "overdoses" in header or "day" in header:
        kind, allowed, required = PULSES, PULSE_COLUMNS, set(PULSE_COLUMNS)
    else:
        problem = _(
            "The first line must be the header of a template: %(reports)s (substance reports) "
            "or %(pulses)s (daily pulses)."
        ) % {"reports": ",".join(REPORT_COLUMNS), "pulses": ",".join(PULSE_COLUMNS)}
        return "", header, [Problem(problem, line=1)]
    problems = []
    seen: set[str] = set()
    for name in header:
        if name in seen:
            problems.append(Problem(_("The column appears twice."), line=1, column=name))
        elif name not in allowed:
            problems.append(
                Problem(
                    _("Unknown column: only the template's columns are allowed (%(columns)s).")
                    % {"columns": ", ".join(allowed)},
                    line=1,
                    column=name or _("(no name)"),
                )
            )
        seen.add(name)
    for name in [c for c in allowed if c in required and c not in seen]:
        problems.append(Problem(_("The header has no “%(c)s” column.") % {"c": name}, line=1))
    return kind, header, problems


def parse(data: bytes | str, facility: Facility, *, on: dt.date | None = None) -> Parsed:
    """Read and check a whole upload for `facility`; nothing is written."""
    try:
        rows = read_rows(data, MAX_ROWS)
    except Unreadable as error:
        return Parsed(problems=[Problem(error.message, line=error.line)])
    if not rows or not any(cell.strip() for cell in rows[0]):
        empty = _("The file is empty: the first line must be the header.")
        return Parsed(problems=[Problem(empty, line=1)])
    if len(rows) > MAX_ROWS + 1:
        return Parsed(problems=[Problem(_("Too many lines (at most %(n)s).") % {"n": MAX_ROWS})])
    problems = [
        Problem(
            _("The cell contains a control character (%(code)s).") % {"code": code},
            line=line,
            column=str(number),
        )
        for line, row in enumerate(rows, start=1)
        for number, cell in enumerate(row, start=1)
        if (code := control_character(cell))
    ]
    if problems:
        return Parsed(problems=problems)
    kind, header, problems = _header(rows)
    if problems:
        return Parsed(kind, problems=problems)
    on = on or today()
    if kind == REPORTS:
        vocabulary = Vocabulary.load()
        regions = list(facility.alert_regions.order_by("name"))
        if not regions:
            return Parsed(kind, problems=[Problem(str(NO_REGION))])

        def make(data):
            return SubstanceReportForm(
                data, facility=facility, vocabulary=vocabulary, regions=regions, on=on
            )
    else:

        def make(data):
            return PulseForm(data, facility=facility, on=on)

    parsed = Parsed(kind)
    days: dict[dt.date, int] = {}
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            parsed.problems.append(
                Problem(
                    _("Expected %(a)s cells, found %(b)s.") % {"a": len(header), "b": len(row)},
                    line=line,
                )
            )
            continue
        form = make({name: cell.strip() for name, cell in zip(header, row, strict=True)})
        if not form.is_valid():
            for name, errors in form.errors.items():
                column = "" if name == "__all__" else name
                parsed.problems.extend(Problem(e, line=line, column=column) for e in errors)
            continue
        if kind == PULSES:
            day = form.cleaned_data["day"]
            if day in days:
                parsed.problems.append(
                    Problem(
                        _("The day %(day)s is already on line %(line)s.")
                        % {"day": day.isoformat(), "line": days[day]},
                        line=line,
                        column="day",
                    )
                )
                continue
            days[day] = line
        parsed.forms.append(form)
    if not parsed.forms and not parsed.problems:
        parsed.problems.append(Problem(_("The file has a header but no data."), line=2))
    if parsed.problems:
        parsed.forms = []
    return parsed


def store(parsed: Parsed, facility: Facility, *, user=None) -> int:
    """Write every row of a valid upload in one transaction; returns the rows written."""
    if not parsed.ok:
        raise ValueError("only a valid upload can be stored")
    with transaction.atomic():
        if parsed.kind == REPORTS:
            for form in parsed.forms:
                file_report(facility, form.cleaned_data, user=user)
        else:
            recent = today() - dt.timedelta(days=CHECKED_PULSE_DAYS)
            for form in parsed.forms:
                data = form.cleaned_data
                file_pulse(facility, data["day"], data["overdoses"], user=user, check=False)
            for day in sorted(f.cleaned_data["day"] for f in parsed.forms):
                if day >= recent:
                    transaction.on_commit(partial(check_pulse, facility.pk, day), robust=True)
    return len(parsed.forms)


def template(kind: str) -> list[str]:
    return REPORT_COLUMNS if kind == REPORTS else PULSE_COLUMNS
