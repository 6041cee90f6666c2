"""`manage.py restore` refuses every bad backup before it touches anything, naming what is wrong."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from dcrnet.operations.backups import DATABASE_FILES, Manifest, check_compatible

OTHER_ENGINE = {"sqlite": "postgresql", "postgresql": "sqlite"}


def current_migrations() -> dict[str, str]:
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return dict(sorted(loader.graph.leaf_nodes()))


def make_backup(directory: Path, *, engine: str | None = None, **manifest) -> Path:
    """A backup directory with a valid manifest of its files (the database is a stand-in)."""
    engine = engine or connection.vendor
    database = DATABASE_FILES[engine]
    contents = {database: b"stand-in database", "media/photos/room.jpg": b"\xff\xd8\xff photo"}
    for name, content in contents.items():
        (directory / name).parent.mkdir(parents=True, exist_ok=True)
        (directory / name).write_bytes(content)
    values = {
        "engine": engine,
        "created": "2026-01-31T02:00:00Z",
        "database": database,
        "migrations": current_migrations(),
        "tables": {"directory_facility": 3},
        "files": {name: hashlib.sha256(data).hexdigest() for name, data in contents.items()},
    }
    values.update(manifest)
    Manifest(**values).write(directory)
    return directory


@pytest.fixture
def backup(tmp_path) -> Path:
    return make_backup(tmp_path / "backup")


@pytest.fixture
def live_media(settings, tmp_path) -> Path:
    """The site's media, which a refused restore must leave as it is."""
    root = tmp_path / "live-media"
    root.mkdir()
    (root / "kept.txt").write_text("still here")
    settings.MEDIA_ROOT = root
    return root


def restore(directory: Path, *args: str) -> None:
    call_command("restore", str(directory), *args)


def rewrite_manifest(backup: Path, change) -> None:
    data = json.loads((backup / "manifest.json").read_text())
    change(data)
    (backup / "manifest.json").write_text(json.dumps(data))


def test_a_missing_directory_is_named(tmp_path):
    with pytest.raises(CommandError, match=rf"^{tmp_path}/nowhere does not exist\.$"):
        restore(tmp_path / "nowhere", "--yes")


def test_a_file_instead_of_a_directory_is_refused(tmp_path):
    (tmp_path / "backup.tar").write_text("")
    with pytest.raises(CommandError, match=r"backup.tar is not a directory"):
        restore(tmp_path / "backup.tar", "--yes")


def test_a_directory_without_a_manifest_is_not_a_backup(tmp_path):
    with pytest.raises(CommandError, match=r"manifest.json is missing: .* is not a backup made by"):
        restore(tmp_path, "--yes")


def test_a_manifest_that_is_not_json_is_refused_with_the_parser_position(backup):
    (backup / "manifest.json").write_text('{"engine": "sqlite",')
    with pytest.raises(CommandError, match=r"manifest.json is not valid JSON: .*line 1 column"):
        restore(backup, "--yes")


def test_a_manifest_that_is_not_utf8_is_refused(backup):
    (backup / "manifest.json").write_bytes(b"\xff\xfe{}")
    with pytest.raises(CommandError, match=r"manifest.json is not valid JSON"):
        restore(backup, "--yes")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("files"), r'"files" is missing'),
        (lambda d: d.update(tables=[]), r'"tables" must be a dict'),
        (lambda d: d.update(format=2), r'"format" is 2; this version reads format 1'),
        (lambda d: d.update(engine="mysql"), r'"engine" must be one of sqlite, postgresql'),
        (lambda d: d["files"].update({"../../etc/passwd": "0" * 64}), r"'../../etc/passwd'"),
        (lambda d: d["files"].update({"/etc/passwd": "0" * 64}), r"'/etc/passwd', which is not"),
        (lambda d: d["files"].update({"media/a.txt": "abc"}), r"'media/a.txt' is not a SHA-256"),
        (lambda d: d["tables"].update(directory_facility=-1), r"'directory_facility' must be"),
        (lambda d: d.update(database="other.db"), r'"database" must be database\.'),
    ],
)
def test_an_invalid_manifest_is_refused_naming_the_field(backup, change, message):
    rewrite_manifest(backup, change)
    with pytest.raises(
        CommandError, match=r"manifest.json is not a valid manifest:\n(.|\n)*" + message
    ):
        restore(backup, "--yes")


