"""Keeping the site index in step with the sections: every save, delete and many-to-many change
of a source row (or of what its entries name) rewrites its entries, from the row as the
database then holds it, inside the writer's transaction.

On PostgreSQL the writers of the index take turns (lib.postings locks the index until the
transaction ends). A writer that already holds row locks of its own and found the index busy
would wait there while the index's holder may wait for its rows: a deadlock (a member opening
a thread locks the category, then indexes; a reply indexes, then updates the category). So a
writer inside a transaction only *tries* the index's lock: when busy, its entries are written
right after its commit instead, in a transaction of their own that holds nothing else. Either
way the entries are read from the rows as committed at that time, in turn, so the last word
is always the database's.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable
from typing import Any

from django.db import connections, router, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from dcrnet.lib import bulk, search

from . import sources
from .models import Entry

logger = logging.getLogger(__name__)

FIELDS = (
    "translations",
    "key",
    "title",
    "keywords",
    "text",
    "date",
    "public",
    "public_from",
    "forum_category",
    "owner_id",
)
DEFAULTS: dict[str, Any] = {
    "translations": 0,
    "keywords": "",
    "text": "",
    "date": None,
    "public": False,
    "public_from": None,
    "forum_category": None,
    "owner_id": None,
}
LOCK = "sitesearch_entry"
CHUNK = 500


def document(entry: Entry) -> dict[str, str]:
    return {"title": entry.title, "keywords": entry.keywords, "text": entry.text}


INDEX = search.register(
    Entry, fields={"title": "A", "keywords": "B", "text": "C"}, document=document
)


def _connection():
    return connections[router.db_for_write(Entry)]


def _take_turn(connection, *, wait: bool) -> bool:
    """The index's turn for this transaction (PostgreSQL; SQLite has one writer anyway)."""
    if connection.vendor != "postgresql":
        return True
    with connection.cursor() as cursor:
        if wait:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [LOCK])
            return True
        cursor.execute("SELECT pg_try_advisory_xact_lock(hashtext(%s))", [LOCK])
        return bool(cursor.fetchone()[0])


def resync(kind: str, ids: Iterable[int]) -> None:
    """Make the entries of these rows of `kind` what the rows say (none for a row that is
    gone or not to be found)."""
    ids = sorted({int(pk) for pk in ids if pk is not None})
    if not ids:
        return
    if bulk.defer(("sitesearch", kind), ids, functools.partial(resync, kind)):
        return  # once, at the end of the bulk write
    connection = _connection()
    if not connection.in_atomic_block:
        _resync_in_turn(kind, ids)
    elif _take_turn(connection, wait=False):
        with transaction.atomic(using=connection.alias):
            apply(kind, ids)
    else:
        transaction.on_commit(
            lambda: _resync_in_turn(kind, ids), using=connection.alias, robust=True
        )


def _resync_in_turn(kind: str, ids: list[int]) -> None:
    connection = _connection()
    with transaction.atomic(using=connection.alias):
        _take_turn(connection, wait=True)
        apply(kind, ids)


def apply(kind: str, ids: Iterable[int], *, write_index: bool = True) -> int:
    """Rewrite the entries of `ids` (call with the index's turn taken); returns how many
    entries changed. Without `write_index` the rows only (a full rebuild indexes after)."""
    source = sources.load()[kind]
    ids = list(ids)
    changed_total = 0
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        wanted: dict[tuple[int, str], dict[str, Any]] = {}
        for obj in source.rows().filter(pk__in=chunk):
            for row in source.entries(obj):
                data = {**DEFAULTS, **row}
                wanted[(obj.pk, data.pop("language", ""))] = data
        existing = {
            (entry.object_id, entry.language): entry
            for entry in Entry.objects.filter(kind=kind, object_id__in=chunk)
        }
        changed, new = [], []
        for (object_id, language), data in wanted.items():
            entry = existing.pop((object_id, language), None)
            if entry is None:
                new.append(Entry(kind=kind, object_id=object_id, language=language, **data))
            elif any(getattr(entry, name) != data[name] for name in FIELDS):
                for name in FIELDS:
                    setattr(entry, name, data[name])
                changed.append(entry)
        gone = [entry.pk for entry in existing.values()]
        if changed:
            Entry.objects.bulk_update(changed, FIELDS)
        if new:
            Entry.objects.bulk_create(new)
        if gone:
            Entry.objects.filter(pk__in=gone).delete()
        if write_index:
            for pk in gone:
                search.remove(Entry, pk)
            search.update(changed + new)
        changed_total += len(changed) + len(new) + len(gone)
    return changed_total


