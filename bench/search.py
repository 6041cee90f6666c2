"""Evidence search benchmark: 100,000 generated references, 20 fixed queries with facets.

    .venv/bin/python bench/search.py                 # SQLite file under bench/.work/
    .venv/bin/python bench/search.py --postgres      # PostgreSQL database dcrnet_bench_search
    options: --size N (default 100000), --repeat R (default 5), --keep (reuse existing data)

Measures the page's code path (selectors.search_references: count, ranked page, snippets,
facets) next to a plain icontains implementation over the same data, and prints p50/p95 (and
the CPU time of this process, and of its PostgreSQL server process, per search: on a busy
machine the wall clock is mostly waiting for a core); then what an edit costs: saving a
reference, the first search after it (each process patches its arrays with the ids the write
changed), and what reading the arrays in full costs (a new process, or one too far behind).
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
sys.path.insert(0, str(ROOT))

QUERIES = [
    ("overdose mortality", {}),
    ("Insite overdose mortality", {}),
    ('"supervised injection"', {}),
    ("hiv OR hepatitis", {}),
    ("crime -cost", {}),
    ("cost-effectiveness", {"design": ["cost-effectiveness"]}),
    ("ambulance", {"outcome": ["emergency-services"]}),
    ("cohort Vancouver", {}),
    ("systematic review", {"design": ["systematic-review"]}),
    ("public order", {"outcome": ["public-order"]}),
    ("Kerr", {}),
    ("Potier", {}),
    ("treatment uptake", {"design": ["cohort"]}),
    ("drug consumption rooms Europe", {}),
    ("naloxone", {}),
    ("injecting", {"outcome": ["overdose-mortality"], "design": ["ecological"]}),
    ("smoking inhalation", {}),
    ("community perceptions", {}),
    ("", {"outcome": ["hiv"]}),
    ("syringe sharing", {}),
]
# Domain terms with the share of references that mention them: queries hit realistic
# fractions of the corpus (1 % to 50 %), not every row.
DOMAIN = {
    "drug": 0.5,
    "overdose": 0.25,
    "injection": 0.25,
    "supervised": 0.2,
    "treatment": 0.15,
    "facility": 0.15,
    "mortality": 0.12,
    "consumption": 0.12,
    "hiv": 0.12,
    "hepatitis": 0.08,
    "syringe": 0.08,
    "community": 0.08,
    "review": 0.08,
    "access": 0.08,
    "cost": 0.08,
    "room": 0.08,
    "cohort": 0.1,
    "evaluation": 0.1,
    "injecting": 0.1,
    "women": 0.06,
    "effectiveness": 0.06,
    "sharing": 0.05,
    "crime": 0.05,
    "benefit": 0.05,
    "uptake": 0.04,
    "emergency": 0.05,
    "implementation": 0.05,
    "systematic": 0.04,
    "referral": 0.04,
    "smoking": 0.04,
    "youth": 0.04,
    "europe": 0.04,
    "ecological": 0.03,
    "naloxone": 0.03,
    "public": 0.06,
    "order": 0.04,
    "homelessness": 0.03,
    "vancouver": 0.03,
    "ambulance": 0.02,
    "perceptions": 0.02,
    "policing": 0.02,
    "inhalation": 0.02,
    "insite": 0.01,
    "detoxification": 0.01,
}
SYLLABLES = (
    "ka lo mi ne ru sa te vi po da ge hu ji ko le ma ni ol pe ri so tu va we xi ya zo".split()
)
PLACES = (
    "Vancouver Sydney Melbourne Toronto Montreal Barcelona Paris Strasbourg Frankfurt Zurich "
    "Geneva Copenhagen Oslo Lisbon Athens"
).split()
FAMILIES = (
    "Kerr Wood Marshall Milloy Potier Salmon Maher Kimber Roux Kral Lambdin Jozaghi Bayoumi Werb "
    "Hedrich Folch Davidson Irwin Behrends Tyndall Müller Laprévote García Nguyen Smith"
).split()
JOURNALS = [
    "Int J Drug Policy",
    "Addiction",
    "Harm Reduct J",
    "Drug Alcohol Depend",
    "Lancet",
    "CMAJ",
    "BMJ Open",
    "PLoS Med",
]


def _vocabulary(rng: random.Random, size: int) -> tuple[list[str], list[float]]:
    """Pseudo-words with Zipf frequencies: the filler of titles and abstracts."""
    words = sorted({"".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))) for _ in range(size)})
    rng.shuffle(words)
    weights, total = [], 0.0
    for rank in range(1, len(words) + 1):
        total += 1 / rank
        weights.append(total)
    return words, weights


def setup(postgres: bool) -> str:
    if postgres:
        url = "postgres://postgres@127.0.0.1:5432/dcrnet_bench_search"
        subprocess.run(
            [
                "psql",
                "-h",
                "127.0.0.1",
                "-U",
                "postgres",
                "-qc",
                "CREATE DATABASE dcrnet_bench_search",
            ],
            capture_output=True,
        )
        os.environ["DATABASE_URL"] = url
        label = "PostgreSQL"
    else:
        work = ROOT / "bench" / ".work"
        work.mkdir(parents=True, exist_ok=True)
        os.environ["SQLITE_PATH"] = str(work / "search.sqlite3")
        os.environ.pop("DATABASE_URL", None)
        label = "SQLite"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dcrnet.settings")
    os.environ["DEBUG"] = "1"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return label


def generate(size: int, fresh: bool = False) -> None:
    from django.db import connection, transaction

    from dcrnet.evidence.models import Person, Reference, Term
    from dcrnet.lib import search

    if Reference.objects.count() == size and not fresh:
        print(f"reusing {size} references", flush=True)
        analyze()
        return
    rng = random.Random(20261128)
    filler, cumulative = _vocabulary(rng, 20000)
    names, name_weights = _vocabulary(rng, 5000)
    terms = list(Term.objects.all())
    designs = [t for t in terms if t.vocabulary == "design"]
    outcomes = [t for t in terms if t.vocabulary == "outcome"]
    through = Reference.terms.through
    t0 = time.perf_counter()
    with transaction.atomic():
        with connection.cursor() as cursor:
            for model in (Reference.terms.through, Person, Reference):
                cursor.execute(f"DELETE FROM {model._meta.db_table}")
        for start in range(0, size, 5000):
            refs = []
            for _ in range(min(5000, size - start)):
                title_words = rng.choices(filler, cum_weights=cumulative, k=6)
                body_words = rng.choices(filler, cum_weights=cumulative, k=90)
                for term, share in DOMAIN.items():
                    if rng.random() < share / 2:
                        title_words.insert(rng.randrange(len(title_words) + 1), term)
                    if rng.random() < share:
                        body_words.insert(rng.randrange(len(body_words) + 1), term)
                title = " ".join(title_words).capitalize() + f" in {rng.choice(PLACES)}"
                refs.append(
                    Reference(
                        title=title[:1000],
                        year=rng.randint(1995, 2025),
                        container_title=rng.choice(JOURNALS),
                        abstract=" ".join(body_words) + ".",
                        keywords=f"{rng.choice(PLACES)}; {rng.choice(filler[:2000])}",
                        csl_type=rng.choice(["article-journal"] * 8 + ["report", "chapter"]),
                    )
                )
            Reference.objects.bulk_create(refs)
            people, tags = [], []
            for ref in refs:
                for position in range(rng.randint(1, 6)):
                    family = (
                        rng.choice(FAMILIES)
                        if rng.random() < 0.05
                        else rng.choices(names, cum_weights=name_weights)[0].capitalize()
                    )
                    people.append(
                        Person(reference=ref, position=position, family=family, given="A")
                    )
                tags.append(through(reference=ref, term=rng.choice(designs)))
                for outcome in rng.sample(outcomes, rng.randint(1, 3)):
                    tags.append(through(reference=ref, term=outcome))
            Person.objects.bulk_create(people)
            through.objects.bulk_create(tags)
            print(f"  generated {start + len(refs)}", flush=True)
    print(f"generated {size} references in {time.perf_counter() - t0:.0f} s", flush=True)
    t0 = time.perf_counter()
    with transaction.atomic():
        search.rebuild(Reference, batch=5000)
    print(f"indexed {size} references in {time.perf_counter() - t0:.0f} s", flush=True)
    analyze()


def analyze() -> None:
    """Planner statistics and no dead rows, as a live database has them (autovacuum may be
    off, as on the machines this was measured on)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def naive(params):
    """icontains over the same fields, every word ANDed, with the same facet queries."""
    from django.db.models import Count, Q

    from dcrnet.evidence.models import Reference

    qs = Reference.objects.filtered(**params.filters())
    for word in params.q.replace('"', " ").split():
        if word.upper() == "OR" or word.startswith("-"):
            continue
        qs = qs.filter(
            Q(title__icontains=word)
            | Q(abstract__icontains=word)
            | Q(keywords__icontains=word)
            | Q(people__family__icontains=word)
        ).distinct()
    total = qs.count()
    page = list(qs.order_by("-year")[:20])
    matched = qs.values("pk")
    for through, column in (
        (Reference.terms.through, "term_id"),
        (Reference.countries.through, "country_id"),
    ):
        counts = through.objects.filter(reference_id__in=matched).values(column)
        list(counts.annotate(n=Count("reference_id")))
    list(qs.order_by().values("year").annotate(n=Count("pk")))
    return total, page


