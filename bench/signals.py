"""Detection benchmark: 500 facilities × 10 years of monthly data and a year of daily pulses.

    .venv/bin/python bench/signals.py                 # SQLite: bench/.work/signals.sqlite3
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/dcr_bench_signals \
        .venv/bin/python bench/signals.py
    options: --facilities N (500) --years Y (10) --repeat R (5) --fresh (build the data again)
             --no-backfill (skip the whole-history runs)

Builds (once; reused unless --fresh) 500 facilities in 20 countries and 100 alert regions, their
monthly visits, overdoses, emergency calls and naloxone and the rest of the dictionary's plain
indicators for 10 years (about 1 million monthly values), a year of daily pulses (182,500), the
demo's substance vocabulary and 3,000 substance reports over the year. Facilities have their own
rates and overdispersion and a few true clusters are planted, so detection finds signals.

Then measures, with the wall clock and this process's CPU time beside it (the machine is shared):
- `signals.detect(day)`, the daily run (S1 for two weeks of reports, S2 for the pulses of three
  days, S3 and S4 for the last month): the first run, which writes its signals, then `--repeat`
  reruns that find them again; and each part alone. Target: ≤ 10 s.
- `check_report` and `check_pulse`, what each new report or pulse costs (p50, p95).
- The whole history at once (a first deployment or a changed rule): S3 and S4 for every month
  with a year of history before it (one run a month), and S2 for every day of the pulse year
  that has three months before it (one run over all of them).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = ROOT / "bench" / ".work"
TARGET_SECONDS = 10.0
LAST_DAY = dt.date(2026, 10, 31)  # the pulse year ends here; the monthly data in October 2026


class Tally:
    def add(self, label: str, outcome: str) -> None:
        pass


def database(fresh: bool) -> str:
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        name = url.rsplit("/", 1)[1]
        admin = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc"]
        if fresh:
            subprocess.run([*admin, f"DROP DATABASE IF EXISTS {name}"], capture_output=True)
        subprocess.run([*admin, f"CREATE DATABASE {name}"], capture_output=True)
        return "PostgreSQL"
    WORK.mkdir(parents=True, exist_ok=True)
    path = WORK / "signals.sqlite3"
    if fresh:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    return "SQLite"


def setup(fresh: bool) -> str:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dcrnet.settings")
    os.environ.update(DEBUG="0", LOG_LEVEL="ERROR", TESTING="0")
    os.environ.setdefault(
        "SECRET_KEY", "bench-only-secret-key-not-used-anywhere-else-0123456789abcdefghij"
    )
    label = database(fresh)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return label


def months_back(last: dt.date, count: int) -> list[dt.date]:
    from dcrnet.alerts.signals import add_months

    return [add_months(last, -n) for n in range(count - 1, -1, -1)]


def generate(n_facilities: int, years: int) -> None:
    from django.db import transaction

    from dcrnet.alerts import demo
    from dcrnet.alerts.models import Pulse, Region, SubstanceReport
    from dcrnet.alerts.signals import iso_week
    from dcrnet.directory.models import Country, Facility
    from dcrnet.monitoring.models import Indicator, MonthlyValue

    rng = np.random.default_rng(15)
    codes = ["LU", "DE", "CH", "NL", "ES", "FR", "DK", "NO", "BE", "PT",
             "CA", "AU", "US", "MX", "GR", "IT", "GB", "IE", "CZ", "AT"]  # fmt: skip
    t0 = time.perf_counter()
    with transaction.atomic():
        countries = [Country.objects.get_or_create(code=code)[0] for code in codes]
        facilities = Facility.objects.bulk_create(
            Facility(
                public_id=f"bench-{i:04d}",
                name=f"Bench facility {i}",
                city=f"City {i // 5}",
                country=countries[(i // 5) % len(countries)],
                latitude=0,
                longitude=0,
                status="open",
            )
            for i in range(n_facilities)
        )
        for r in range(0, n_facilities, 5):
            region = Region.objects.create(
                slug=f"bench-region-{r // 5}",
                name=f"Region {r // 5}",
                country=countries[(r // 5) % len(countries)],
            )
            region.facilities.set(facilities[r : r + 5])

        indicators = {i.code: i for i in Indicator.objects.current().filter(breakdown="")}
        months = months_back(LAST_DAY.replace(day=1), 12 * years)
        batch, rows = [], 0
        visits_scale = rng.choice([300, 1500, 4000, 9000], size=n_facilities)
        od_rate = rng.uniform(0.001, 0.006, size=n_facilities)
        dispersion = rng.choice([0.0, 0.1, 0.3], size=n_facilities)  # gamma noise on the rate
        clusters = set(rng.choice(n_facilities, size=6, replace=False).tolist())
        for f, facility in enumerate(facilities):
            for m, month in enumerate(months):
                visits = int(visits_scale[f] * rng.uniform(0.85, 1.15))
                noise = rng.gamma(1 / dispersion[f], dispersion[f]) if dispersion[f] else 1.0
                mean = od_rate[f] * visits * noise
                if f in clusters and m == len(months) - 1:
                    mean *= 4  # a planted cluster in the last month
                overdoses = int(rng.poisson(mean))
                cells = {
                    "visits": visits,
                    "overdoses": overdoses,
                    "naloxone": int(rng.binomial(overdoses, 0.4)),
                    "ambulance_calls": int(rng.binomial(overdoses, 0.2)),
                }
                for code in indicators:
                    cells.setdefault(code, int(rng.integers(0, 200)))
                batch.extend(
                    MonthlyValue(
                        facility_id=facility.pk,
                        month=month,
                        indicator_id=indicators[code].pk,
                        value=value,
                    )
                    for code, value in cells.items()
                )
            if len(batch) >= 50_000:
                MonthlyValue.objects.bulk_create(batch, batch_size=5000)
                rows += len(batch)
                batch = []
        MonthlyValue.objects.bulk_create(batch, batch_size=5000)
        rows += len(batch)
        print(f"monthly values: {rows:,}", flush=True)

        days = [LAST_DAY - dt.timedelta(days=n) for n in range(364, -1, -1)]
        pulses = []
        for f, facility in enumerate(facilities):
            daily = od_rate[f] * visits_scale[f] / 30
            counts = rng.poisson(daily, size=len(days))
            pulses.extend(
                Pulse(facility_id=facility.pk, day=d, overdoses=int(c))
                for d, c in zip(days, counts, strict=True)
            )
        Pulse.objects.bulk_create(pulses, batch_size=5000)
        print(f"daily pulses: {len(pulses):,}", flush=True)

        substances = demo.load_vocabulary(Tally())
        common = [substances[s] for s in ("heroin", "cocaine", "fentanyl", "caffeine")]
        rare = [substances[s] for s in ("xylazine", "isotonitazene", "bromazolam", "carfentanil")]
        regions = {
            f: list(f.alert_regions.all())[0]
            for f in Facility.objects.prefetch_related("alert_regions")
        }
        reports = []
        for n in range(3000):
            facility = facilities[int(rng.integers(0, n_facilities))]
            week = iso_week(LAST_DAY - dt.timedelta(days=int(rng.integers(0, 365))))
            pool = rare if rng.random() < 0.05 else common
            samples = int(rng.integers(1, 8))
            reports.append(
                SubstanceReport(
                    facility=facility,
                    substance=pool[n % len(pool)],
                    region=regions[facility],
                    week=week,
                    samples=samples,
                    linked_overdoses=int(rng.integers(0, samples + 1)),
                    confirmation="ftir",
                )
            )
        SubstanceReport.objects.bulk_create(reports, batch_size=2000)
        print(f"substance reports: {len(reports):,}", flush=True)
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"generated in {time.perf_counter() - t0:.0f} s", flush=True)


def timed(function, *args):
    wall, cpu = time.perf_counter(), time.process_time()
    result = function(*args)
    return result, time.perf_counter() - wall, time.process_time() - cpu


def quantiles(samples: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return cuts[49], cuts[94]


def measure(repeat: int, backfill: bool) -> bool:
    from dcrnet.alerts import signals
    from dcrnet.alerts.models import Pulse, Signal, SubstanceReport
    from dcrnet.directory.models import Facility

    Signal.objects.all().delete()
    day = LAST_DAY + dt.timedelta(days=1)  # the morning after: yesterday's pulses, last month
    found, wall, cpu = timed(signals.detect, day)
    kinds = {k: sum(s.kind == k for s in found) for k in ("S1", "S2", "S3", "S4")}
    print(f"detect({day}) first run: {wall:6.2f} s wall, {cpu:6.2f} s CPU; signals {kinds}")
    runs = []
    for _ in range(repeat):
        again, wall_again, cpu_again = timed(signals.detect, day)
        assert [s.pk for s in again] == [s.pk for s in found]
        runs.append((wall_again, cpu_again))
    walls = sorted(r[0] for r in runs)
    cpus = sorted(r[1] for r in runs)
    print(
        f"detect({day}) rerun ×{repeat}: median {statistics.median(walls):6.2f} s wall "
        f"(max {walls[-1]:.2f}), {statistics.median(cpus):6.2f} s CPU; "
        f"{Signal.objects.count()} signals stored, none added"
    )
    last_month = signals.add_months(day.replace(day=1), -1)
    parts = [
        ("S1 (two weeks of reports)", signals.detect_substances, day),
        (
            "S2 (pulses of three days)",
            lambda d: signals.detect_pulses(signals.days_between(d - dt.timedelta(days=2), d)),
            day,
        ),
        ("S3 + S4 (last month)", signals.detect_month, last_month),
    ]
    for label, function, argument in parts:
        _result, wall_part, cpu_part = timed(function, argument)
        print(f"  {label:<28} {wall_part:6.2f} s wall, {cpu_part:6.2f} s CPU")

    reports = list(
        SubstanceReport.objects.filter(week__gte=signals.iso_week(LAST_DAY))
        .select_related("substance__group", "region")
        .order_by("pk")[:50]
    )
    samples = [timed(signals.check_report, r)[1] * 1000 for r in reports]
    if samples:
        p50, p95 = quantiles(samples) if len(samples) > 1 else (samples[0], samples[0])
        print(f"check_report ×{len(samples)}: p50 {p50:6.1f} ms, p95 {p95:6.1f} ms")
    facilities = list(Facility.objects.order_by("pk")[:50])
    samples = [timed(signals.check_pulse, f, LAST_DAY)[1] * 1000 for f in facilities]
    p50, p95 = quantiles(samples)
    print(f"check_pulse ×{len(samples)}: p50 {p50:6.1f} ms, p95 {p95:6.1f} ms")

    if backfill:
        first = Pulse.objects.order_by("day").values_list("day", flat=True).first()
        months = months_back(last_month, 12 * 10 - 12)
        _r, wall_m, cpu_m = timed(lambda: [signals.detect_month(m) for m in months])
        print(
            f"backfill S3 + S4, {len(months)} months: {wall_m:6.1f} s wall, {cpu_m:6.1f} s CPU "
            f"({1000 * wall_m / len(months):.0f} ms a month)"
        )
        days = signals.days_between(first + dt.timedelta(days=91), LAST_DAY)
        _r, wall_d, cpu_d = timed(signals.detect_pulses, days)
        print(
            f"backfill S2, {len(days)} days: {wall_d:6.1f} s wall, {cpu_d:6.1f} s CPU "
            f"({1000 * wall_d / len(days):.0f} ms a day)"
        )
    ok = statistics.median(walls) <= TARGET_SECONDS and wall <= TARGET_SECONDS
    print(f"target: the daily run ≤ {TARGET_SECONDS:.0f} s: {'met' if ok else 'MISSED'}")
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facilities", type=int, default=500)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument("--no-backfill", action="store_true")
    args = parser.parse_args()
    label = setup(args.fresh)
    from django.db import connection

    from dcrnet.directory.models import Facility

    print(f"== {label}: {connection.settings_dict['NAME']}", flush=True)
    if not Facility.objects.filter(public_id__startswith="bench-").exists():
        generate(args.facilities, args.years)
    print(f"load average: {os.getloadavg()[0]:.1f}", flush=True)
    sys.exit(0 if measure(args.repeat, not args.no_backfill) else 1)


if __name__ == "__main__":
    main()
