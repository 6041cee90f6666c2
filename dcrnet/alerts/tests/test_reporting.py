"""Reporting on the web: a substance report, the daily pulse, who may report for which facility."""

from __future__ import annotations

import datetime as dt

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group
from django.test import Client

from dcrnet.alerts import forms, tasks
from dcrnet.alerts.forms import monday, week_code
from dcrnet.alerts.models import Pulse, Region, Signal, Substance, SubstanceReport
from dcrnet.community.models import Role

pytestmark = pytest.mark.django_db

FORM = "/alerts/report/lu-abrigado/substance/"
PULSE = "/alerts/report/lu-abrigado/pulse/"


@pytest.fixture
def region(facility):
    region = Region.objects.create(slug="luxembourg", name="Luxembourg", country=facility.country)
    region.facilities.add(facility)
    return region


@pytest.fixture
def substances():
    group = Substance.objects.create(slug="nitazene", name="Nitazene, unresolved", kind="group")
    return {
        "nitazene": group,
        "isotonitazene": Substance.objects.create(
            slug="isotonitazene", name="Isotonitazene", kind="compound", group=group
        ),
        "heroin": Substance.objects.create(slug="heroin", name="Heroin", kind="compound"),
        "unknown": Substance.objects.create(slug="unknown", name="Unknown", kind="unknown"),
    }


@pytest.fixture
def other_facility(make_facility):
    return make_facility("ca-insite", country="CA", city="Vancouver", name="Insite")


@pytest.fixture
def reporter_client(client, reporter):
    client.force_login(reporter)
    return client


class Queued:
    """Stands for a task: records what would be enqueued."""

    def __init__(self, name: str, calls: list):
        self.name, self.calls = name, calls

    def enqueue(self, *args):
        self.calls.append((self.name, args))


@pytest.fixture
def enqueued(monkeypatch):
    """The detection tasks queued by the reporting code, as (task, args)."""
    calls: list = []
    monkeypatch.setattr(tasks, "check_report_task", Queued("report", calls))
    monkeypatch.setattr(tasks, "check_pulse_task", Queued("pulse", calls))
    return calls


def this_week() -> str:
    return week_code(monday(forms.today()))


def report(**changes) -> dict:
    data = {
        "substance": "isotonitazene",
        "confirmation": "ftir",
        "form": "powder",
        "sold_as": "heroin",
        "samples": "3",
        "linked_overdoses": "2",
        "week": this_week(),
    }
    data.update(changes)
    return data


# --- a substance report --------------------------------------------------------------------


def test_a_reporter_files_a_substance_report_and_s1_is_queued_on_commit(
    reporter_client, reporter, facility, region, substances, enqueued,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        response = reporter_client.post(FORM, report())
    assert response.status_code == 302 and response["Location"] == FORM
    stored = SubstanceReport.objects.get()
    assert (stored.facility, stored.reported_by, stored.region) == (facility, reporter, region)
    assert (stored.substance.slug, stored.sold_as.slug) == ("isotonitazene", "heroin")
    assert (stored.samples, stored.linked_overdoses, stored.confirmation) == (3, 2, "ftir")
    assert stored.week == monday(forms.today()) and not stored.synthetic
    assert enqueued == [("report", (stored.pk,))]
    page = reporter_client.get(FORM).content.decode()
    assert "3 samples of Isotonitazene in " + this_week() in page


def test_the_form_offers_the_vocabulary_in_groups_and_this_week_first(
    reporter_client, region, substances
):
    page = reporter_client.get(FORM).content.decode()
    assert '<optgroup label="Identified compounds">' in page
    assert '<optgroup label="Groups: compound not resolved">' in page
    assert '<optgroup label="Not identified">' in page
    assert f'<option value="{this_week()}" selected>This week, {this_week()}' in page
    assert 'name="region"' not in page  # one region: implied, and said
    assert "Alert region: Luxembourg." in page


def test_only_the_week_and_counts_are_optional_defaults(
    reporter_client, region, substances, enqueued
):
    data = report(form="", sold_as="", linked_overdoses="")
    assert reporter_client.post(FORM, data).status_code == 302
    stored = SubstanceReport.objects.get()
    assert (stored.form, stored.sold_as, stored.linked_overdoses) == ("unknown", None, 0)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"linked_overdoses": "4"}, "linked_overdoses", "Samples linked to overdoses (4) exceed"),
        ({"samples": "0"}, "samples", "greater than or equal to 1"),
        ({"samples": "10001"}, "samples", "less than or equal to 10000"),
        ({"samples": "2.5"}, "samples", "Enter a whole number."),
        ({"samples": "\u0663"}, "samples", "Enter a whole number."),  # Arabic-Indic three
        ({"samples": ""}, "samples", "This field is required."),
        ({"substance": "fentanyl"}, "substance", "Unknown substance “fentanyl”"),
        ({"substance": ""}, "substance", "This field is required."),
        ({"confirmation": "rumour"}, "confirmation", "Select a valid choice."),
        ({"form": "gas"}, "form", "Select a valid choice."),
        ({"week": "2026-W54"}, "week", "2026 has no week 54."),
        ({"week": "next week"}, "week", "Give the ISO week as 2026-W05"),
        ({"region": "elsewhere"}, "region", "is not an alert region of this facility"),
    ],
)
def test_bad_input_is_refused_with_a_message_naming_the_field(
    reporter_client, region, substances, changes, field, message
):
    response = reporter_client.post(FORM, report(**changes))
    assert response.status_code == 400
    page = response.content.decode()
    assert f'href="#id_{field}"' in page and message in page
    assert not SubstanceReport.objects.exists()