def measure(fn, repeat: int, cpu: list[float] | None = None) -> list[float]:
    """Wall-clock ms of each call; `cpu`, if given, gets this process's CPU ms of each."""
    from dcrnet.evidence.selectors import SearchParams

    times = []
    for _ in range(repeat):
        for q, terms in QUERIES:
            params = SearchParams(q=q, terms=terms)
            t0, c0 = time.perf_counter(), time.thread_time()
            fn(params)
            times.append((time.perf_counter() - t0) * 1000)
            if cpu is not None:
                cpu.append((time.thread_time() - c0) * 1000)
    return times


def server_seconds() -> float:
    """CPU seconds of this connection's PostgreSQL server process so far (0 on SQLite, whose
    work is this process's own); readable when the server runs on this machine."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return 0.0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--fresh", action="store_true", help="Generate the data again.")
    args = parser.parse_args()
    label = setup(args.postgres)
    generate(args.size, args.fresh)
    from dcrnet.evidence.selectors import search_references

    print(f"load average before: {' '.join(f'{n:.1f}' for n in os.getloadavg())}", flush=True)
    first = measure(search_references, 1)  # the first time each query runs in this process
    cpu: list[float] = []
    server = server_seconds()
    fts = measure(search_references, args.repeat, cpu)
    server = (server_seconds() - server) * 1000 / len(fts)
    slow = measure(naive, max(1, args.repeat // 5))
    print(f"{label}, {args.size} references, 20 queries with facets")
    fts50, fts95 = statistics.median(fts), pct(fts, 95)
    slow50, slow95 = statistics.median(slow), pct(slow, 95)
    print(f"  full-text (page code path): p50 {fts50:7.1f} ms   p95 {fts95:7.1f} ms")
    print(
        f"    its CPU: this process p50 {statistics.median(cpu):.1f} ms  p95 {pct(cpu, 95):.1f} ms"
        + (f"; the database server {server:.1f} ms a search" if args.postgres else "")
    )
    print(
        f"    each query's first run in this process: p50 {statistics.median(first):.1f} ms"
        f"  p95 {pct(first, 95):.1f} ms"
    )
    print(f"  icontains (naive):          p50 {slow50:7.1f} ms   p95 {slow95:7.1f} ms")
    print(f"  speed-up: p50 x{slow50 / fts50:.1f}, p95 x{slow95 / fts95:.1f}")
    writes, firsts, browses = after_writes(search_references)
    print(f"  saving one reference (index and postings): median {statistics.median(writes):.1f} ms")
    print(
        "  the first search after a write (arrays patched with the ids it changed): median"
        f" {statistics.median(firsts):.1f} ms, max {max(firsts):.1f} ms; browsing newest first"
        f" after a write: median {statistics.median(browses):.1f} ms, max {max(browses):.1f} ms"
    )
    reads = full_reads(search_references)
    print(
        "  the same search with the arrays read in full (a new process, or one too far behind):"
        f" median {statistics.median(reads):.1f} ms"
    )
    print(f"  postings stored: {postings_size() / 1e6:.0f} MB")
    print(f"load average after: {' '.join(f'{n:.1f}' for n in os.getloadavg())}")


def after_writes(search_references, n: int = 5) -> tuple[list[float], list[float], list[float]]:
    """Editing a reference rewrites its postings and moves the index to a new generation;
    the next search of each process patches its arrays (lengths, facet columns, the order by
    year and title) with the ids the write changed."""
    from dcrnet.evidence.models import Reference
    from dcrnet.evidence.selectors import SearchParams, Sort

    browse = SearchParams(sort=Sort.NEWEST)
    search_references(browse)  # the order by year and title read, to be patched too
    writes, firsts, browses = [], [], []
    for ref in Reference.objects.order_by("?")[:n]:
        ref.title, ref.year = ref.title + " revised", ref.year + 1
        t0 = time.perf_counter()
        ref.save()
        writes.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        search_references(SearchParams(q="overdose mortality"))
        firsts.append((time.perf_counter() - t0) * 1000)
        ref.title, ref.year = ref.title.removesuffix(" revised"), ref.year - 1
        ref.save()
        t0 = time.perf_counter()
        search_references(browse)
        browses.append((time.perf_counter() - t0) * 1000)
    return writes, firsts, browses


def full_reads(search_references, n: int = 3) -> list[float]:
    """A search that reads the arrays in full, as before they were patched."""
    from dcrnet.evidence.selectors import SearchParams
    from dcrnet.lib import postings

    times = []
    for _ in range(n):
        postings._kept.clear()
        t0 = time.perf_counter()
        search_references(SearchParams(q="overdose mortality"))
        times.append((time.perf_counter() - t0) * 1000)
    return times


def postings_size() -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_total_relation_size('evidence_reference_postings')")
        else:
            cursor.execute(
                "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'evidence_reference_postings%'"
            )
        return cursor.fetchone()[0] or 0


if __name__ == "__main__":
    main()
