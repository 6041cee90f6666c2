"""RELIABILITY 68: a seeded site backed up and restored to an empty one is the same site."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from modeltranslation.translator import translator

from dcrnet.operations.tests.sites import Site, Sites, link_tables, model_tables

pytestmark = pytest.mark.slow

# Run in the restored site: the pages a visitor opens first, and the search over the library.
SMOKE = """
import django
django.setup()
from django.test import Client
client = Client()
for url in ("/", "/healthz", "/facilities/", "/evidence/?q=injection"):
    response = client.get(url)
    print(url, response.status_code, b"/evidence/references/" in response.content)
"""


@pytest.fixture(scope="module")
def seeded(tmp_path_factory, template_site) -> Site:
    """The demo dataset and media files in nested folders, one of them binary."""
    sites = Sites(tmp_path_factory.mktemp("seeded"), template_site)
    site = sites.migrated("seeded")
    site.manage("load_demo")
    (site.media / "reports" / "2025").mkdir(parents=True)
    (site.media / "reports" / "2025" / "annual report.pdf").write_bytes(
        b"%PDF-1.4\n" + os.urandom(4096)
    )
    (site.media / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    yield site
    sites.close()


@pytest.fixture(scope="module")
def backup(seeded, tmp_path_factory) -> Path:
    backup = tmp_path_factory.mktemp("backups") / "seeded"
    seeded.manage("backup", "--output", str(backup))
    return backup


def smoke(site: Site) -> list[str]:
    result = site.popen("-c", SMOKE)
    out, err = result.communicate(timeout=300)
    assert result.returncode == 0, err
    return out.splitlines()


def test_a_restored_backup_has_the_same_rows_and_media_and_serves_pages(seeded, backup, sites):
    restored = sites.empty("restored")

    restored.manage("restore", str(backup), "--yes")

    expected = seeded.digests()
    assert expected["directory_facility"][0] >= 30
    assert expected["evidence_reference"][0] >= 60
    assert restored.digests() == expected
    assert restored.media_checksums() == seeded.media_checksums()
    assert len(restored.media_checksums()) == 2
    assert smoke(restored) == [
        "/ 200 False",
        "/healthz 200 False",
        "/facilities/ 200 False",
        "/evidence/?q=injection 200 True",
    ]


def test_restoring_over_a_changed_site_brings_back_the_backup_exactly(seeded, backup, sites):
    changed = sites.copy(seeded, "changed")
    shutil.copytree(seeded.media, changed.media)
    changed.execute(
        "UPDATE directory_facility SET name = 'renamed after the backup'",
        "DELETE FROM directory_highlight",
        "DELETE FROM evidence_reference_terms",
    )
    (changed.media / "logo.svg").write_text("<svg/>")
    (changed.media / "reports" / "uploaded after the backup.txt").write_text("gone after it")

    changed.manage("restore", str(backup), "--yes")

    assert changed.digests() == seeded.digests()
    assert changed.media_checksums() == seeded.media_checksums()


def test_dumpdata_then_loaddata_carries_every_model_row(seeded, sites, tmp_path):
    # loaddata saves row by row (about 1 ms a row): keep one facility's synthetic monthly
    # history of the 43,000 rows the demo generates, and every other row of every model.
    source = sites.copy(seeded, "dumped")
    one = "(SELECT MIN(facility_id) FROM monitoring_monthlyvalue WHERE synthetic)"
    source.execute(
        *(
            f"DELETE FROM {table} WHERE synthetic AND (facility_id IS NULL OR facility_id <> {one})"
            for table in (
                "monitoring_monthlyvalue",
                "monitoring_historicalmonthlyvalue",
                "monitoring_seriespoint",
            )
        )
    )
    dump = tmp_path / "data.xml"
    source.manage(
        "dumpdata",
        "--natural-foreign",
        "--natural-primary",
        "--exclude=contenttypes",
        "--exclude=auth.Permission",
        # JSON keeps milliseconds of a time only (DjangoJSONEncoder); XML keeps microseconds.
        "--format=xml",
        f"--output={dump}",
    )
    loaded = sites.migrated("loaded")

    loaded.manage("loaddata", str(dump))
    loaded.manage("reindex_references")

    tables = model_tables()
    ignore = {table: {"id"} for table in link_tables()}
    # A translated field's own column only shadows its per-language columns (which are
    # compared): dumpdata writes it as the English text, whatever an old row held there.
    for model in translator.get_registered_models():
        columns = {
            model._meta.get_field(f).column for f in translator.get_options_for_model(model).fields
        }
        ignore.setdefault(model._meta.db_table, set()).update(columns)
    expected = source.digests(tables, ignore)
    assert expected["monitoring_monthlyvalue"][0] > 100
    assert expected["evidence_reference_terms"][0] > 100
    assert loaded.digests(tables, ignore) == expected
