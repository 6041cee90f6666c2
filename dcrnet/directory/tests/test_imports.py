"""Importing facility files (docs/facility-data.md): parse, apply, export_record."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from dcrnet.directory import services
from dcrnet.directory.imports import (
    ImportRefused,
    Problem,
    apply,
    export_record,
    import_file,
    parse,
)
from dcrnet.directory.models import (
    Country,
    Facility,
    OpeningHours,
    ProfileSnapshot,
    SnapshotCriterion,
    SnapshotRoute,
    SnapshotService,
    StatusChange,
)

pytestmark = pytest.mark.django_db

HISTORIES = (
    Facility,
    StatusChange,
    ProfileSnapshot,
    SnapshotRoute,
    SnapshotService,
    SnapshotCriterion,
    OpeningHours,
)


def history_rows() -> dict[str, int]:
    return {model.__name__: model.history.count() for model in HISTORIES}


def table() -> dict:
    """Everything an import may write, to compare before and after."""
    return {
        "facilities": list(Facility.objects.order_by("pk").values()),
        "statuses": list(StatusChange.objects.order_by("pk").values()),
        "snapshots": list(ProfileSnapshot.objects.order_by("pk").values()),
        "routes": list(SnapshotRoute.objects.order_by("pk").values()),
        "services": list(SnapshotService.objects.order_by("pk").values()),
        "criteria": list(SnapshotCriterion.objects.order_by("pk").values()),
        "hours": list(OpeningHours.objects.order_by("pk").values()),
        "countries": list(Country.objects.order_by("pk").values_list("code", flat=True)),
        "history": history_rows(),
    }


def as_file(*items: dict) -> str:
    return json.dumps({"licence": "CC BY 4.0", "facilities": list(items)}, indent=1)


def item(**changes) -> dict:
    """A valid new facility item."""
    base = {
        "name": "Synthetic Room",
        "operator": "Synthetic Operator",
        "city": "Testville",
        "country": "DE",
        "model": "integrated",
        "website": "https://example.org/",
        "description": "A *synthetic* facility.\n",
        "location": {"latitude": 52.52, "longitude": 13.40, "exact": False, "address": None},
        "source": {"title": "Example register", "url": "https://example.org/r", "accessed": None},
        "status_history": [
            {
                "date": "2003-10-01",
                "status": "open",
                "note": "Month only in source; date set to the 1st.",
                "source": "Example register",
                "source_url": "https://example.org/r",
                "source_accessed": "2026-12-01",
            }
        ],
        "snapshots": [
            {
                "as_of": "2024-03-01",
                "source": "Example survey",
                "source_url": "",
                "source_accessed": "2026-12-01",
                "routes": [
                    {"route": "injecting", "places": 8},
                    {"route": "smoking", "places": None},
                ],
                "services": ["supervision", "sterile_equipment"],
                "admission_criteria": ["contract"],
                "minimum_age": 18,
                "other_criteria": "",
                "opening_hours": [
                    {"weekday": 0, "opens": "10:00", "closes": "16:00:00"},
                    {"weekday": 5, "opens": "22:00", "closes": "02:00"},
                ],
                "hours_note": "",
                "notes": "",
            }
        ],
    }
    base.update(changes)
    return base


@pytest.fixture
def rich(make_facility):
    """Facilities with every kind of fact: sources, an exact location public and private."""
    public = make_facility(
        "de-berlin-birkenstube",
        name="Birkenstube",
        country="DE",
        city="Berlin",
        operator="vista gGmbH",
        description="Markdown *text*.\n\nTwo paragraphs.\n",
        source="Berlin register",
        source_url="https://example.org/berlin",
        source_accessed=dt.date(2026, 11, 30),
        publish_exact_location=True,
        exact_latitude="52.521234",
        exact_longitude="13.401234",
        address="Somewhere 1",
        routes={"injecting": 8, "smoking": None},
        services=("supervision", "oat"),
    )
    services.record_status(
        public, "suspended", dt.date(2020, 3, 16), source="News", note="Pandemic."
    )
    snapshot = services.record_snapshot(
        public,
        dt.date(2025, 6, 1),
        source="Survey",
        source_url="https://example.org/s",
        minimum_age=18,
        hours_note="Closed on holidays.",
        notes="Some *notes*.",
    )
    SnapshotRoute.objects.create(snapshot=snapshot, route="oral", places=None)
    SnapshotCriterion.objects.create(snapshot=snapshot, criterion="contract")
    OpeningHours.objects.create(
        snapshot=snapshot, weekday=4, opens=dt.time(22, 30), closes=dt.time(2, 0)
    )
    private = make_facility(
        "lu-abrigado",
        name="Abrigado",
        exact_latitude="49.600001",
        exact_longitude="6.100001",
        address="Private Street",
    )
    return public, private


def exported() -> str:
    facilities = Facility.objects.select_related("country").order_by("pk")
    return as_file(*(export_record(f) for f in facilities))


def test_a_round_trip_changes_nothing(rich):
    before = table()
    report = apply(parse(exported(), "json"))
    assert report.unchanged == ["de-berlin-birkenstube", "lu-abrigado"]
    assert (report.created, report.updated) == ([], [])
    assert (report.statuses_created, report.snapshots_created) == (0, 0)
    assert table() == before  # no row touched, no history row, `updated` not bumped


def test_the_export_has_every_fact_and_keeps_a_private_location_out(rich):
    public, private = (export_record(f) for f in rich)
    assert public["location"] == {
        "latitude": 49.61,
        "longitude": 6.13,
        "exact": True,
        "address": "Somewhere 1",
        "exact_latitude": 52.521234,
        "exact_longitude": 13.401234,
    }
    assert public["source"] == {
        "title": "Berlin register",
        "url": "https://example.org/berlin",
        "accessed": "2026-11-30",
    }
    assert [e["status"] for e in public["status_history"]] == ["open", "suspended"]
    assert [s["as_of"] for s in public["snapshots"]] == ["2025-06-01", "2024-01-01"]
    newest = public["snapshots"][0]
    assert newest["opening_hours"] == [{"weekday": 4, "opens": "22:30:00", "closes": "02:00:00"}]
    assert (newest["hours_note"], newest["notes"]) == ("Closed on holidays.", "Some *notes*.")
    assert "Private" not in json.dumps(private)
    assert private["location"]["exact"] is False


def test_a_changed_field_is_saved_with_its_history_and_reason(rich, editor):
    record = export_record(rich[1])
    record["operator"] = "Comité national de défense sociale"
    history = Facility.history.count()
    report = apply(parse(as_file(record), "json"), user=editor)
    assert report.updated == ["lu-abrigado"]
    assert Facility.objects.get(public_id="lu-abrigado").operator.startswith("Comité")
    assert Facility.history.count() == history + 1
    latest = Facility.history.filter(public_id="lu-abrigado").latest("history_date")
    assert (latest.history_change_reason, latest.history_user) == ("import_facilities", editor)


def test_a_new_status_entry_becomes_the_current_status(rich):
    record = export_record(rich[1])
    record["status_history"].append(
        {"date": "2026-11-01", "status": "closed", "source": "News", "source_url": ""}
    )
    report = apply(parse(as_file(record), "json"))
    assert (report.updated, report.statuses_created) == (["lu-abrigado"], 1)
    facility = Facility.objects.get(public_id="lu-abrigado")
    assert (facility.status, facility.status_since) == ("closed", dt.date(2026, 11, 1))
    latest = StatusChange.history.latest("history_date")
    assert latest.history_change_reason == "import_facilities"


def test_an_import_never_deletes_what_the_file_lacks(rich):
    record = export_record(rich[0])
    record["status_history"] = record["status_history"][:1]
    record["snapshots"] = record["snapshots"][1:]
    before = table()
    report = apply(parse(as_file(record), "json"))
    assert report.unchanged == ["de-berlin-birkenstube"]
    assert table() == before


def test_a_corrected_snapshot_gets_the_files_rows(rich):
    record = export_record(rich[0])
    record["snapshots"][0]["services"] = ["drug_checking"]
    record["snapshots"][0]["minimum_age"] = 16
    report = apply(parse(as_file(record), "json"))
    assert report.snapshots_updated == 1
    snapshot = ProfileSnapshot.objects.get(facility=rich[0], as_of=dt.date(2025, 6, 1))
    assert snapshot.minimum_age == 16
    assert [s.service for s in snapshot.services.all()] == ["drug_checking"]
    assert [r.route for r in snapshot.routes.all()] == ["oral"]  # unchanged rows stay
    assert apply(parse(as_file(record), "json")).unchanged == ["de-berlin-birkenstube"]


def test_a_new_facility_gets_an_identifier_a_country_and_its_entries(db):
    report = apply(parse(as_file(item(name="Café Zürich", country="NO")), "json"))
    assert report.created == ["no-testville-cafe-zurich"]
    facility = Facility.objects.get(public_id="no-testville-cafe-zurich")
    assert facility.country.code == "NO"
    assert (facility.status, facility.status_since) == ("open", dt.date(2003, 10, 1))
    assert facility.current_snapshot.as_of == dt.date(2024, 3, 1)
    assert facility.current_snapshot.opening_hours.count() == 2
    assert facility.source_accessed is None
    created = Facility.history.get(public_id=facility.public_id)
    assert created.history_change_reason == "import_facilities"
    assert (report.statuses_created, report.snapshots_created) == (1, 1)


def _entry(date: str, status: str) -> dict:
    return {"date": date, "status": status, "source": "Register", "source_url": ""}


def test_a_new_facility_created_in_bulk_is_current_as_the_services_would_make_it(db, editor):
    """New facilities are created in bulk; their current status, its date and their current
    snapshot follow the services' rule (latest entry by date then id, latest snapshot by date),
    and every row has its history row with the import's reason and user."""
    history = [  # not in date order; two entries of one date: the later one is current
        _entry("2021-05-01", "open"),
        _entry("2019-01-01", "planned"),
        _entry("2021-05-01", "suspended"),
        _entry("2020-02-01", "closed"),
    ]
    newer = {**item()["snapshots"][0], "as_of": "2025-02-01", "services": ["oat"]}
    data = item(status_history=history, snapshots=[item()["snapshots"][0], newer])
    # A second item of the same new facility (matched by place and name) updates it after.
    again = item(name="SYNTHETIC ROOM", website="https://example.org/again")
    report = apply(parse(as_file(data, item(city="Other"), again), "json"), user=editor)
    assert report.created == ["de-testville-synthetic-room", "de-other-synthetic-room"]
    assert report.updated == ["de-testville-synthetic-room"]
    bulk = Facility.objects.get(public_id="de-testville-synthetic-room")
    assert bulk.website == "https://example.org/again"

    # The same facts through the services, one by one.
    one = Facility.objects.create(
        public_id="one-by-one",
        name="One",
        city="Testville",
        country=bulk.country,
        latitude=bulk.latitude,
        longitude=bulk.longitude,
    )
    for entry in history:
        services.record_status(
            one, entry["status"], dt.date.fromisoformat(entry["date"]), source="R"
        )
    for as_of in ("2024-03-01", "2025-02-01"):
        services.record_snapshot(one, dt.date.fromisoformat(as_of), source="S")
    one.refresh_from_db()
    assert (bulk.status, bulk.status_since) == (one.status, one.status_since)
    assert (bulk.status, bulk.status_since) == ("suspended", dt.date(2021, 5, 1))
    assert bulk.current_snapshot.as_of == one.current_snapshot.as_of == dt.date(2025, 2, 1)
    assert [s.service for s in bulk.current_snapshot.services.all()] == ["oat"]

    created = bulk.status_changes.all()
    snapshot_ids = list(bulk.snapshots.values_list("pk", flat=True))
    for rows, model in (
        ([bulk.pk], Facility),
        ([change.pk for change in created], StatusChange),
        (snapshot_ids, ProfileSnapshot),
        (SnapshotRoute.objects.filter(snapshot__in=snapshot_ids).values_list("pk"), SnapshotRoute),
        (OpeningHours.objects.filter(snapshot__in=snapshot_ids).values_list("pk"), OpeningHours),
    ):
        made = model.history.filter(id__in=rows, history_type="+")
        assert made.count() == len(rows)
        assert {(h.history_change_reason, h.history_user) for h in made} == {
            ("import_facilities", editor)
        }
    assert Facility.history.filter(id=bulk.pk, history_type="~").count() == 1  # the second item
    from dcrnet.sitesearch.models import Entry

    assert Entry.objects.filter(kind="facility", object_id=bulk.pk).exists()


