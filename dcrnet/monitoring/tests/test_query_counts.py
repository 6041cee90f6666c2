"""Every monitoring list page and API list answers in a fixed number of queries, however much
data there is: measured on a small site, then again after it grows several times over."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dcrnet.monitoring import services, survey
from dcrnet.monitoring.models import Indicator, ReporterToken, YearlyValue, hash_token

pytestmark = pytest.mark.django_db

# URL → at most this many queries with empty caches: what they take today plus one (plus three
# for pages of signed-in users, whose session, user and MFA checks belong to other apps).
PUBLIC = {
    "/data/": 11,
    "/data/dictionary/": 3,
    "/data/countries/lu/": 8,
    "/data/facilities/lu-abrigado/": 7,
    "/data/monthly.csv": 4,
    "/data/monthly.json": 4,
    "/data/survey.csv": 3,
    "/data/dictionary.csv": 2,
    "/api/v1/indicators": 2,
    "/api/v1/monthly?level=facility": 4,
    "/api/v1/monthly?level=country&indicator=visits": 5,
    "/api/v1/survey": 3,
    "/api/v1/series/network?indicator=visits": 4,
    "/api/v1/series/countries/lu?indicator=visits": 5,
    "/api/v1/series/facilities/lu-abrigado?indicator=unique_clients": 5,
}
REPORTER = {
    "/data/report/": 9,
    "/data/report/lu-abrigado/2025-02/": 9,
    "/data/report/lu-abrigado/template.csv": 8,
}
STAFF = {"/data/survey/": 11}
MONTHS = [dt.date(2025, m, 1) for m in (1, 2, 3)]


class Site:
    """Grows the monitoring data: facilities with months, yearly figures, tokens, surveys."""

    def __init__(self, make_facility, facility, reporter, staff):
        self.make_facility, self.facility, self.reporter = make_facility, facility, reporter
        self.size = 0
        self.visits = Indicator.objects.get(code="visits")

    def grow(self, n: int) -> None:
        for i in range(self.size, self.size + n):
            other = self.make_facility(
                f"site-{i}", country=("LU", "CA", "DE")[i % 3], name=f"Site {i}"
            )
            other.reporters.add(self.reporter)
            for month in MONTHS:
                services.save_month(
                    other, month, {"visits": 40 + i, "unique_clients": 20 + i, "overdoses": i}
                )
            YearlyValue.objects.create(
                facility=other,
                indicator=self.visits,
                period_start=dt.date(2024, 1, 1),
                period_end=dt.date(2024, 12, 31),
                value=1000 + i,
                source="test",
                source_url="https://example.org/",
            )
            raw = f"dcr_token-{i}"
            ReporterToken.objects.create(user=self.reporter, digest=hash_token(raw), prefix=raw[:8])
            year, _ = survey.open_survey_year(2000 + i)
            survey.save_response(year, other, {"visitors_per_day": 5}, submit=True)
        self.size += n


@pytest.fixture
def site(make_facility, facility, reporter, staff):
    for month in MONTHS:
        services.save_month(facility, month, {"visits": 300, "unique_clients": 80})
    grown = Site(make_facility, facility, reporter, staff)
    grown.grow(2)
    return grown


def queries(client, url: str) -> int:
    cache.clear()  # the cached series and payloads would hide what a first visitor costs
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200, (url, response.status_code)
    return len(captured)


def assert_constant(client, site, urls: dict[str, int], django_assert_max_num_queries) -> None:
    before = {url: queries(client, url) for url in urls}
    site.grow(6)
    after = {url: queries(client, url) for url in urls}
    assert after == before, "the number of queries grows with the data"
    for url, ceiling in urls.items():
        cache.clear()
        with django_assert_max_num_queries(ceiling):
            response = client.get(url)
            if response.streaming:
                b"".join(response.streaming_content)


def test_public_lists_and_api_lists_use_a_fixed_number_of_queries(
    client, site, django_assert_max_num_queries
):
    assert_constant(client, site, PUBLIC, django_assert_max_num_queries)


def test_the_reporter_s_pages_use_a_fixed_number_of_queries(
    client, site, reporter, django_assert_max_num_queries
):
    client.force_login(reporter)
    assert_constant(client, site, REPORTER, django_assert_max_num_queries)


def test_the_survey_review_list_uses_a_fixed_number_of_queries(
    client, site, staff, django_assert_max_num_queries
):
    client.force_login(staff)
    assert_constant(client, site, STAFF, django_assert_max_num_queries)


def test_the_report_api_uses_a_fixed_number_of_queries(
    client, site, facility, bearer, django_assert_max_num_queries
):
    url = "/api/v1/report/lu-abrigado/2025-01"
    cache.clear()
    with CaptureQueriesContext(connection) as before:
        assert client.get(url, **bearer).status_code == 200
    site.grow(4)
    cache.clear()
    with django_assert_max_num_queries(len(before)):
        assert client.get(url, **bearer).status_code == 200
