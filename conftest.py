"""Shared test fixtures: a named cast of users and a small directory to test against."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group

from dcrnet.community.models import Role

# Test-only helpers live outside the dcrnet package, in testing/ (Playwright fixtures and a live
# server that is safe on in-memory SQLite).
pytest_plugins = ["testing.browser"]


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "slow: runs child processes for many seconds (deselect with -m 'not slow')"
    )


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits, TOTP replay guards and cached figures must not leak between tests."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _english():
    """Every test starts in English: a request to /fr/… leaves French active in the thread (the
    test client runs views in the test's own thread), which would leak into the next test."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


def _user(django_user_model, email: str, *roles: str, mfa: bool = False, **extra):
    user = django_user_model.objects.create_user(
        email=email, password="a long test passphrase", **extra
    )
    for role in roles:
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    if mfa:
        from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

        TOTP.activate(user, generate_totp_secret())
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@pytest.fixture
def member(django_user_model):
    return _user(django_user_model, "member@example.org", Role.MEMBER)


@pytest.fixture
def reporter(django_user_model, facility):
    user = _user(django_user_model, "reporter@example.org", Role.REPORTER, mfa=True)
    facility.reporters.add(user)
    return user


@pytest.fixture
def editor(django_user_model):
    return _user(django_user_model, "editor@example.org", Role.EDITOR, mfa=True, is_staff=True)


@pytest.fixture
def staff(django_user_model):
    return _user(django_user_model, "staff@example.org", Role.STAFF, mfa=True, is_staff=True)


@pytest.fixture
def superuser(django_user_model):
    return _user(django_user_model, "root@example.org", mfa=True, is_staff=True, is_superuser=True)


@pytest.fixture
def make_facility(db):
    """make_facility("lu-abrigado", country="LU", status="open", routes={"injecting": 10})"""
    from dcrnet.directory.models import Country, Facility, SnapshotRoute, SnapshotService
    from dcrnet.directory.services import record_snapshot, record_status

    def make(
        public_id: str,
        *,
        country: str = "LU",
        city: str = "Luxembourg",
        status: str = "open",
        since: dt.date = dt.date(2005, 7, 1),
        routes: dict[str, int | None] | None = None,
        services: tuple[str, ...] = ("supervision",),
        model: str = "integrated",
        **extra,
    ):
        country_obj, _ = Country.objects.get_or_create(code=country)
        facility = Facility.objects.create(
            public_id=public_id,
            name=extra.pop("name", public_id.replace("-", " ").title()),
            city=city,
            country=country_obj,
            model=model,
            latitude=extra.pop("latitude", 49.61),
            longitude=extra.pop("longitude", 6.13),
            **extra,
        )
        record_status(facility, status, since, source="test")
        if routes is not None:
            snapshot = record_snapshot(facility, dt.date(2024, 1, 1), source="test")
            for route, places in routes.items():
                SnapshotRoute.objects.create(snapshot=snapshot, route=route, places=places)
            for service in services:
                SnapshotService.objects.create(snapshot=snapshot, service=service)
        facility.refresh_from_db()
        return facility

    return make


@pytest.fixture
def facility(make_facility):
    return make_facility("lu-abrigado", name="Abrigado", routes={"injecting": 10, "smoking": 5})


# Parallel writes (any app): real threads with their own connections, released together.
@pytest.fixture
def shared_database(transactional_db, tmp_path):
    """A database that threads write at the same time, as app processes do in production.

    PostgreSQL: the test database as it is. SQLite: the in-memory test database is shared-cache,
    whose writers fail at once instead of waiting, so the test runs on a file copy of it with
    the project's settings (WAL, IMMEDIATE transactions, a busy timeout). Data created before
    this fixture is copied; the in-memory database is left as it was for the flush.
    """
    from django.db import connection, connections

    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        yield
        return
    import sqlite3

    path = tmp_path / "parallel.sqlite3"
    connection.ensure_connection()
    copy = sqlite3.connect(path)
    connection.connection.backup(copy)
    copy.close()
    memory_settings, memory_connection = connections.settings["default"], connections["default"]
    connections.settings["default"] = {**memory_settings, "NAME": str(path)}
    connections["default"] = connections.create_connection("default")
    try:
        yield
    finally:
        connections["default"].close()
        connections["default"] = memory_connection
        connections.settings["default"] = memory_settings


@pytest.fixture
def in_parallel():
    """in_parallel(fn, args_list) → results, with every call released at the same moment.

    Each call runs in its own thread (its own database connection, closed at the end); an
    exception is returned as the result rather than raised, so the test sees all of them.
    """
    import threading
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connections

    def run(function, argument_list):
        barrier = threading.Barrier(len(argument_list))

        def call(args):
            try:
                barrier.wait(timeout=30)
                return function(*args)
            except Exception as error:  # noqa: BLE001 - reported to the test, never hidden
                return error
            finally:
                connections.close_all()

        with ThreadPoolExecutor(max_workers=len(argument_list)) as pool:
            return list(pool.map(call, argument_list))

    return run


@pytest.fixture
def non_member(django_user_model):
    """Signed in, but has not applied to join."""
    return _user(django_user_model, "visitor@example.org", handle="visitor")


@pytest.fixture
def moderator(django_user_model):
    return _user(django_user_model, "moderator@example.org", Role.MODERATOR, mfa=True)
