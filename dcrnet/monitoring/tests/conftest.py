"""Fixtures of the monitoring tests: a second facility and its reporter, a token."""

from __future__ import annotations

import pytest

from dcrnet.monitoring.models import ReporterToken, hash_token


@pytest.fixture
def other_facility(make_facility):
    return make_facility("ca-insite", country="CA", city="Vancouver", name="Insite")


@pytest.fixture
def reporter_client(client, reporter):
    client.force_login(reporter)
    return client


@pytest.fixture
def token(reporter):
    raw = "dcr_test-token-0123456789"
    ReporterToken.objects.create(user=reporter, digest=hash_token(raw), prefix=raw[:8])
    return raw


@pytest.fixture
def bearer(token):
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


@pytest.fixture
def indicators():
    """The seeded dictionary: a transactional test's flush empties it for the next one."""
    from dcrnet.monitoring.indicators import seed
    from dcrnet.monitoring.models import DictionaryRelease, Indicator

    seed(DictionaryRelease, Indicator)


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
