"""Loader steps for `manage.py load_demo`: write the demo data, touching only what differs.

A step is a callable taking a `Tally`. It writes through `upsert` (or the facility importer) so
that a second run saves nothing: no `updated` timestamps move and no simple-history rows are
added.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
from collections import Counter
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError
from django.db import models
from django.db.models import Count, Max, Q, Sum
from django.utils import timezone
from django_countries import countries as iso_countries

from dcrnet.community.models import DEMO_EMAIL_DOMAIN, User
from dcrnet.directory import imports
from dcrnet.directory.imports import match_key
from dcrnet.directory.models import Country, Facility, Highlight, ProfileSnapshot, StatusChange
from dcrnet.directory.services import delete_snapshot, delete_status_change
from dcrnet.forum.models import Category, Post, PostStatus, Thread
from dcrnet.organisations.models import Organisation
from dcrnet.organisations.models import Status as OrganisationStatus
from dcrnet.pages.models import TRANSLATED_FIELDS, Page

from .data.countries import COUNTRIES
from .data.facilities import HIGHLIGHT, HIGHLIGHT_TRANSLATIONS
from .data.forum import CATEGORIES, THREADS
from .data.organisations import organisations
from .data.pages import PAGES
from .data.sources import SOURCES

CREATED, UPDATED, UNCHANGED, REMOVED = "created", "updated", "unchanged", "removed"
# The demo's facilities: every *.json here, in the format of docs/facility-data.md.
FACILITY_FILES = Path(__file__).resolve().parent / "data" / "facilities"
COUNTRY_FIELDS = ("code", "legal_basis", "political_situation", "source_title", "source_url")


class Tally:
    """Counts of created / updated / unchanged rows, by label, in the order first seen."""

    def __init__(self) -> None:
        self.counts: dict[str, Counter[str]] = {}

    def add(self, label: str, outcome: str, count: int = 1) -> None:
        self.counts.setdefault(label, Counter())[outcome] += count

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


@dataclasses.dataclass(frozen=True)
class FacilityFiles:
    """The demo's facility files, read and checked: what the loader steps need of them."""

    # The importer's records, and the files' facility objects as written (in the same order).
    records: list[dict]
    items: list[dict]
    # Country profiles the files add, by code, as Country values (English columns).
    countries: dict[str, dict]
    # Every URL the files cite: a row citing one of them was written by this loader.
    source_urls: frozenset[str]


def sample_facility_ids() -> list[str]:
    """The facilities of the first demo file (core.json): the sample the synthetic monthly
    history is made for (the whole directory would quadruple the demo for no new feature)."""
    data = json.loads((FACILITY_FILES / "core.json").read_text(encoding="utf-8"))
    return [item["public_id"] for item in data["facilities"]]


def facility_files(folder: Path | None = None) -> FacilityFiles:
    """Every *.json of `folder` (FACILITY_FILES) in name order, parsed; one bad file refuses
    them all: CommandError names every problem with its file, line and field."""
    paths = sorted((folder or FACILITY_FILES).glob("*.json"))
    signature = tuple((p, p.stat().st_mtime_ns, p.stat().st_size) for p in paths)
    return _read_facility_files(signature)


@functools.lru_cache(maxsize=2)
def _read_facility_files(signature: tuple) -> FacilityFiles:
    # Cached by the files' names, times and sizes: load_demo reads them in three steps.
    problems: list[str] = []
    records: list[dict] = []
    items: list[dict] = []
    profiles: dict[str, tuple[dt.date, str, dict]] = {}
    seen: dict[str, str] = {}
    # The importer matches a facility by public_id, else by country, city and name: two items
    # of one place in two files would overwrite each other on every run.
    places: dict[tuple[str, str, str], str] = {}
    for path, _mtime, _size in signature:
        data = path.read_bytes()
        try:
            parsed = imports.parse(data, "json")
        except imports.ImportRefused as refused:
            problems += [f"{path.name}: {problem}" for problem in refused.problems]
            continue
        document = json.loads(data)
        for record in parsed:
            public_id = record["public_id"]
            if not public_id:
                problems.append(f"{path.name}: line {record['line']}: give a public_id.")
            elif public_id in seen:
                problems.append(f"{path.name}: {public_id} is also in {seen[public_id]}.")
            else:
                seen[public_id] = path.name
            fields = record["fields"]
            place = match_key(fields["country"], fields["city"], fields["name"])
            if place in places and places[place] != public_id:
                problems.append(
                    f"{path.name}: {public_id} is the facility {places[place]} (same country,"
                    " city and name)."
                )
            places.setdefault(place, public_id)
        records += parsed
        items += document["facilities"]
        file_countries = document.get("countries", [])
        if not isinstance(file_countries, list):
            problems.append(f"{path.name}: countries: give a list.")
            file_countries = []
        for index, row in enumerate(file_countries):
            where = f"{path.name}: countries[{index}]"
            try:
                values = _file_country(row)
            except (KeyError, TypeError, ValueError, AttributeError) as error:
                problems.append(f"{where}: give {', '.join(COUNTRY_FIELDS)} and as_of ({error}).")
                continue
            code = row["code"].upper()
            if code in {c["code"] for c in COUNTRIES}:
                problems.append(f"{where}: {code} is a country of data/countries.py.")
            # Two files may profile one country: the later source (as_of) is the profile.
            key = (values["as_of"], path.name, values)
            if code not in profiles or key[:2] > profiles[code][:2]:
                profiles[code] = key
    if problems:
        raise CommandError("The demo's facility files are refused:\n" + "\n".join(problems))
    urls = {url for _title, url in SOURCES.values()}
    for record in records:
        urls.add(record["fields"].get("source_url") or "")
        urls.update(e["source_url"] for e in record["status_history"] + record["snapshots"])
    urls.discard("")
    return FacilityFiles(
        records=records,
        items=items,
        countries={code: values for code, (_as_of, _name, values) in sorted(profiles.items())},
        source_urls=frozenset(urls),
    )


