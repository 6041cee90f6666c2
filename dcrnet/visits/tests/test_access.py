"""Who may open which page and take which action, for the whole cast (anonymous, non-member,
member, requester, another member, host contact, contact of another host, editor, staff), and
IDOR: another person's visit by its public id."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from django.urls import reverse

from dcrnet.visits.models import Event, Visit, VisitStatus

from .conftest import LOGIN, PEOPLE, client_for, outcome, soon

pytestmark = pytest.mark.django_db


def row(default, **special):
    return {who: special.get(who, default) for who in PEOPLE}


def pages(cast):
    visit = cast["visit"]
    facility = cast["facility"].public_id
    at = {"public_id": visit.public_id}
    return {
        "hosts": (reverse("visits:hosts"), row(200)),
        "mine": (reverse("visits:mine"), row(200, anonymous=LOGIN)),
        "ask": (
            reverse("visits:ask", kwargs={"facility": facility}),
            row(
                200,
                anonymous=LOGIN,
                non_member=403,
                host_contact=403,
                editor=403,
                staff=403,
            ),
        ),
        "ask_unknown": (
            reverse("visits:ask", kwargs={"facility": "no-such-facility"}),
            row(404, anonymous=LOGIN),
        ),
        "host_edit": (
            reverse("visits:host_edit", kwargs={"facility": facility}),
            row(404, anonymous=LOGIN, host_contact=200),
        ),
        "host_edit_unknown": (
            reverse("visits:host_edit", kwargs={"facility": "no-such-facility"}),
            row(404, anonymous=LOGIN),
        ),
        "visit": (
            reverse("visits:visit", kwargs=at),
            row(404, anonymous=LOGIN, requester=200, host_contact=200, staff=200),
        ),
        "visit_unknown": (
            reverse("visits:visit", kwargs={"public_id": uuid.uuid4()}),
            row(404, anonymous=LOGIN),
        ),
        **{
            action: (reverse(f"visits:{action}", kwargs=at), row(405, anonymous=LOGIN))
            for action in ("answer", "respond", "withdraw", "publicity")
        },
    }


@pytest.mark.parametrize("who", PEOPLE)
def test_every_page_for_every_person(cast, who):
    client = client_for(cast[who])
    got, want = {}, {}
    for name, (url, expected) in pages(cast).items():
        got[name] = outcome(client.get(url))
        want[name] = expected[who]
    assert got == want


def _prepare(visit, status):
    Visit.objects.filter(pk=visit.pk).update(
        status=status, proposed_first_date=soon(20), proposed_last_date=soon(21)
    )


# action → (state before, POST data, expected outcome by person)
ACTIONS = {
    "answer": (
        VisitStatus.REQUESTED,
        {"decision": "accept"},
        row(404, anonymous=LOGIN, host_contact=302, requester=403, staff=403),
    ),
    "respond": (
        VisitStatus.PROPOSED,
        {"decision": "accept"},
        row(404, anonymous=LOGIN, requester=302, host_contact=403, staff=403),
    ),
    "withdraw": (
        VisitStatus.REQUESTED,
        {},
        row(404, anonymous=LOGIN, requester=302, host_contact=403, staff=403),
    ),
    "publicity": (
        VisitStatus.ACCEPTED,
        {"public": "yes"},
        row(404, anonymous=LOGIN, requester=302, host_contact=302, staff=403),
    ),
}


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("who", PEOPLE)
def test_every_action_for_every_person(cast, who, action):
    visit = cast["visit"]
    state, data, expected = ACTIONS[action]
    _prepare(visit, state)
    before = Visit.objects.values().get(pk=visit.pk)
    events = Event.objects.filter(visit=visit).count()
    url = reverse(f"visits:{action}", kwargs={"public_id": visit.public_id})
    response = client_for(cast[who]).post(url, data)
    assert outcome(response) == expected[who]
    after = Visit.objects.values().get(pk=visit.pk)
    if expected[who] == 302:
        assert response["Location"] == visit.get_absolute_url()
        assert after != before
    else:
        assert after == before
        assert Event.objects.filter(visit=visit).count() == events


@pytest.mark.parametrize("who", ["requester", "host_contact", "staff"])
def test_the_visit_page_shows_what_each_side_may_do(cast, who):
    visit = cast["visit"]
    page = client_for(cast[who]).get(visit.get_absolute_url()).content.decode()
    answer = reverse("visits:answer", kwargs={"public_id": visit.public_id})
    withdraw = reverse("visits:withdraw", kwargs={"public_id": visit.public_id})
    assert (answer in page) == (who == "host_contact")
    assert (withdraw in page) == (who == "requester")
    assert "See how the intake works." in page


def test_idor_another_persons_visit_by_public_id(cast):
    client = client_for(cast["other_member"])
    for public_id in (cast["visit"].public_id, uuid.uuid4()):
        for name in ("visit", "answer", "respond", "withdraw", "publicity"):
            url = reverse(f"visits:{name}", kwargs={"public_id": public_id})
            response = client.get(url) if name == "visit" else client.post(url, {"x": "1"})
            assert response.status_code == 404, name
    own = reverse("visits:visit", kwargs={"public_id": cast["other_visit"].public_id})
    assert client.get(own).status_code == 200


def test_the_contact_of_another_host_cannot_edit_this_hosts_terms(cast):
    host = cast["host"]
    url = reverse("visits:host_edit", kwargs={"facility": host.facility.public_id})
    response = client_for(cast["other_contact"]).post(
        url, {"receives_visits": "", "max_group_size": "1", "availability": "never"}
    )
    assert response.status_code == 404
    host.refresh_from_db()
    assert host.receives_visits and host.availability == "Tuesday mornings"


def test_a_facility_that_does_not_receive_visits_cannot_be_asked(cast):
    host = cast["host"]
    host.receives_visits = False
    host.save()
    url = reverse("visits:ask", kwargs={"facility": host.facility.public_id})
    client = client_for(cast["member"])
    assert client.get(url).status_code == 404
    response = client.post(
        url,
        {
            "first_date": soon(5).isoformat(),
            "last_date": soon(5).isoformat(),
            "group_size": "2",
            "purpose": "x",
            "languages": ["en"],
        },
    )
    assert response.status_code == 404
    assert not Visit.objects.filter(requester=cast["member"]).exists()


def test_an_unpublished_facility_cannot_be_asked(cast):
    facility = cast["facility"]
    facility.published = False
    facility.save()
    url = reverse("visits:ask", kwargs={"facility": facility.public_id})
    assert client_for(cast["member"]).get(url).status_code == 404
    assert cast["host"].facility.public_id not in client_for(None).get(
        reverse("visits:hosts")
    ).content.decode().replace(cast["other_facility"].public_id, "")


def test_staff_see_every_visit_but_answer_none(cast):
    visit = cast["visit"]
    client = client_for(cast["staff"])
    assert client.get(visit.get_absolute_url()).status_code == 200
    response = client.post(
        reverse("visits:answer", kwargs={"public_id": visit.public_id}),
        {"decision": "decline", "message": "no"},
    )
    assert response.status_code == 403
    assert b"Only the host facility" in response.content
    visit.refresh_from_db()
    assert visit.status == VisitStatus.REQUESTED


def test_dates_past_a_withdrawal_are_refused_clearly(cast):
    visit = cast["visit"]
    Visit.objects.filter(pk=visit.pk).update(
        status=VisitStatus.ACCEPTED, first_date=dt.date(2000, 1, 1), last_date=dt.date(2000, 1, 2)
    )
    response = client_for(cast["requester"]).post(
        reverse("visits:withdraw", kwargs={"public_id": visit.public_id})
    )
    assert response.status_code == 409
    assert b"can no longer be withdrawn" in response.content
