"""Benchmark settings: the site's own settings, plus the floor views and a private static root."""

from __future__ import annotations

from dcrnet.settings import *  # noqa: F403
from dcrnet.settings import BASE_DIR

# The site's URLs plus /__floor__/<name>: same settings and middleware, page bytes from memory.
ROOT_URLCONF = "bench.bench_urls"
# Collected apart from staticfiles/ so a benchmark never races `make static` in the work tree.
STATIC_ROOT = BASE_DIR / "bench" / ".work" / "staticfiles"
