"""CSV upload of substance reports and daily pulses: all or nothing, each problem by line and
column, only the template's columns."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from dcrnet.alerts import forms, reports_csv, tasks
from dcrnet.alerts.forms import monday, week_code
from dcrnet.alerts.models import Pulse, Region, Signal, Substance, SubstanceReport

pytestmark = pytest.mark.django_db

UPLOAD = "/alerts/report/lu-abrigado/upload/"
HEADER = "week,substance,confirmation,form,sold_as,samples,linked_overdoses"


@pytest.fixture
def region(facility):
    region = Region.objects.create(slug="luxembourg", name="Luxembourg", country=facility.country)
    region.facilities.add(facility)
    return region


@pytest.fixture
def substances():
    for slug, kind in (("xylazine", "compound"), ("heroin", "compound"), ("unknown", "unknown")):
        Substance.objects.create(slug=slug, name=slug.title(), kind=kind)


@pytest.fixture
def reporter_client(client, reporter):
    client.force_login(reporter)
    return client


@pytest.fixture
def queued(monkeypatch):
    calls: list = []

    class Queued:
        def __init__(self, name):
            self.name = name

        def enqueue(self, *args):
            calls.append((self.name, args))

    monkeypatch.setattr(tasks, "check_report_task", Queued("report"))
    monkeypatch.setattr(tasks, "check_pulse_task", Queued("pulse"))
    return calls


def weeks_ago(n: int) -> str:
    return week_code(monday(forms.today()) - dt.timedelta(days=7 * n))


def days_ago(n: int) -> str:
    return (forms.today() - dt.timedelta(days=n)).isoformat()


def upload(client, text: str, name: str = "reports.csv"):
    return client.post(UPLOAD, {"file": SimpleUploadedFile(name, text.encode(), "text/csv")})


def reports_file(*lines: str) -> str:
    return "\r\n".join([HEADER, *lines]) + "\r\n"


def test_a_reporter_uploads_substance_reports_and_each_is_checked_for_s1(
    reporter_client, reporter, facility, region, substances, queued,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    text = reports_file(
        f"{weeks_ago(0)},xylazine,gcms,powder,heroin,4,1",
        f"{weeks_ago(3)},unknown,observation,,,2,",
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(reporter_client, text)
    assert response.status_code == 302 and response["Location"] == "/alerts/report/"
    stored = list(SubstanceReport.objects.order_by("week"))
    assert [(r.substance.slug, r.samples, r.linked_overdoses, r.form) for r in stored] == [
        ("unknown", 2, 0, "unknown"),
        ("xylazine", 4, 1, "powder"),
    ]
    assert {r.reported_by for r in stored} == {reporter} and {r.region for r in stored} == {region}
    assert sorted(queued) == sorted(("report", (r.pk,)) for r in stored)
    assert (
        "Imported 2 substance reports." in reporter_client.get("/alerts/report/").content.decode()
    )


def test_one_bad_line_saves_nothing_and_every_problem_is_named(reporter_client, region, substances):
    text = reports_file(
        f"{weeks_ago(0)},xylazine,gcms,powder,heroin,4,1",
        f"{weeks_ago(0)},fentanyl,gcms,powder,,4,9",
        f"{weeks_ago(-2)},xylazine,lab,powder,,x,0",
    )
    response = upload(reporter_client, text)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Nothing was saved: 5 problems." in page
    assert "Line 3, substance: Unknown substance “fentanyl”" in page
    assert "Line 3, linked_overdoses: Samples linked to overdoses (9) exceed" in page
    assert "Line 4, week: The week" in page and "has not begun yet." in page
    assert "Line 4, confirmation: Select a valid choice." in page
    assert "Line 4, samples: Enter a whole number." in page
    assert not SubstanceReport.objects.exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (HEADER + ",client_age\r\n", "Line 1, client_age: Unknown column"),
        (HEADER + ",initials\r\n", "Line 1, initials: Unknown column"),
        (HEADER + ",samples\r\n", "Line 1, samples: The column appears twice."),
        ("week,substance,samples\r\n", "The header has no “confirmation” column."),
        ("a,b,c\r\n1,2,3\r\n", "The first line must be the header of a template"),
        ("\r\n", "The file is empty"),
        ("", "The submitted file is empty."),
        (HEADER + "\r\n", "The file has a header but no data."),
        (HEADER + "\r\n2026-W01,xylazine\r\n", "Line 2: Expected 7 cells, found 2."),
        (HEADER + "\r\n2026-W01,xyl\x07azine,gcms,,,1,0\r\n", "control character (U+0007)"),
        (HEADER + "\r\n" + "x" * 140_000 + "\r\n", "A cell is longer than 131,072 characters."),
    ],
)
def test_a_malformed_file_is_refused_whole(reporter_client, region, substances, text, message):
    response = upload(reporter_client, text)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not SubstanceReport.objects.exists()


def test_a_file_that_is_not_utf8_or_not_csv_or_too_long_is_refused(reporter_client, region):
    response = reporter_client.post(
        UPLOAD, {"file": SimpleUploadedFile("r.csv", b"week\r\n\xff\xfe", "text/csv")}
    )
    assert "The file is not UTF-8 text." in response.content.decode()
    assert "Upload a .csv file." in upload(reporter_client, HEADER, "r.xlsx").content.decode()
    many = reports_file(*[f"{weeks_ago(0)},xylazine,gcms,,,1,0"] * (reports_csv.MAX_ROWS + 1))
    assert "Too many lines (at most 500)." in upload(reporter_client, many).content.decode()


def test_a_facility_in_no_region_cannot_upload_reports(reporter_client, substances):
    response = upload(reporter_client, reports_file(f"{weeks_ago(0)},xylazine,gcms,,,1,0"))
    assert response.status_code == 400
    assert "in no alert region yet" in response.content.decode()


def test_a_region_column_chooses_among_the_facility_s_regions(
    reporter_client, facility, region, substances, queued
):
    second = Region.objects.create(slug="greater", name="Greater", country=facility.country)
    second.facilities.add(facility)
    text = f"{HEADER},region\r\n{weeks_ago(0)},xylazine,gcms,,,1,0,greater\r\n"
    assert upload(reporter_client, text).status_code == 302
    assert SubstanceReport.objects.get().region == second
    text = f"{HEADER}\r\n{weeks_ago(0)},xylazine,gcms,,,1,0\r\n"
    assert (
        "Line 2, region: Choose the alert region" in upload(reporter_client, text).content.decode()
    )


# --- pulses --------------------------------------------------------------------------------


def test_pulses_are_uploaded_and_only_the_latest_days_are_checked(
    reporter_client, facility, queued, django_capture_on_commit_callbacks
):
    text = "day,overdoses\n" + "".join(f"{days_ago(n)},{n}\n" for n in range(1, 31))
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(reporter_client, text)
    assert response.status_code == 302
    assert Pulse.objects.filter(facility=facility).count() == 30
    assert Pulse.objects.get(day=days_ago(7)).overdoses == 7
    checked = sorted(args[1] for name, args in queued if name == "pulse")
    assert checked == [days_ago(3), days_ago(2), days_ago(1)]


def test_an_upload_replaces_the_days_it_holds(reporter_client, facility, queued):
    forms.file_pulse(facility, forms.yesterday(), 1, check=False)
    assert upload(reporter_client, f"day,overdoses\n{days_ago(1)},5\n").status_code == 302
    assert Pulse.objects.get().overdoses == 5


def test_a_day_twice_or_out_of_range_saves_nothing(reporter_client, facility):
    text = f"day,overdoses\n{days_ago(1)},2\n{days_ago(1)},3\n{days_ago(-1)},1\n{days_ago(2)},-4\n"
    response = upload(reporter_client, text)
    page = response.content.decode()
    assert response.status_code == 400
    assert f"Line 3, day: The day {days_ago(1)} is already on line 2." in page
    assert f"Line 4, day: {days_ago(-1)} is in the future." in page
    assert "Line 5, overdoses: Ensure this value is greater than or equal to 0." in page
    assert not Pulse.objects.exists()


def test_another_facility_s_upload_is_forbidden(reporter_client, make_facility):
    make_facility("ca-insite", country="CA")
    response = reporter_client.post(
        "/alerts/report/ca-insite/upload/",
        {"file": SimpleUploadedFile("p.csv", f"day,overdoses\n{days_ago(1)},2\n".encode())},
    )
    assert response.status_code == 403
    assert not Pulse.objects.exists()


def test_the_templates_hold_the_columns_the_upload_accepts(reporter_client):
    """Downloads of lib.csv (dcrnet/lib/tests/test_csv.py lists them as tested here)."""
    for url, header in (
        ("/alerts/report/template-reports.csv", ",".join(reports_csv.REPORT_COLUMNS)),
        ("/alerts/report/template-pulses.csv", "day,overdoses"),
    ):
        response = reporter_client.get(url)
        assert response["Content-Type"] == "text/csv; charset=utf-8", url
        assert response["Content-Disposition"].startswith('attachment; filename="dcr-alert-')
        assert response["Content-Security-Policy"].startswith("sandbox"), url
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert response.content.decode() == header + "\r\n", url


def test_the_templates_need_a_signed_in_account(client):
    for url in ("/alerts/report/template-reports.csv", "/alerts/report/template-pulses.csv"):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_upload_page_lists_the_codes(reporter_client, region, substances):
    page = reporter_client.get(UPLOAD).content.decode()
    assert "<code>xylazine</code>" in page and "<code>gcms</code>" in page
    assert "<code>luxembourg</code>" in page


def test_parse_reads_a_file_without_writing(facility, region, substances):
    parsed = reports_csv.parse(reports_file(f"{weeks_ago(1)},heroin,toxicology,,,3,3"), facility)
    assert parsed.ok and parsed.kind == reports_csv.REPORTS
    assert parsed.forms[0].cleaned_data["samples"] == 3
    assert not SubstanceReport.objects.exists()
    with pytest.raises(ValueError):
        reports_csv.store(reports_csv.parse("day,overdoses\n", facility), facility)


def test_three_months_of_pulses_then_a_spike_yesterday_raise_a_pulse_signal(
    reporter_client, facility, django_capture_on_commit_callbacks
):
    """The real tasks: the upload's history is the baseline, its latest day the one checked."""
    history = "".join(f"{days_ago(n)},1\n" for n in range(2, forms.PULSE_DAYS_BACK + 1))
    text = f"day,overdoses\n{history}{days_ago(1)},15\n"
    with django_capture_on_commit_callbacks(execute=True):
        assert upload(reporter_client, text).status_code == 302
    signal = Signal.objects.get(kind="S2")
    assert list(signal.facilities.all()) == [facility] and signal.observed == 15
