"""manage.py import_facilities: the report, or every problem and exit status 1."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from dcrnet.directory.models import Facility
from dcrnet.directory.tests.test_imports import as_file, item, table

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = io.StringIO()
    call_command("import_facilities", *args, stdout=out)
    return out.getvalue()


def test_it_imports_and_prints_the_report(tmp_path):
    path = tmp_path / "list.json"
    path.write_text(as_file(item()), encoding="utf-8")
    output = run(str(path))
    assert "created: de-testville-synthetic-room" in output
    assert "1 facilities created, 0 updated, 0 unchanged" in output
    assert Facility.objects.count() == 1
    assert "0 facilities created, 0 updated, 1 unchanged" in run(str(path))


def test_a_dry_run_writes_nothing(tmp_path):
    path = tmp_path / "list.json"
    path.write_text(as_file(item()), encoding="utf-8")
    output = run(str(path), "--dry-run")
    assert "1 facilities created" in output and "Dry run: nothing written." in output
    assert not Facility.objects.exists()


def test_a_bad_file_prints_every_problem_and_exits_1_writing_nothing(tmp_path, facility):
    bad = item(name="")
    bad["status_history"][0]["date"] = "yesterday"
    path = tmp_path / "list.data"
    path.write_text(as_file(item(), bad), encoding="utf-8")
    before = table()
    with pytest.raises(CommandError) as error:
        run(str(path), "--format", "json")
    assert error.value.returncode == 1
    lines = str(error.value).splitlines()
    start = as_file(item(), bad).splitlines().index("  {", 4) + 1
    assert lines == [
        f"line {start}, field name: This is required.",
        f"line {start}, field status_history[0].date: Give a date as YYYY-MM-DD.",
    ]
    assert table() == before


def test_a_missing_file_or_unknown_extension_is_an_error(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        run(str(tmp_path / "missing.json"))
    (tmp_path / "list.txt").write_text("{}", encoding="utf-8")
    with pytest.raises(CommandError, match="--format"):
        run(str(tmp_path / "list.txt"))


def test_a_csv_file_is_read_by_its_extension(tmp_path):
    header = "public_id,name,operator,city,country,model,status,status_since,latitude,longitude"
    header += ",exact_location,routes,services,website,url,source,source_url,source_accessed"
    row = ",Synthetic CSV Room,,Testville,NL,ops,open,2021-05-01,52.37,4.9,no,injecting:4,"
    row += "supervision,,,Synthetic list,https://example.org/l,2026-11-02"
    path = tmp_path / "list.csv"
    path.write_text(f"{header}\r\n{row}\r\n", encoding="utf-8")
    assert "created: nl-testville-synthetic-csv-room" in run(str(path))
    facility = Facility.objects.get()
    assert (facility.status, facility.model, facility.source) == ("open", "ops", "Synthetic list")
    snapshot = facility.current_snapshot
    assert (snapshot.as_of.isoformat(), snapshot.source) == ("2026-11-02", "Synthetic list")
    assert [(r.route, r.places) for r in snapshot.routes.all()] == [("injecting", 4)]
    bad = tmp_path / "bad.csv"
    bad.write_text(f"{header}\r\n{row.replace('NL', 'XX')}\r\n", encoding="utf-8")
    with pytest.raises(CommandError, match="line 2, field country: 'XX' is not"):
        run(str(bad))
