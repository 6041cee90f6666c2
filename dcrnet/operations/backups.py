"""Backups of the database and media files with a manifest of checksums; verified restores."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import django
from django.conf import settings
from django.db import connection
from django.db.migrations.loader import MigrationLoader

MANIFEST = "manifest.json"
FORMAT = 1
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.dump"}
MEDIA = "media"
SHA256 = re.compile(r"^[0-9a-f]{64}$")


class BackupError(Exception):
    """A backup or a restore that must not go on; the message says what, where and why."""


@dataclass
class Manifest:
    """What a backup holds, written beside it as manifest.json."""

    engine: str
    created: str
    database: str
    migrations: dict[str, str]
    tables: dict[str, int]
    files: dict[str, str] = field(default_factory=dict)
    django: str = django.get_version()
    format: int = FORMAT

    @property
    def rows(self) -> int:
        return sum(self.tables.values())

    @property
    def media(self) -> list[str]:
        return sorted(name for name in self.files if name.startswith(f"{MEDIA}/"))

    def write(self, directory: Path) -> None:
        text = json.dumps(asdict(self), indent=2, sort_keys=True) + "\n"
        (directory / MANIFEST).write_text(text, encoding="utf-8")

    @classmethod
    def read(cls, directory: Path) -> Manifest:
        path = directory / MANIFEST
        if not path.is_file():
            raise BackupError(
                f"{path} is missing: {directory} is not a backup made by `manage.py backup`."
            )
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise BackupError(f"{path} is not valid JSON: {error}.") from error
        return cls.from_json(data, path)

    @classmethod
    def from_json(cls, data: Any, path: Path) -> Manifest:
        problems = _manifest_problems(data)
        if problems:
            raise BackupError(f"{path} is not a valid manifest:\n  " + "\n  ".join(problems))
        return cls(**{key: data[key] for key in _MANIFEST_FIELDS})


_MANIFEST_FIELDS = {
    "format": int,
    "engine": str,
    "created": str,
    "django": str,
    "database": str,
    "migrations": dict,
    "tables": dict,
    "files": dict,
}


def _manifest_problems(data: Any) -> list[str]:
    if not isinstance(data, dict):
        return ["it must hold a JSON object"]
    problems = []
    for key, kind in _MANIFEST_FIELDS.items():
        if key not in data:
            problems.append(f'"{key}" is missing')
        elif not isinstance(data[key], kind) or isinstance(data[key], bool):
            problems.append(f'"{key}" must be a {kind.__name__}')
    if problems:
        return problems
    if data["format"] != FORMAT:
        problems.append(f'"format" is {data["format"]}; this version reads format {FORMAT}')
    if data["engine"] not in DATABASE_FILES:
        problems.append(f'"engine" must be one of {", ".join(DATABASE_FILES)}')
    elif data["database"] != DATABASE_FILES[data["engine"]]:
        problems.append(f'"database" must be {DATABASE_FILES[data["engine"]]}')
    if data["database"] not in data["files"]:
        problems.append(f'"files" does not list the database file {data["database"]}')
    for name, checksum in data["files"].items():
        if not _is_backup_path(name):
            problems.append(f'"files" names {name!r}, which is not a file of a backup')
        if not isinstance(checksum, str) or not SHA256.match(checksum):
            problems.append(f'"files": the checksum of {name!r} is not a SHA-256 in hex')
    for app, name in data["migrations"].items():
        if not isinstance(name, str):
            problems.append(f'"migrations": the migration of {app!r} must be a name')
    for table, count in data["tables"].items():
        if not isinstance(count, int) or isinstance(count, bool) or count < 0:
            problems.append(f'"tables": the row count of {table!r} must be a whole number ≥ 0')
    return problems


def _is_backup_path(name: str) -> bool:
    """The database file, or a relative path under media/ that stays inside it."""
    if name in DATABASE_FILES.values():
        return True
    path = PurePosixPath(name)
    return (
        "\\" not in name
        and "\x00" not in name
        and not path.is_absolute()
        and len(path.parts) >= 2
        and path.parts[0] == MEDIA
        and all(part not in {"", ".", ".."} for part in path.parts)
    )


# -- Reading a database: tables, row counts, migrations ------------------------------------------

_TABLES_SQL = {
    "sqlite": (
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
        "ESCAPE '\\' ORDER BY name"
    ),
    "postgresql": (
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
    ),
}


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def describe(cursor: Any, vendor: str) -> tuple[dict[str, int], dict[str, str]]:
    """Row counts per table and the latest applied migration per app, through a DB-API cursor.

    Run it in the transaction (PostgreSQL) or on the copy (SQLite) that the backup reads, so the
    counts describe exactly the rows the backup holds.
    """
    cursor.execute(_TABLES_SQL[vendor])
    names = [row[0] for row in cursor.fetchall()]
    tables = {}
    for name in names:
        cursor.execute(f"SELECT COUNT(*) FROM {_quoted(name)}")
        tables[name] = cursor.fetchone()[0]
    migrations: dict[str, str] = {}
    if "django_migrations" in tables:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
        for app, name in cursor.fetchall():
            migrations[app] = name  # migration names sort in the order they were written
    return tables, migrations


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# -- PostgreSQL client programs -------------------------------------------------------------------

_PG_OPTIONS_ENV = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "passfile": "PGPASSFILE",
    "service": "PGSERVICE",
}


def pg_client(settings_dict: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    """Connection arguments and environment for pg_dump, pg_restore and psql.

    The password goes into PGPASSWORD, never onto the command line, where any user of the
    machine could read it in the process list.
    """
    args = ["--no-password"]
    if settings_dict.get("HOST"):
        args += ["--host", str(settings_dict["HOST"])]
    if settings_dict.get("PORT"):
        args += ["--port", str(settings_dict["PORT"])]
    if settings_dict.get("USER"):
        args += ["--username", str(settings_dict["USER"])]
    env = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    for option, variable in _PG_OPTIONS_ENV.items():
        value = settings_dict.get("OPTIONS", {}).get(option)
        if value:
            env[variable] = str(value)
    return args, env


def run_pg(program: str, args: list[str], env: dict[str, str]) -> None:
    try:
        result = subprocess.run(
            [program, *args], env=env, capture_output=True, text=True, check=False
        )
    except FileNotFoundError as error:
        raise BackupError(
            f"{program} was not found: install the PostgreSQL client programs "
            f"(Debian: apt install postgresql-client)."
        ) from error
    if result.returncode != 0:
        raise BackupError(f"{program} failed (exit {result.returncode}):\n{result.stderr.strip()}")


# -- Backup ---------------------------------------------------------------------------------------


def default_output(now: dt.datetime | None = None) -> Path:
    now = now or dt.datetime.now(dt.UTC)
    return Path(settings.BASE_DIR) / "backups" / f"dcrnet-{now:%Y%m%dT%H%M%SZ}"


def backup(output: Path) -> Manifest:
    """Write a consistent copy of the database, the media files and a manifest into `output`.

    The backup is assembled in a hidden directory beside `output` and renamed into place when
    complete, so a directory named `output` always holds a whole backup.
    """
    output = output.resolve()
    if output.exists() and not (output.is_dir() and not any(output.iterdir())):
        raise BackupError(f"{output} already exists and is not an empty directory.")
    if not output.parent.is_dir():
        raise BackupError(f"{output.parent} does not exist: create it first.")
    staging = output.parent / f".{output.name}.partial"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(mode=0o700)
    try:
        manifest = _write_backup(staging)
        if output.exists():
            output.rmdir()
        staging.rename(output)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return manifest


def _write_backup(directory: Path) -> Manifest:
    vendor = connection.vendor
    if connection.in_atomic_block:
        # SQLite's backup would wait forever on our own write lock; pg_dump would miss our rows.
        raise BackupError("A backup reads committed data: take it outside a transaction.")
    if vendor not in DATABASE_FILES:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {vendor}.")
    created = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    database = DATABASE_FILES[vendor]
    if vendor == "sqlite":
        tables, migrations = _backup_sqlite(directory / database)
    else:
        tables, migrations = _backup_postgresql(directory / database)
    files = {database: sha256(directory / database)}
    files.update(_copy_media(Path(settings.MEDIA_ROOT), directory / MEDIA))
    for name in files:
        (directory / name).chmod(0o600)  # a backup holds members' personal data
    manifest = Manifest(
        engine=vendor,
        created=created,
        database=database,
        migrations=migrations,
        tables=tables,
        files=files,
    )
    manifest.write(directory)
    (directory / MANIFEST).chmod(0o600)
    return manifest


def _backup_sqlite(target: Path) -> tuple[dict[str, int], dict[str, str]]:
    """SQLite's online backup: every page copied in one step under one read transaction.

    In WAL mode that read transaction blocks no writer, and it sees exactly the transactions
    committed before it began. The copy is switched to a rollback journal so that reading it later
    leaves no -wal/-shm files beside it.
    """
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")
        check = [row[0] for row in copy.execute("PRAGMA integrity_check").fetchall()]
        if check != ["ok"]:
            raise BackupError("The copy fails SQLite's integrity check: " + "; ".join(check[:5]))
        return describe(copy.cursor(), "sqlite")
    finally:
        copy.close()


def _backup_postgresql(target: Path) -> tuple[dict[str, int], dict[str, str]]:
    """pg_dump -Fc reading the snapshot of our own transaction, in which the rows are counted."""
    raw = connection.get_new_connection(connection.get_connection_params())
    try:
        with raw.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            args, env = pg_client(connection.settings_dict)
            run_pg(
                "pg_dump",
                [
                    *args,
                    "--format=custom",
                    f"--snapshot={snapshot}",
                    f"--file={target}",
                    f"--dbname={connection.settings_dict['NAME']}",
                ],
                env,
            )
            return describe(cursor, "postgresql")
    finally:
        raw.rollback()
        raw.close()


def _media_files(root: Path) -> Iterable[Path]:
    """Regular files under `root`; symbolic links are not followed (they may leave it)."""
    if not root.is_dir():
        return
    for folder, folders, names in os.walk(root):
        folders.sort()
        for name in sorted(names):
            path = Path(folder) / name
            if path.is_file() and not path.is_symlink():
                yield path


def _copy_media(root: Path, target: Path) -> dict[str, str]:
    files = {}
    for path in _media_files(root):
        relative = path.relative_to(root).as_posix()
        copy = target / relative
        copy.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        shutil.copyfile(path, copy)
        files[f"{MEDIA}/{relative}"] = sha256(copy)
    return files


# -- Restore --------------------------------------------------------------------------------------


@dataclass
class Restored:
    manifest: Manifest
    unapplied: list[str]  # migrations of this code that the backup's database has not had yet


def verify(directory: Path) -> Manifest:
    """The backup's manifest, once every file is present, unchanged, and nothing was added."""
    if not directory.exists():
        raise BackupError(f"{directory} does not exist.")
    if not directory.is_dir():
        raise BackupError(f"{directory} is not a directory: give the backup's directory.")
    manifest = Manifest.read(directory)
    present = {}
    for path in sorted(directory.rglob("*")):
        if path.is_symlink():
            raise BackupError(f"{path} is a symbolic link; a backup holds only plain files.")
        name = path.relative_to(directory).as_posix()
        if path.is_file() and name != MANIFEST:
            present[name] = path
    problems = []
    for name in sorted(set(manifest.files) - set(present)):
        problems.append(f"{directory / name} is listed in the manifest but missing.")
    for name in sorted(set(present) - set(manifest.files)):
        problems.append(f"{directory / name} is not listed in the manifest.")
    for name in sorted(set(manifest.files) & set(present)):
        if sha256(present[name]) != manifest.files[name]:
            problems.append(f"{directory / name} does not match its SHA-256 in the manifest.")
    if problems:
        raise BackupError(
            "The backup was changed or damaged after it was made; nothing was restored.\n  "
            + "\n  ".join(problems)
        )
    return manifest


