"""GET /api/v1/alerts and /api/v1/alerts/{public_id}: who sees which grades, the payload, the
refusals, and the OpenAPI document."""

from __future__ import annotations

import uuid

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from dcrnet.alerts.deliveries import alert_payload
from dcrnet.alerts.models import NamingConsent, Region
from dcrnet.community.models import Role
from dcrnet.directory.schemas import DEFAULT_LIMIT
from dcrnet.monitoring.services import create_token

from . import test_deliveries

pytestmark = pytest.mark.django_db

region, make_alert = test_deliveries.region, test_deliveries.make_alert  # fixtures

LIST = "/api/v1/alerts"


def one(public_id) -> str:
    return f"{LIST}/{public_id}"


@pytest.fixture
def alerts(make_alert):
    """A red, an amber, a network-only and a retracted alert, oldest first."""
    red = make_alert(grade="red")
    amber = make_alert(grade="amber", region=None)
    network = make_alert(grade="network")
    retracted = make_alert(
        grade="red", version=2, retracted=timezone.now(), retraction_reason="Lab error."
    )
    return {"red": red, "amber": amber, "network": network, "retracted": retracted}


def ids(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


def token_of(user) -> dict:
    _row, raw = create_token(user)
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


# --- who sees what -----------------------------------------------------------------------------


def test_anonymous_callers_get_the_public_grades_newest_first(client, alerts):
    response = client.get(LIST)
    assert ids(response) == [str(alerts[name].public_id) for name in ("retracted", "amber", "red")]
    body = response.json()
    assert (body["count"], body["limit"], body["offset"]) == (3, DEFAULT_LIMIT, 0)
    assert body["items"][0]["retracted"] is not None
    assert body["items"][0]["retraction_reason"] == "Lab error."
    assert body["items"][0]["event"] == "alert.retracted"


def test_an_item_is_the_webhook_payload(client, alerts):
    item = client.get(one(alerts["red"].public_id)).json()
    assert item == alert_payload(alerts["red"])


def test_a_signed_in_member_also_gets_the_network_grade(client, member, alerts):
    client.force_login(member)
    assert str(alerts["network"].public_id) in ids(client.get(LIST))
    assert client.get(one(alerts["network"].public_id)).status_code == 200


def test_a_member_with_a_personal_token_also_gets_the_network_grade(client, reporter, alerts):
    reporter.groups.add(Group.objects.get_or_create(name=Role.MEMBER)[0])
    headers = token_of(reporter)
    assert str(alerts["network"].public_id) in ids(client.get(LIST, **headers))
    response = client.get(one(alerts["network"].public_id), **headers)
    assert response.status_code == 200
    assert response.json()["public"] is False


def test_a_token_of_someone_outside_the_network_gets_public_grades_only(client, reporter, alerts):
    headers = token_of(reporter)  # a facility reporter who is not a member
    assert str(alerts["network"].public_id) not in ids(client.get(LIST, **headers))
    assert client.get(one(alerts["network"].public_id), **headers).status_code == 404


def test_the_network_grade_is_not_found_for_anonymous_callers(client, alerts):
    response = client.get(one(alerts["network"].public_id))
    assert response.status_code == 404
    assert ids(client.get(f"{LIST}?grade=network")) == []


def test_an_invalid_token_is_refused_not_ignored(client, alerts):
    for header in ("Bearer dcr_not-a-token", "Basic abc"):
        response = client.get(LIST, HTTP_AUTHORIZATION=header)
        assert response.status_code == 401
        assert [p["parameter"] for p in response.json()["problems"]] == ["Authorization"]


# --- filters and paging ------------------------------------------------------------------------


def test_it_filters_by_region_and_grade(client, alerts, region):
    assert ids(client.get(f"{LIST}?grade=amber")) == [str(alerts["amber"].public_id)]
    assert set(ids(client.get(f"{LIST}?region={region.slug}"))) == {
        str(alerts["red"].public_id),
        str(alerts["retracted"].public_id),
    }


def test_it_pages(client, alerts):
    first = client.get(f"{LIST}?limit=2").json()
    second = client.get(f"{LIST}?limit=2&offset=2").json()
    assert first["count"] == second["count"] == 3
    assert len(first["items"]) == 2 and len(second["items"]) == 1
    assert {i["id"] for i in first["items"]}.isdisjoint({i["id"] for i in second["items"]})


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("region=atlantis", "region"),
        ("region=no%20spaces", "region"),
        ("grade=purple", "grade"),
        ("limit=0", "limit"),
        ("offset=-1", "offset"),
        ("colour=red", "colour"),
    ],
)
def test_bad_parameters_are_refused_naming_them(client, alerts, query, parameter):
    response = client.get(f"{LIST}?{query}")
    assert response.status_code == 422
    assert [p["parameter"] for p in response.json()["problems"]] == [parameter]


def test_an_id_that_is_not_a_uuid_is_refused_and_an_unknown_one_not_found(client, alerts):
    response = client.get(one("not-a-uuid"))
    assert response.status_code == 422
    assert [p["parameter"] for p in response.json()["problems"]] == ["public_id"]
    assert client.get(one(uuid.uuid4())).status_code == 404


# --- what it shows -----------------------------------------------------------------------------


def test_small_counts_and_unconsenting_facilities_stay_hidden(client, make_alert, facility):
    alert = make_alert(counts={"samples": 2}, observed=2, p_value=0.01)
    alert.named_facilities.add(facility)
    item = client.get(one(alert.public_id)).json()
    assert item["counts"] == {"samples": "<5"}
    assert (item["observed"], item["p_value"]) == ("<5", None)
    assert item["facilities_named"] == []
    NamingConsent.objects.create(facility=facility)
    assert client.get(one(alert.public_id)).json()["facilities_named"] == [facility.name]


def test_the_list_costs_the_same_queries_for_many_alerts(
    client, make_alert, django_assert_max_num_queries
):
    for _ in range(3):
        make_alert()
    with django_assert_max_num_queries(12) as few:
        client.get(LIST)
    for _ in range(20):
        make_alert(sold_as=make_alert().substance)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(ids(client.get(LIST))) == 23 + 20


# --- the document ------------------------------------------------------------------------------


def test_the_openapi_document_describes_both_endpoints(client, region):
    Region.objects.create(slug="berlin", name="Berlin", country=region.country)
    document = client.get("/api/v1/openapi.json").json()
    listing = document["paths"][LIST]["get"]
    single = document["paths"][LIST + "/{public_id}"]["get"]
    for operation in (listing, single):
        assert {} in operation["security"]  # the token is optional
        assert {"ReporterTokenAuth": []} in operation["security"]
    parameters = {p["name"]: p for p in listing["parameters"]}
    assert set(parameters) == {"region", "grade", "limit", "offset"}
    region_schema = next(
        branch for branch in parameters["region"]["schema"]["anyOf"] if branch.get("enum")
    )
    assert region_schema["enum"] == ["berlin", "luxembourg"]
    assert {"200", "401", "403", "404", "422"} <= set(single["responses"])
    item = document["components"]["schemas"]["AlertOut"]
    assert {"id", "grade", "counts", "observed", "p_value", "retracted"} <= set(item["properties"])