def test_a_changed_file_is_named_and_nothing_is_restored(backup, live_media):
    (backup / "media/photos/room.jpg").write_bytes(b"\xff\xd8\xff another photo")
    with pytest.raises(CommandError) as refused:
        restore(backup, "--yes")
    assert str(refused.value) == (
        "The backup was changed or damaged after it was made; nothing was restored.\n"
        f"  {backup}/media/photos/room.jpg does not match its SHA-256 in the manifest."
    )
    assert [p.name for p in live_media.iterdir()] == ["kept.txt"]


def test_a_changed_database_file_is_named(backup):
    database = backup / DATABASE_FILES[connection.vendor]
    database.write_bytes(database.read_bytes() + b"\x00")
    with pytest.raises(CommandError, match=rf"{database} does not match its SHA-256"):
        restore(backup, "--yes")


def test_a_missing_file_is_named(backup):
    (backup / "media/photos/room.jpg").unlink()
    with pytest.raises(CommandError, match=r"room.jpg is listed in the manifest but missing"):
        restore(backup, "--yes")


def test_a_file_added_after_the_backup_is_named(backup, live_media):
    (backup / "media/photos/extra.html").write_text("<script>alert(1)</script>")
    with pytest.raises(
        CommandError, match=r"media/photos/extra.html is not listed in the manifest"
    ):
        restore(backup, "--yes")
    assert not (live_media / "photos").exists()


def test_a_symbolic_link_in_the_backup_is_refused(backup, tmp_path):
    (tmp_path / "elsewhere").write_text("outside the backup")
    (backup / "media/link").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(CommandError, match=r"media/link is a symbolic link"):
        restore(backup, "--yes")


def test_every_problem_is_listed_at_once(backup):
    (backup / "media/photos/room.jpg").unlink()
    (backup / "media/stray.txt").write_text("")
    with pytest.raises(CommandError, match=r"room.jpg is listed(.|\n)*stray.txt is not listed"):
        restore(backup, "--yes")


def test_a_backup_of_the_other_engine_is_refused(tmp_path):
    backup = make_backup(tmp_path / "backup", engine=OTHER_ENGINE[connection.vendor])
    with pytest.raises(CommandError) as refused:
        restore(backup, "--yes")
    message = str(refused.value)
    assert f"This backup holds a {OTHER_ENGINE[connection.vendor]} database" in message
    assert f"this site uses {connection.vendor}" in message
    assert "dumpdata and loaddata" in message


def test_a_backup_made_by_newer_code_is_refused_naming_the_unknown_migration(tmp_path):
    migrations = {**current_migrations(), "directory": "0999_from_the_future"}
    backup = make_backup(tmp_path / "backup", migrations=migrations)
    with pytest.raises(CommandError, match=r"newer version(.|\n)*directory.0999_from_the_future"):
        restore(backup, "--yes")


def test_a_backup_made_before_later_migrations_names_them_for_migrate(tmp_path):
    migrations = {**current_migrations(), "auth": "0001_initial"}
    backup = make_backup(tmp_path / "backup", migrations=migrations)
    unapplied = check_compatible(Manifest.read(backup))
    assert "auth.0012_alter_user_first_name_max_length" in unapplied
    assert check_compatible(Manifest.read(make_backup(tmp_path / "current"))) == []


def test_without_yes_and_without_a_terminal_it_asks_for_yes(backup, live_media, monkeypatch):
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False)
    with pytest.raises(
        CommandError, match=r"This replaces every row(.|\n)*Run it again with --yes"
    ):
        restore(backup)
    assert [p.name for p in live_media.iterdir()] == ["kept.txt"]


def test_an_operator_who_does_not_type_yes_cancels(backup, live_media, monkeypatch):
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda question: "n")
    with pytest.raises(CommandError, match=r"^Restore cancelled: nothing was changed\.$"):
        restore(backup)
    assert [p.name for p in live_media.iterdir()] == ["kept.txt"]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the test database is in memory")
def test_it_will_not_restore_into_an_in_memory_database(db, backup):
    with pytest.raises(CommandError, match=r"in memory: there is nothing to restore into"):
        restore(backup, "--yes")


def test_the_command_prints_the_reason_without_a_traceback(tmp_path):
    (tmp_path / "manifest.json").write_text("[]")
    result = subprocess.run(
        [sys.executable, "manage.py", "restore", str(tmp_path), "--yes"],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.endswith(
        f"CommandError: {tmp_path}/manifest.json is not a valid manifest:\n"
        "  it must hold a JSON object\n"
    )
