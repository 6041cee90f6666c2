"""The database cache's table exists before anything in `migrate` writes to the cache."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.slow
def test_a_fresh_production_migrate_makes_the_cache_table_first(tmp_path):
    # DEBUG off and no CACHE_URL: the database cache, which post_migrate receivers already use.
    database = tmp_path / "fresh.sqlite3"
    env = {k: v for k, v in os.environ.items() if k not in {"PYTEST_CURRENT_TEST", "CACHE_URL"}}
    env.pop("DATABASE_URL", None)
    env.update(
        DEBUG="0",
        TESTING="0",
        SECRET_KEY="fresh-migrate-test-not-for-production-0123456789abcdef",
        ALLOWED_HOSTS="127.0.0.1",
        SQLITE_PATH=str(database),
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    tables = {
        name for (name,) in sqlite3.connect(database).execute("select name from sqlite_master")
    }
    assert "dcrnet_cache" in tables
