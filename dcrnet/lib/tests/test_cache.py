"""The content version: moved by writes, and never older than a minute in one process's memory."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
import time_machine
from django.core.cache import cache
from django.test import override_settings

from dcrnet.lib.cache import LOCAL_VERSION_SECONDS, bump, cached, content_version

NOON = dt.datetime(2026, 3, 2, 12, tzinfo=dt.UTC)


def test_a_bump_moves_the_version():
    before = content_version()
    bump()
    assert content_version() > before


@pytest.mark.django_db
def test_a_saved_facility_moves_the_version(facility):
    before = content_version()
    facility.save()
    assert content_version() != before


@pytest.mark.django_db
def test_every_app_with_public_pages_moves_the_version(facility, member):
    """A document, a forum category, an organisation's facilities (a many-to-many change): each
    is shown on public pages, so a cached page or a revalidated ETag must not outlive it."""
    from dcrnet.documents.models import Topic
    from dcrnet.organisations.models import Organisation

    before = content_version()
    Topic.objects.create(name="Protocols", slug="protocols")
    assert content_version() != before

    organisation = Organisation.objects.create(name="Abrigado team", kind="dcr operator")
    before = content_version()
    organisation.facilities.add(facility)
    assert content_version() != before


@pytest.mark.django_db
def test_rows_no_public_page_reads_leave_the_version(member):
    from dcrnet.experts.models import Delivery

    before = content_version()
    Delivery.objects.create(key="received:1:requester")
    member.save()
    assert content_version() == before


def test_in_one_processs_memory_the_version_is_at_most_a_minute_old():
    """Another process's writes cannot reach this memory: what the version keys must expire."""
    with time_machine.travel(NOON, tick=False) as clock:
        first = content_version()
        clock.shift(LOCAL_VERSION_SECONDS - 1)
        assert content_version() == first
        clock.shift(2)
        assert content_version() != first


def test_a_bump_keeps_the_versions_lifetime_in_memory():
    with time_machine.travel(NOON, tick=False) as clock:
        first = content_version()
        clock.shift(LOCAL_VERSION_SECONDS - 1)
        bump()
        clock.shift(2)
        assert content_version() not in {first, first + 1}


@override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}})
def test_a_cache_that_keeps_nothing_never_repeats_a_version():
    assert content_version() != content_version()


def test_cached_computes_once_per_version():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert cached("figure", compute, 60) == 1
    assert cached("figure", compute, 60) == 1
    bump()
    assert cached("figure", compute, 60) == 2
    cache.clear()


def test_a_value_named_by_its_digest_outlives_content_writes_and_reads_no_version():
    """content=False (the forum's rendered posts): the name changes with what the value
    depends on, so writes to content do not retire it and the version is never read."""
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    cache.clear()
    assert cached("forum:html:abc", compute, 60, content=False) == 1
    bump()
    with mock.patch("dcrnet.lib.cache.content_version") as version:
        assert cached("forum:html:abc", compute, 60, content=False) == 1
    version.assert_not_called()
    assert cached("forum:html:abd", compute, 60, content=False) == 2
    assert cached("forum:html:abc", compute, 0, content=False) == 3  # 0: not cached
    cache.clear()


@pytest.mark.django_db(transaction=True)
def test_a_transaction_moves_the_version_once_on_commit_however_many_rows_it_saves(facility):
    from django.db import transaction

    from dcrnet.lib import bulk
    from dcrnet.lib import cache as content_cache

    with mock.patch.object(content_cache, "bump", wraps=content_cache.bump) as bumps:
        with transaction.atomic():
            for n in range(5):
                facility.name = f"Renamed {n}"
                facility.save()
            during = bumps.call_count
            assert during >= 5  # at each write (and its history row), for its own reads
        assert bumps.call_count == during + 1  # and once after the commit
        bumps.reset_mock()
        with transaction.atomic(), bulk.writes():
            for n in range(5):
                facility.name = f"Bulk {n}"
                facility.save()
            assert bumps.call_count == 0  # a bulk write: readers wait for the commit
        assert bumps.call_count == 1
