"""directory.services: the one write path of the status history and of the profile snapshots
keeps the facility's current status and current snapshot in step."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from dcrnet.directory.models import Facility, ProfileSnapshot, SnapshotRoute, Status, StatusChange
from dcrnet.directory.services import (
    delete_snapshot,
    delete_status_change,
    record_snapshot,
    record_status,
    save_snapshot,
    save_status_change,
)

pytestmark = pytest.mark.django_db


def current(facility: Facility) -> tuple[str, dt.date | None]:
    facility.refresh_from_db()
    return facility.status, facility.status_since


def test_the_current_status_is_the_latest_entry(make_facility):
    facility = make_facility("es-dave", country="ES", since=dt.date(2000, 1, 1))
    change = record_status(facility, Status.CLOSED, dt.date(2011, 12, 31), source="INDCR")
    assert change.pk and (facility.status, facility.status_since) == ("closed", change.date)
    assert current(facility) == (Status.CLOSED, dt.date(2011, 12, 31))
    # an older entry adds history without changing the current status
    record_status(facility, Status.SUSPENDED, dt.date(2005, 3, 1), source="Press")
    assert current(facility) == (Status.CLOSED, dt.date(2011, 12, 31))
    assert facility.status_changes.count() == 3


def test_deleting_the_latest_entry_restores_the_one_before_and_the_last_one_planned(
    make_facility,
):
    facility = make_facility("es-dave", country="ES", since=dt.date(2000, 1, 1))
    closed = record_status(facility, Status.CLOSED, dt.date(2011, 12, 31), source="INDCR")
    delete_status_change(closed)
    assert current(facility) == (Status.OPEN, dt.date(2000, 1, 1))
    delete_status_change(facility.status_changes.get())
    assert current(facility) == (Status.PLANNED, None)


def test_a_planned_facility_is_recorded_with_its_source(make_facility):
    """The call another app makes to mark a facility as planned."""
    facility = make_facility("de-plan", country="DE", since=dt.date(2020, 1, 1))
    record_status(
        facility,
        Status.PLANNED,
        dt.date(2026, 5, 1),
        source="City council decision",
        source_url="https://example.org/decision",
        note="Opening planned for 2027",
    )
    assert current(facility) == (Status.PLANNED, dt.date(2026, 5, 1))
    entry = facility.status_changes.get(status=Status.PLANNED)
    assert entry.source_url == "https://example.org/decision"
    assert entry.note == "Opening planned for 2027"


def test_recording_the_same_entry_again_updates_it_and_writes_no_history_when_unchanged(
    make_facility, editor
):
    facility = make_facility("lu-x", since=dt.date(2020, 1, 1))
    first = record_status(facility, Status.CLOSED, dt.date(2024, 1, 1), source="A")
    assert first.history.count() == 1
    again = record_status(facility, Status.CLOSED, dt.date(2024, 1, 1), source="A")
    assert again.pk == first.pk and first.history.count() == 1
    record_status(facility, Status.CLOSED, dt.date(2024, 1, 1), source="B", user=editor)
    assert facility.status_changes.filter(status=Status.CLOSED).count() == 1
    latest = first.history.first()
    assert (latest.source, latest.history_user) == ("B", editor)


def test_invalid_values_are_refused_and_nothing_is_written(make_facility):
    facility = make_facility("lu-x", since=dt.date(2020, 1, 1))
    with pytest.raises(ValidationError) as refused:
        record_status(facility, "demolished", dt.date(2024, 1, 1), source="A")
    assert "status" in refused.value.message_dict
    with pytest.raises(ValidationError):
        record_status(facility, Status.CLOSED, dt.date(2024, 1, 1), source="A" * 301)
    assert current(facility) == (Status.OPEN, dt.date(2020, 1, 1))
    assert facility.status_changes.count() == 1


def test_an_edited_entry_moves_the_current_status(make_facility):
    facility = make_facility("lu-x", since=dt.date(2020, 1, 1))
    closed = record_status(facility, Status.CLOSED, dt.date(2024, 1, 1), source="A")
    closed.date = dt.date(2019, 1, 1)  # a correction: it closed before it (re)opened
    save_status_change(closed)
    assert current(facility) == (Status.OPEN, dt.date(2020, 1, 1))


def test_a_saved_model_alone_does_not_derive_the_status(make_facility):
    """The derivation lives in the services only: there is no second, hidden write path."""
    facility = make_facility("lu-x", since=dt.date(2020, 1, 1))
    StatusChange.objects.create(
        facility=facility, status=Status.CLOSED, date=dt.date(2024, 1, 1), source="A"
    )
    assert current(facility) == (Status.OPEN, dt.date(2020, 1, 1))


def test_the_admin_writes_the_status_history_through_the_services(client, superuser, facility):
    client.force_login(superuser)
    url = f"/admin/directory/facility/{facility.pk}/change/"
    assert client.get(url).status_code == 200
    entry = facility.status_changes.get()
    form = {
        "name": facility.name,
        "operator": "",
        "model": facility.model,
        "website": "",
        "published": "on",
        "city": facility.city,
        "country": facility.country_id,
        "latitude": "49.61",
        "longitude": "6.13",
        "address": "",
        "description": "",
        "status_changes-TOTAL_FORMS": "2",
        "status_changes-INITIAL_FORMS": "1",
        "status_changes-MIN_NUM_FORMS": "0",
        "status_changes-MAX_NUM_FORMS": "1000",
        "status_changes-0-id": entry.pk,
        "status_changes-0-facility": facility.pk,
        "status_changes-0-status": "open",
        "status_changes-0-date": "2005-07-01",
        "status_changes-0-source": "test",
        "status_changes-1-facility": facility.pk,
        "status_changes-1-status": "suspended",
        "status_changes-1-date": "2020-03-16",
        "status_changes-1-source": "Press release",
        "status_changes-1-note": "COVID-19",
    }
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert current(facility) == (Status.SUSPENDED, dt.date(2020, 3, 16))
    suspended = facility.status_changes.get(status=Status.SUSPENDED)
    assert suspended.history.first().history_user == superuser
    # deleting the suspension in the admin restores the opening as the current status
    form["status_changes-INITIAL_FORMS"] = "2"
    form["status_changes-1-id"] = suspended.pk
    form["status_changes-1-DELETE"] = "on"
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert current(facility) == (Status.OPEN, dt.date(2005, 7, 1))
    assert not StatusChange.objects.filter(pk=suspended.pk).exists()


def test_parallel_writers_of_one_history_leave_the_latest_entry_current(
    make_facility, shared_database, in_parallel
):
    facility = make_facility("lu-x", since=dt.date(2000, 1, 1))
    dates = [dt.date(2001 + n, 1, 1) for n in range(6)]
    statuses = [Status.SUSPENDED, Status.OPEN] * 3

    def write(status, date):
        return record_status(Facility.objects.get(pk=facility.pk), status, date, source="A")

    results = in_parallel(write, list(zip(statuses, dates, strict=True)))
    assert all(isinstance(result, StatusChange) for result in results), results
    assert current(facility) == (Status.OPEN, dt.date(2006, 1, 1))
    assert facility.status_changes.count() == 7


def test_deleting_snapshots_in_bulk_in_the_admin_moves_the_profile_back(
    client, superuser, facility
):
    older = record_snapshot(facility, dt.date(2014, 1, 1), source="A")
    newest = facility.snapshots.get(as_of=dt.date(2024, 1, 1))
    facility.refresh_from_db()
    assert facility.current_snapshot == newest
    client.force_login(superuser)
    response = client.post(
        "/admin/directory/profilesnapshot/",
        {"action": "delete_selected", "_selected_action": [newest.pk], "post": "yes"},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    facility.refresh_from_db()
    assert facility.current_snapshot == older


def test_a_facility_added_in_the_admin_with_its_history_has_its_status(client, superuser):
    from dcrnet.directory.models import Country

    country = Country.objects.create(code="DE")
    client.force_login(superuser)
    response = client.post(
        "/admin/directory/facility/add/",
        {
            "public_id": "de-plan",
            "name": "Planned room",
            "model": "integrated",
            "published": "on",
            "city": "Köln",
            "country": country.pk,
            "latitude": "50.94",
            "longitude": "6.96",
            "status_changes-TOTAL_FORMS": "1",
            "status_changes-INITIAL_FORMS": "0",
            "status_changes-MIN_NUM_FORMS": "0",
            "status_changes-MAX_NUM_FORMS": "1000",
            "status_changes-0-status": "planned",
            "status_changes-0-date": "2026-05-01",
            "status_changes-0-source": "City council",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    facility = Facility.objects.get(public_id="de-plan")
    assert (facility.status, facility.status_since) == (Status.PLANNED, dt.date(2026, 5, 1))


# --- profile snapshots ----------------------------------------------------------------------------


def current_snapshot(facility: Facility) -> ProfileSnapshot | None:
    facility.refresh_from_db()
    return facility.current_snapshot


def test_the_current_snapshot_is_the_latest_by_date(make_facility):
    facility = make_facility("lu-x", since=dt.date(2020, 1, 1))
    assert current_snapshot(facility) is None
    newer = record_snapshot(facility, dt.date(2025, 6, 1), source="DCR survey 2025")
    assert newer.pk and facility.current_snapshot == newer  # the passed object follows
    assert current_snapshot(facility) == newer
    # an older snapshot added later adds history without replacing the current profile
    older = record_snapshot(facility, dt.date(2010, 1, 1), source="Survey 2010", minimum_age=18)
    assert current_snapshot(facility) == newer
    assert older.minimum_age == 18 and facility.snapshots.count() == 2


def test_recording_the_same_date_again_updates_it_and_writes_no_history_when_unchanged(
    make_facility, editor
):
    facility = make_facility("lu-x", since=dt.date(2020, 1, 1))
    first = record_snapshot(facility, dt.date(2024, 1, 1), source="A", notes="Two rooms.")
    assert first.history.count() == 1
    again = record_snapshot(facility, dt.date(2024, 1, 1), source="A", notes="Two rooms.")
    assert again.pk == first.pk and first.history.count() == 1
    record_snapshot(facility, dt.date(2024, 1, 1), source="B", notes="Two rooms.", user=editor)
    assert facility.snapshots.count() == 1
    latest = first.history.first()
    assert (latest.source, latest.notes, latest.history_user) == ("B", "Two rooms.", editor)


def test_a_second_snapshot_of_a_day_is_refused_when_not_replacing(make_facility):
    facility = make_facility("lu-x", since=dt.date(2020, 1, 1))
    first = record_snapshot(facility, dt.date(2024, 1, 1), source="A")
    with pytest.raises(ValidationError, match="already has a profile snapshot dated 2024-01-01"):
        record_snapshot(facility, dt.date(2024, 1, 1), source="B", replace=False)
    first.refresh_from_db()
    assert first.source == "A" and facility.snapshots.count() == 1


def test_invalid_snapshot_values_are_refused_and_nothing_is_written(make_facility):
    facility = make_facility("lu-x", since=dt.date(2020, 1, 1))
    with pytest.raises(ValidationError) as refused:
        record_snapshot(facility, dt.date(2024, 1, 1), source="A" * 301)
    assert "source" in refused.value.message_dict
    with pytest.raises(ValidationError):
        record_snapshot(facility, dt.date(2024, 1, 1), source="A", source_url="not a URL")
    assert not facility.snapshots.exists() and current_snapshot(facility) is None


def test_deleting_the_current_snapshot_restores_the_one_before_and_the_last_one_none(
    make_facility,
):
    facility = make_facility("lu-x", since=dt.date(2020, 1, 1), routes={"injecting": 4})
    older = facility.current_snapshot
    newer = record_snapshot(facility, dt.date(2025, 1, 1), source="B")
    SnapshotRoute.objects.create(snapshot=newer, route="smoking", places=2)
    delete_snapshot(newer)
    assert current_snapshot(facility) == older
    assert not SnapshotRoute.objects.filter(snapshot_id=newer.pk).exists()  # its rows go too
    delete_snapshot(older)
    assert current_snapshot(facility) is None


def test_an_edited_snapshot_moves_the_current_profile(make_facility):
    facility = make_facility("lu-x", since=dt.date(2020, 1, 1))
    older = record_snapshot(facility, dt.date(2014, 1, 1), source="A")
    newer = record_snapshot(facility, dt.date(2024, 1, 1), source="B")
    newer.as_of = dt.date(2004, 1, 1)  # a correction: it described the room in 2004
    save_snapshot(newer)
    assert current_snapshot(facility) == older


def test_a_snapshot_moved_to_another_facility_refreshes_both(make_facility):
    first = make_facility("lu-x", since=dt.date(2020, 1, 1))
    second = make_facility("lu-y", since=dt.date(2020, 1, 1))
    snapshot = record_snapshot(first, dt.date(2024, 1, 1), source="A")
    snapshot.facility = second
    save_snapshot(snapshot)
    assert current_snapshot(first) is None
    assert current_snapshot(second) == snapshot


def test_a_saved_or_deleted_snapshot_model_alone_does_not_move_the_current_profile(
    make_facility,
):
    """The derivation lives in the services only: there is no second, hidden write path."""
    facility = make_facility("lu-x", since=dt.date(2020, 1, 1))
    recorded = record_snapshot(facility, dt.date(2024, 1, 1), source="A")
    ProfileSnapshot.objects.create(facility=facility, as_of=dt.date(2025, 1, 1), source="B")
    assert current_snapshot(facility) == recorded


def test_the_admin_writes_snapshots_through_the_services(client, superuser, make_facility):
    facility = make_facility("lu-x", since=dt.date(2020, 1, 1))
    older = record_snapshot(facility, dt.date(2014, 1, 1), source="A")
    client.force_login(superuser)
    inlines = {}
    for prefix in ("routes", "opening_hours", "criteria", "services"):
        inlines |= {
            f"{prefix}-TOTAL_FORMS": "0",
            f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000",
        }
    form = {
        **inlines,
        "facility": facility.pk,
        "as_of": "2025-06-01",
        "source": "DCR survey 2025",
        "routes-TOTAL_FORMS": "1",
        "routes-0-route": "injecting",
        "routes-0-places": "6",
    }
    response = client.post("/admin/directory/profilesnapshot/add/", form)
    assert response.status_code == 302, response.content.decode()[:3000]
    added = facility.snapshots.get(as_of=dt.date(2025, 6, 1))
    assert current_snapshot(facility) == added
    assert added.history.first().history_user == superuser
    assert list(added.routes.values_list("route", "places")) == [("injecting", 6)]
    # an edit of its date behind the older one makes the older one current again
    url = f"/admin/directory/profilesnapshot/{added.pk}/change/"
    form |= {
        "as_of": "2010-01-01",
        "routes-INITIAL_FORMS": "1",
        "routes-0-id": added.routes.get().pk,
    }
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert current_snapshot(facility) == older
    # deleting the older one on its own page leaves the edited one current
    response = client.post(f"/admin/directory/profilesnapshot/{older.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302, response.content.decode()[:3000]
    assert current_snapshot(facility) == added
    assert not ProfileSnapshot.objects.filter(pk=older.pk).exists()


def test_parallel_writers_of_one_facilitys_snapshots_leave_the_latest_current(
    make_facility, shared_database, in_parallel
):
    facility = make_facility("lu-x", since=dt.date(2000, 1, 1))
    dates = [dt.date(2019 + n, 1, 1) for n in range(6)]

    def write(date):
        return record_snapshot(Facility.objects.get(pk=facility.pk), date, source="A")

    results = in_parallel(write, [(date,) for date in dates])
    assert all(isinstance(result, ProfileSnapshot) for result in results), results
    assert current_snapshot(facility).as_of == dt.date(2024, 1, 1)
    assert facility.snapshots.count() == 6


def test_parallel_writers_of_one_day_store_one_snapshot(
    make_facility, shared_database, in_parallel
):
    """Two survey responses accepted at once for one facility and day: one snapshot, the other
    writers refused with a clear error (no IntegrityError, no 500)."""
    facility = make_facility("lu-x", since=dt.date(2000, 1, 1))

    def write(source):
        return record_snapshot(
            Facility.objects.get(pk=facility.pk), dt.date(2026, 3, 2), source=source, replace=False
        )

    results = in_parallel(write, [(f"Writer {n}",) for n in range(4)])
    stored = [result for result in results if isinstance(result, ProfileSnapshot)]
    refused = [result for result in results if isinstance(result, ValidationError)]
    assert (len(stored), len(refused)) == (1, 3), results
    assert current_snapshot(facility) == stored[0]
    assert facility.snapshots.get().source == stored[0].source
