"""Bulk writes: inside `writes()`, work that signal handlers would do once per saved row (search
indexing) is collected and done once, when the block ends. An app that writes in bulk (the
facility import) opens the block without knowing which handlers listen."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Hashable, Iterable, Iterator

from django.dispatch import Signal

_state = threading.local()

# Rows made with bulk_create send no post_save: the writer sends this instead (sender: the
# model, pks: the new rows), and whoever follows saves of that model (the content cache, the
# site search) treats them as saved.
created = Signal()


@contextlib.contextmanager
def writes() -> Iterator[None]:
    """Deferred work runs at the end of the outermost block; none if the block raises."""
    if getattr(_state, "pending", None) is not None:
        yield
        return
    _state.pending = {}
    try:
        yield
        pending = _state.pending
    finally:
        _state.pending = None
    for callback, ids in pending.values():
        callback(ids)


def active() -> bool:
    return getattr(_state, "pending", None) is not None


def defer(key: Hashable, ids: Iterable, callback: Callable[[set], None]) -> bool:
    """Inside a block: keep `ids` for one `callback(ids)` per key at its end, and return True.
    Outside: False (the caller does the work now)."""
    pending = getattr(_state, "pending", None)
    if pending is None:
        return False
    pending.setdefault(key, (callback, set()))[1].update(ids)
    return True
