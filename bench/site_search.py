"""Site search benchmark: 100,000 evidence references and 10,000 of every other kind.

    .venv/bin/python bench/site_search.py                # SQLite, bench/.work/site_search.sqlite3
    .venv/bin/python bench/site_search.py --postgres     # dcr_bench_sitesearch on 127.0.0.1
    options: --references N (100000) --size N (10000 of each other kind) --repeat R (5)
             --fresh (generate the data again; otherwise the last run's is reused)

Generates, with bulk_create (no signal), 100,000 references (indexed by the evidence library's
own search) and 10,000 facilities, documents, news articles, initiatives, trainings, policy
events, forum posts and planning projects (every country there is: about 250), with the states
that decide who reads them (unpublished, drafts, scheduled, suggestions, members-only forum
categories, hidden and held posts, private projects) and French texts for a fifth of the
translated ones; then builds the site index with `reindex_site`. For 15 queries it times
`sitesearch.selectors.search_site` (the page's code path: the counts of every kind, the best
three of each with snippets, each checked against its section's rule, and the evidence
library's count and best three) as an anonymous visitor and as a member, `--repeat` times after
a warm-up pass, and the whole page through Django's test client. Then what a write costs: an
article saved (its entries and their postings rewritten in the transaction) and the first
search after it (the per-process arrays read again). Target: p95 ≤ 50 ms on both databases.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TARGET_P95_MS = 50.0
POSTGRES = "postgres://postgres@127.0.0.1:5432/dcr_bench_sitesearch"

QUERIES = [
    "naloxone",
    "overdose mortality",
    "Lisbon",
    "Abrigado",
    '"supervised injection"',
    "hiv OR hepatitis",
    "crime -cost",
    "night shift",
    "peer training",
    "law",
    "drug consumption rooms",
    "women",
    "policing",
    "housing outreach",
    "Vancouver",
]
# Domain words with the share of texts that hold them (the queries hit 1 % to 50 % of a kind).
DOMAIN = {
    "drug": 0.5, "overdose": 0.25, "injection": 0.25, "supervised": 0.2, "room": 0.2,
    "treatment": 0.15, "mortality": 0.12, "consumption": 0.12, "hiv": 0.12, "staff": 0.1,
    "law": 0.08, "hepatitis": 0.08, "syringe": 0.08, "community": 0.08, "cost": 0.08,
    "shift": 0.06, "night": 0.06, "women": 0.06, "peer": 0.06, "training": 0.06, "crime": 0.05,
    "housing": 0.05, "outreach": 0.05, "policing": 0.03, "naloxone": 0.03, "vancouver": 0.02,
    "lisbon": 0.02, "abrigado": 0.005,
}  # fmt: skip
SYLLABLES = "ka lo mi ne ru sa te vi po da ge hu ji ko le ma ni ol pe ri so tu va we xi ya".split()
PLACES = "Vancouver Sydney Toronto Barcelona Paris Frankfurt Zurich Geneva Oslo Lisbon".split()


def vocabulary(rng: random.Random, size: int) -> tuple[list[str], list[float]]:
    """Pseudo-words with Zipf frequencies: the filler of every text."""
    words = sorted({"".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))) for _ in range(size)})
    rng.shuffle(words)
    cumulative, total = [], 0.0
    for rank in range(1, len(words) + 1):
        total += 1 / rank
        cumulative.append(total)
    return words, cumulative


class Text:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.filler, self.weights = vocabulary(self.rng, 20000)

    def words(self, n: int, share: float = 1.0) -> str:
        words = self.rng.choices(self.filler, cum_weights=self.weights, k=n)
        for term, frequency in DOMAIN.items():
            if self.rng.random() < frequency * share:
                words.insert(self.rng.randrange(len(words) + 1), term)
        return " ".join(words)

    def title(self) -> str:
        return self.words(6, share=0.5).capitalize()


def setup(postgres: bool) -> str:
    """The production settings (DEBUG off, no page cache), static files served unhashed: there
    is no collected manifest here, and a page renders the same either way."""
    os.environ.update(
        DJANGO_SETTINGS_MODULE="bench_site_search_settings",
        DEBUG="0",
        TESTING="0",
        PAGE_CACHE_SECONDS="0",
        SECRET_KEY="bench-only-secret-key-not-used-anywhere-else-0123456789abcdefghij",
        ALLOWED_HOSTS="testserver",
        SECURE_SSL_REDIRECT="0",
        LOG_LEVEL="ERROR",
        ACCESS_LOG_LEVEL="WARNING",
    )
    if postgres:
        subprocess.run(
            ["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc",
             "CREATE DATABASE dcr_bench_sitesearch"],
            capture_output=True,
        )  # fmt: skip
        os.environ["DATABASE_URL"] = POSTGRES
        label = "PostgreSQL"
    else:
        work = ROOT / "bench" / ".work"
        work.mkdir(parents=True, exist_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{work / 'site_search.sqlite3'}"
        label = "SQLite"
    settings = types.ModuleType("bench_site_search_settings")
    exec(  # noqa: S102 - our own two lines
        "from dcrnet.settings import *\n"
        "STORAGES = {**STORAGES, 'staticfiles': {'BACKEND':"
        " 'django.contrib.staticfiles.storage.StaticFilesStorage'}}\n",
        settings.__dict__,
    )
    sys.modules["bench_site_search_settings"] = settings
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return label


def clear() -> None:
    """The rows of the last run (the vocabularies and the roles the migrations made stay)."""
    from django.apps import apps
    from django.db import connection, transaction

    from dcrnet.evidence.models import Person, Reference

    labels = ["sitesearch", "forum", "news", "advocacy", "trainings", "policy", "planning",
              "documents", "organisations", "directory"]  # fmt: skip
    models = [m for label in labels for m in apps.get_app_config(label).get_models(True)]
    models += [Reference.terms.through, Reference.countries.through,
               Reference.facilities.through, Person, Reference]  # fmt: skip
    tables = [m._meta.db_table for m in models]
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " CASCADE")
        else:
            for table in tables:
                cursor.execute(f'DELETE FROM "{table}"')


def generate(references: int, size: int) -> None:
    """Every row with bulk_create, then the indexes built as reindex_site builds them."""
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group
    from django.db import transaction
    from django.utils import timezone
    from django_countries import countries

    from dcrnet.advocacy.models import Initiative
    from dcrnet.community.models import Role, User
    from dcrnet.directory.models import Country, Facility
    from dcrnet.documents.models import Document, Topic
    from dcrnet.evidence.models import Person, Reference, Term
    from dcrnet.forum.models import Category, Post, Thread
    from dcrnet.lib import search
    from dcrnet.news.models import Article, Tag
    from dcrnet.planning.models import Project
    from dcrnet.policy.models import Event
    from dcrnet.sitesearch import indexing
    from dcrnet.trainings.models import Training

    text = Text(20261201)
    rng = text.rng
    now = timezone.now()
    t0 = time.perf_counter()
    clear()
    with transaction.atomic():
        password = make_password("a long bench passphrase")
        handles = [f"member{n}" for n in range(50)]
        known = set(User.objects.filter(handle__in=handles).values_list("handle", flat=True))
        User.objects.bulk_create(
            User(email=f"{handle}@example.org", handle=handle, password=password)
            for handle in handles
            if handle not in known
        )
        people = list(User.objects.filter(handle__in=handles))
        member = Group.objects.get_or_create(name=Role.MEMBER)[0]
        member.user_set.add(*people)
        codes = [code for code, _name in countries]
        country_rows = Country.objects.bulk_create(
            Country(code=code, legal_basis_en=text.words(60) if n % 4 == 0 else "")
            for n, code in enumerate(codes)
        )
        near = country_rows[:40]
        Facility.objects.bulk_create(
            Facility(
                public_id=f"f-{n}", name=text.title()[:60], city=rng.choice(PLACES),
                country=rng.choice(near), latitude=50, longitude=5,
                description=text.words(40), published=rng.random() < 0.95,
            )
            for n in range(size)
        )  # fmt: skip
        topics = Topic.objects.bulk_create(
            Topic(name_en=f"Topic {n}", slug=f"topic-{n}") for n in range(5)
        )
        Document.objects.bulk_create(
            Document(
                title=text.title(), slug=f"d-{n}", summary=text.words(40), kind="house rules",
                perspective="both", topic=rng.choice(topics), language="en",
                status="published" if rng.random() < 0.9 else "suggested",
                suggested_by=rng.choice(people),
            )
            for n in range(size)
        )  # fmt: skip
        tags = Tag.objects.bulk_create(Tag(slug=f"t-{n}", name_en=text.title()) for n in range(20))

        def french(n: int) -> dict:
            if n % 5:
                return {}
            return {"title_fr": text.title(), "summary_fr": text.words(25)}

        articles = Article.objects.bulk_create(
            Article(
                slug=f"a-{n}", title_en=text.title(), summary_en=text.words(25),
                body_en=text.words(80), **french(n),
                status="published" if rng.random() < 0.9 else "draft",
                published_at=now - dt.timedelta(days=rng.randint(-10, 2000)),
            )
            for n in range(size)
        )  # fmt: skip
        Article.tags.through.objects.bulk_create(
            Article.tags.through(article_id=a.pk, tag_id=rng.choice(tags).pk) for a in articles
        )
        Article.countries.through.objects.bulk_create(
            Article.countries.through(article_id=a.pk, country_id=rng.choice(near).pk)
            for a in articles
        )
        Initiative.objects.bulk_create(
            Initiative(
                title_en=text.title(), slug=f"i-{n}", date=dt.date(2020, 1, 1),
                summary_en=text.words(25), text_en=text.words(80), asks_en=text.words(20),
                published=rng.random() < 0.9, **french(n),
            )
            for n in range(size)
        )  # fmt: skip
        Training.objects.bulk_create(
            Training(
                slug=f"tr-{n}", title_en=text.title(), summary_en=text.words(30),
                outcomes_en=text.words(20), audience_en=text.words(8), duration_en="one day",
                format="on_site", published=rng.random() < 0.9, **french(n),
            )
            for n in range(size)
        )  # fmt: skip
        Event.objects.bulk_create(
            Event(
                country=rng.choice(near), date=dt.date(2000 + n % 25, 1, 1), kind="law",
                title_en=text.title(), summary_en=text.words(25), source_title="Source",
                source_url="https://example.org/", published=rng.random() < 0.9, **french(n),
            )
            for n in range(size)
        )  # fmt: skip
        categories = Category.objects.bulk_create(
            Category(slug=f"c-{n}", name_en=f"Category {n}", public_readable=n < 2)
            for n in range(5)
        )
        threads = Thread.objects.bulk_create(
            Thread(category=rng.choice(categories), title=text.title(), author=rng.choice(people),
                   last_post_at=now, post_count=10)
            for _ in range(size // 10)
        )  # fmt: skip
        Post.objects.bulk_create(
            Post(
                thread=thread, number=number, author=rng.choice(people), body=text.words(50),
                status=rng.choices(["visible", "hidden", "held"], [97, 2, 1])[0],
            )
            for thread in threads
            for number in range(1, 11)
        )  # fmt: skip
        Project.objects.bulk_create(
            Project(name=text.title()[:60], city=rng.choice(PLACES), country=rng.choice(codes),
                    summary=text.words(40), published=rng.random() < 0.5)
            for _ in range(size)
        )  # fmt: skip
        print(f"generated the sections' rows in {time.perf_counter() - t0:.0f} s", flush=True)

        t0 = time.perf_counter()
        terms = list(Term.objects.filter(vocabulary__in=["design", "outcome"]))
        for start in range(0, references, 5000):
            refs = Reference.objects.bulk_create(
                Reference(
                    title=text.title() + f" in {rng.choice(PLACES)}", year=rng.randint(1995, 2025),
                    abstract=text.words(90), keywords=rng.choice(PLACES),
                    csl_type="article-journal",
                )
                for _ in range(min(5000, references - start))
            )  # fmt: skip
            Person.objects.bulk_create(
                Person(reference=ref, position=0, family=text.title().split()[0], given="A")
                for ref in refs
            )
            Reference.terms.through.objects.bulk_create(
                Reference.terms.through(reference_id=ref.pk, term_id=rng.choice(terms).pk)
                for ref in refs
            )
        print(f"generated {references} references in {time.perf_counter() - t0:.0f} s", flush=True)
    t0 = time.perf_counter()
    search.rebuild(Reference, batch=5000)
    print(f"indexed the references in {time.perf_counter() - t0:.0f} s", flush=True)
    t0 = time.perf_counter()
    counts = indexing.rebuild()
    print(
        f"reindex_site: {sum(counts.values())} entries ({counts}) "
        f"in {time.perf_counter() - t0:.0f} s",
        flush=True,
    )
    analyze()


def analyze() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def measure(fn, repeat: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds of fn(q) for every query, `repeat` times."""
    wall, cpu = [], []
    for _ in range(repeat):
        for q in QUERIES:
            t, c = time.perf_counter(), time.process_time()
            fn(q)
            wall.append((time.perf_counter() - t) * 1000)
            cpu.append((time.process_time() - c) * 1000)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--references", type=int, default=100_000)
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--fresh", action="store_true", help="Generate the data again.")
    args = parser.parse_args()
    label = setup(args.postgres)
    from django.contrib.auth.models import AnonymousUser
    from django.test import Client

    from dcrnet.community.models import User
    from dcrnet.evidence.models import Reference
    from dcrnet.news.models import Article
    from dcrnet.sitesearch import selectors
    from dcrnet.sitesearch.models import Entry

    if args.fresh or Reference.objects.count() != args.references or not Entry.objects.exists():
        generate(args.references, args.size)
    else:
        print("reusing the data of the last run", flush=True)
    load = os.getloadavg()
    member = User.objects.get(email="member0@example.org")
    who = {"anonymous": AnonymousUser(), "member": member}
    print(f"{label}: {Reference.objects.count()} references, {Entry.objects.count()} entries")
    print(f"load average before: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for name, user in who.items():
        measure(lambda q, user=user: selectors.search_site(q, user), 1)  # warm up
        with CaptureQueriesContext(connection) as queries:
            selectors.search_site(QUERIES[0], user)
        print(f"  search_site as {name:9}: {len(queries)} queries (evidence included)")
        wall, cpu = measure(lambda q, user=user: selectors.search_site(q, user), args.repeat)
        print(
            f"  search_site as {name:9}: p50 {statistics.median(wall):6.1f} ms"
            f"  p95 {pct(wall, 95):6.1f} ms  (CPU p50 {statistics.median(cpu):6.1f}"
            f"  p95 {pct(cpu, 95):6.1f} ms)"
        )
    for name, user in who.items():
        client = Client()
        if name == "member":
            client.force_login(user)

        def page(q, client=client):
            response = client.get("/search/", {"q": q})
            assert response.status_code == 200, response.status_code

        measure(page, 1)
        wall, cpu = measure(page, args.repeat)
        print(
            f"  /search/ page as {name:9}: p50 {statistics.median(wall):6.1f} ms"
            f"  p95 {pct(wall, 95):6.1f} ms  (CPU p95 {pct(cpu, 95):6.1f} ms)"
        )
    writes, firsts = [], []
    for article in Article.objects.order_by("?")[:5]:
        article.title_en += " revised"
        t = time.perf_counter()
        article.save()
        writes.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        selectors.search_site("overdose mortality", AnonymousUser())
        firsts.append((time.perf_counter() - t) * 1000)
    print(
        f"  saving an article (its entries and postings): median "
        f"{statistics.median(writes):.1f} ms; the first search after it: median "
        f"{statistics.median(firsts):.1f} ms"
    )
    load = os.getloadavg()
    print(f"load average after: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")


if __name__ == "__main__":
    main()
