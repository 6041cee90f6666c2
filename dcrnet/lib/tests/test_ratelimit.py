"""lib.ratelimit: exact counts under parallel hits, in memory, in the database, across processes."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import threading
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection

from dcrnet.lib import ratelimit
from dcrnet.tests.conftest import PRODUCTION_ENV

ROOT = Path(__file__).resolve().parents[3]
START = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
DATABASE_CACHE = {
    "default": {
        "BACKEND": "dcrnet.lib.dbcache.DatabaseCache",
        "LOCATION": "dcrnet_test_cache",
    }
}


def parallel_hits(scope: str, limit: int, threads: int, hits: int) -> int:
    """How many of threads × hits simultaneous hits on one key were allowed."""
    from django.db import connections

    barrier = threading.Barrier(threads)
    allowed: list[int] = []
    errors: list[BaseException] = []

    def work():
        try:
            barrier.wait()
            allowed.append(sum(ratelimit.hit(scope, "key", limit, 600) for _ in range(hits)))
        except BaseException as error:  # re-raised below, in the test's thread
            errors.append(error)
        finally:
            connections.close_all()

    workers = [threading.Thread(target=work) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    if errors:
        raise errors[0]
    return sum(allowed)


def test_the_limit_allows_exactly_n_then_refuses():
    assert [ratelimit.hit("test", "k", 3, 60) for _ in range(5)] == [True] * 3 + [False] * 2
    assert ratelimit.used("test", "k") == 5


def test_keys_and_scopes_count_apart():
    for _ in range(3):
        ratelimit.hit("test", "k", 3, 60)
    assert not ratelimit.hit("test", "k", 3, 60)
    assert ratelimit.hit("test", "other key", 3, 60)
    assert ratelimit.hit("other-scope", "k", 3, 60)


def test_the_limit_opens_again_after_its_period():
    with time_machine.travel(START, tick=False) as clock:
        for _ in range(3):
            ratelimit.hit("test", "k", 3, 60)
        assert not ratelimit.hit("test", "k", 3, 60)
        clock.shift(61)
        assert ratelimit.hit("test", "k", 3, 60)


def test_parallel_hits_in_memory_allow_exactly_the_limit():
    assert parallel_hits(f"t-{uuid.uuid4()}", limit=7, threads=16, hits=3) == 7


@pytest.fixture
def database_cache(settings, db):
    settings.CACHES = DATABASE_CACHE
    call_command("createcachetable", verbosity=0)


def test_the_database_cache_counts_like_memory(database_cache):
    assert [ratelimit.hit("test", "k", 3, 60) for _ in range(5)] == [True] * 3 + [False] * 2


def test_the_database_cache_keeps_the_window_when_counting(database_cache):
    # Django's own DatabaseCache.incr re-sets the key with the default 300 s timeout.
    with time_machine.travel(START, tick=False) as clock:
        for _ in range(3):
            ratelimit.hit("test", "k", 3, 3600)
        clock.shift(1000)
        assert not ratelimit.hit("test", "k", 3, 3600)
        clock.shift(2700)
        assert ratelimit.hit("test", "k", 3, 3600)


def test_incrementing_a_missing_or_expired_key_is_refused(database_cache):
    from django.core.cache import cache

    with pytest.raises(ValueError):
        cache.incr("missing")
    with time_machine.travel(START, tick=False) as clock:
        cache.set("brief", 1, 10)
        assert cache.incr("brief") == 2
        clock.shift(11)
        with pytest.raises(ValueError):
            cache.incr("brief")


def test_migrate_makes_the_database_cache_table(settings, db):
    settings.CACHES = {
        "default": {**DATABASE_CACHE["default"], "LOCATION": "dcrnet_test_cache_migrate"}
    }
    call_command("migrate", verbosity=0)
    assert "dcrnet_test_cache_migrate" in connection.introspection.table_names()


# Separate processes: what production's workers see ------------------------------------------


def database_url(tmp_path: Path) -> str:
    """The test database for PostgreSQL; a file for SQLite (the test one lives in memory)."""
    if connection.vendor == "sqlite":
        return f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    params = connection.settings_dict
    credentials = quote(params["USER"] or "") + (
        ":" + quote(params["PASSWORD"]) if params["PASSWORD"] else ""
    )
    host = params["HOST"] or "127.0.0.1"
    return f"postgres://{credentials}@{host}:{params['PORT'] or 5432}/{params['NAME']}"


@pytest.fixture
def production_environment(django_db_setup, tmp_path):
    """Production's settings (DEBUG off, no CACHE_URL) on a database every process can open."""
    env = {k: v for k, v in os.environ.items() if k not in {"CACHE_URL", "PYTEST_CURRENT_TEST"}}
    env.update(PRODUCTION_ENV, DATABASE_URL=database_url(tmp_path))
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    subprocess.run(
        [sys.executable, "manage.py", "createcachetable"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=120,
    )
    return env


def test_two_processes_of_many_threads_share_one_limit(production_environment):
    """RELIABILITY 46: with two app processes the total allowed stays the limit, not twice it."""
    scope, limit, threads, hits = f"t-{uuid.uuid4()}", 10, 6, 4
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "dcrnet.lib.tests.ratelimit_worker", scope]
            + [str(limit), str(threads), str(hits)],
            cwd=ROOT,
            env=production_environment,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    try:
        for worker in workers:
            assert worker.stdout.readline().strip() == "ready"
        for worker in workers:
            worker.stdin.write("go\n")
            worker.stdin.flush()
        results = [json.loads(worker.communicate(timeout=300)[0]) for worker in workers]
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
    assert [result["errors"] for result in results] == [[], []]
    assert {result["backend"] for result in results} == {"dcrnet.lib.dbcache.DatabaseCache"}
    assert sum(result["allowed"] for result in results) == limit
