"""Facility import benchmark: a synthetic file of 2,000 facilities, imported and imported again.

    .venv/bin/python bench/import_facilities.py           # SQLite: bench/.work/import.sqlite3
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/dcr_bench_import \\
        .venv/bin/python bench/import_facilities.py
    options: --facilities N (2000)

Makes a fresh database (the SQLite file is removed, the PostgreSQL database dropped and created
again) and migrates it, then generates a file in the format of docs/facility-data.md: N
facilities with visibly synthetic names ("Synthetic facility 0001") in 20 countries, two or three
status entries and one profile snapshot each (routes, services, criteria, opening hours). Times,
with the wall clock and this process's CPU time (the machine is shared):

- parse: checking the whole file;
- apply, fresh database: every facility, entry and snapshot created;
- parse + apply again: the same file, nothing changes (every facility unchanged).

Target: each import (parse + apply) under 30 s on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = ROOT / "bench" / ".work"
TARGET_SECONDS = 30.0
CODES = ["LU", "DE", "CH", "NL", "ES", "FR", "DK", "NO", "BE", "PT",
         "CA", "AU", "US", "MX", "GR", "IT", "GB", "IE", "CZ", "AT"]  # fmt: skip


def database() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        name = url.rsplit("/", 1)[1]
        admin = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc"]
        subprocess.run([*admin, f"DROP DATABASE IF EXISTS {name}"], capture_output=True)
        subprocess.run([*admin, f"CREATE DATABASE {name}"], capture_output=True, check=True)
        return "PostgreSQL"
    WORK.mkdir(parents=True, exist_ok=True)
    path = WORK / "import.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    return "SQLite"


def setup() -> str:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dcrnet.settings")
    os.environ.update(DEBUG="0", LOG_LEVEL="ERROR", TESTING="0")
    os.environ.setdefault(
        "SECRET_KEY", "bench-only-secret-key-not-used-anywhere-else-0123456789abcdefghij"
    )
    label = database()
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return label


def synthetic_item(i: int) -> dict:
    source = {"source": f"Synthetic register {i % 7}", "source_url": "https://example.org/bench"}
    history = [
        {"date": "2010-01-01", "status": "planned", "note": "", **source},
        {"date": f"{2011 + i % 10}-0{1 + i % 9}-01", "status": "open", "note": "", **source},
    ]
    if i % 3 == 0:
        history.append({"date": "2024-06-01", "status": "suspended", "note": "", **source})
    return {
        "name": f"Synthetic facility {i:04d}",
        "operator": f"Synthetic operator {i % 50}",
        "city": f"Synthetic city {i // 4}",
        "country": CODES[i % len(CODES)],
        "model": ["integrated", "specialised", "mobile", "ops", "peer"][i % 5],
        "website": f"https://example.org/bench/{i}",
        "description": f"Synthetic benchmark facility number {i}.",
        "location": {"latitude": 40 + i % 20, "longitude": i % 30, "exact": False},
        "source": {"title": "Synthetic register", "url": "https://example.org/bench"},
        "status_history": history,
        "snapshots": [
            {
                "as_of": "2025-01-01",
                **source,
                "source_accessed": "2026-12-01",
                "routes": [{"route": "injecting", "places": 4 + i % 9}, {"route": "smoking"}],
                "services": ["supervision", "sterile_equipment", "naloxone_training"],
                "admission_criteria": ["contract"],
                "minimum_age": 18,
                "opening_hours": [
                    {"weekday": day, "opens": "09:00", "closes": "17:00"} for day in range(5)
                ],
            }
        ],
    }


def timed(function, *args, **kwargs):
    wall, cpu = time.perf_counter(), time.process_time()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facilities", type=int, default=2000)
    options = parser.parse_args()
    label = setup()
    from dcrnet.directory.imports import apply, parse
    from dcrnet.directory.models import Facility, ProfileSnapshot, StatusChange

    data = json.dumps({"facilities": [synthetic_item(i) for i in range(options.facilities)]})
    print(f"{label}: {options.facilities} facilities, file {len(data) / 1e6:.1f} MB")
    rows = []
    for run in ("fresh database", "re-import (unchanged)"):
        records, parse_wall, parse_cpu = timed(parse, data, "json")
        report, apply_wall, apply_cpu = timed(apply, records)
        total = parse_wall + apply_wall
        rows.append((run, parse_wall, apply_wall, total, parse_cpu + apply_cpu, report))
    print(f"{'run':<24}{'parse s':>9}{'apply s':>9}{'total s':>9}{'CPU s':>8}  target  report")
    for run, parse_wall, apply_wall, total, cpu, report in rows:
        meets = "meets" if total < TARGET_SECONDS else "misses"
        print(
            f"{run:<24}{parse_wall:9.2f}{apply_wall:9.2f}{total:9.2f}{cpu:8.2f}  {meets:<6}  "
            f"{len(report.created)} created, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged"
        )
    print(
        f"database: {Facility.objects.count()} facilities, {StatusChange.objects.count()} status "
        f"entries, {ProfileSnapshot.objects.count()} snapshots"
    )


if __name__ == "__main__":
    main()
