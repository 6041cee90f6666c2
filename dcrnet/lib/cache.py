"""One content version for every cache of public content; any write to content retires them all.

Each save or delete in a content app moves the version now (for reads later in the same
transaction) and again on commit (for anything another process cached from the data as it was
before). With a shared cache (Redis, or the database cache that production uses without
CACHE_URL) every process sees it at once. With a cache in each process's memory (DEBUG) a
process cannot see another's writes, so there the version itself lasts LOCAL_VERSION_SECONDS:
whatever is keyed by it, HTTP validators included, is at most that old. Bulk writes that send
no signal (update(), bulk_create()) are bounded by the lifetime of the entries they affect.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import get_language

from . import bulk

VERSION_KEY = "content:version"
# Apps whose rows public pages show (a published planning project, a forum thread, a session's
# places left …): any save, delete or many-to-many change in them moves the version. Not the
# rows no public page reads and that change on every visit or email (read markers, deliveries).
CONTENT_APPS = {
    "directory", "pages", "evidence", "monitoring", "organisations", "forum", "documents",
    "guide", "experts", "planning", "trainings", "visits", "advocacy", "policy", "news",
    "impact", "alerts",
}  # fmt: skip
# Rows no page shows (a reporter's own submissions reach pages through signals and alerts).
NOT_CONTENT = {
    "forum.readmarker", "forum.subscription", "alerts.alertsubscription", "alerts.pulse",
    "alerts.substancereport", "alerts.review", "alerts.signal",
}  # fmt: skip
LOCAL_VERSION_SECONDS = 60


def version_lifetime() -> int | None:
    """None (for ever) in a shared cache; LOCAL_VERSION_SECONDS in one process's memory."""
    return (
        LOCAL_VERSION_SECONDS if isinstance(caches["default"], LocMemCache | DummyCache) else None
    )


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        # Never a number used before, so a flushed cache cannot bring back old entries.
        cache.add(VERSION_KEY, time.time_ns(), timeout=version_lifetime())
        version = cache.get(VERSION_KEY)
    if version is None:  # a cache that keeps nothing: every read is a new version
        version = time.time_ns()
    return version


def bump() -> None:
    try:
        cache.incr(VERSION_KEY)  # keeps the entry's lifetime
    except ValueError:  # no version yet, or evicted
        cache.set(VERSION_KEY, time.time_ns(), timeout=version_lifetime())


def emails_only(callbacks: list) -> list:
    """The on-commit callbacks a write registered, without the content version's own (tests
    that count the emails a commit queues use it)."""
    return [callback for callback in callbacks if callback is not bump]


def is_content(model) -> bool:
    meta = model._meta
    return (
        meta.app_label in CONTENT_APPS
        and meta.label_lower not in NOT_CONTENT
        and meta.model_name != "delivery"
    )


@receiver(bulk.created, dispatch_uid="content-cache-bulk-created")
@receiver(post_save, dispatch_uid="content-cache-save")
@receiver(post_delete, dispatch_uid="content-cache-delete")
@receiver(m2m_changed, dispatch_uid="content-cache-m2m")
def invalidate(sender, action: str = "", **kwargs) -> None:
    if action.startswith("pre_"):
        return
    if not is_content(sender):
        return
    if not bulk.active():  # a bulk write's readers wait for its commit
        bump()
    if not _bump_pending():
        transaction.on_commit(bump)


def _bump_pending() -> bool:
    """True when this transaction already bumps the version on commit: once per transaction,
    not once per saved row (an import saves thousands)."""
    connection = transaction.get_connection()
    return connection.in_atomic_block and any(
        func is bump for _sids, func, _robust in connection.run_on_commit
    )


def cached[T](name: str, compute: Callable[[], T], seconds: int, *, content: bool = True) -> T:
    """compute(), kept `seconds` under the current content version and the active language
    (labels and translated content fields differ by language; 0: not cached).

    content=False: for a value whose `name` is already a digest of everything it depends on
    (the forum's rendered posts: body, existing handles, URL prefix). A change of any of them
    is a new name, so the entry is never retired by writes to content and the content version
    is not read (one cache read, not two: a query each with the database cache).
    """
    if seconds <= 0:
        return compute()
    if content:
        key = f"content:{content_version()}:{get_language() or settings.LANGUAGE_CODE}:{name}"
    else:
        key = f"digest:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds)
    return value
