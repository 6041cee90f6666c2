"""Loader steps for `manage.py load_demo`: write the demo data, touching only what differs.

A step is a callable taking a `Tally`. It writes through `upsert` (or `sync_rows`) so that a
second run saves nothing: no `updated` timestamps move and no simple-history rows are added.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db import models
from django.db.models import Count, Max, Q, Sum
from django.utils import timezone

from dcrnet.community.models import DEMO_EMAIL_DOMAIN, User
from dcrnet.directory.models import (
    Country,
    Facility,
    Highlight,
    OpeningHours,
    ProfileSnapshot,
    SnapshotCriterion,
    SnapshotRoute,
    SnapshotService,
    StatusChange,
)
from dcrnet.directory.services import (
    delete_snapshot,
    delete_status_change,
    record_snapshot,
    record_status,
)
from dcrnet.forum.models import Category, Post, PostStatus, Thread
from dcrnet.organisations.models import Organisation
from dcrnet.organisations.models import Status as OrganisationStatus
from dcrnet.pages.models import TRANSLATED_FIELDS, Page

from .data.countries import COUNTRIES
from .data.facilities import FACILITIES, HIGHLIGHT, HIGHLIGHT_TRANSLATIONS
from .data.forum import CATEGORIES, THREADS
from .data.organisations import organisations
from .data.pages import PAGES
from .data.sources import SOURCES

CREATED, UPDATED, UNCHANGED, REMOVED = "created", "updated", "unchanged", "removed"
DEMO_SOURCE_URLS = frozenset(url for _, url in SOURCES.values())


class Tally:
    """Counts of created / updated / unchanged rows, by label, in the order first seen."""

    def __init__(self) -> None:
        self.counts: dict[str, Counter[str]] = {}

    def add(self, label: str, outcome: str) -> None:
        self.counts.setdefault(label, Counter())[outcome] += 1

    @property
    def changed(self) -> int:
        return sum(c[CREATED] + c[UPDATED] + c[REMOVED] for c in self.counts.values())

    def lines(self) -> list[str]:
        lines = []
        for label, c in self.counts.items():
            line = f"{label}: {c[CREATED]} created, {c[UPDATED]} updated, {c[UNCHANGED]} unchanged"
            lines.append(line + (f", {c[REMOVED]} removed" if c[REMOVED] else ""))
        return lines


def upsert(
    model: type[models.Model],
    lookup: dict[str, Any],
    values: dict[str, Any],
    tally: Tally,
    label: str | None = None,
    on_create: dict[str, Any] | None = None,
) -> models.Model:
    """Create the row, or update only the fields that differ; save nothing when none does.

    `on_create` holds values set only when the row is created (a decision time, say), never
    compared afterwards.
    """
    label = label or str(model._meta.verbose_name_plural)
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values, **(on_create or {}))
        outcome = CREATED
    else:
        changed = {k: v for k, v in values.items() if getattr(obj, k) != v}
        if not changed:
            tally.add(label, UNCHANGED)
            return obj
        for field, value in changed.items():
            setattr(obj, field, value)
        outcome = UPDATED
    obj.full_clean(validate_unique=False, validate_constraints=False)
    obj.save()
    tally.add(label, outcome)
    return obj


def sync_rows(
    manager: models.Manager,
    fields: tuple[str, ...],
    rows: Iterable[tuple],
    tally: Tally,
    label: str,
) -> None:
    """Make a parent's child rows equal to `rows`; replace them only when they differ."""
    wanted = sorted(rows, key=repr)
    existing = list(manager.all())
    current = sorted((tuple(getattr(o, f) for f in fields) for o in existing), key=repr)
    if current == wanted:
        tally.add(label, UNCHANGED)
        return
    for obj in existing:
        obj.delete()
    for row in wanted:
        obj = manager.model(
            **{manager.field.name: manager.instance}, **dict(zip(fields, row, strict=True))
        )
        obj.full_clean(validate_unique=False, validate_constraints=False)
        obj.save()
    tally.add(label, UPDATED if existing else CREATED)


