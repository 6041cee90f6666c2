"""One content version for every cache of public content; any write to content retires them all.

Each save or delete in a content app moves the version now (for reads later in the same
transaction) and again on commit (for anything another process cached from the data as it was
before). With a shared cache (CACHE_URL, Redis) every process sees it at once; with the
per-process default, within the entries' short lifetime. Bulk writes that send no signal
(update(), bulk_create()) are also bounded by that lifetime.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

VERSION_KEY = "content:version"
CONTENT_APPS = {"directory", "pages", "evidence", "monitoring"}


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        # Never a number used before, so a flushed cache cannot bring back old entries.
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
        version = cache.get(VERSION_KEY, 0)
    return version


def bump() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet, or evicted
        cache.set(VERSION_KEY, time.time_ns(), timeout=None)


@receiver(post_save, dispatch_uid="content-cache-save")
@receiver(post_delete, dispatch_uid="content-cache-delete")
def invalidate(sender, **kwargs) -> None:
    if sender._meta.app_label in CONTENT_APPS:
        bump()
        transaction.on_commit(bump)


def cached[T](name: str, compute: Callable[[], T], seconds: int) -> T:
    """compute(), kept `seconds` under the current content version (0: not cached)."""
    if seconds <= 0:
        return compute()
    key = f"content:{content_version()}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds)
    return value
