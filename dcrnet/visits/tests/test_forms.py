"""Asking and answering through the pages: dates, group size and languages are checked with a
message on the field; hostile or absurd input is a form error, never a 500; hostile text
stays text on every page that shows it."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from dcrnet.organisations.models import Membership
from dcrnet.organisations.models import Status as MembershipStatus
from dcrnet.organisations.tests.conftest import make_organisation
from dcrnet.visits.models import Event, Visit, VisitStatus
from testing.xss import XSS, unsafe_markup

from .conftest import client_for

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2030, 3, 2, 10, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def frozen():
    """The whole test on 2 March 2030 (sessions, dates and the cast alike)."""
    with time_machine.travel(NOW, tick=False):
        yield


def ask_url(cast) -> str:
    return reverse("visits:ask", kwargs={"facility": cast["facility"].public_id})


def good(**changes) -> dict:
    data = {
        "first_date": "2030-03-10",
        "last_date": "2030-03-11",
        "group_size": "4",
        "purpose": "See how the intake and the peer workers' shifts work.",
        "languages": ["en", "de"],
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def errors_of(response) -> dict[str, list[str]]:
    form = response.context["form"]
    return {name: [str(e) for e in errs] for name, errs in form.errors.items()}


def test_a_member_asks_for_a_visit(cast):
    response = client_for(cast["member"]).post(ask_url(cast), good())
    visit = Visit.objects.get(requester=cast["member"])
    assert response.status_code == 302 and response["Location"] == visit.get_absolute_url()
    assert (visit.first_date, visit.last_date, visit.group_size) == (
        dt.date(2030, 3, 10),
        dt.date(2030, 3, 11),
        4,
    )
    assert visit.languages == ["en", "de"] and visit.status == VisitStatus.REQUESTED
    assert [e.kind for e in visit.events.all()] == ["requested"]


BAD = [
    ({"first_date": "2030-03-02", "last_date": "2030-03-02"}, "first_date", "in the future"),
    ({"first_date": "2030-02-01", "last_date": "2030-02-02"}, "first_date", "in the future"),
    ({"first_date": "2030-03-10", "last_date": "2030-03-09"}, "last_date", "before the first"),
    ({"first_date": "2030-03-10", "last_date": "2030-03-24"}, "last_date", "at most 14 days"),
    ({"first_date": "2033-03-10", "last_date": "2033-03-11"}, "first_date", "two years"),
    ({"first_date": "10/03/2030x"}, "first_date", "valid date"),
    ({"first_date": "99999-01-01"}, "first_date", "valid date"),
    ({"last_date": None}, "last_date", "required"),
    ({"group_size": "7"}, "group_size", "at most 6 people"),
    ({"group_size": "0"}, "group_size", "at least one"),
    ({"group_size": "-3"}, "group_size", "at least one"),
    ({"group_size": "99999999999999999999999"}, "group_size", "at most 6 people"),
    ({"group_size": "four"}, "group_size", "whole number"),
    ({"languages": None}, "languages", "at least one language"),
    ({"languages": ["xx"]}, "languages", "not one of the available choices"),
    ({"languages": ["en", "<script>"]}, "languages", "not one of the available choices"),
    ({"purpose": "   "}, "purpose", "required"),
    ({"purpose": "x" * 3001}, "purpose", "at most 3000"),
]


@pytest.mark.parametrize(("changes", "field", "words"), BAD)
def test_a_mistake_is_an_error_on_its_field(cast, changes, field, words):
    response = client_for(cast["member"]).post(ask_url(cast), good(**changes))
    assert response.status_code == 400
    errors = errors_of(response)
    assert field in errors, errors
    assert any(words in message for message in errors[field]), errors[field]
    page = response.content.decode()
    assert 'aria-invalid="true"' in page and f"id_{field}_error" in page
    assert not Visit.objects.filter(requester=cast["member"]).exists()


def test_a_member_may_ask_on_behalf_of_their_own_organisation_only(cast):
    mine = make_organisation("Our Team")
    pending = make_organisation("Pending Org")
    Membership.objects.create(
        user=cast["member"], organisation=mine, status=MembershipStatus.APPROVED
    )
    Membership.objects.create(
        user=cast["member"], organisation=pending, status=MembershipStatus.PENDING
    )
    client = client_for(cast["member"])
    page = client.get(ask_url(cast)).content.decode()
    assert 'value="our-team"' in page and "pending-org" not in page
    refused = client.post(ask_url(cast), good(organisation="pending-org"))
    assert refused.status_code == 400
    assert "organisation" in refused.context["form"].errors
    assert client.post(ask_url(cast), good(organisation="our-team")).status_code == 302
    assert Visit.objects.get(requester=cast["member"]).organisation == mine


def test_a_second_open_request_is_refused_clearly(cast):
    client = client_for(cast["requester"])
    page = client.get(ask_url(cast))
    assert b"You already have an open request" in page.content
    response = client.post(ask_url(cast), good())
    assert response.status_code == 409
    assert b"already have an open request" in response.content
    assert cast["visit"].get_absolute_url().encode() in response.content
    assert Visit.objects.filter(requester=cast["requester"]).count() == 1


def test_after_a_withdrawal_the_requester_may_ask_again(cast):
    Visit.objects.filter(pk=cast["visit"].pk).update(status=VisitStatus.WITHDRAWN)
    response = client_for(cast["requester"]).post(ask_url(cast), good())
    assert response.status_code == 302
    assert Visit.objects.filter(requester=cast["requester"]).count() == 2


@pytest.mark.parametrize("text", XSS)
def test_hostile_text_in_the_purpose_and_the_messages_stays_text(cast, text):
    client = client_for(cast["member"])
    response = client.post(ask_url(cast), good(purpose=text))
    visit = Visit.objects.get(requester=cast["member"])
    assert response.status_code == 302 and response["Location"] == visit.get_absolute_url()
    host = client_for(cast["host_contact"])
    answer = reverse("visits:answer", kwargs={"public_id": visit.public_id})
    assert (
        host.post(
            answer,
            {
                "decision": "propose",
                "first_date": "2030-03-12",
                "last_date": "2030-03-12",
                "message": text,
            },
        ).status_code
        == 302
    )
    respond = reverse("visits:respond", kwargs={"public_id": visit.public_id})
    assert client.post(respond, {"decision": "accept"}).status_code == 302
    withdraw = reverse("visits:withdraw", kwargs={"public_id": visit.public_id})
    assert client.post(withdraw, {"message": text}).status_code == 302
    for viewer in (client, host, client_for(cast["staff"])):
        page = viewer.get(visit.get_absolute_url())
        assert page.status_code == 200
        assert unsafe_markup(page.content.decode()) == []
    mine = host.get(reverse("visits:mine")).content.decode()
    assert unsafe_markup(mine) == []
    assert Event.objects.filter(visit=visit, message=text.strip()).count() == 2


def test_no_answer_form_input_gives_a_500(cast):
    visit = cast["visit"]
    host = client_for(cast["host_contact"])
    url = reverse("visits:answer", kwargs={"public_id": visit.public_id})
    inputs = [
        {},
        {"decision": "maybe"},
        {"decision": "propose", "message": "When?"},
        {
            "decision": "propose",
            "first_date": "2000-01-01",
            "last_date": "2000-01-02",
            "message": "x",
        },
        {"decision": "propose", "first_date": "nonsense", "last_date": "", "message": "x"},
        {"decision": "decline"},
        {"decision": "decline", "message": "x" * 3001},
        {"decision": "decline", "message": "   \n "},
    ]
    for data in inputs:
        response = host.post(url, data)
        assert response.status_code == 400, data
        assert unsafe_markup(response.content.decode()) == []
    visit.refresh_from_db()
    assert visit.status == VisitStatus.REQUESTED
    # The errors sit on their fields.
    response = host.post(url, {"decision": "propose"})
    errors = response.context["answer_form"].errors
    assert set(errors) == {"first_date", "last_date", "message"}


@pytest.mark.parametrize(
    ("action", "data"),
    [("respond", {}), ("respond", {"decision": "later"}), ("publicity", {"public": "maybe"})],
)
def test_bad_choices_of_the_requester_are_400(cast, action, data):
    visit = cast["visit"]
    Visit.objects.filter(pk=visit.pk).update(status=VisitStatus.ACCEPTED)
    response = client_for(cast["requester"]).post(
        reverse(f"visits:{action}", kwargs={"public_id": visit.public_id}), data
    )
    assert response.status_code == 400


def test_the_host_edits_its_terms(cast):
    host = cast["host"]
    url = reverse("visits:host_edit", kwargs={"facility": host.facility.public_id})
    client = client_for(cast["host_contact"])
    bad = client.post(url, {"max_group_size": "51", "languages": ["zz"], "notes": "x" * 3001})
    assert bad.status_code == 400
    assert set(bad.context["form"].errors) == {"max_group_size", "languages", "notes"}
    response = client.post(
        url,
        {
            "receives_visits": "on",
            "availability": "Wednesdays",
            "max_group_size": "3",
            "languages": ["de", "en"],
            "notes": XSS[1],
        },
    )
    assert response.status_code == 302
    host.refresh_from_db()
    assert (host.availability, host.max_group_size, host.languages) == (
        "Wednesdays",
        3,
        ["de", "en"],
    )
    assert host.history.first().history_user == cast["host_contact"]
    facility_page = client_for(None).get(host.facility.get_absolute_url()).content.decode()
    assert "Wednesdays" in facility_page and unsafe_markup(facility_page) == []
    # A lower limit applies to the next request.
    response = client_for(cast["member"]).post(ask_url(cast), good(group_size="4"))
    assert response.status_code == 400 and "at most 3 people" in str(
        response.context["form"].errors["group_size"]
    )
