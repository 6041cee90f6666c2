import datetime as dt

import pytest
import time_machine

from dcrnet.directory.models import (
    Facility,
    Highlight,
    SnapshotRoute,
    Status,
    highlight_for,
    open_counts_by_year,
)
from dcrnet.directory.services import record_snapshot

pytestmark = pytest.mark.django_db


def test_a_closed_facility_stays_in_the_directory(client, make_facility):
    make_facility("es-dave", name="DAVE", country="ES", status=Status.CLOSED)
    response = client.get("/facilities/?status=closed")
    assert b"DAVE" in response.content


def test_the_newest_snapshot_is_current(facility):
    newer = record_snapshot(facility, dt.date(2025, 6, 1), source="DCR survey 2025")
    SnapshotRoute.objects.create(snapshot=newer, route="oral")
    facility.refresh_from_db()
    assert facility.current_snapshot == newer
    # An older snapshot added later does not replace the current one.
    record_snapshot(facility, dt.date(2010, 1, 1), source="old")
    facility.refresh_from_db()
    assert facility.current_snapshot == newer


def test_open_counts_follow_status_histories():
    changes = [
        (1, dt.date(2000, 3, 1), Status.OPEN),
        (1, dt.date(2011, 12, 31), Status.CLOSED),
        (2, dt.date(2005, 7, 1), Status.OPEN),
        (3, dt.date(2013, 1, 1), Status.PLANNED),
    ]
    counts = dict(open_counts_by_year(changes, until=2012))
    assert counts[2000] == 1
    assert counts[2004] == 1
    assert counts[2005] == 2
    assert counts[2011] == 1  # DAVE closed on the last day of 2011
    assert counts[2012] == 1


def test_country_counts_come_from_its_facilities_only(make_facility):
    make_facility("lu-abrigado", since=dt.date(2005, 7, 1))
    make_facility("de-eastside", country="DE", city="Frankfurt", since=dt.date(1994, 12, 1))
    lu = make_facility("lu-esch", since=dt.date(2019, 7, 1)).country
    counts = dict(lu.open_counts_by_year(until=2020))
    assert counts[2005] == 1
    assert counts[2019] == 2
    assert 1994 not in counts


def test_the_scheduled_highlight_wins(facility, make_facility):
    other = make_facility("de-eastside", country="DE", routes={"injecting": 4})
    Highlight.objects.create(month=dt.date(2026, 11, 14), facility=other, text="Eastside")
    highlight = highlight_for(dt.date(2026, 11, 28))
    assert highlight.facility == other
    assert highlight.month == dt.date(2026, 11, 1)


def test_without_a_schedule_the_highlight_rotates_among_complete_profiles(make_facility):
    a = make_facility("a-one", routes={"injecting": 1})
    b = make_facility("b-two", routes={"smoking": 2})
    make_facility("c-bare", routes=None)  # no profile: never highlighted
    make_facility("d-closed", status=Status.CLOSED, routes={"injecting": 1})
    months = [dt.date(2026, m, 1) for m in range(1, 7)]
    chosen = {highlight_for(m).facility for m in months}
    assert chosen == {a, b}
    assert highlight_for(months[0]).facility != highlight_for(months[1]).facility


def test_no_highlight_without_any_complete_profile(db):
    assert highlight_for(dt.date(2026, 1, 1)) is None


def test_a_future_highlight_is_not_public_before_its_month(client, facility):
    Highlight.objects.create(month=dt.date(2027, 1, 1), facility=facility, text="Soon")
    with time_machine.travel(dt.datetime(2026, 11, 28, 12, tzinfo=dt.UTC)):
        assert client.get("/highlights/2027/1/").status_code == 404
        assert b"Soon" not in client.get("/highlights/").content
    with time_machine.travel(dt.datetime(2027, 1, 2, 12, tzinfo=dt.UTC)):
        assert client.get("/highlights/2027/1/").status_code == 200


def test_the_point_is_approximate_unless_the_operator_publishes_it(facility):
    facility.exact_latitude = "49.600123"
    facility.exact_longitude = "6.131234"
    facility.address = "Route de Thionville 8"
    facility.save()
    assert facility.point == (49.61, 6.13)
    assert facility.public_address == ""
    facility.publish_exact_location = True
    assert facility.point == (49.600123, 6.131234)
    assert facility.public_address == "Route de Thionville 8"


def test_edits_are_kept_in_history(facility):
    facility.name = "Abrigado (Comité National de Défense Sociale)"
    facility.save()
    assert Facility.history.filter(public_id="lu-abrigado").count() == 2


@pytest.mark.parametrize("language", ["en", "fr", "de", "nl", "es"])
def test_the_list_labels_are_the_choices_labels_in_every_language(language):
    from django.utils import translation

    from dcrnet.directory.models import FacilityModel, Route, SnapshotRoute

    with translation.override(language):
        for status in Status.values:
            facility = Facility(status=status)
            assert str(facility.status_label) == facility.get_status_display()
        for model in FacilityModel.values:
            facility = Facility(model=model)
            assert str(facility.model_label) == facility.get_model_display()
        for route in Route.values:
            row = SnapshotRoute(route=route)
            assert str(row.route_label) == row.get_route_display()