def test_without_public_id_a_facility_is_matched_by_country_city_and_name(rich):
    record = export_record(rich[0])
    del record["public_id"]
    record["name"], record["city"] = "BIRKENSTUBE.", "berlin"
    record["website"] = "https://example.org/new"
    report = apply(parse(as_file(record), "json"))
    assert report.updated == ["de-berlin-birkenstube"]
    assert Facility.objects.filter(country__code="DE").count() == 1
    assert Facility.objects.get(public_id="de-berlin-birkenstube").name == "BIRKENSTUBE."


def test_two_new_facilities_of_one_name_get_distinct_identifiers(db):
    first = item(public_id="de-testville-synthetic-room")
    second = item(city="Testville ", name="Synthetic Room (annex)")
    third = item(city="Other", name="Synthetic Room")
    report = apply(parse(as_file(first, second, third), "json"))
    assert report.created == [
        "de-testville-synthetic-room",
        "de-testville-synthetic-room-annex",
        "de-other-synthetic-room",
    ]
    again = apply(parse(as_file(item(), item(city="OTHER")), "json"))
    assert (again.unchanged, again.updated) == (
        ["de-testville-synthetic-room"],
        ["de-other-synthetic-room"],
    )


def test_a_dry_run_reports_the_same_and_writes_nothing(rich):
    record = export_record(rich[1])
    record["operator"] = "New operator"
    data = as_file(record, item())
    before = table()
    dry = apply(parse(data, "json"), dry_run=True)
    assert table() == before
    assert dry.dry_run and "nothing written" in dry.summary()
    real = apply(parse(data, "json"))
    assert (dry.created, dry.updated, dry.unchanged) == (real.created, real.updated, real.unchanged)