def check_compatible(manifest: Manifest) -> list[str]:
    """Refuse a backup of another engine or of newer code; return this code's newer migrations."""
    vendor = connection.vendor
    if manifest.engine != vendor:
        raise BackupError(
            f"This backup holds a {manifest.engine} database and this site uses {vendor}. "
            "A restore never crosses engines: move the data with dumpdata and loaddata instead "
            "(docs/operations.md, 'Moving between SQLite and PostgreSQL')."
        )
    loader = MigrationLoader(None, ignore_no_migrations=True)
    known = set(loader.disk_migrations)
    for migration in loader.disk_migrations.values():
        known.update(migration.replaces)
    unknown = [
        f"{app}.{name}"
        for app, name in sorted(manifest.migrations.items())
        if (app, name) not in known
    ]
    if unknown:
        raise BackupError(
            "This backup was made by a newer version of the code: its migrations "
            + ", ".join(unknown)
            + " are unknown here. Restore it with that version (or a later one)."
        )
    unapplied = []
    for app, name in sorted(loader.graph.leaf_nodes()):
        backed_up = manifest.migrations.get(app)
        if backed_up is None or (app, backed_up) not in loader.graph.nodes:
            unapplied.append(f"{app}.{name}")
        elif (app, name) not in loader.graph.forwards_plan((app, backed_up)):
            unapplied.append(f"{app}.{name}")
    return unapplied


