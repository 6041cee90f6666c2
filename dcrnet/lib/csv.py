"""CSV and other file downloads: UTF-8, a header row, sent as a named attachment."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence

from django.http import HttpResponse


def as_download(response: HttpResponse, filename: str) -> HttpResponse:
    """Save, never render: attachment, and a sandbox in case a browser renders it anyway."""
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def csv_response(
    filename: str, header: Sequence[str], rows: Iterable[Sequence[object]]
) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    writer = csv.writer(response)  # RFC 4180: CRLF line ends, quotes only where needed
    writer.writerow(header)
    writer.writerows(rows)
    return as_download(response, filename)
