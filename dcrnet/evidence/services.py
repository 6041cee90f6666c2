"""Writes of the evidence library: imports (plan, then apply) and suggestions."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from dcrnet.lib import bulk

from . import formats
from .formats import Problem, Record, ReferenceImportError
from .models import PendingImport, Person, Reference, Suggestion, Term, dedup_key

PENDING_IMPORT_LIFETIME = dt.timedelta(hours=24)


class Status:
    NEW = "new"
    DUPLICATE = "duplicate"
    INVALID = "invalid"


@dataclass
class PlannedRecord:
    record: Record
    status: str
    existing: Reference | None = None
    matched_by: str = ""
    duplicate_of_line: int | None = None

    @property
    def line(self) -> int:
        return self.record.line

    @property
    def title(self) -> str:
        return self.record.csl.get("title", "")

    @property
    def year(self):
        return (self.record.csl.get("issued") or {}).get("date-parts", [[None]])[0][0]

    @property
    def first_author(self) -> str:
        authors = self.record.csl.get("author") or []
        return (authors[0].get("family") or authors[0].get("literal", "")) if authors else ""


@dataclass
class ImportPlan:
    format: str
    items: list[PlannedRecord] = field(default_factory=list)

    def of(self, status: str) -> list[PlannedRecord]:
        return [item for item in self.items if item.status == status]

    @property
    def new(self) -> list[PlannedRecord]:
        return self.of(Status.NEW)

    @property
    def duplicates(self) -> list[PlannedRecord]:
        return self.of(Status.DUPLICATE)

    @property
    def invalid(self) -> list[PlannedRecord]:
        return self.of(Status.INVALID)

    @property
    def problems(self) -> list[Problem]:
        return [p for item in self.invalid for p in item.record.problems]


@dataclass
class ImportOutcome:
    created: list[Reference] = field(default_factory=list)
    updated: list[Reference] = field(default_factory=list)
    skipped: int = 0
    left_out: int = 0


def _first_family(csl: dict) -> str:
    authors = csl.get("author") or []
    if not authors:
        return ""
    return authors[0].get("family") or authors[0].get("literal", "")


def plan_import(data: bytes | str, fmt: str | None = None) -> ImportPlan:
    """Read the whole file and sort every record into new, duplicate or invalid. No writes."""
    fmt, records = formats.read(data, fmt)
    plan = ImportPlan(fmt)
    dois = {r.csl["DOI"].lower() for r in records if r.csl.get("DOI")}
    pmids = {r.csl["PMID"] for r in records if r.csl.get("PMID")}
    by_doi: dict[str, Reference] = {}
    if dois:  # DOIs are compared without case, as the database constraint does
        matches = Reference.objects.annotate(doi_lower=Lower("doi")).filter(doi_lower__in=dois)
        by_doi = {ref.doi.lower(): ref for ref in matches}
    by_pmid = {ref.pmid: ref for ref in Reference.objects.filter(pmid__in=pmids)} if pmids else {}
    keys = {}
    titles = {formats_key(r.csl) for r in records if r.valid}
    if titles:
        years = {k.split("|")[1] for k in titles}
        candidates = Reference.objects.filter(
            year__in=[int(y) for y in years if y]
        ).prefetch_related("people")
        keys = {ref.dedup_key(): ref for ref in candidates if ref.dedup_key() in titles}
    seen: dict[str, int] = {}
    for record in records:
        if not record.valid:
            plan.items.append(PlannedRecord(record, Status.INVALID))
            continue
        csl = record.csl
        doi, pmid, key = (csl.get("DOI") or "").lower(), csl.get("PMID") or "", formats_key(csl)
        item = PlannedRecord(record, Status.NEW)
        if doi and doi in by_doi:
            item.status, item.existing, item.matched_by = Status.DUPLICATE, by_doi[doi], "DOI"
        elif pmid and pmid in by_pmid:
            item.status, item.existing, item.matched_by = Status.DUPLICATE, by_pmid[pmid], "PMID"
        elif key in keys:
            item.status, item.existing, item.matched_by = (
                Status.DUPLICATE,
                keys[key],
                _("title, year and first author"),
            )
        else:
            for marker, label in (
                (f"doi:{doi}", "DOI"),
                (f"pmid:{pmid}", "PMID"),
                (f"key:{key}", None),
            ):
                if marker.split(":", 1)[1] and marker in seen:
                    item.status, item.duplicate_of_line = Status.DUPLICATE, seen[marker]
                    item.matched_by = label or _("title, year and first author")
                    break
        for marker in (f"doi:{doi}", f"pmid:{pmid}", f"key:{key}"):
            if marker.split(":", 1)[1]:
                seen.setdefault(marker, record.line)
        plan.items.append(item)
    return plan


def formats_key(csl: dict) -> str:
    date = (csl.get("issued") or {}).get("date-parts", [[None]])[0]
    return dedup_key(csl.get("title", ""), date[0] if date else None, _first_family(csl))


def _write_people(ref: Reference, csl: dict) -> None:
    ref.people.all().delete()
    people = []
    for role in (Person.Role.AUTHOR, Person.Role.EDITOR):
        for position, name in enumerate(csl.get(role, [])):
            people.append(
                Person(
                    reference=ref,
                    role=role,
                    position=position,
                    family=name.get("family", "")[:200] if not name.get("literal") else "",
                    given=name.get("given", "")[:200] if not name.get("literal") else "",
                    literal=name.get("literal", "")[:300],
                )
            )
    Person.objects.bulk_create(people)


def apply_import(
    plan: ImportPlan,
    *,
    duplicates: str = "skip",
    valid_only: bool = False,
    tags: list[Term] | None = None,
) -> ImportOutcome:
    """Write the plan in one transaction; any invalid record stops everything unless
    `valid_only`. Duplicates are skipped or update the existing reference."""
    if plan.invalid and not valid_only:
        raise ReferenceImportError(plan.problems)
    outcome = ImportOutcome(left_out=len(plan.invalid))
    with transaction.atomic(), bulk.writes():  # each reference indexed once
        for item in plan.items:
            if item.status == Status.INVALID:
                continue
            if item.status == Status.DUPLICATE:
                if duplicates != "update" or item.existing is None:
                    outcome.skipped += 1
                    continue
                ref = item.existing
                for name, value in formats.reference_fields(item.record.csl).items():
                    if value not in ("", None):
                        setattr(ref, name, value)
                ref.save()
                if item.record.csl.get("author") or item.record.csl.get("editor"):
                    _write_people(ref, item.record.csl)
                outcome.updated.append(ref)
            else:
                ref = Reference.objects.create(**formats.reference_fields(item.record.csl))
                _write_people(ref, item.record.csl)
                outcome.created.append(ref)
            if tags:
                ref.terms.add(*tags)
    return outcome


def import_file(
    data: bytes | str, fmt: str | None = None, **options
) -> tuple[ImportPlan, ImportOutcome]:
    plan = plan_import(data, fmt)
    return plan, apply_import(plan, **options)


# --- Import in two steps: check (stage), then confirm once ---------------------------------


class ImportNotPending(Exception):
    """The confirmation's token is unknown, expired, someone else's, or already used."""


class InvalidRecords(ReferenceImportError):
    """The file has invalid records and the editor did not choose to leave them out."""

    def __init__(self, plan: ImportPlan):
        self.plan = plan
        super().__init__(plan.problems)


def stage_import(
    user, data: bytes, fmt: str | None = None, tags: list[Term] | None = None
) -> tuple[ImportPlan, PendingImport]:
    """Check a file (ReferenceImportError if it cannot be read) and keep it for confirmation."""
    plan = plan_import(data, fmt)
    with transaction.atomic():
        PendingImport.objects.filter(created__lt=timezone.now() - PENDING_IMPORT_LIFETIME).delete()
        pending = PendingImport.objects.create(
            token=secrets.token_urlsafe(32),
            user=user,
            text=formats.decode(data),
            format=plan.format,
            tag_ids=[term.pk for term in tags or []],
        )
    return plan, pending


def confirm_import(
    user, token: str, *, duplicates: str = "skip", valid_only: bool = False
) -> ImportOutcome:
    """Import a staged file once. The first statement claims the row with an UPDATE whose row
    count says who won: parallel confirmations wait for the winner's transaction and then find
    nothing left to claim (ImportNotPending). Invalid records (InvalidRecords) roll the claim
    back, so the editor may still confirm with `valid_only`."""
    fresh_since = timezone.now() - PENDING_IMPORT_LIFETIME
    with transaction.atomic():
        claimed = PendingImport.objects.filter(
            token=token, user=user, used=False, created__gte=fresh_since
        ).update(used=True)
        if not claimed:
            raise ImportNotPending(token)
        pending = PendingImport.objects.get(token=token)
        plan = plan_import(pending.text, pending.format)  # the library may have moved since
        if plan.invalid and not valid_only:
            raise InvalidRecords(plan)
        tags = list(Term.objects.filter(pk__in=pending.tag_ids))
        outcome = apply_import(plan, duplicates=duplicates, valid_only=valid_only, tags=tags)
        pending.delete()
    return outcome


# --- Suggestions -------------------------------------------------------------------------


def hash_ip(ip: str) -> str:
    return hashlib.sha256(f"{settings.SECRET_KEY}:{ip}".encode()).hexdigest()


def suggest(*, doi: str, pmid: str, citation: str, note: str, email: str, ip: str) -> Suggestion:
    return Suggestion.objects.create(
        doi=doi, pmid=pmid, citation=citation, note=note, email=email, ip_hash=hash_ip(ip)
    )