def prepare(directory: Path) -> Restored:
    """Everything a restore checks before it touches anything."""
    manifest = verify(directory.resolve())
    return Restored(manifest=manifest, unapplied=check_compatible(manifest))


def restore(directory: Path, prepared: Restored | None = None) -> Restored:
    """Replace the database and the media files with the backup's, once `prepare` passed."""
    directory = directory.resolve()
    prepared = prepared or prepare(directory)
    manifest = prepared.manifest
    if connection.vendor == "sqlite":
        _restore_sqlite(directory / manifest.database)
    else:
        _restore_postgresql(directory / manifest.database)
    _restore_media(directory, manifest)
    _check_counts(manifest)
    return prepared


def _restore_sqlite(source: Path) -> None:
    """SQLite's backup API again, into the configured file: one write transaction.

    Connections other processes hold stay valid (they see the old rows until the copy commits,
    the new ones after); if the copy is interrupted, the database is left as it was.
    """
    if connection.is_in_memory_db():
        raise BackupError(
            "The configured SQLite database is in memory: there is nothing to restore into."
        )
    target = Path(connection.settings_dict["NAME"])
    if not target.parent.is_dir():
        raise BackupError(f"{target.parent}, the directory of the database, does not exist.")
    connection.close()
    reader = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
    writer = sqlite3.connect(target, timeout=60)
    try:
        reader.backup(writer)
        check = [row[0] for row in writer.execute("PRAGMA integrity_check").fetchall()]
    finally:
        writer.close()
        reader.close()
    if check != ["ok"]:
        raise BackupError(f"{target} fails SQLite's integrity check after the restore: {check[:5]}")