def test_one_bad_facility_refuses_the_whole_file_with_its_line_and_field(rich):
    bad = item(name="Bad one")
    bad["status_history"][0]["date"] = "2003-13-01"
    data = as_file(item(), export_record(rich[1]), bad)
    before = table()
    with pytest.raises(ImportRefused) as refused:
        apply(parse(data, "json"))
    lines = data.splitlines()
    line = max(n for n, text in enumerate(lines, 1) if text == "  {" and n < _line_of(data, "Bad"))
    assert refused.value.problems == [
        Problem(line, "status_history[0].date", "Give a date as YYYY-MM-DD.")
    ]
    assert str(refused.value.problems[0]).startswith(f"line {line}, field status_history[0].date:")
    assert table() == before


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": None}, "name"),
        ({"city": 12}, "city"),
        ({"country": "XX"}, "country"),
        ({"country": "DEU"}, "country"),
        ({"country": {"code": "ZZ", "name": "Nowhere"}}, "country.code"),
        ({"model": "shop"}, "model"),
        ({"website": "javascript:alert(1)"}, "website"),
        ({"website": "https://" + "a" * 500 + ".org"}, "website"),
        ({"public_id": "Has Spaces"}, "public_id"),
        ({"operator": "x" * 201}, "operator"),
        ({"operator": "line\nbreak"}, "operator"),
        ({"name": "bell\x07"}, "name"),
        ({"location": {"latitude": 91, "longitude": 0}}, "location.latitude"),
        ({"location": {"latitude": "52", "longitude": "x"}}, "location.longitude"),
        ({"location": {"latitude": True, "longitude": 0}}, "location.latitude"),
        ({"location": {"latitude": 1, "longitude": 1, "exact": True}}, "location.exact_latitude"),
        ({"location": {"latitude": 1, "longitude": 1, "exact": "yes"}}, "location.exact"),
        ({"location": None}, "location"),
        ({"source": {"title": "x", "url": "not a url"}}, "source.url"),
        ({"source": "a string"}, "source"),
        ({"status_history": []}, "status_history"),
        ({"status_history": None}, "status_history"),
        ({"status_history": "open"}, "status_history"),
        ({"status_history": [1]}, "status_history[0]"),
        (
            {"status_history": [{"date": "2020-01-01", "status": "open"}]},
            "status_history[0].source",
        ),
        (
            {"status_history": [{"date": "2020-01-01", "status": "gone", "source": "x"}]},
            "status_history[0].status",
        ),
        (
            {"status_history": [{"date": "2020-01-01", "status": "open", "source": "x"}] * 2},
            "status_history[1]",
        ),
        ({"snapshots": [{"as_of": "2020-01-01"}]}, "snapshots[0].source"),
        ({"snapshots": [{"as_of": "2020-02-30", "source": "x"}]}, "snapshots[0].as_of"),
        (
            {"snapshots": [{"as_of": "2020-01-01", "source": "x", "services": ["spa"]}]},
            "snapshots[0].services[0]",
        ),
        (
            {"snapshots": [{"as_of": "2020-01-01", "source": "x", "minimum_age": 1.5}]},
            "snapshots[0].minimum_age",
        ),
        (
            {
                "snapshots": [
                    {"as_of": "2020-01-01", "source": "x", "routes": [{"route": "oral"}] * 2}
                ]
            },
            "snapshots[0].routes[1].route",
        ),
        (
            {
                "snapshots": [
                    {
                        "as_of": "2020-01-01",
                        "source": "x",
                        "routes": [{"route": "oral", "places": -1}],
                    }
                ]
            },
            "snapshots[0].routes[0].places",
        ),
        (
            {
                "snapshots": [
                    {
                        "as_of": "2020-01-01",
                        "source": "x",
                        "opening_hours": [{"weekday": 7, "opens": "25:00", "closes": "1pm"}],
                    }
                ]
            },
            "snapshots[0].opening_hours[0].weekday",
        ),
        ({"snapshots": [{"as_of": "2020-01-01", "source": "x"}] * 2}, "snapshots[1].as_of"),
    ],
)
def test_a_bad_value_is_named_by_its_field(db, changes, field):
    with pytest.raises(ImportRefused) as refused:
        parse(as_file(item(**changes)), "json")
    assert field in [problem.field for problem in refused.value.problems]
    assert all(problem.line == 4 for problem in refused.value.problems)  # where the item starts


