"""Every fact has a source: the API names them for each facility, in constant queries."""

from __future__ import annotations

import datetime as dt

import pytest

from dcrnet.directory.models import Facility, ProfileSnapshot, StatusChange
from dcrnet.directory.services import record_snapshot, record_status

pytestmark = pytest.mark.django_db

REGISTER = {
    "source": "National register of consumption rooms",
    "source_url": "https://example.org/register",
    "source_accessed": dt.date(2026, 11, 2),
}


def sourced_facility(make_facility, public_id: str = "lu-abrigado", **extra) -> Facility:
    """Identity from the register; an opening from a report (the fixture's "test" entry too);
    a suspension and a snapshot from a press release read on one day."""
    facility = make_facility(public_id, routes=None, **REGISTER, **extra)
    press = {"source": "Press release", "source_url": "https://example.org/covid"}
    read = dt.date(2026, 11, 3)  # the services take no reading date (yet): set it afterwards
    status = record_status(facility, "suspended", dt.date(2020, 3, 16), **press)
    snapshot = record_snapshot(facility, dt.date(2020, 3, 16), **press)
    StatusChange.objects.filter(pk=status.pk).update(source_accessed=read)
    ProfileSnapshot.objects.filter(pk=snapshot.pk).update(source_accessed=read)
    record_snapshot(facility, dt.date(2024, 1, 1), source="Survey 2024")
    return facility


def test_each_item_of_the_list_names_the_distinct_sources_of_its_facts(client, make_facility):
    sourced_facility(make_facility)
    item = client.get("/api/v1/facilities").json()["items"][0]
    assert item["sources"] == [
        {
            "title": "National register of consumption rooms",
            "url": "https://example.org/register",
            "accessed": "2026-11-02",
        },
        {"title": "test", "url": "", "accessed": None},  # the fixture's opening entry
        # The press release gives a status entry and a snapshot: named once.
        {"title": "Press release", "url": "https://example.org/covid", "accessed": "2026-11-03"},
        {"title": "Survey 2024", "url": "", "accessed": None},
    ]


def test_the_detail_gives_the_identity_source_and_when_each_source_was_read(client, make_facility):
    sourced_facility(make_facility)
    body = client.get("/api/v1/facilities/lu-abrigado").json()
    assert body["source"] == {
        "title": "National register of consumption rooms",
        "url": "https://example.org/register",
        "accessed": "2026-11-02",
    }
    assert [s["source_accessed"] for s in body["status_history"]] == [None, "2026-11-03"]
    assert [(s["as_of"], s["source_accessed"]) for s in body["snapshots"]] == [
        ("2024-01-01", None),
        ("2020-03-16", "2026-11-03"),
    ]
    assert len(body["sources"]) == 4


def test_a_source_with_neither_title_nor_url_is_left_out(make_facility):
    facility = make_facility("lu-abrigado", routes=None)
    assert facility.identity_source is None
    assert [s["title"] for s in facility.sources()] == ["test"]


@pytest.mark.parametrize("n", [5, 50])
def test_the_list_takes_at_most_five_queries_for_5_or_50_facilities(
    client, make_facility, django_assert_max_num_queries, n
):
    for i in range(n):
        sourced_facility(make_facility, f"f-{i:02d}", name=f"Facility {i:02d}")
    # The count, the facilities with country and current snapshot, their routes, and the
    # sources of their status entries and of their snapshots.
    with django_assert_max_num_queries(5):
        body = client.get("/api/v1/facilities?limit=500").json()
    assert body["count"] == n
    assert all(len(item["sources"]) == 4 for item in body["items"])
