"""Throwaway sites for the backup tests: a database and a media folder, run through manage.py.

Each site is a separate database (a SQLite file, or a PostgreSQL database created with psql next
to the test database) used by child processes, as production uses it; the test process reads it
with a plain DB-API connection.
"""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from django.apps import apps
from django.conf import settings

from dcrnet.operations.backups import _TABLES_SQL, pg_client

BASE_DIR = Path(settings.BASE_DIR)
CONFIGURED = settings.DATABASES["default"]
VENDOR = "postgresql" if "postgresql" in CONFIGURED["ENGINE"] else "sqlite"
# What the child processes must not inherit from the test run's environment.
SITE_VARIABLES = {"DATABASE_URL", "SQLITE_PATH", "MEDIA_ROOT", "CACHE_URL", "DEBUG"}


def psql(*sql: str, database: str = "postgres") -> None:
    args, env = pg_client(CONFIGURED)
    commands = [part for statement in sql for part in ("-c", statement)]
    subprocess.run(
        ["psql", *args, "-q", "-v", "ON_ERROR_STOP=1", "-d", database, *commands],
        env=env,
        check=True,
        capture_output=True,
    )


def pg_name(purpose: str) -> str:
    """A database name of this test run: beside the configured one, one per xdist worker."""
    base = CONFIGURED["NAME"].removeprefix("test_")
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    return f"test_{base}_ops{worker}_{purpose}"


@dataclass
class Site:
    database: str  # a SQLite file's path, or a PostgreSQL database's name
    media: Path

    @property
    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in SITE_VARIABLES}
        env.update(DJANGO_SETTINGS_MODULE="dcrnet.settings", TESTING="1", DEBUG="1")
        env["MEDIA_ROOT"] = str(self.media)
        if VENDOR == "sqlite":
            env["SQLITE_PATH"] = self.database
        else:
            credentials = quote(CONFIGURED.get("USER") or "", safe="")
            if CONFIGURED.get("PASSWORD"):
                credentials += ":" + quote(CONFIGURED["PASSWORD"], safe="")
            host = CONFIGURED.get("HOST") or ""
            port = f":{CONFIGURED['PORT']}" if CONFIGURED.get("PORT") else ""
            at = "@" if credentials else ""
            env["DATABASE_URL"] = f"postgres://{credentials}{at}{host}{port}/{self.database}"
        return env

    def manage(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=BASE_DIR,
            env=self.env,
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            check=False,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"manage.py {' '.join(args)} failed:\n{result.stderr}")
        return result

    def popen(self, *args: str) -> subprocess.Popen:
        """`python args…` in the site's environment, its output read line by line."""
        return subprocess.Popen(
            [sys.executable, *args],
            cwd=BASE_DIR,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def connect(self) -> Any:
        if VENDOR == "sqlite":
            return sqlite3.connect(self.database)
        import psycopg

        return psycopg.connect(
            dbname=self.database,
            host=CONFIGURED.get("HOST") or None,
            port=CONFIGURED.get("PORT") or None,
            user=CONFIGURED.get("USER") or None,
            password=CONFIGURED.get("PASSWORD") or None,
            autocommit=True,
        )

    def query(self, sql: str) -> list[tuple]:
        connection = self.connect()
        try:
            cursor = connection.cursor()
            cursor.execute(sql)
            return cursor.fetchall()
        finally:
            connection.close()

    def execute(self, *statements: str) -> None:
        """Plain SQL in one transaction: no model code, no signals."""
        connection = self.connect()
        try:
            if VENDOR == "postgresql":
                connection.autocommit = False
            cursor = connection.cursor()
            for statement in statements:
                cursor.execute(statement)
            connection.commit()
        finally:
            connection.close()

    def digests(
        self, tables: set[str] | None = None, ignore: dict[str, set[str]] | None = None
    ) -> dict[str, tuple[int, str]]:
        """Per table: the row count and one hash over the sorted hashes of its rows.

        `ignore` names columns left out of the hashes, per table.
        """
        ignore = ignore or {}
        connection = self.connect()
        try:
            cursor = connection.cursor()
            cursor.execute(_TABLES_SQL[VENDOR])
            names = [row[0] for row in cursor.fetchall()]
            result = {}
            for name in names:
                if tables is not None and name not in tables:
                    continue
                cursor.execute(f'SELECT * FROM "{name}"')
                kept = [
                    i
                    for i, column in enumerate(cursor.description)
                    if column[0] not in ignore.get(name, ())
                ]
                rows = sorted(row_hash(tuple(row[i] for i in kept)) for row in cursor.fetchall())
                result[name] = (len(rows), hashlib.sha256("".join(rows).encode()).hexdigest())
            return result
        finally:
            connection.close()

    def media_checksums(self) -> dict[str, str]:
        return {
            path.relative_to(self.media).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(self.media.rglob("*"))
            if path.is_file()
        }


def row_hash(row: tuple) -> str:
    values = tuple(bytes(value) if isinstance(value, memoryview) else value for value in row)
    return hashlib.sha256(repr(values).encode()).hexdigest()


def model_tables() -> set[str]:
    return {model._meta.db_table for model in apps.get_models(include_auto_created=True)}


def link_tables() -> set[str]:
    """The tables Django makes for many-to-many fields: their ids are no data of ours."""
    return {
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if model._meta.auto_created
    }


class Sites:
    """Makes sites and removes their databases at the end: empty ones or copies of `template`."""

    def __init__(self, root: Path, template: Site | None = None):
        self.root = root
        self.template = template
        self.databases: list[str] = []

    def empty(self, purpose: str) -> Site:
        media = self.root / f"media-{purpose}"
        if VENDOR == "sqlite":
            return Site(str(self.root / f"{purpose}.sqlite3"), media)
        name = pg_name(purpose)
        psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"')
        self.databases.append(name)
        return Site(name, media)

    def copy(self, site: Site, purpose: str) -> Site:
        """Another site holding the same rows (not the media)."""
        if VENDOR == "sqlite":
            copy = self.empty(purpose)
            source = sqlite3.connect(site.database)
            target = sqlite3.connect(copy.database)
            source.backup(target)
            target.close()
            source.close()
            return copy
        name = pg_name(purpose)
        psql(
            f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)',
            f'CREATE DATABASE "{name}" TEMPLATE "{site.database}"',
        )
        self.databases.append(name)
        return Site(name, self.root / f"media-{purpose}")

    def migrated(self, purpose: str) -> Site:
        """A migrated, empty site, copied from the template (migrating each would be slow)."""
        assert self.template is not None, "Sites(root, template) makes migrated sites"
        return self.copy(self.template, purpose)

    def close(self) -> None:
        for name in reversed(self.databases):
            psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.databases.clear()