def _restore_postgresql(source: Path) -> None:
    """pg_restore into the configured database, in one transaction: all of it or nothing."""
    connection.close()
    args, env = pg_client(connection.settings_dict)
    run_pg(
        "pg_restore",
        [
            *args,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={connection.settings_dict['NAME']}",
            str(source),
        ],
        env,
    )


def _check_counts(manifest: Manifest) -> None:
    connection.close()
    with connection.cursor() as cursor:
        tables, _ = describe(cursor, connection.vendor)
    problems = [
        f"{table}: {tables.get(table, 'no table')} rows, the backup has {count}"
        for table, count in sorted(manifest.tables.items())
        if tables.get(table) != count
    ]
    if problems:
        raise BackupError(
            "The restored database differs from the manifest:\n  " + "\n  ".join(problems)
        )


def _restore_media(directory: Path, manifest: Manifest) -> None:
    """Make MEDIA_ROOT hold exactly the backup's files, each replaced atomically."""
    root = Path(settings.MEDIA_ROOT)
    root.mkdir(parents=True, exist_ok=True)
    wanted = {name.removeprefix(f"{MEDIA}/") for name in manifest.media}
    for relative in sorted(wanted):
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.restoring")
        shutil.copyfile(directory / MEDIA / relative, partial)
        os.replace(partial, target)
    for path in list(_media_files(root)):
        if path.relative_to(root).as_posix() not in wanted:
            path.unlink()
    for folder, _folders, _names in sorted(os.walk(root), reverse=True):
        if Path(folder) != root and not any(Path(folder).iterdir()):
            Path(folder).rmdir()
    changed = [
        name
        for name in manifest.media
        if sha256(root / name.removeprefix(f"{MEDIA}/")) != manifest.files[name]
    ]
    if changed:
        raise BackupError(
            f"Media files differ from the backup after the copy: {', '.join(changed)}"
        )
