"""Dashboard benchmark: 500 facilities × 10 years × 30 indicators (1.8 million monthly values).

Builds a separate database (SQLite file bench/.work/dashboards.sqlite3, PostgreSQL database
dcrnet_bench_dash), publishes the suppressed series through the real code path, then measures
p50/p95 of the network, country and facility series endpoints and of CSV downloads, with the
cache cleared before every request (cold) and without (warm).

    .venv/bin/python bench/dashboards.py                 # both databases
    .venv/bin/python bench/dashboards.py --backend sqlite --facilities 50 --years 2
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / ".work"
PG_ADMIN_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432")
PG_DB = "dcrnet_bench_dash"


def database_url(backend: str) -> str:
    if backend == "sqlite":
        WORK.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{WORK / 'dashboards.sqlite3'}"
    return f"{PG_ADMIN_URL}/{PG_DB}"


def reset_database(backend: str) -> None:
    if backend == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            path = WORK / f"dashboards.sqlite3{suffix}"
            if path.exists():
                path.unlink()
        return
    import psycopg

    with psycopg.connect(f"{PG_ADMIN_URL}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {PG_DB}")
        conn.execute(f"CREATE DATABASE {PG_DB}")


def percentiles(samples: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return cuts[49], cuts[94]


def run(backend: str, n_facilities: int, years: int, n_indicators: int, requests: int) -> None:
    os.environ["DATABASE_URL"] = database_url(backend)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dcrnet.settings")
    os.environ["DEBUG"] = "1"
    os.environ["LOG_LEVEL"] = "ERROR"
    sys.path.insert(0, str(ROOT))
    reset_database(backend)
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test import Client

    from dcrnet.directory.models import Country, Facility
    from dcrnet.monitoring import services
    from dcrnet.monitoring.models import (
        DictionaryRelease,
        Indicator,
        MonthlyValue,
        SeriesPoint,
    )

    print(f"== {backend}: {connection.vendor}, {os.environ['DATABASE_URL']}")
    t0 = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"migrate: {time.perf_counter() - t0:.1f} s")

    rng = random.Random(42)
    codes = ["LU", "DE", "CH", "NL", "ES", "FR", "DK", "NO", "BE", "PT",
             "CA", "AU", "US", "MX", "GR", "IT", "GB", "IE", "CZ", "AT"]  # fmt: skip
    countries = [Country.objects.create(code=code) for code in codes]
    facilities = Facility.objects.bulk_create(
        Facility(
            public_id=f"bench-{i:04d}",
            name=f"Bench facility {i}",
            city="City",
            country=countries[i % len(countries)],
            latitude=0,
            longitude=0,
        )
        for i in range(n_facilities)
    )
    plain = list(Indicator.objects.current().filter(breakdown=""))
    release = DictionaryRelease.objects.get()
    for extra in range(max(0, n_indicators - len(plain))):
        plain.append(
            Indicator.objects.create(
                code=f"bench_extra_{extra}",
                title=f"Bench indicator {extra}",
                definition="Benchmark only.",
                added_in=release,
                position=1000 + extra,
            )
        )
    indicators = plain[:n_indicators]
    months = [__import__("datetime").date(2016 + m // 12, m % 12 + 1, 1) for m in range(years * 12)]
    t0 = time.perf_counter()
    rows = 0
    batch: list = []
    with transaction.atomic():
        for facility in facilities:
            scale = rng.choice([3, 20, 100, 400])
            for month in months:
                for indicator in indicators:
                    value = rng.randint(0, scale)
                    batch.append(
                        MonthlyValue(
                            facility_id=facility.pk,
                            month=month,
                            indicator_id=indicator.pk,
                            breakdown="",
                            value=value,
                        )
                    )
            if len(batch) >= 50_000:
                MonthlyValue.objects.bulk_create(batch, batch_size=5000)
                rows += len(batch)
                batch = []
        MonthlyValue.objects.bulk_create(batch, batch_size=5000)
        rows += len(batch)
    print(f"monthly values: {rows:,} inserted in {time.perf_counter() - t0:.1f} s")

    t0 = time.perf_counter()
    published = services.publish_months(months)
    elapsed = time.perf_counter() - t0
    print(
        f"published series points: {published:,} in {elapsed:.1f} s "
        f"({1000 * elapsed / len(months):.0f} ms per month = cost of one write's republish)"
    )
    suppressed = SeriesPoint.objects.exclude(flag="").count()
    print(f"suppressed points: {suppressed:,}")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    client = Client()
    codes_by_indicator = [ind.code for ind in indicators]
    public_ids = [f.public_id for f in facilities]

    def measure(label: str, make_url, cold: bool) -> None:
        samples = []
        for _ in range(requests):
            url = make_url()
            if cold:
                cache.clear()
            t = time.perf_counter()
            response = client.get(url)
            if hasattr(response, "streaming_content"):
                size = sum(len(chunk) for chunk in response.streaming_content)
            else:
                size = len(response.content)
            samples.append(1000 * (time.perf_counter() - t))
            assert response.status_code == 200, (url, response.status_code)
        p50, p95 = percentiles(samples)
        print(
            f"{label:<38} {'cold' if cold else 'warm'}  p50 {p50:7.1f} ms  p95 {p95:7.1f} ms"
            f"  ({size:,} bytes)"
        )

    endpoints = [
        (
            "series network",
            lambda: f"/api/v1/series/network?indicator={rng.choice(codes_by_indicator)}",
        ),
        (
            "series country",
            lambda: f"/api/v1/series/countries/{rng.choice(codes).lower()}"
            f"?indicator={rng.choice(codes_by_indicator)}",
        ),
        (
            "series facility",
            lambda: f"/api/v1/series/facilities/{rng.choice(public_ids)}"
            f"?indicator={rng.choice(codes_by_indicator)}",
        ),
        (
            "CSV one facility (all indicators)",
            lambda: f"/data/monthly.csv?facility={rng.choice(public_ids)}",
        ),
        (
            "CSV one country, one indicator",
            lambda: f"/data/monthly.csv?country={rng.choice(codes)}"
            f"&indicator={rng.choice(codes_by_indicator)}",
        ),
    ]  # fmt: skip
    for label, make_url in endpoints:
        measure(label, make_url, cold=True)
        measure(label, make_url, cold=False)
    t = time.perf_counter()
    response = client.get("/data/monthly.csv")
    size = sum(len(chunk) for chunk in response.streaming_content)
    print(f"CSV everything (facility level): {time.perf_counter() - t:.1f} s, {size / 1e6:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--facilities", type=int, default=500)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--indicators", type=int, default=30)
    parser.add_argument("--requests", type=int, default=100)
    args = parser.parse_args()
    if args.backend == "both":
        for backend in ("sqlite", "postgres"):
            command = [sys.executable, __file__, "--backend", backend]
            for name in ("facilities", "years", "indicators", "requests"):
                command += [f"--{name}", str(getattr(args, name))]
            subprocess.run(command, check=True)
        return
    run(args.backend, args.facilities, args.years, args.indicators, args.requests)


if __name__ == "__main__":
    main()
