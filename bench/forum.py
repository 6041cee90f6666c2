"""Forum benchmark: 10,000 threads × 20 posts (200,000 posts), 2,000 members.

    .venv/bin/python bench/forum.py                      # SQLite file in a temporary folder
    .venv/bin/python bench/forum.py --database-url postgres://postgres@127.0.0.1:5432/dcr_bench_forum
    options: --threads N (10000) --posts N (20) --members N (2000) --requests N (200) --seed-only
             --long-threads N (5) --long-posts N (400): a few threads of many pages on top
             --strict: exit 1 when a page misses the target

Seeds with bulk_create (thread and category counters filled as the services keep them), then,
signed in as a member, measures the server time of the category page (first, second, a middle
and the last page of the largest category) and of the thread page (several threads, first,
middle and last page; 20 posts fit on one page, so the long threads give the middle and last
pages) with Django's test client in this process: p50, p95, p99 over --requests
requests per page type (server time: the wall clock around the test client's request; "cpu":
this process's CPU time, which other load on the machine hardly moves, the database server's
excluded), and the number of queries of each page. Target: p95 ≤ 50 ms.

The PostgreSQL database named in --database-url is dropped and created again. Settings are the
production ones (DEBUG off, no page cache for a signed-in member, TESTING off).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
import types
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TARGET_P95_MS = 50.0

WORDS = (
    "room shift team night visitors overdose naloxone smoking injecting places house rules"
    " neighbours council funding evaluation survey peer support supervision hours staff"
    " referral housing outreach drug checking fentanyl crack heroin ventilation booths"
    " consultation police residents data indicators report weekend opening closing waiting"
).split()


def prepare_database(url: str | None) -> str:
    """The database URL to use, its database empty: a new SQLite file or a recreated
    PostgreSQL database."""
    if not url:
        folder = Path(tempfile.mkdtemp(prefix="dcrnet-bench-forum-"))
        return f"sqlite:///{folder / 'forum.sqlite3'}"
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return url


def setup_django(url: str) -> None:
    """The production settings, with static files served unhashed: there is no collected
    manifest here, and a page renders the same either way."""
    # The environment first: the settings module reads it when it is imported.
    os.environ.update(
        DATABASE_URL=url,
        DJANGO_SETTINGS_MODULE="bench_forum_settings",
        DEBUG="0",
        TESTING="0",
        SECRET_KEY="bench-only-secret-key-not-used-anywhere-else-0123456789abcdefghij",
        ALLOWED_HOSTS="testserver",
        SECURE_SSL_REDIRECT="0",
        LOG_LEVEL="ERROR",
    )
    settings = types.ModuleType("bench_forum_settings")
    exec(  # noqa: S102 - our own two lines
        "from dcrnet.settings import *\n"
        "STORAGES = {**STORAGES, 'staticfiles': {'BACKEND':"
        " 'django.contrib.staticfiles.storage.StaticFilesStorage'}}\n",
        settings.__dict__,
    )
    sys.modules["bench_forum_settings"] = settings
    import django

    django.setup()
    from django.db import connection

    # Never the development database: the benchmark drops and fills what it is given.
    expected = urlsplit(url).path
    name = str(connection.settings_dict["NAME"])
    assert expected.endswith(name) or name.endswith(expected.lstrip("/")), (name, url)


def body(rng: random.Random, number: int) -> str:
    """A post in Markdown: one to three paragraphs, now and then a quote, a list or a link."""
    paragraphs = []
    for _ in range(rng.randint(1, 3)):
        words = rng.choices(WORDS, k=rng.randint(15, 60))
        words[0] = words[0].capitalize()
        if rng.random() < 0.3:
            words[rng.randrange(len(words))] = f"**{rng.choice(WORDS)}**"
        paragraphs.append(" ".join(words) + ".")
    if number > 1 and rng.random() < 0.2:
        paragraphs.insert(0, "> " + " ".join(rng.choices(WORDS, k=12)))
    if rng.random() < 0.1:
        paragraphs.append("\n".join(f"- {w} {rng.choice(WORDS)}" for w in rng.choices(WORDS, k=3)))
    if rng.random() < 0.05:
        paragraphs.append("See [the evidence library](/evidence/) for studies.")
    return "\n\n".join(paragraphs)


def seed(n_threads: int, n_posts: int, n_members: int, long_threads: int, long_posts: int) -> dict:
    import datetime as dt

    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.db.models import Max, Sum
    from django.utils import timezone

    from dcrnet.community.models import Role, User
    from dcrnet.demo.loader import Tally, load_categories
    from dcrnet.forum.models import Category, Post, Reaction, ReadMarker, Thread

    rng = random.Random(42)
    t0 = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"migrate: {time.perf_counter() - t0:.1f} s")

    t0 = time.perf_counter()
    with transaction.atomic():
        load_categories(Tally())
        categories = list(Category.objects.order_by("position"))
        password = make_password("bench member passphrase")
        users = User.objects.bulk_create(
            User(email=f"member{i}@bench.invalid", handle=f"bench-member-{i}", password=password)
            for i in range(n_members)
        )
        group = Group.objects.get_or_create(name=Role.MEMBER)[0]
        User.groups.through.objects.bulk_create(
            User.groups.through(user_id=user.pk, group_id=group.pk) for user in users
        )
        now = timezone.now()
        # The first category holds a third of the threads, the others share the rest: a large
        # category with many pages, as the busiest one would be.
        weights = [5] + [2] * (len(categories) - 1)
        # A few long threads (several pages each) come on top of the regular ones.
        sizes = [n_posts] * n_threads + [long_posts] * long_threads
        rng.shuffle(sizes)
        threads = Thread.objects.bulk_create(
            (
                Thread(
                    category=rng.choices(categories, weights)[0],
                    title=" ".join(rng.choices(WORDS, k=rng.randint(3, 9))).capitalize(),
                    author=rng.choice(users),
                    last_post_at=now - dt.timedelta(minutes=i),
                    post_count=size,
                    pinned=i % 997 == 0,
                )
                for i, size in enumerate(sizes)
            ),
            batch_size=2000,
        )
        print(f"members and threads: {time.perf_counter() - t0:.1f} s")
        t1 = time.perf_counter()
        batch: list = []
        for thread in threads:
            for number in range(1, thread.post_count + 1):
                batch.append(
                    Post(
                        thread_id=thread.pk,
                        number=number,
                        author=users[rng.randrange(n_members)],
                        body=body(rng, number),
                    )
                )
            if len(batch) >= 20_000:
                Post.objects.bulk_create(batch, batch_size=5000)
                batch = []
        Post.objects.bulk_create(batch, batch_size=5000)
        print(f"posts: {sum(sizes):,} in {time.perf_counter() - t1:.1f} s")
        # All posts were stamped now by auto_now_add: each thread's last post time is its own.
        t1 = time.perf_counter()
        for category in categories:
            mine = Thread.objects.filter(category=category)
            figures = mine.aggregate(posts=Sum("post_count"), last=Max("last_post_at"))
            Category.objects.filter(pk=category.pk).update(
                thread_count=mine.count(),
                post_count=figures["posts"] or 0,
                last_post_at=figures["last"],
            )
        # The benchmark's member has read a third of the threads, some only partly, and the
        # posts carry reactions (one in four).
        reader = users[0]
        ReadMarker.objects.bulk_create(
            (
                ReadMarker(user=reader, thread_id=t.pk, last_read=rng.randint(1, t.post_count))
                for t in threads
                if rng.random() < 0.33
            ),
            batch_size=5000,
        )
        post_ids = list(Post.objects.values_list("pk", flat=True))
        reactions = {
            (rng.choice(post_ids), rng.randrange(n_members), rng.choice(["thanks", "agree"]))
            for _ in range(len(post_ids) // 4)
        }
        Reaction.objects.bulk_create(
            (Reaction(post_id=p, user_id=users[u].pk, kind=k) for p, u, k in reactions),
            batch_size=5000,
        )
        print(f"counters, read markers, reactions: {time.perf_counter() - t1:.1f} s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"seeded in {time.perf_counter() - t0:.1f} s")
    categories = list(Category.objects.order_by("position"))  # with their counters
    return {"reader": reader, "categories": categories}


def percentiles(samples: list[float]) -> tuple[float, float, float]:
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return cuts[49], cuts[94], cuts[98]


def measure(reader, categories, n_requests: int, n_posts: int, long_posts: int) -> list[tuple]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from dcrnet.forum.models import Thread

    client = Client()
    client.force_login(reader)
    largest = max(categories, key=lambda c: c.thread_count)
    per_page = category_page_size()
    last_page = max(1, -(-largest.thread_count // per_page))
    category_urls = [
        category_url(reverse, largest, page)
        for page in sorted({1, 2, max(1, last_page // 2), last_page})
    ]
    rng = random.Random(7)

    def urls_of(size: int, how_many: int) -> list[str]:
        ids = list(Thread.objects.filter(post_count=size).values_list("pk", flat=True))
        pages = max(1, -(-size // thread_page_size()))
        return [
            thread_url(reverse, Thread.objects.get(pk=pk), page)
            for pk in rng.sample(ids, min(how_many, len(ids)))
            for page in sorted({1, max(1, pages // 2), pages})
        ]

    pages = [("category page", category_urls), ("thread page", urls_of(n_posts, 10))]
    if long_posts != n_posts and Thread.objects.filter(post_count=long_posts).exists():
        pages.append((f"thread of {long_posts}", urls_of(long_posts, 5)))
    rows = []
    for label, urls in pages:
        counts = {}
        for url in urls:  # warm-up, status and query count of each URL
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url, secure=True)
            assert response.status_code == 200, (url, response.status_code)
            counts[url] = len(queries)
        samples, cpu = [], []
        for i in range(n_requests):
            url = urls[i % len(urls)]
            t, c = time.perf_counter(), time.process_time()
            response = client.get(url, secure=True)
            samples.append(1000 * (time.perf_counter() - t))
            cpu.append(1000 * (time.process_time() - c))
            assert response.status_code == 200, (url, response.status_code)
        p50, p95, p99 = percentiles(samples)
        cpu_p95 = percentiles(cpu)[1]
        rows.append(
            (label, len(urls), p50, p95, p99, cpu_p95, min(counts.values()), max(counts.values()))
        )
    return rows


# --- the forum's URLs (dcrnet/forum/urls.py) ------------------------------------------------------


def category_page_size() -> int:
    from dcrnet.forum import selectors

    return selectors.THREADS_PER_PAGE


def thread_page_size() -> int:
    from dcrnet.forum import selectors

    return selectors.POSTS_PER_PAGE


def category_url(reverse, category, page: int) -> str:
    url = reverse("forum:category", kwargs={"slug": category.slug})
    return url if page == 1 else f"{url}?page={page}"


def thread_url(reverse, thread, page: int) -> str:
    url = reverse("forum:thread", kwargs={"thread_id": thread.pk})
    return url if page == 1 else f"{url}?page={page}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", help="PostgreSQL (dropped and created); default SQLite")
    parser.add_argument("--threads", type=int, default=10_000)
    parser.add_argument("--posts", type=int, default=20)
    parser.add_argument("--members", type=int, default=2_000)
    parser.add_argument("--long-threads", type=int, default=5, help="extra threads, many pages")
    parser.add_argument("--long-posts", type=int, default=400, help="posts of a long thread")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--seed-only", action="store_true", help="seed, do not measure")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a page misses p95")
    args = parser.parse_args()
    url = prepare_database(args.database_url)
    setup_django(url)
    from django.db import connection

    print(f"== {connection.vendor}: {url}")
    try:
        seeded = seed(args.threads, args.posts, args.members, args.long_threads, args.long_posts)
        if args.seed_only:
            return
        rows = measure(
            seeded["reader"], seeded["categories"], args.requests, args.posts, args.long_posts
        )
    finally:
        connection.close()
        if not args.database_url:  # the temporary SQLite folder
            shutil.rmtree(Path(urlsplit(url).path).parent, ignore_errors=True)
    print(
        f"\n{'page':<16} {'urls':>4} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}"
        f" {'cpu p95':>8} {'queries':>8}"
    )
    missed = False
    for label, n_urls, p50, p95, p99, cpu_p95, q_min, q_max in rows:
        queries = str(q_min) if q_min == q_max else f"{q_min}-{q_max}"
        verdict = "ok" if p95 <= TARGET_P95_MS else f"MISSES p95 ≤ {TARGET_P95_MS:.0f} ms"
        missed |= p95 > TARGET_P95_MS
        print(
            f"{label:<16} {n_urls:>4} {p50:8.1f} {p95:8.1f} {p99:8.1f} {cpu_p95:8.1f}"
            f" {queries:>8}  {verdict}"
        )
    sys.exit(1 if missed and args.strict else 0)


if __name__ == "__main__":
    main()
