"""The OpenStreetMap export: /data/facilities.osm.geojson."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from dcrnet.directory.models import Facility, OpeningHours, ProfileSnapshot, StatusChange
from dcrnet.directory.osm import opening_hours
from dcrnet.directory.services import record_status

URL = "/data/facilities.osm.geojson"


def hours(*rows: tuple[int, str, str]) -> list[OpeningHours]:
    return [
        OpeningHours(
            weekday=day, opens=dt.time.fromisoformat(opens), closes=dt.time.fromisoformat(closes)
        )
        for day, opens, closes in rows
    ]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            [(d, "10:00", "16:00") for d in range(5)] + [(5, "12:00", "16:00")],
            "Mo-Fr 10:00-16:00; Sa 12:00-16:00",
        ),
        ([(4, "22:00", "02:00"), (5, "22:00", "02:00")], "Fr,Sa 22:00-02:00"),  # after midnight
        ([(0, "08:00", "12:00"), (0, "14:00", "18:30")], "Mo 08:00-12:00,14:00-18:30"),
        (
            [(0, "09:00", "17:00"), (2, "09:00", "17:00"), (1, "10:00", "12:00")],
            "Mo,We 09:00-17:00; Tu 10:00-12:00",
        ),
        ([(d, "00:00", "00:00") for d in range(7)], "Mo-Su 00:00-24:00"),
        ([(6, "20:00", "20:00")], "Su 20:00-44:00"),  # 24 hours from 20:00: OSM's extended time
        ([(d, "10:00:30", "16:00:00") for d in (0, 1, 2, 4, 5, 6)], "Mo-We,Fr-Su 10:00-16:00"),
        ([], ""),
    ],
)
def test_opening_hours_are_written_in_the_osm_syntax(rows, expected):
    assert opening_hours(hours(*rows)) == expected


def test_the_rows_order_does_not_matter():
    rows = hours((5, "12:00", "16:00"), (0, "14:00", "18:00"), (0, "08:00", "12:00"))
    assert opening_hours(rows) == "Mo 08:00-12:00,14:00-18:00; Sa 12:00-16:00"


@pytest.fixture
def directory(make_facility):
    abrigado = make_facility(
        "lu-abrigado",
        name="Abrigado",
        operator="Comité national de défense sociale",
        website="https://cnds.lu/",
        routes={"injecting": 10},
        source="National register",
        source_url="https://example.org/register",
        source_accessed=dt.date(2026, 11, 2),
    )
    snapshot = abrigado.current_snapshot
    for day in range(5):
        OpeningHours.objects.create(
            snapshot=snapshot, weekday=day, opens=dt.time(10), closes=dt.time(16)
        )
    OpeningHours.objects.create(snapshot=snapshot, weekday=4, opens=dt.time(22), closes=dt.time(2))
    ProfileSnapshot.objects.filter(pk=snapshot.pk).update(source_accessed=dt.date(2026, 10, 1))
    StatusChange.objects.filter(facility=abrigado).update(source_accessed=dt.date(2026, 9, 1))
    make_facility(
        "ch-zurich",
        name="Zürich",
        country="CH",
        city="Zürich",
        latitude=47.3769,
        longitude=8.5417,
        exact_latitude="47.378901",
        exact_longitude="8.540123",
        address="Langstrasse 1",
        publish_exact_location=True,
    )
    suspended = make_facility("no-oslo", country="NO", city="Oslo", routes={"smoking": 2})
    OpeningHours.objects.create(
        snapshot=suspended.current_snapshot, weekday=0, opens=dt.time(9), closes=dt.time(15)
    )
    record_status(suspended, "suspended", dt.date(2026, 3, 1), source="News")
    make_facility("es-dave", country="ES", city="Madrid", status="closed")
    make_facility("fr-planned", country="FR", city="Lyon", status="planned")
    make_facility("lu-hidden", published=False)


def geojson(client, url: str = URL) -> dict:
    response = client.get(url)
    assert response.status_code == 200, response.content
    return json.loads(response.content)


def by_id(body: dict) -> dict[str, dict]:
    return {feature["id"]: feature for feature in body["features"]}


@pytest.mark.django_db
def test_the_export_is_a_feature_collection_of_points_with_the_licence(client, directory):
    response = client.get(URL)
    assert response["Content-Type"] == "application/geo+json"
    assert response["Content-Disposition"].startswith('attachment; filename="dcr-network-')
    assert response["Content-Disposition"].endswith('.osm.geojson"')
    body = json.loads(response.content)
    assert body["type"] == "FeatureCollection"
    assert body["licence"] == "CC BY 4.0" and body["attribution"].startswith("DCR Network")
    assert body["licence_url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert body["count"] == len(body["features"]) == 3
    for feature in body["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] == "Point"
        assert len(feature["geometry"]["coordinates"]) == 2
        assert all(isinstance(value, str) and value for value in feature["properties"].values())


@pytest.mark.django_db
def test_each_facility_has_the_osm_tag_and_coordinates_longitude_first(client, directory):
    features = by_id(geojson(client))
    abrigado = features["lu-abrigado"]
    assert abrigado["geometry"]["coordinates"] == [6.13, 49.61]  # longitude, latitude
    assert abrigado["properties"] == {
        "office": "supervised_injection_site",
        "name": "Abrigado",
        "operator": "Comité national de défense sociale",
        "website": "https://cnds.lu/",
        "addr:city": "Luxembourg",
        "addr:country": "LU",
        "opening_hours": "Mo-Th 10:00-16:00; Fr 10:00-16:00,22:00-02:00",
        "check_date:opening_hours": "2026-10-01",
        "check_date": "2026-09-01",
        "dcrnet:public_id": "lu-abrigado",
        "dcrnet:status": "open",
        "dcrnet:status_since": "2005-07-01",
        "dcrnet:url": "http://testserver/facilities/lu-abrigado/",
        "dcrnet:exact_location": "no",
        "dcrnet:location_note": "City centre, not the facility: never place a node here.",
        "dcrnet:source": "National register",
        "dcrnet:source_url": "https://example.org/register",
        "dcrnet:source_accessed": "2026-11-02",
    }


@pytest.mark.django_db
def test_an_exact_location_is_given_and_flagged_as_exact(client, directory):
    zurich = by_id(geojson(client))["ch-zurich"]
    assert zurich["geometry"]["coordinates"] == [8.540123, 47.378901]
    assert zurich["properties"]["dcrnet:exact_location"] == "yes"
    assert zurich["properties"]["dcrnet:address"] == "Langstrasse 1"
    assert "dcrnet:location_note" not in zurich["properties"]
    assert "opening_hours" not in zurich["properties"]  # no profile: nothing invented


@pytest.mark.django_db
def test_closed_planned_and_unpublished_facilities_are_left_out(client, directory):
    assert set(by_id(geojson(client))) == {"lu-abrigado", "ch-zurich", "no-oslo"}
    assert geojson(client, f"{URL}?status=closed")["features"] == []
    assert geojson(client, f"{URL}?status=planned")["features"] == []


@pytest.mark.django_db
def test_a_suspended_facility_keeps_its_tag_but_not_its_opening_hours(client, directory):
    oslo = by_id(geojson(client))["no-oslo"]["properties"]
    assert oslo["office"] == "supervised_injection_site"
    assert oslo["dcrnet:status"] == "suspended" and oslo["dcrnet:status_since"] == "2026-03-01"
    assert "opening_hours" not in oslo and "check_date:opening_hours" not in oslo


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("country=ch", {"ch-zurich"}),
        ("status=suspended", {"no-oslo"}),
        ("route=injecting", {"lu-abrigado"}),
        ("q=abrigado", {"lu-abrigado"}),
        ("country=&status=", {"lu-abrigado", "ch-zurich", "no-oslo"}),
    ],
)
def test_the_export_takes_the_list_filters(client, directory, query, expected):
    body = geojson(client, f"{URL}?{query}")
    assert set(by_id(body)) == expected
    given = dict(pair.split("=") for pair in query.split("&"))
    assert body["filters"] == {k: v.upper() if k == "country" else v for k, v in given.items() if v}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "parameter"),
    [("status=bogus", "status"), ("country=ZZ", "country"), ("route=teleport", "route")],
)
def test_a_bad_filter_is_refused_with_422_naming_it(client, directory, query, parameter):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 422
    assert [p["parameter"] for p in response.json()["problems"]] == [parameter]


@pytest.mark.django_db
def test_the_export_is_language_neutral(client, directory):
    response = client.get(f"/fr{URL}")
    assert response.status_code == 200 and response["Content-Language"] == "en"
    english = json.loads(response.content)
    assert english["features"] == geojson(client)["features"]
    assert client.get(f"{URL}?lang=xx").status_code == 400


@pytest.mark.django_db
@pytest.mark.parametrize("n", [2, 20])
def test_the_export_takes_the_same_queries_for_2_or_20_facilities(
    client, make_facility, django_assert_num_queries, n
):
    for i in range(n):
        facility = make_facility(f"f-{i:02d}", routes={"injecting": i})
        OpeningHours.objects.create(
            snapshot=facility.current_snapshot, weekday=0, opens=dt.time(9), closes=dt.time(17)
        )
    # Facilities with country and snapshot; routes; sources of statuses and snapshots; hours.
    with django_assert_num_queries(5):
        body = geojson(client)
    assert body["count"] == n
    assert Facility.objects.count() == n


@pytest.mark.django_db
def test_the_list_page_links_to_the_export_with_its_filters(client, make_facility):
    make_facility("lu-abrigado")
    html = client.get("/facilities/?country=lu").content.decode()
    assert f'href="{URL}?country=LU"' in html