def rebuild(kinds: Iterable[str] | None = None) -> dict[str, int]:
    """Every entry made again from its row, then the whole index written again from the
    entries (`manage.py reindex_site`); returns the number of entries per kind."""
    connection = _connection()
    chosen = list(kinds or sources.load())
    with transaction.atomic(using=connection.alias):
        _take_turn(connection, wait=True)
        for kind in chosen:
            source = sources.load()[kind]
            ids = set(source.model._default_manager.values_list("pk", flat=True))
            ids |= set(Entry.objects.filter(kind=kind).values_list("object_id", flat=True))
            apply(kind, sorted(ids), write_index=False)
        search.rebuild(Entry)
    return {kind: Entry.objects.filter(kind=kind).count() for kind in chosen}


# --- Signals -------------------------------------------------------------------------------

_PENDING = "_sitesearch_pending"


def _keep(instance, key: str, ids: Iterable[int]) -> None:
    """Ids read before a delete, for after it (the rows linking them go with it)."""
    instance.__dict__.setdefault(_PENDING, {})[key] = list(ids)


def _kept(instance, key: str) -> list[int]:
    return instance.__dict__.get(_PENDING, {}).pop(key, [])


def _connect_source(source: sources.Source) -> None:
    kind, model = source.kind, source.model

    def saved(sender, instance, raw=False, **kwargs):
        if not raw:
            resync(kind, [instance.pk])

    def deleted(sender, instance, **kwargs):
        resync(kind, [instance.pk])

    def created(sender, pks, **kwargs):
        resync(kind, pks)

    post_save.connect(saved, sender=model, weak=False, dispatch_uid=f"sitesearch-{kind}-saved")
    bulk.created.connect(
        created, sender=model, weak=False, dispatch_uid=f"sitesearch-{kind}-created"
    )
    post_delete.connect(
        deleted, sender=model, weak=False, dispatch_uid=f"sitesearch-{kind}-deleted"
    )
    for name in source.m2m:
        _connect_m2m(source, name)
    for number, dependent in enumerate(source.dependents):
        _connect_dependent(source, dependent, f"sitesearch-{kind}-dependent-{number}")


def _connect_m2m(source: sources.Source, name: str) -> None:
    kind = source.kind
    field = source.model._meta.get_field(name)
    through = field.remote_field.through
    own, other = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
    key = f"{kind}-{name}"

    def linked(other_pk: int) -> list[int]:
        return list(through.objects.filter(**{other: other_pk}).values_list(own, flat=True))

    def changed(sender, instance, action, reverse, pk_set, **kwargs):
        if not reverse:  # the source row's own field
            if action in {"post_add", "post_remove", "post_clear"}:
                resync(kind, [instance.pk])
        elif action == "pre_clear":
            _keep(instance, key, linked(instance.pk))
        elif action in {"post_add", "post_remove"}:
            resync(kind, pk_set or ())
        elif action == "post_clear":
            resync(kind, _kept(instance, key))

    def deleting(sender, instance, **kwargs):
        _keep(instance, key, linked(instance.pk))

    def deleted(sender, instance, **kwargs):
        resync(kind, _kept(instance, key))

    uid = f"sitesearch-{key}"
    m2m_changed.connect(changed, sender=through, weak=False, dispatch_uid=uid)
    target = field.related_model
    pre_delete.connect(deleting, sender=target, weak=False, dispatch_uid=f"{uid}-deleting")
    post_delete.connect(deleted, sender=target, weak=False, dispatch_uid=f"{uid}-deleted")


def _connect_dependent(source: sources.Source, dependent: sources.Dependent, uid: str) -> None:
    kind = source.kind

    def saved(sender, instance, raw=False, **kwargs):
        if not raw:
            resync(kind, dependent.ids(instance))

    def deleting(sender, instance, **kwargs):
        _keep(instance, uid, dependent.ids(instance))

    def deleted(sender, instance, **kwargs):
        resync(kind, _kept(instance, uid))

    model = dependent.model
    post_save.connect(saved, sender=model, weak=False, dispatch_uid=f"{uid}-saved")
    pre_delete.connect(deleting, sender=model, weak=False, dispatch_uid=f"{uid}-deleting")
    post_delete.connect(deleted, sender=model, weak=False, dispatch_uid=f"{uid}-deleted")


def connect() -> None:
    for source in sources.load().values():
        _connect_source(source)
