"""RELIABILITY 67: a backup taken while a writer commits is consistent and misses nothing older."""

from __future__ import annotations

import json
import sqlite3

import pytest

from dcrnet.operations.tests.sites import VENDOR, Writer, half_written_units, writer_ids

pytestmark = pytest.mark.slow


def test_a_backup_during_writes_holds_every_row_committed_before_it_started(sites, tmp_path):
    site = sites.migrated("live")
    backup = tmp_path / "backup"
    writer = Writer(site, "live")
    try:
        writer.wait_for(20)
        committed_before = writer.acknowledged()
        site.manage("backup", "--output", str(backup))
        assert writer.process.poll() is None, "the writer must still be writing"
    finally:
        acknowledged = writer.kill()
    assert len(acknowledged) > len(committed_before)

    manifest = json.loads((backup / "manifest.json").read_text())
    if VENDOR == "sqlite":
        copy = sqlite3.connect(f"file:{backup / 'database.sqlite3'}?mode=ro", uri=True)
        assert copy.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        copy.close()

    # The restore checks the row count of every table against the manifest, so the counts and
    # the copy must come from the same instant.
    restored = sites.empty("restored")
    restored.manage("restore", str(backup), "--yes")
    in_backup = writer_ids(restored)
    assert committed_before <= in_backup, sorted(committed_before - in_backup)
    assert len(in_backup) == manifest["tables"]["directory_facility"]
    assert half_written_units(restored) == []
