"""Rate limits: N actions per period per key, counted atomically in the shared cache.

The count lives in the default cache, so it is shared by every process only when that cache is
(Redis, or the database cache that production uses without CACHE_URL: see settings.CACHES).
`cache.add` then `cache.incr` is atomic on each backend we use (Redis INCR, the locked
in-memory dict, the row lock of dcrnet.lib.dbcache), so parallel requests can never all read
"below the limit" and all pass. The window opens with a key's first action and lasts `period`.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.http import HttpRequest

from .clientip import client_ip


def _name(scope: str, key: str) -> str:
    return f"ratelimit:{scope}:{hashlib.sha256(key.encode()).hexdigest()[:32]}"


def hit(scope: str, key: str, limit: int, period: int) -> bool:
    """Count one action; True while the key has made at most `limit` in this period."""
    name = _name(scope, key)
    for _attempt in range(3):
        cache.add(name, 0, period)
        try:
            return cache.incr(name) <= limit
        except ValueError:  # the window ended between add and incr: open the next one
            continue
    return False


def hit_ip(request: HttpRequest, scope: str, limit: int, period: int) -> bool:
    """Count one action by the request's client (see clientip)."""
    return hit(scope, client_ip(request), limit, period)


def used(scope: str, key: str) -> int:
    return cache.get(_name(scope, key), 0)