def test_a_week_not_begun_or_more_than_a_year_ago_is_refused(reporter_client, region, substances):
    today = forms.today()
    future = week_code(monday(today) + dt.timedelta(days=7))
    old = week_code(monday(today) - dt.timedelta(days=371))
    oldest = week_code(monday(today - dt.timedelta(days=365)))
    response = reporter_client.post(FORM, report(week=future))
    assert response.status_code == 400 and f"The week {future} has not begun yet." in (
        response.content.decode()
    )
    response = reporter_client.post(FORM, report(week=old))
    assert "is more than a year ago" in response.content.decode()
    assert not SubstanceReport.objects.exists()
    assert reporter_client.post(FORM, report(week=oldest)).status_code == 302


def test_a_facility_in_no_region_is_told_so_and_nothing_is_stored(reporter_client, substances):
    page = reporter_client.get(FORM).content.decode()
    assert "This facility is in no alert region yet" in page and "Send the report" not in page
    response = reporter_client.post(FORM, report())
    assert response.status_code == 400
    assert "This facility is in no alert region yet" in response.content.decode()
    assert not SubstanceReport.objects.exists()


def test_a_facility_in_two_regions_chooses_one(reporter_client, facility, region, substances):
    second = Region.objects.create(
        slug="grande-region", name="Grande Région", country=facility.country
    )
    second.facilities.add(facility)
    assert 'name="region"' in reporter_client.get(FORM).content.decode()
    response = reporter_client.post(FORM, report())
    assert response.status_code == 400
    assert "Choose the alert region" in response.content.decode()
    assert reporter_client.post(FORM, report(region="grande-region")).status_code == 302
    assert SubstanceReport.objects.get().region == second


def test_too_many_reports_in_an_hour_are_refused(reporter_client, region, substances, monkeypatch):
    monkeypatch.setattr(forms, "REPORTS_PER_HOUR", 2)
    assert [reporter_client.post(FORM, report()).status_code for _ in range(3)] == [302, 302, 429]
    assert SubstanceReport.objects.count() == 2


# --- who may report ------------------------------------------------------------------------


def with_totp(user):
    """A second factor, so that the MFA rule lets the account in: what is left is our rule."""
    TOTP.activate(user, generate_totp_secret())
    return user


def reviewer(django_user_model):
    user = django_user_model.objects.create_user(email="reviewer@example.org", password="x" * 20)
    user.groups.add(Group.objects.get_or_create(name=Role.ALERT_REVIEWER)[0])
    return with_totp(user)


@pytest.mark.parametrize("who", ["member", "editor", "staff", "reviewer", "other reporter"])
def test_nobody_but_its_reporters_reports_for_a_facility(
    request, django_user_model, make_facility, facility, region, substances, who
):
    if who == "reviewer":
        user = reviewer(django_user_model)
    elif who == "other reporter":
        user = django_user_model.objects.create_user(email="r2@example.org", password="x" * 20)
        make_facility("ca-insite", country="CA").reporters.add(with_totp(user))
    else:
        user = request.getfixturevalue(who)
    client = Client()
    client.force_login(user)
    for url, data in ((FORM, report()), (PULSE, {"day": "2026-01-01", "overdoses": "1"})):
        assert client.get(url).status_code == 403, url
        assert client.post(url, data).status_code == 403, url
    assert not SubstanceReport.objects.exists() and not Pulse.objects.exists()


def test_a_reporter_cannot_report_for_another_facility(
    reporter_client, other_facility, region, substances
):
    for page in ("substance", "pulse", "upload"):
        url = f"/alerts/report/ca-insite/{page}/"
        assert reporter_client.get(url).status_code == 403
        assert reporter_client.post(url, report()).status_code == 403
    assert not SubstanceReport.objects.exists()


def test_an_unknown_or_unpublished_facility_is_not_found(reporter_client, other_facility):
    other_facility.published = False
    other_facility.save()
    assert reporter_client.get("/alerts/report/ca-insite/substance/").status_code == 404
    assert reporter_client.get("/alerts/report/nowhere/pulse/").status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, facility):
    for url in ("/alerts/report/", FORM, PULSE, "/alerts/report/lu-abrigado/upload/"):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.post(FORM, report()).status_code == 302
    assert not SubstanceReport.objects.exists()


