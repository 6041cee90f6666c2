"""Export and erasure of visits: a person's export holds their requests (with their history),
the hosts they answer for and their answers, and nobody else's requests; after the account's
deletion their requests are gone, their host contact link is gone, and no visit text names
them."""

from __future__ import annotations

import json

import pytest

from dcrnet.community.erasure import delete_account
from dcrnet.community.models import Role
from dcrnet.visits import privacy, services
from dcrnet.visits.models import Event, Host, Visit

from .conftest import make_person, make_visit, soon

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(cast):
    """The host contact also asked the other host for a visit, and answered the requester."""
    contact = cast["host_contact"]
    own = make_visit(cast["other_host"], contact, purpose="We want to learn, host-contact says")
    services.answer(
        cast["visit"],
        by=contact,
        decision="propose",
        message="Ask host-contact@example.org at the door",
        first_date=soon(20),
        last_date=soon(20),
    )
    Visit.objects.filter(pk=cast["other_visit"].pk).update(
        purpose="We heard of host-contact from a colleague"
    )
    return {**cast, "own": own}


def test_the_export_holds_the_persons_rows_only(world):
    data = json.loads(json.dumps(privacy.export(world["host_contact"])))
    assert [v["public_id"] for v in data["visit_requests"]] == [str(world["own"].public_id)]
    assert data["visit_requests"][0]["history"][0]["kind"] == "requested"
    assert data["host_contact_of"] == [{"facility": "lu-abrigado"}]
    assert [a["kind"] for a in data["visit_answers"]] == ["proposed"]
    assert "See how the intake works." not in json.dumps(data)  # the requester's purpose

    requester = json.loads(json.dumps(privacy.export(world["requester"])))
    assert [v["public_id"] for v in requester["visit_requests"]] == [str(world["visit"].public_id)]
    assert [e["kind"] for e in requester["visit_requests"][0]["history"]] == [
        "requested",
        "proposed",
    ]
    assert requester["host_contact_of"] == [] and requester["visit_answers"] == []


def test_erasure_removes_requests_and_host_links_and_names(world):
    contact = world["host_contact"]
    host = world["host"]
    host.availability = "Mondays"
    host._history_user = contact
    host.save()
    delete_account(contact, keep_posts=False)

    assert not Visit.objects.filter(pk=world["own"].pk).exists()
    assert not Event.objects.filter(visit_id=world["own"].pk).exists()
    assert not Host.contacts.through.objects.filter(user_id=contact.pk).exists()
    assert not Host.history.model.objects.filter(history_user_id=contact.pk).exists()
    # Their answer stays with the requester's visit, as the host's, without their name.
    answer = Event.objects.get(visit=world["visit"], kind="proposed")
    assert answer.author is None and answer.by_host
    assert "host-contact" not in answer.message
    visit = Visit.objects.get(pk=world["visit"].pk)
    assert visit.decided_by is None and "host-contact" not in visit.host_message
    other = Visit.objects.get(pk=world["other_visit"].pk)
    assert "host-contact" not in other.purpose and "[deleted member]" in other.purpose


def test_erasure_of_a_requester_deletes_their_request_only(world):
    bystander = make_person("bystander", Role.MEMBER)
    theirs = make_visit(world["host"], bystander)
    delete_account(world["requester"], keep_posts=True)
    assert not Visit.objects.filter(pk=world["visit"].pk).exists()
    assert Visit.objects.filter(pk=theirs.pk).exists()
    assert Visit.objects.filter(pk=world["other_visit"].pk).exists()