def _file_country(row: dict) -> dict:
    """A file's country profile ({code, legal_basis, political_situation, source_title,
    source_url, as_of}) as Country values, its texts in the English columns."""
    if set(row) - {*COUNTRY_FIELDS, "as_of"}:
        raise ValueError(f"unknown members {sorted(set(row) - {*COUNTRY_FIELDS, 'as_of'})}")
    if not all(isinstance(row[k], str) for k in COUNTRY_FIELDS):
        raise TypeError("every member but as_of is a text")
    if row["code"].upper() not in iso_countries:
        raise ValueError(f"{row['code']!r} is not an ISO 3166-1 alpha-2 code")
    return {
        "legal_basis_en": row["legal_basis"].strip(),
        "political_situation_en": row["political_situation"].strip(),
        "source_title": row["source_title"].strip(),
        "source_url": row["source_url"].strip(),
        "as_of": dt.date.fromisoformat(row["as_of"]),
    }


def load_countries(tally: Tally) -> None:
    """The profiles of data/countries.py, then those the facility files add (CO, IS, ...)."""
    for row in COUNTRIES:
        values = {k: v for k, v in row.items() if k != "code"}
        upsert(Country, {"code": row["code"]}, values, tally)
    for code, values in facility_files().countries.items():
        upsert(Country, {"code": code}, values, tally)


def load_facilities(tally: Tally) -> None:
    """Every facility of the facility files through the directory's importer, then `prune`.

    All files are parsed before anything is written: one bad file refuses them all. The
    importer (imports.apply) matches by public_id, saves only what differs (a second run writes
    nothing, the tally then counts every facility, status entry and snapshot as unchanged) and
    never deletes: a facility a file no longer has stays, and so does `published` as an editor
    set it. Its history rows give "load_demo" as the reason.
    """
    files = facility_files()
    report = imports.apply(files.records, reason="load_demo")
    label = str(Facility._meta.verbose_name_plural)
    tally.add(label, CREATED, len(report.created))
    tally.add(label, UPDATED, len(report.updated))
    tally.add(label, UNCHANGED, len(report.unchanged))
    entries = [
        (StatusChange, "status_history", report.statuses_created, report.statuses_updated),
        (ProfileSnapshot, "snapshots", report.snapshots_created, report.snapshots_updated),
    ]
    for model, key, created, updated in entries:
        total = sum(len(record[key]) for record in files.records)
        label = str(model._meta.verbose_name_plural)
        tally.add(label, CREATED, created)
        tally.add(label, UPDATED, updated)
        tally.add(label, UNCHANGED, total - created - updated)
    prune(files, tally)


def prune(files: FacilityFiles, tally: Tally) -> None:
    """Remove the status entries and snapshots of the files' facilities that cite a source the
    files cite (or data/sources.py has) but that the facility's item no longer has.

    The importer never deletes, but the demo is its files: such a row was written by an earlier
    run from an entry since removed or re-dated (a corrected date would otherwise leave the
    wrong one beside it). Rows citing any other source were added by editors and are kept.
    """
    by_id = {
        f.public_id: f
        for f in Facility.objects.filter(
            public_id__in=[r["public_id"] for r in files.records]
        ).prefetch_related("status_changes", "snapshots")
    }
    for record in files.records:
        facility = by_id[record["public_id"]]
        keep_changes = {(c["date"], c["status"]) for c in record["status_history"]}
        for change in facility.status_changes.all():
            if change.source_url in files.source_urls and (
                (change.date, change.status) not in keep_changes
            ):
                delete_status_change(change)
                tally.add(str(StatusChange._meta.verbose_name_plural), REMOVED)
        keep_snapshots = {s["as_of"] for s in record["snapshots"]}
        for snapshot in facility.snapshots.all():
            if snapshot.source_url in files.source_urls and snapshot.as_of not in keep_snapshots:
                delete_snapshot(snapshot)
                tally.add(str(ProfileSnapshot._meta.verbose_name_plural), REMOVED)


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
    by_id = {item["public_id"]: item for item in facility_files().items}
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