# --- the daily pulse -----------------------------------------------------------------------


def test_a_pulse_is_stored_then_replaced_the_same_day(
    reporter_client, reporter, facility, enqueued, django_capture_on_commit_callbacks
):
    day = forms.yesterday()
    page = reporter_client.get(PULSE).content.decode()
    assert f'value="{day.isoformat()}"' in page  # yesterday by default
    with django_capture_on_commit_callbacks(execute=True):
        first = reporter_client.post(PULSE, {"day": day.isoformat(), "overdoses": "4"})
    assert first.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        reporter_client.post(PULSE, {"day": day.isoformat(), "overdoses": "6"})
    pulse = Pulse.objects.get()
    assert (pulse.facility, pulse.day, pulse.overdoses, pulse.reported_by) == (
        facility, day, 6, reporter,
    )  # fmt: skip
    assert enqueued == [("pulse", (facility.pk, day.isoformat()))] * 2
    assert "Updated: 6 overdoses managed on" in reporter_client.get(PULSE).content.decode()


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"overdoses": "-1"}, "overdoses", "greater than or equal to 0"),
        ({"overdoses": "1001"}, "overdoses", "less than or equal to 1000"),
        ({"overdoses": "many"}, "overdoses", "Enter a whole number."),
        ({"overdoses": ""}, "overdoses", "This field is required."),
        ({"day": "31/01/2026"}, "day", "Enter a valid date."),
        ({"day": "2026-02-30"}, "day", "Enter a valid date."),
    ],
)
def test_a_bad_pulse_is_refused_naming_the_field(reporter_client, facility, data, field, message):
    response = reporter_client.post(PULSE, {"day": forms.yesterday().isoformat(), **data})
    assert response.status_code == 400
    page = response.content.decode()
    assert f'href="#id_{field}"' in page and message in page
    assert not Pulse.objects.exists()


def test_a_pulse_for_a_future_or_long_past_day_is_refused(reporter_client, facility):
    today = forms.today()
    tomorrow = (today + dt.timedelta(days=1)).isoformat()
    response = reporter_client.post(PULSE, {"day": tomorrow, "overdoses": "1"})
    assert response.status_code == 400 and f"{tomorrow} is in the future." in (
        response.content.decode()
    )
    old = (today - dt.timedelta(days=forms.PULSE_DAYS_BACK + 1)).isoformat()
    response = reporter_client.post(PULSE, {"day": old, "overdoses": "1"})
    assert response.status_code == 400 and "days ago" in response.content.decode()
    assert not Pulse.objects.exists()


def test_parallel_pulses_for_one_day_leave_one_row(
    shared_database, in_parallel, reporter, facility
):
    day = forms.yesterday()

    def send(overdoses: int):
        client = Client()
        client.force_login(reporter)
        return client.post(PULSE, {"day": day.isoformat(), "overdoses": str(overdoses)}).status_code

    assert in_parallel(send, [(n,) for n in (3, 5, 7, 9)]) == [302] * 4
    pulse = Pulse.objects.get()
    assert pulse.overdoses in {3, 5, 7, 9}


# --- the start page ------------------------------------------------------------------------


def test_the_start_page_lists_each_facility_with_its_latest_reports(
    reporter_client, facility, region, substances, enqueued
):
    reporter_client.post(FORM, report(samples="7", linked_overdoses="0"))
    forms.file_pulse(facility, forms.yesterday(), 2, check=False)
    page = reporter_client.get("/alerts/report/").content.decode()
    assert "<h2" in page and "Abrigado" in page and "Alert region:" in page
    assert '<th scope="col">Substance</th>' in page and "<td>7</td>" in page
    assert "2 overdoses" in page
    assert 'href="/alerts/report/lu-abrigado/substance/"' in page


def test_the_start_page_says_when_someone_reports_for_no_facility(member):
    client = Client()
    client.force_login(member)
    response = client.get("/alerts/report/")
    assert response.status_code == 200
    assert "You are not a reporter for any facility." in response.content.decode()


def test_a_facility_without_a_region_is_flagged_on_the_start_page(reporter_client, facility):
    assert "in no alert region yet" in reporter_client.get("/alerts/report/").content.decode()


# --- with the real detection tasks -----------------------------------------------------------


def test_a_watch_list_substance_reported_on_the_web_raises_a_substance_signal(
    reporter_client, facility, region, substances, django_capture_on_commit_callbacks
):
    Substance.objects.filter(slug="isotonitazene").update(watch_list=True)
    with django_capture_on_commit_callbacks(execute=True):
        reporter_client.post(FORM, report())
    signal = Signal.objects.get(kind="S1")
    assert (signal.substance.slug, signal.region) == ("isotonitazene", region)
    assert list(signal.facilities.all()) == [facility]
