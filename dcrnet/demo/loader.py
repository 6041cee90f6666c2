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
from django.utils import timezone

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
from dcrnet.pages.models import TRANSLATED_FIELDS, Page

from .data.countries import COUNTRIES
from .data.facilities import FACILITIES, HIGHLIGHT, HIGHLIGHT_TRANSLATIONS
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
) -> models.Model:
    """Create the row, or update only the fields that differ; save nothing when none does."""
    label = label or str(model._meta.verbose_name_plural)
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
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
            upsert(
                StatusChange,
                {"facility": facility, "date": change["date"], "status": change["status"]},
                {k: change[k] for k in ("source", "source_url", "note")},
                tally,
            )
        for snap in row["snapshots"]:
            load_snapshot(facility, snap, tally)
        prune(facility, row, tally)


def prune(facility: Facility, row: dict, tally: Tally) -> None:
    """Remove status changes and snapshots this loader wrote earlier that the data no longer has.

    Rows citing a source the demo data does not cite were added by editors and are kept.
    """
    keep_changes = {(c["date"], c["status"]) for c in row["statuses"]}
    for change in facility.status_changes.filter(source_url__in=DEMO_SOURCE_URLS):
        if (change.date, change.status) not in keep_changes:
            change.delete()
            tally.add(str(StatusChange._meta.verbose_name_plural), REMOVED)
    keep_snapshots = {s["as_of"] for s in row["snapshots"]}
    for snapshot in facility.snapshots.filter(source_url__in=DEMO_SOURCE_URLS):
        if snapshot.as_of not in keep_snapshots:
            snapshot.delete()
            tally.add(str(ProfileSnapshot._meta.verbose_name_plural), REMOVED)


def load_snapshot(facility: Facility, snap: dict, tally: Tally) -> ProfileSnapshot:
    fields = ("source", "source_url", "minimum_age", "other_criteria", "hours_note", "notes")
    snapshot = upsert(
        ProfileSnapshot,
        {"facility": facility, "as_of": snap["as_of"]},
        {k: snap[k] for k in fields},
        tally,
    )
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