def _time(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


def load_countries(tally: Tally) -> None:
    for row in COUNTRIES:
        values = {k: v for k, v in row.items() if k != "code"}
        upsert(Country, {"code": row["code"]}, values, tally)


def load_facilities(tally: Tally) -> None:
    countries = {c.code.code: c for c in Country.objects.all()}
    for row in FACILITIES:
        values = {
            "name": row["name"],
            "operator": row.get("operator", ""),
            "city": row["city"],
            "country": countries[row["country"]],
            "model": row.get("model", "integrated"),
            "website": row.get("website", ""),
            "description": row["description"].strip(),
            "latitude": Decimal(row["latitude"]),
            "longitude": Decimal(row["longitude"]),
            "publish_exact_location": False,
            "published": True,
        }
        facility = upsert(Facility, {"public_id": row["public_id"]}, values, tally)
        for change in row["statuses"]:
            load_status(facility, change, tally)
        for snap in row["snapshots"]:
            load_snapshot(facility, snap, tally)
        prune(facility, row, tally)


def load_status(facility: Facility, change: dict, tally: Tally) -> None:
    """One entry of the status history, written through the directory's service (which keeps
    the facility's current status); nothing is saved when the entry is already as given."""
    label = str(StatusChange._meta.verbose_name_plural)
    values = {k: change[k] for k in ("source", "source_url", "note")}
    key = {"date": change["date"], "status": change["status"]}
    existing = facility.status_changes.filter(**key).first()
    if existing is not None and all(getattr(existing, k) == v for k, v in values.items()):
        tally.add(label, UNCHANGED)
        return
    record_status(facility, change["status"], change["date"], **values)
    tally.add(label, CREATED if existing is None else UPDATED)


def prune(facility: Facility, row: dict, tally: Tally) -> None:
    """Remove status changes and snapshots this loader wrote earlier that the data no longer has.

    Rows citing a source the demo data does not cite were added by editors and are kept.
    """
    keep_changes = {(c["date"], c["status"]) for c in row["statuses"]}
    for change in facility.status_changes.filter(source_url__in=DEMO_SOURCE_URLS):
        if (change.date, change.status) not in keep_changes:
            delete_status_change(change)
            tally.add(str(StatusChange._meta.verbose_name_plural), REMOVED)
    keep_snapshots = {s["as_of"] for s in row["snapshots"]}
    for snapshot in facility.snapshots.filter(source_url__in=DEMO_SOURCE_URLS):
        if snapshot.as_of not in keep_snapshots:
            delete_snapshot(snapshot)
            tally.add(str(ProfileSnapshot._meta.verbose_name_plural), REMOVED)


def load_snapshot(facility: Facility, snap: dict, tally: Tally) -> ProfileSnapshot:
    """One dated snapshot, written through the directory's service (which keeps the facility's
    current profile), then its rows; nothing is saved where the data is already as given."""
    label = str(ProfileSnapshot._meta.verbose_name_plural)
    fields = ("source", "source_url", "minimum_age", "other_criteria", "hours_note", "notes")
    values = {k: snap[k] for k in fields}
    snapshot = facility.snapshots.filter(as_of=snap["as_of"]).first()
    if snapshot is not None and all(getattr(snapshot, k) == v for k, v in values.items()):
        tally.add(label, UNCHANGED)
    else:
        outcome = CREATED if snapshot is None else UPDATED
        snapshot = record_snapshot(facility, snap["as_of"], **values)
        tally.add(label, outcome)
    sync_rows(
        snapshot.routes,
        ("route", "places"),
        list(snap["routes"].items()),
        tally,
        str(SnapshotRoute._meta.verbose_name_plural) + " (per snapshot)",
    )
    sync_rows(
        snapshot.services,
        ("service",),
        [(s,) for s in snap["services"]],
        tally,
        str(SnapshotService._meta.verbose_name_plural) + " (per snapshot)",
    )
    sync_rows(
        snapshot.criteria,
        ("criterion",),
        [(c,) for c in snap["criteria"]],
        tally,
        str(SnapshotCriterion._meta.verbose_name_plural) + " (per snapshot)",
    )
    sync_rows(
        snapshot.opening_hours,
        ("weekday", "opens", "closes"),
        [(day, _time(opens), _time(closes)) for day, opens, closes in snap["hours"]],
        tally,
        str(OpeningHours._meta.verbose_name_plural) + " (per snapshot)",
    )
    return snapshot


def load_pages(tally: Tally) -> None:
    """Each page with its title, summary and body in every language of the data."""
    for row in PAGES:
        values = {"menu_order": row["menu_order"], "published": True}
        for language, text in row["text"].items():
            for field in TRANSLATED_FIELDS:
                values[f"{field}_{language}"] = text[field].strip()
        upsert(Page, {"slug": row["slug"]}, values, tally)


def load_highlight(tally: Tally) -> None:
    """Abrigado as this month's highlight (a rerun next month schedules that month too)."""
    month = timezone.localdate().replace(day=1)
    facility = Facility.objects.get(public_id=HIGHLIGHT["facility"])
    values = {
        "facility": facility,
        "title_en": HIGHLIGHT["title"],
        "text_en": HIGHLIGHT["text"].strip(),
    }
    for language, texts in HIGHLIGHT_TRANSLATIONS.items():
        values[f"title_{language}"] = texts["title"]
        values[f"text_{language}"] = texts["text"].strip()
    upsert(Highlight, {"month": month}, values, tally)


def load_organisations(tally: Tally) -> None:
    """The operators of the demo facilities and INDCR, approved, each with its source."""
    facilities = {f.public_id: f for f in Facility.objects.all()}
    by_id = {row["public_id"]: row for row in FACILITIES}
    for row in organisations(by_id):
        values = {k: row[k] for k in ("name", "kind", "country", "website", "source", "statement")}
        values["status"] = OrganisationStatus.APPROVED
        organisation = upsert(
            Organisation,
            {"slug": row["slug"]},
            values,
            tally,
            on_create={"decided_at": timezone.now()},
        )
        wanted = {facilities[public_id].pk for public_id in row["facilities"]}
        current = set(organisation.facilities.values_list("pk", flat=True))
        if current != wanted:
            organisation.facilities.set(wanted)
            tally.add("organisation facilities", UPDATED if current else CREATED)


def load_categories(tally: Tally) -> None:
    """The forum's six categories, named and described in every language of the data."""
    for row in CATEGORIES:
        values = {"position": row["position"], "public_readable": row["public_readable"]}
        for language, (name, description) in row["text"].items():
            values[f"name_{language}"] = name
            values[f"description_{language}"] = description
        upsert(Category, {"slug": row["slug"]}, values, tally)


def load_threads(tally: Tally) -> None:
    """The demonstration threads (is_demo), written by the demo accounts: load those first.

    A demo thread the data no longer has is removed; replies someone added to a demo thread
    are kept. The thread and category counters are brought up to date from the posts.
    """
    authors = {
        user.email.split("@")[0]: user
        for user in User.objects.filter(email__iendswith=f"@{DEMO_EMAIL_DOMAIN}")
    }
    categories = {c.slug: c for c in Category.objects.all()}
    titles = []
    for row in THREADS:
        titles.append(row["title"])
        first_author = authors[row["posts"][0][0]]
        thread = upsert(
            Thread,
            {"title": row["title"], "is_demo": True},
            {"category": categories[row["category"]], "author": first_author},
            tally,
            on_create={"last_post_at": timezone.now()},
        )
        for number, (author, body) in enumerate(row["posts"], start=1):
            upsert(
                Post,
                {"thread": thread, "number": number},
                {"author": authors[author], "body": body.strip(), "status": PostStatus.VISIBLE},
                tally,
            )
    for thread in Thread.objects.filter(is_demo=True).exclude(title__in=titles):
        thread.delete()
        tally.add(str(Thread._meta.verbose_name_plural), REMOVED)
    update_counters(Thread.objects.filter(is_demo=True), tally)


def update_counters(threads: models.QuerySet, tally: Tally) -> None:
    """Each thread's visible posts and last post, then every category's totals, where they
    differ (updates only: the counters have no history)."""
    visible = Q(posts__status=PostStatus.VISIBLE)
    for thread in threads.annotate(
        visible_posts=Count("posts", filter=visible), last=Max("posts__created_at", filter=visible)
    ):
        last = thread.last or thread.created_at
        if (thread.post_count, thread.last_post_at) != (thread.visible_posts, last):
            Thread.objects.filter(pk=thread.pk).update(
                post_count=thread.visible_posts, last_post_at=last
            )
            tally.add("thread counters", UPDATED)
    # As forum.services.refresh_category_counts: threads with a visible post count.
    with_posts = Q(threads__post_count__gt=0)
    for category in Category.objects.annotate(
        threads_=Count("threads", filter=with_posts),
        posts_=Sum("threads__post_count"),
        last_=Max("threads__last_post_at", filter=with_posts),
    ):
        wanted = (category.threads_, category.posts_ or 0, category.last_)
        if (category.thread_count, category.post_count, category.last_post_at) != wanted:
            Category.objects.filter(pk=category.pk).update(
                thread_count=wanted[0], post_count=wanted[1], last_post_at=wanted[2]
            )
            tally.add("category counters", UPDATED)
