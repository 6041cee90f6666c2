"""The demo's facility files (data/facilities/*.json): each parses, every fact has a source URL,
and the loader loads every facility of every file, once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management.base import CommandError

from dcrnet.demo import loader
from dcrnet.demo.loader import Tally, facility_files
from dcrnet.demo.tests.once import loaded_once
from dcrnet.directory import imports
from dcrnet.directory.models import Country, Facility, ProfileSnapshot, StatusChange

FILES = sorted(loader.FACILITY_FILES.glob("*.json"))
HTTP = ("http://", "https://")


def records(path: Path) -> list[dict]:
    return imports.parse(path.read_bytes(), "json")


def test_there_are_demo_files_and_core_is_one():
    assert "core.json" in [path.name for path in FILES]


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_the_file_parses_and_every_facility_has_an_identity_source_url(path):
    for record in records(path):
        assert record["public_id"], (path.name, record["line"])
        assert record["fields"].get("source_url", "").startswith(HTTP), record["public_id"]
        assert record["fields"].get("source"), record["public_id"]


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_every_status_entry_and_snapshot_has_a_source_url(path):
    for record in records(path):
        assert record["status_history"], record["public_id"]
        for entry in record["status_history"] + record["snapshots"]:
            where = (record["public_id"], entry.get("date") or entry.get("as_of"))
            assert entry["source"] and entry["source_url"].startswith(HTTP), where


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_every_country_a_file_adds_has_a_source_and_a_text(path):
    for row in json.loads(path.read_bytes()).get("countries", []):
        assert row["source_title"] and row["source_url"].startswith(HTTP), row["code"]
        assert row["legal_basis"] or row["political_situation"], row["code"]
        assert row["as_of"], row["code"]


def test_the_files_together_are_accepted():
    """One public_id, and one country, city and name, in one file only (else CommandError)."""
    files = facility_files()
    assert len(files.records) == sum(len(records(path)) for path in FILES)


def test_a_bad_file_refuses_every_file_naming_its_line_and_field(tmp_path):
    core = loader.FACILITY_FILES / "core.json"
    (tmp_path / "a.json").write_bytes(core.read_bytes())
    item = json.loads(core.read_bytes())["facilities"][0]
    item["public_id"] = "xx-new"
    item["status_history"][0]["status"] = "reopened"
    (tmp_path / "b.json").write_text(json.dumps({"facilities": [item]}), encoding="utf-8")
    with pytest.raises(CommandError) as refused:
        facility_files(tmp_path)
    assert "b.json: line 1, field status_history[0].status: 'reopened' is not one of" in str(
        refused.value
    )


def test_a_facility_in_two_files_is_refused(tmp_path):
    core = loader.FACILITY_FILES / "core.json"
    item = json.loads(core.read_bytes())["facilities"][0]
    for name, public_id in (("a.json", item["public_id"]), ("b.json", "ch-bern-again")):
        item["public_id"] = public_id
        (tmp_path / name).write_text(json.dumps({"facilities": [item]}), encoding="utf-8")
    with pytest.raises(CommandError, match="b.json: ch-bern-again is the facility"):
        facility_files(tmp_path)


# --- Loaded ------------------------------------------------------------------------------------


def load_facilities() -> Tally:
    tally = Tally()
    loader.load_countries(tally)
    loader.load_facilities(tally)
    return tally


@pytest.fixture(scope="module")
def facilities_once(django_db_setup, django_db_blocker):
    with loaded_once(django_db_blocker, load_facilities) as tally:
        yield tally


@pytest.fixture
def loaded(facilities_once, db) -> Tally:
    return facilities_once


def test_every_facility_of_every_file_is_loaded_with_a_status(loaded):
    wanted = {record["public_id"] for path in FILES for record in records(path)}
    assert Facility.objects.count() == len(wanted)
    assert set(Facility.objects.values_list("public_id", flat=True)) == wanted
    assert not Facility.objects.filter(status_changes=None).exists()
    assert not Facility.objects.filter(source_url="").exists()


def test_the_countries_of_the_files_are_loaded_in_english(loaded):
    for code, values in facility_files().countries.items():
        country = Country.objects.get(code=code)
        assert country.legal_basis_en == values["legal_basis_en"]
        assert country.source_url == values["source_url"]
    assert not Country.objects.filter(facilities__isnull=False, source_url="").exists()


def test_a_second_run_writes_nothing_and_says_so(loaded):
    files = facility_files()
    history = Facility.history.count() + StatusChange.history.count()
    tally = load_facilities()
    assert tally.changed == 0
    assert Facility.history.count() + StatusChange.history.count() == history
    counts = tally.counts
    assert counts["facilities"]["unchanged"] == len(files.records)
    assert counts["status history"]["unchanged"] == sum(
        len(r["status_history"]) for r in files.records
    )
    assert counts["profile snapshots"]["unchanged"] == ProfileSnapshot.objects.count()
