"""Writes of the directory that carry a rule: what a facility's current status and profile are.

A facility's `status` and `status_since` are derived from its status history (the latest entry),
and its `current_snapshot` from its profile snapshots (the latest by date). Every write to the
history or to the snapshots goes through a function here, which writes the row and refreshes
the facility in one transaction, with the facility's row locked so that two writers of one
facility queue instead of each deriving the facility from what the other has not yet
committed. Nothing else writes `StatusChange` or `ProfileSnapshot` rows (the admin, the survey's
acceptance, the demo loader, the benchmark's seed and the tests' factories call these
functions); the models' own `save()` and `delete()` do nothing more. The one exception is the
facility import, which creates the rows of the facilities it creates in bulk and then sets
their current status and profile with `refresh_many`, by the same rule.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from .models import Facility, ProfileSnapshot, Status, StatusChange

__all__ = [
    "delete_snapshot",
    "delete_status_change",
    "record_snapshot",
    "record_status",
    "refresh_many",
    "save_snapshot",
    "save_status_change",
]


def _lock(facility: Facility) -> None:
    """Writers of one facility's history queue here until the first one commits.

    PostgreSQL: a row lock (NO KEY UPDATE, so rows that merely reference the facility do not
    wait). SQLite: select_for_update does nothing, but every transaction is IMMEDIATE
    (settings.SQLITE_OPTIONS), so it already holds the database's one write lock.
    """
    list(
        Facility.objects.select_for_update(no_key=True)
        .filter(pk=facility.pk)
        .values_list("pk", flat=True)
    )


# The one rule of what is current: the latest status entry, the latest snapshot (by id on a tie).
LATEST_STATUS = ("-date", "-id")
LATEST_SNAPSHOT = ("-as_of", "-id")


def _refresh(facility: Facility) -> None:
    """Set the facility's current status from the latest entry of its history (planned if none)."""
    latest = (
        StatusChange.objects.filter(facility_id=facility.pk)
        .order_by(*LATEST_STATUS)
        .values_list("status", "date")
        .first()
    )
    facility.status, facility.status_since = latest or (Status.PLANNED, None)
    Facility.objects.filter(pk=facility.pk).update(
        status=facility.status, status_since=facility.status_since
    )


def _refresh_snapshot(facility: Facility) -> None:
    """Set the facility's current snapshot to its latest by date (none if it has none)."""
    latest = (
        ProfileSnapshot.objects.filter(facility_id=facility.pk).order_by(*LATEST_SNAPSHOT).first()
    )
    facility.current_snapshot = latest
    Facility.objects.filter(pk=facility.pk).update(current_snapshot=latest)


def refresh_many(facilities: list[Facility], *, chunk: int = 500) -> None:
    """_refresh and _refresh_snapshot for many facilities at once, by the same rule: one UPDATE
    per `chunk` facilities instead of two queries and two updates per facility.

    For facilities whose rows nobody else can see or write yet (a bulk import creates them in
    its own transaction), so no lock is taken; the passed objects carry the result.
    """
    changes = StatusChange.objects.filter(facility_id=OuterRef("pk")).order_by(*LATEST_STATUS)
    snapshots = ProfileSnapshot.objects.filter(facility_id=OuterRef("pk")).order_by(
        *LATEST_SNAPSHOT
    )
    for start in range(0, len(facilities), chunk):
        part = {facility.pk: facility for facility in facilities[start : start + chunk]}
        Facility.objects.filter(pk__in=part).update(
            status=Coalesce(Subquery(changes.values("status")[:1]), Value(Status.PLANNED)),
            status_since=Subquery(changes.values("date")[:1]),
            current_snapshot=Subquery(snapshots.values("pk")[:1]),
        )
        for pk, status, since, snapshot in Facility.objects.filter(pk__in=part).values_list(
            "pk", "status", "status_since", "current_snapshot"
        ):
            facility = part[pk]
            facility.status, facility.status_since = status, since
            facility.current_snapshot_id = snapshot


def _as_history_user(row: StatusChange | ProfileSnapshot, user) -> None:
    # simple-history records the request's user by itself; an explicit user (a command, a task)
    # is recorded instead when given.
    if user is not None:
        row._history_user = user


@transaction.atomic
def record_status(
    facility: Facility,
    status: str,
    date: dt.date,
    *,
    source: str,
    source_url: str = "",
    note: str = "",
    user=None,
) -> StatusChange:
    """Record that `facility` has had `status` since `date`, and refresh its current status.

    record_status(facility, status, date, *, source, source_url="", note="", user=None)
        -> StatusChange

    - `status`: a `Status` value ("planned", "open", "suspended", "closed").
    - `date`: the day the status began (a `datetime.date`).
    - `source` (required), `source_url`, `note`: where the fact comes from, as on every entry.
    - `user`: who made the change, for the history (default: the request's user, if any).

    One entry per facility, date and status: recording the same status on the same date again
    updates that entry's source, URL and note (and writes nothing when they are unchanged), so
    the call is idempotent. The facility's `status` and `status_since` are those of the latest
    entry by date, so recording an older date adds history without changing the current status.
    The write and the refresh happen in one transaction with the facility's row locked; the
    passed `facility` object carries the refreshed status afterwards. Invalid values (an
    unknown status, a source over 300 characters, a malformed URL) raise `ValidationError`.
    """
    _lock(facility)
    change = StatusChange.objects.filter(facility=facility, date=date, status=status).first()
    values = {"source": source, "source_url": source_url, "note": note}
    if change is None:
        change = StatusChange(facility=facility, date=date, status=status, **values)
    elif all(getattr(change, field) == value for field, value in values.items()):
        _refresh(facility)
        return change
    else:
        for field, value in values.items():
            setattr(change, field, value)
    change.full_clean(validate_unique=False, validate_constraints=False)
    _as_history_user(change, user)
    change.save()
    _refresh(facility)
    return change