def test_every_problem_of_a_file_is_reported_at_once(db):
    data = as_file(item(name=""), item(country="XX"), item(public_id="a"), item(public_id="a"))
    with pytest.raises(ImportRefused) as refused:
        parse(data, "json")
    fields = [(p.field, p.message[:12]) for p in refused.value.problems]
    assert [f for f, _m in fields] == ["name", "country", "public_id"]
    assert "also on line" in refused.value.problems[-1].message


@pytest.mark.parametrize(
    "data",
    [
        b"\xff\xfe\x00garbage\x00\x81",
        bytes(range(256)) * 10,
        b"",
        "[" * 100_000 + "]" * 100_000,
        '{"facilities": ' + "[" * 50_000 + "]" * 50_000 + "}",
        '{"facilities": [' + '{"a": ' * 10_000 + "1" + "}" * 10_000 + "]}",
        "[]",
        "null",
        '"facilities"',
        '{"facilities": {}}',
        '{"facilities": "all"}',
        '{"facilities": [1, "x", null, []]}',
        '{"facilities": []}',
        '{"facilities": [{}]}',
        '{"facilities": [{"name": 1e999999, "city": -1e-999999}]}',
        '{"facilities": [{"name": ' + "9" * 5000 + "}]}",
        '{"facilities": [{"location": {"latitude": NaN, "longitude": Infinity}}]}',
        '{"facilities": [',
        '{"facilities": [{"name": "x"}]',
        '{"facilities": [{"name": "\\ud800"}]}',
        json.dumps({"facilities": [item(name="N" * 5_000_000)]}),
        json.dumps({"facilities": [item(description={"html": "<p>"})]}),
        json.dumps({"facilities": [item(snapshots=[{"as_of": 20200101, "source": ["x"]}])]}),
        json.dumps({"facilities": [item(status_history=[{"date": None, "status": {}}])]}),
    ],
)
def test_hostile_input_is_refused_never_a_crash(db, data):
    with pytest.raises(ImportRefused) as refused:
        parse(data, "json")
    assert refused.value.problems
    assert all(len(str(problem)) < 500 for problem in refused.value.problems)


def test_a_json_syntax_error_names_its_line(db):
    with pytest.raises(ImportRefused) as refused:
        parse('{\n "facilities": [\n  {"name": "x",}\n ]\n}', "json")
    assert refused.value.problems[0].line == 3


def test_download_only_members_and_unknown_keys_are_ignored(db):
    data = json.dumps(
        {
            "countries": ["x"],
            "licence": "CC BY 4.0",
            "facilities": [
                item(
                    status="closed",
                    status_since="2020-01-01",
                    routes=[1],
                    url="/x",
                    sources=[{"title": 1}],
                    country={"code": "DE", "name": "Germany"},
                    description={"markdown": "Hello", "html": "<p>Hello</p>"},
                )
            ],
        }
    )
    [record] = parse(data, "json")
    assert (record["fields"]["country"], record["fields"]["description"]) == ("DE", "Hello")


def test_import_file_takes_the_format_from_the_extension(db, tmp_path):
    path = tmp_path / "list.json"
    path.write_text(as_file(item()), encoding="utf-8")
    assert import_file(path, dry_run=True).created == ["de-testville-synthetic-room"]
    with pytest.raises(ImportRefused):
        import_file(tmp_path / "list.txt")
