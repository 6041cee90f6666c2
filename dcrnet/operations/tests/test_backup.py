"""`manage.py backup`: a copy of the database and the media files, and a manifest of both."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import stat
import subprocess
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from dcrnet.operations import backups
from dcrnet.operations.backups import BackupError, Manifest, pg_client, run_pg


@pytest.fixture
def media(settings, tmp_path):
    root = tmp_path / "media"
    (root / "reports" / "2025").mkdir(parents=True)
    (root / "reports" / "2025" / "annual.pdf").write_bytes(b"%PDF-1.4 annual report")
    (root / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    settings.MEDIA_ROOT = root
    return root


def test_it_writes_the_database_the_media_and_a_manifest_of_checksums(
    transactional_db, media, tmp_path, facility
):
    output = tmp_path / "backup"
    out = StringIO()
    call_command("backup", output=output, stdout=out)
    assert f"Backup written to {output}" in out.getvalue()

    manifest = json.loads((output / "manifest.json").read_text())
    database = {"sqlite": "database.sqlite3", "postgresql": "database.dump"}[connection.vendor]
    assert manifest["engine"] == connection.vendor
    assert manifest["database"] == database
    assert set(manifest["files"]) == {
        database,
        "media/logo.png",
        "media/reports/2025/annual.pdf",
    }
    for name, checksum in manifest["files"].items():
        assert hashlib.sha256((output / name).read_bytes()).hexdigest() == checksum, name
    assert (output / "media/logo.png").read_bytes() == (media / "logo.png").read_bytes()


def test_the_manifest_records_the_time_in_utc_the_migrations_and_the_rows_per_table(
    transactional_db, media, tmp_path, facility
):
    output = tmp_path / "backup"
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    manifest = backups.backup(output)

    created = dt.datetime.strptime(manifest.created, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
    assert before <= created <= dt.datetime.now(dt.UTC)
    applied = MigrationRecorder(connection).applied_migrations()
    assert manifest.migrations["directory"] == max(n for a, n in applied if a == "directory")
    assert manifest.migrations["auth"] == "0012_alter_user_first_name_max_length"
    assert manifest.tables["directory_facility"] == 1
    assert manifest.tables["directory_statuschange"] == 1
    assert manifest.tables["django_migrations"] == len(applied)
    assert set(connection.introspection.django_table_names()) <= set(manifest.tables)
    assert Manifest.read(output) == manifest


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's copy")
def test_the_sqlite_copy_passes_the_integrity_check_and_opens_without_a_journal(
    transactional_db, media, tmp_path, facility
):
    output = tmp_path / "backup"
    backups.backup(output)
    copy = sqlite3.connect(f"file:{output / 'database.sqlite3'}?mode=ro", uri=True)
    assert copy.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert copy.execute("SELECT name FROM directory_facility").fetchall() == [("Abrigado",)]
    copy.close()
    assert sorted(p.name for p in output.iterdir()) == [
        "database.sqlite3",
        "manifest.json",
        "media",
    ]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump's archive")
def test_the_postgresql_dump_is_a_custom_format_archive_pg_restore_can_read(
    transactional_db, media, tmp_path, facility
):
    output = tmp_path / "backup"
    backups.backup(output)
    listing = subprocess.run(
        ["pg_restore", "--list", str(output / "database.dump")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "TABLE DATA public directory_facility" in listing


def test_only_its_owner_can_read_the_backup(transactional_db, media, tmp_path):
    output = tmp_path / "backup"
    manifest = backups.backup(output)
    assert stat.S_IMODE(output.stat().st_mode) == 0o700
    for name in [*manifest.files, "manifest.json"]:
        assert stat.S_IMODE((output / name).stat().st_mode) == 0o600, name


def test_a_backup_with_no_media_folder_holds_the_database_only(
    transactional_db, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "no media yet"
    manifest = backups.backup(tmp_path / "backup")
    assert list(manifest.files) == [manifest.database]


def test_symbolic_links_in_the_media_folder_are_not_followed(transactional_db, media, tmp_path):
    secret = tmp_path / "outside.txt"
    secret.write_text("not a media file")
    (media / "link.txt").symlink_to(secret)
    manifest = backups.backup(tmp_path / "backup")
    assert "media/link.txt" not in manifest.files


def test_it_refuses_a_directory_that_already_holds_files(transactional_db, media, tmp_path):
    output = tmp_path / "backup"
    output.mkdir()
    (output / "keep.txt").write_text("an earlier backup")
    with pytest.raises(CommandError, match=r"backup already exists and is not an empty directory"):
        call_command("backup", output=output)
    assert [p.name for p in output.iterdir()] == ["keep.txt"]


def test_it_writes_into_an_empty_directory_and_leaves_no_partial_one_behind(
    transactional_db, media, tmp_path
):
    output = tmp_path / "backup"
    output.mkdir()
    backups.backup(output)
    assert (output / "manifest.json").is_file()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_failed_backup_leaves_nothing_that_looks_like_a_backup(
    transactional_db, media, tmp_path, monkeypatch
):
    def broken_media(root, target):
        raise BackupError("the disk is full")

    monkeypatch.setattr(backups, "_copy_media", broken_media)
    with pytest.raises(CommandError, match="the disk is full"):
        call_command("backup", output=tmp_path / "backup")
    assert list(tmp_path.iterdir()) == [tmp_path / "media"]


def test_it_refuses_an_output_whose_parent_does_not_exist(transactional_db, tmp_path):
    with pytest.raises(CommandError, match=r"missing does not exist: create it first"):
        call_command("backup", output=tmp_path / "missing" / "backup")


def test_the_postgresql_password_goes_to_the_environment_never_to_the_command_line():
    args, env = pg_client(
        {
            "NAME": "dcrnet",
            "USER": "dcrnet",
            "PASSWORD": "s3cret-pass",
            "HOST": "db.internal",
            "PORT": 5433,
            "OPTIONS": {"sslmode": "require"},
        }
    )
    assert "s3cret-pass" not in " ".join(args)
    assert args == [
        "--no-password",
        "--host",
        "db.internal",
        "--port",
        "5433",
        "--username",
        "dcrnet",
    ]
    assert env["PGPASSWORD"] == "s3cret-pass"
    assert env["PGSSLMODE"] == "require"


def test_a_missing_postgresql_client_is_named(monkeypatch):
    with pytest.raises(BackupError, match=r"pg_dump was not found: install the PostgreSQL client"):
        run_pg("pg_dump", ["--version"], {"PATH": "/nonexistent"})


def test_a_failing_postgresql_client_reports_its_own_message():
    with pytest.raises(BackupError, match=r"pg_restore failed \(exit 1\):\n.*"):
        run_pg("pg_restore", ["/nonexistent/archive.dump"], {"PATH": "/usr/bin:/bin"})


def test_it_refuses_to_run_inside_a_transaction(db, tmp_path):
    with pytest.raises(BackupError, match=r"take it outside a transaction"):
        backups.backup(tmp_path / "backup")
    assert list(tmp_path.iterdir()) == []