class Writer:
    """The writer child (dcrnet.operations.tests.writer) and the ids it has acknowledged."""

    def __init__(self, site: Site, run: str):
        self.process = site.popen("-m", "dcrnet.operations.tests.writer", run)
        self._ids: list[int] = []
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            if line.endswith("\n"):  # a line cut short by the kill was never acknowledged
                with self._lock:
                    self._ids.append(int(line))

    def acknowledged(self) -> set[int]:
        with self._lock:
            return set(self._ids)

    def wait_for(self, count: int, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while len(self.acknowledged()) < count:
            if self.process.poll() is not None:
                raise AssertionError(f"The writer stopped:\n{self.process.stderr.read()}")
            if time.monotonic() > deadline:
                raise AssertionError(f"The writer acknowledged fewer than {count} in {timeout} s")
            time.sleep(0.01)

    def kill(self) -> set[int]:
        """SIGKILL, then every id it printed before it died."""
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait()
        self._reader.join()
        self.process.stdout.close()
        self.process.stderr.close()
        return self.acknowledged()


def half_written_units(site: Site) -> list[tuple]:
    """Writer units missing a part: each facility needs its status, its history and their rows."""
    broken = site.query(
        """
        SELECT f.id, f.status,
          (SELECT COUNT(*) FROM directory_statuschange s WHERE s.facility_id = f.id),
          (SELECT COUNT(*) FROM directory_historicalfacility h WHERE h.id = f.id),
          (SELECT COUNT(*) FROM directory_historicalstatuschange h WHERE h.facility_id = f.id)
        FROM directory_facility f WHERE f.public_id LIKE 'crash-%'
        """
    )
    broken = [row for row in broken if row[1:] != ("open", 1, 1, 1)]
    orphans = site.query(
        """
        SELECT 'history without its facility', h.id FROM directory_historicalfacility h
        WHERE h.public_id LIKE 'crash-%'
          AND NOT EXISTS (SELECT 1 FROM directory_facility f WHERE f.id = h.id)
        UNION ALL
        SELECT 'status history without its facility', h.facility_id
        FROM directory_historicalstatuschange h
        WHERE h.source = 'crash test'
          AND NOT EXISTS (SELECT 1 FROM directory_facility f WHERE f.id = h.facility_id)
        """
    )
    return broken + orphans


def writer_ids(site: Site) -> set[int]:
    rows = site.query("SELECT id FROM directory_facility WHERE public_id LIKE 'crash-%'")
    return {row[0] for row in rows}
