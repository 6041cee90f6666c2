"""Rate limits: N actions per period per key, counted atomically in the shared cache.

The count lives in the default cache, so it is shared by every process only when that cache is
(the database cache or Redis: see settings.CACHES); `cache.add` then `cache.incr` is atomic on
each backend, so parallel requests can never all read "below the limit" and all pass.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.http import HttpRequest

from .clientip import client_ip


def hit(scope: str, key: str, limit: int, period: int) -> bool:
    """Count one action; True while the key has made at most `limit` in this period."""
    name = f"ratelimit:{scope}:{hashlib.sha256(key.encode()).hexdigest()[:32]}"
    cache.add(name, 0, period)
    try:
        count = cache.incr(name)
    except ValueError:  # expired between add and incr
        cache.add(name, 1, period)
        count = 1
    return count <= limit


def hit_ip(request: HttpRequest, scope: str, limit: int, period: int) -> bool:
    """Count one action by the request's client (see clientip)."""
    return hit(scope, client_ip(request), limit, period)


def used(scope: str, key: str) -> int:
    name = f"ratelimit:{scope}:{hashlib.sha256(key.encode()).hexdigest()[:32]}"
    return cache.get(name, 0)
