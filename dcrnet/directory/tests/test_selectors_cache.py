"""The directory's read paths are cached briefly and retired by any write."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache

from dcrnet.directory import selectors
from dcrnet.directory.models import Facility
from dcrnet.directory.services import record_status


@pytest.fixture
def cached(settings):
    settings.DIRECTORY_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


def test_home_figures_come_from_the_cache_until_the_directory_changes(
    cached, make_facility, django_assert_num_queries
):
    make_facility("lu-abrigado")
    assert selectors.home_figures().open_facilities == 1
    with django_assert_num_queries(0):
        assert selectors.home_figures().open_facilities == 1
    make_facility("de-koeln", country="DE", city="Köln")
    assert selectors.home_figures().open_facilities == 2


def test_a_status_change_retires_the_cached_figures_and_changes(cached, facility):
    assert selectors.home_figures().open_facilities == 1
    assert selectors.latest_changes()[0].kind == "profile"  # the 2024 snapshot
    record_status(facility, "closed", dt.date(2030, 1, 1), source="test")
    assert selectors.home_figures().open_facilities == 0
    assert selectors.latest_changes()[0].text == "Closed"


def test_a_cached_facility_keeps_its_history_and_snapshots(
    cached, facility, django_assert_num_queries
):
    selectors.facility_detail("lu-abrigado")
    with django_assert_num_queries(0):
        cached_facility = selectors.facility_detail("lu-abrigado")
        snapshot = cached_facility.snapshots.all()[0]
        assert {r.route for r in snapshot.routes.all()} == {"injecting", "smoking"}
        assert [s.status for s in cached_facility.status_changes.all()] == ["open"]
        assert cached_facility.country.name == "Luxembourg"


def test_an_unknown_or_unpublished_facility_is_not_found_even_when_cached(cached, facility):
    selectors.facility_detail("lu-abrigado")
    with pytest.raises(Facility.DoesNotExist):
        selectors.facility_detail("xx-nowhere")
    facility.published = False
    facility.save()
    with pytest.raises(Facility.DoesNotExist):
        selectors.facility_detail("lu-abrigado")


def test_the_network_series_is_cached_per_day(cached, facility, django_assert_num_queries):
    series = selectors.network_open_counts()
    with django_assert_num_queries(0):
        assert selectors.network_open_counts() == series


def test_tests_run_uncached_by_default(facility, django_assert_num_queries):
    selectors.home_figures()
    with django_assert_num_queries(3):
        selectors.home_figures()


def test_country_choices_are_cached_by_language_and_sorted_by_name(
    cached, make_facility, django_assert_num_queries
):
    make_facility("lu-abrigado")
    make_facility("de-koeln", country="DE", city="Köln")
    assert selectors.country_choices() == [("DE", "Germany"), ("LU", "Luxembourg")]
    with django_assert_num_queries(0):
        assert selectors.country_choices()[0] == ("DE", "Germany")


def test_the_current_highlight_is_cached_and_follows_a_new_schedule(
    cached, facility, django_assert_num_queries
):
    from django.utils import timezone

    from dcrnet.directory.models import Highlight

    assert selectors.current_highlight().facility == facility
    with django_assert_num_queries(0):
        selectors.current_highlight()
    Highlight.objects.create(month=timezone.localdate(), facility=facility, title="Abrigado at 20")
    assert selectors.current_highlight().title == "Abrigado at 20"
