"""A facility's figures in the calculator: only what it published, never a guess."""

from __future__ import annotations

import datetime as dt

import pytest

from dcrnet.impact.prefill import prefill
from dcrnet.monitoring import services
from dcrnet.monitoring.models import Indicator, YearlyValue

pytestmark = pytest.mark.django_db


def published(facility, code: str, value: int, start: str, end: str, breakdown: str = ""):
    return YearlyValue.objects.create(
        facility=facility,
        indicator=Indicator.objects.get(code=code),
        breakdown=breakdown,
        period_start=dt.date.fromisoformat(start),
        period_end=dt.date.fromisoformat(end),
        value=value,
        source="Annual report",
        source_url="https://example.org/report",
    )


def months(first: dt.date, count: int) -> list[dt.date]:
    out, month = [], first
    for _ in range(count):
        out.append(month)
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return out


def report(facility, month: dt.date, injections: int, *, synthetic: bool = False) -> None:
    services.save_month(
        facility,
        month,
        {"visits": injections * 2, "supervised_consumptions:injecting": injections},
        synthetic=synthetic,
    )


def test_a_facility_with_no_figures_fills_nothing(facility):
    assert prefill(facility) == {}


def test_a_year_of_unique_clients_and_injections_fills_both(facility):
    published(facility, "unique_clients", 1362, "2021-01-01", "2021-12-31")
    published(facility, "supervised_consumptions", 30223, "2021-01-01", "2021-12-31", "injecting")

    assert prefill(facility) == {"clients": "1362", "injections": "30223"}


def test_the_latest_year_wins(facility):
    published(facility, "unique_clients", 1000, "2019-01-01", "2019-12-31")
    published(facility, "unique_clients", 1400, "2022-07-01", "2023-06-30")

    assert prefill(facility)["clients"] == "1400"


def test_a_figure_for_another_period_than_a_year_is_left_out(facility):
    # OnPoint's 3,719 participants over 20 months: dividing it would make a figure up.
    published(facility, "unique_clients", 3719, "2021-11-30", "2023-07-31")

    assert "clients" not in prefill(facility)


def test_consumptions_of_all_routes_are_not_taken_for_injections(facility):
    published(facility, "supervised_consumptions", 58793, "2021-01-01", "2021-12-31")

    assert "injections" not in prefill(facility)


def test_twelve_reported_months_of_injections_are_summed(facility):
    for month in months(dt.date(2024, 1, 1), 12):
        report(facility, month, 100)

    assert prefill(facility) == {"injections": "1200"}


def test_eleven_months_or_a_gap_are_not_a_year(facility):
    for month in months(dt.date(2024, 1, 1), 11):
        report(facility, month, 100)
    assert prefill(facility) == {}

    report(facility, dt.date(2025, 3, 1), 100)  # twelve months, but not consecutive
    assert prefill(facility) == {}


def test_synthetic_demonstration_months_are_never_used(facility):
    for month in months(dt.date(2024, 1, 1), 12):
        report(facility, month, 100, synthetic=True)

    assert prefill(facility) == {}


def test_the_calculator_opens_with_the_facilitys_figures(client, facility, impact_registry):
    published(facility, "unique_clients", 1362, "2021-01-01", "2021-12-31")

    response = client.get(f"/impact/facility/{facility.public_id}/")

    assert response.status_code == 302
    assert response["Location"] == "/impact/?preset=baltimore-2017&clients=1362"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert 'value="1362"' in page.content.decode()


def test_the_facility_page_links_to_the_estimator(client, facility):
    page = client.get(facility.get_absolute_url())

    assert f'href="/impact/facility/{facility.public_id}/"' in page.content.decode()


def test_an_unpublished_facility_is_not_found(client, make_facility):
    hidden = make_facility("xx-hidden", published=False)

    assert client.get(f"/impact/facility/{hidden.public_id}/").status_code == 404
    assert client.get("/impact/facility/no-such-room/").status_code == 404
