"""Writes of the directory that carry a rule: a facility's status history and its current status.

A facility's `status` and `status_since` are derived from its status history (the latest entry).
Every write to the history goes through a function here, which writes the entry and refreshes
the facility in one transaction, with the facility's row locked so that two writers of one
facility's history queue instead of each deriving the status from what the other has not yet
committed. Nothing else writes `StatusChange` rows (the admin, the demo loader and the tests'
factories call these functions); the model's own `save()` and `delete()` do nothing more.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from .models import Facility, Status, StatusChange

__all__ = ["delete_status_change", "record_status", "save_status_change"]


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


def _refresh(facility: Facility) -> None:
    """Set the facility's current status from the latest entry of its history (planned if none)."""
    latest = (
        StatusChange.objects.filter(facility_id=facility.pk)
        .order_by("-date", "-id")
        .values_list("status", "date")
        .first()
    )
    facility.status, facility.status_since = latest or (Status.PLANNED, None)
    Facility.objects.filter(pk=facility.pk).update(
        status=facility.status, status_since=facility.status_since
    )


def _as_history_user(change: StatusChange, user) -> None:
    # simple-history records the request's user by itself; an explicit user (a command, a task)
    # is recorded instead when given.
    if user is not None:
        change._history_user = user


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
