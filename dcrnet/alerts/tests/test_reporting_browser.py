"""In the browser, on a phone: a reporter files a substance report and a daily pulse."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from dcrnet.alerts.forms import monday, today, week_code
from dcrnet.alerts.models import Pulse, Region, Substance, SubstanceReport
from dcrnet.tests.phone import page_width, phone_page
from testing.browser import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def reporting(facility):
    region = Region.objects.create(slug="luxembourg", name="Luxembourg", country=facility.country)
    region.facilities.add(facility)
    group = Substance.objects.create(slug="nitazene", name="Nitazene, unresolved", kind="group")
    Substance.objects.create(
        slug="isotonitazene", name="Isotonitazene", kind="compound", group=group
    )
    Substance.objects.create(slug="heroin", name="Heroin", kind="compound")
    Substance.objects.create(slug="unknown", name="Unknown", kind="unknown")
    return facility


@pytest.fixture
def phone(new_browser_page, live_server, reporter):
    client = Client()
    client.force_login(reporter)
    page = phone_page(new_browser_page)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return page


def fits(page) -> bool:
    width, inner = page_width(page)
    return width <= inner


def test_a_reporter_files_a_substance_report_on_a_phone(phone, reporting, reporter):
    page = phone
    page.goto("/alerts/report/")
    assert fits(page) and axe_violations(page) == []
    page.get_by_role("link", name="Report a substance").click()
    page.wait_for_url("**/alerts/report/lu-abrigado/substance/")
    assert fits(page) and axe_violations(page) == []

    page.get_by_label("Substance (required)").select_option("isotonitazene")
    page.get_by_label("How it was confirmed (required)").select_option("ftir")
    page.get_by_label("Form", exact=True).select_option("powder")
    page.get_by_label("Sold as").select_option("heroin")
    page.get_by_label("Samples (required)").fill("3")
    page.get_by_label("Samples linked to overdoses").fill("5")  # more than the samples
    page.get_by_role("button", name="Send the report").click()
    alert = page.get_by_role("alert")
    assert "Samples linked to overdoses (5) exceed the samples (3)." in alert.inner_text()
    assert axe_violations(page) == []
    assert not SubstanceReport.objects.exists()

    page.get_by_label("Samples linked to overdoses").fill("1")
    page.get_by_role("button", name="Send the report").click()
    status = page.get_by_role("status")
    assert "3 samples of Isotonitazene" in status.inner_text()
    # base.html's message list (ul role=status) is axe's "listitem" violation: reported.
    assert fits(page) and axe_violations(page, disable=["listitem"]) == []
    report = SubstanceReport.objects.get()
    assert (report.reported_by, report.samples, report.linked_overdoses) == (reporter, 3, 1)
    assert week_code(report.week) == week_code(monday(today()))


def test_a_reporter_sends_the_daily_pulse_on_a_phone(phone, reporting):
    page = phone
    page.goto("/alerts/report/lu-abrigado/pulse/")
    assert fits(page) and axe_violations(page) == []
    page.get_by_label("Overdoses managed on site (required)").fill("4")
    page.get_by_role("button", name="Send the pulse").click()
    assert "Saved: 4 overdoses" in page.get_by_role("status").inner_text()
    assert Pulse.objects.get().overdoses == 4
    assert axe_violations(page, disable=["listitem"]) == []  # base.html's, as above


def test_the_upload_page_is_accessible_on_a_phone(phone, reporting):
    page = phone
    page.goto("/alerts/report/lu-abrigado/upload/")
    assert fits(page) and axe_violations(page) == []
