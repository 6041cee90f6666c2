"""The one CSV writer for every download (UTF-8, a header row, formulas defused, an attachment)
and the one reader of uploaded CSV files (UTF-8, any line ends, the line of the first problem)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal

from django.http import HttpResponse, StreamingHttpResponse
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from .logging import security_event

# A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBERS = (int, float, Decimal)


def as_download(
    response: HttpResponse | StreamingHttpResponse, filename: str
) -> HttpResponse | StreamingHttpResponse:
    """Save, never render: attachment, and a sandbox in case a browser renders it anyway.

    Every download is an export, and every export is a security event (who took which file).
    """
    security_event("export", file=filename)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def defuse(value: object) -> object:
    """A text cell that a spreadsheet would run as a formula gets a leading apostrophe.

    Numbers stay numbers (a real -3 is written as -3); only text is changed, so "-3" given as
    text is written '-3 and can never be taken for a formula such as -3+cmd|' /C calc'!A0.
    """
    if value is None or isinstance(value, NUMBERS):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def undefuse(cell: str) -> str:
    """A cell as it was before `defuse`: what a download wrote, read back by an import."""
    if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS):
        return cell[1:]
    return cell


class _Line:
    """A file-like object whose write() returns the line, so csv.writer can feed a stream."""

    def write(self, line: str) -> str:
        return line


def csv_lines(
    header: Sequence[object], rows: Iterable[Sequence[object]], *, preamble: Iterable[str] = ()
) -> Iterator[str]:
    """RFC 4180 lines (CRLF ends, quotes only where needed): comments, the header, the rows."""
    writer = csv.writer(_Line())
    for comment in preamble:
        yield writer.writerow([defuse(comment)])
    yield writer.writerow([defuse(cell) for cell in header])
    for row in rows:
        yield writer.writerow([defuse(cell) for cell in row])


def csv_response(
    filename: str,
    header: Sequence[object],
    rows: Iterable[Sequence[object]],
    *,
    preamble: Iterable[str] = (),
    streaming: bool = False,
) -> HttpResponse | StreamingHttpResponse:
    """A CSV download; `streaming` sends rows as they are read (for large tables)."""
    lines = csv_lines(header, rows, preamble=preamble)
    content_type = "text/csv; charset=utf-8"
    if streaming:
        response = StreamingHttpResponse(lines, content_type=content_type)
    else:
        response = HttpResponse("".join(lines), content_type=content_type)
    return as_download(response, filename)


class Unreadable(Exception):
    """An upload that is not a CSV text at all; `line` is where reading stopped (1 = header)."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message, self.line = message, line


def read_rows(data: bytes | str, max_rows: int) -> list[list[str]]:
    """The rows of an uploaded CSV: UTF-8 (a byte-order mark is fine), CRLF, LF or CR line ends.

    Reading stops after `max_rows` + 1 rows (the header and one too many), so a caller can say
    "too many" without reading a huge file. Raises Unreadable naming the line.
    """
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            raise Unreadable(_("The file is not UTF-8 text."), line) from None
    # newline="" hands line ends to the csv module, which knows all three (and quoted ones).
    reader = csv.reader(io.StringIO(data, newline=""))
    rows: list[list[str]] = []
    try:
        for row in reader:
            rows.append(row)
            if len(rows) > max_rows + 1:
                break
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            message = _("A cell is longer than %(n)s characters.") % {
                "n": number_format(csv.field_size_limit(), force_grouping=True)
            }
        else:
            message = _("This line is not valid CSV (%(error)s).") % {"error": error}
        raise Unreadable(message, reader.line_num or 1) from None
    return rows