@transaction.atomic
def save_status_change(change: StatusChange, *, user=None) -> StatusChange:
    """Save an entry built or edited elsewhere (the admin's status history rows), then refresh.

    The entry's fields are validated by its form; a change of date or status can move which
    entry is the latest, and the facility follows.
    """
    _lock(change.facility)
    _as_history_user(change, user)
    change.save()
    _refresh(change.facility)
    return change


@transaction.atomic
def delete_status_change(change: StatusChange, *, user=None) -> None:
    """Delete one entry of a facility's history and refresh its current status."""
    facility = change.facility
    _lock(facility)
    _as_history_user(change, user)
    change.delete()
    _refresh(facility)


@transaction.atomic
def record_snapshot(
    facility: Facility,
    as_of: dt.date,
    *,
    source: str,
    source_url: str = "",
    minimum_age: int | None = None,
    other_criteria: str = "",
    hours_note: str = "",
    notes: str = "",
    replace: bool = True,
    user=None,
) -> ProfileSnapshot:
    """Record `facility`'s profile as of `as_of`, and refresh its current snapshot.

    record_snapshot(facility, as_of, *, source, source_url="", minimum_age=None,
                    other_criteria="", hours_note="", notes="", replace=True, user=None)
        -> ProfileSnapshot

    - `as_of`: the day the profile describes (a `datetime.date`).
    - `source` (required), `source_url`: where the facts come from.
    - `minimum_age`, `other_criteria`, `hours_note`, `notes`: the snapshot's own fields; its
      routes, services, criteria and opening hours are rows the caller adds to the returned
      snapshot in the same transaction (they do not change which snapshot is current).
    - `replace`: one snapshot per facility and date. True (the default): recording the same
      date again updates that snapshot's fields (and writes nothing when they are unchanged),
      so the call is idempotent. False: a snapshot of that date already there is refused with
      `ValidationError`, checked under the lock, so two parallel writers of one date never
      both pass (a survey response accepted twice on one day).
    - `user`: who made the change, for the history (default: the request's user, if any).

    The facility's `current_snapshot` is its latest snapshot by date, so recording an older
    date adds history without changing the current profile. The write and the refresh happen
    in one transaction with the facility's row locked; the passed `facility` object carries
    the refreshed snapshot afterwards. Invalid values (a source over 300 characters, a
    malformed URL) raise `ValidationError`.
    """
    _lock(facility)
    snapshot = ProfileSnapshot.objects.filter(facility=facility, as_of=as_of).first()
    values = {
        "source": source,
        "source_url": source_url,
        "minimum_age": minimum_age,
        "other_criteria": other_criteria,
        "hours_note": hours_note,
        "notes": notes,
    }
    if snapshot is None:
        snapshot = ProfileSnapshot(facility=facility, as_of=as_of, **values)
    elif not replace:
        raise ValidationError(
            _("The facility already has a profile snapshot dated %(d)s.") % {"d": as_of}
        )
    elif all(getattr(snapshot, field) == value for field, value in values.items()):
        _refresh_snapshot(facility)
        return snapshot
    else:
        for field, value in values.items():
            setattr(snapshot, field, value)
    snapshot.full_clean(validate_unique=False, validate_constraints=False)
    _as_history_user(snapshot, user)
    snapshot.save()
    _refresh_snapshot(facility)
    return snapshot


@transaction.atomic
def save_snapshot(snapshot: ProfileSnapshot, *, user=None) -> ProfileSnapshot:
    """Save a snapshot built or edited elsewhere (the admin's form), then refresh.

    The snapshot's fields are validated by its form; a change of date can move which snapshot
    is the latest, and the facility follows. A snapshot moved to another facility refreshes
    both facilities.
    """
    _lock(snapshot.facility)
    previous = (
        ProfileSnapshot.objects.filter(pk=snapshot.pk).values_list("facility_id", flat=True).first()
        if snapshot.pk
        else None
    )
    _as_history_user(snapshot, user)
    snapshot.save()
    _refresh_snapshot(snapshot.facility)
    if previous is not None and previous != snapshot.facility_id:
        former = Facility.objects.get(pk=previous)
        _lock(former)
        _refresh_snapshot(former)
    return snapshot


@transaction.atomic
def delete_snapshot(snapshot: ProfileSnapshot, *, user=None) -> None:
    """Delete one snapshot (with its rows) and refresh the facility's current profile."""
    facility = snapshot.facility
    _lock(facility)
    _as_history_user(snapshot, user)
    snapshot.delete()
    _refresh_snapshot(facility)
