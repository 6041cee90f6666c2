"""What the pages show: the hosts and the public visits (demonstration entries marked), the
block on a facility's page, a person's visits with the open ones first."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from dcrnet.visits.models import Visit, VisitStatus

from .conftest import client_for, make_host, make_visit, soon

pytestmark = pytest.mark.django_db


def _public(visit, **extra):
    Visit.objects.filter(pk=visit.pk).update(
        status=VisitStatus.ACCEPTED, public_by_requester=True, public_by_host=True, **extra
    )


def test_the_hosts_page_lists_receiving_hosts_and_public_visits(cast, make_facility):
    closed = make_facility("fr-closed-doors", country="FR", city="Paris", name="Closed Doors")
    make_host(closed, receives_visits=False)
    cast["other_host"].is_demo = True
    cast["other_host"].save()
    _public(cast["other_visit"], is_demo=True)
    Visit.objects.filter(pk=cast["visit"].pk).update(
        status=VisitStatus.ACCEPTED,
        public_by_requester=True,  # the host has not agreed
    )
    page = Client().get(reverse("visits:hosts")).content.decode()
    assert "Abrigado" in page and "Other Room" in page and "Closed Doors" not in page
    assert "Tuesday mornings" in page and "English, French" in page
    assert page.count("Demonstration content") == 2  # the demo host and the demo visit
    public = page.split('id="visits-h"')[1]
    assert "Other Room" in public and "Abrigado" not in public
    assert "Another team" not in page  # the purpose is never public
    assert "other-member" not in page  # nor who asked
    # Members get the link to ask; others are told how to join.
    assert reverse("visits:ask", kwargs={"facility": "lu-abrigado"}) not in page
    members = client_for(cast["member"]).get(reverse("visits:hosts")).content.decode()
    assert reverse("visits:ask", kwargs={"facility": "lu-abrigado"}) in members


def test_the_facility_page_says_whether_and_when_it_receives_visits(cast, make_facility):
    facility = cast["facility"]
    page = Client().get(facility.get_absolute_url()).content.decode()
    assert "Exchange visits" in page and "Tuesday mornings" in page
    assert "receives visits" in page
    _public(cast["visit"])
    member = client_for(cast["member"]).get(facility.get_absolute_url()).content.decode()
    assert reverse("visits:ask", kwargs={"facility": facility.public_id}) in member
    assert "Visits shown publicly" in member
    contact = client_for(cast["host_contact"]).get(facility.get_absolute_url()).content.decode()
    assert reverse("visits:host_edit", kwargs={"facility": facility.public_id}) in contact
    assert reverse("visits:ask", kwargs={"facility": facility.public_id}) not in contact

    cast["host"].receives_visits = False
    cast["host"].save()
    page = Client().get(facility.get_absolute_url()).content.decode()
    assert "does not receive visits at the moment" in page and "Tuesday mornings" not in page

    no_host = make_facility("be-no-host", country="BE", city="Brussels", name="No Host")
    page = Client().get(no_host.get_absolute_url()).content.decode()
    assert "Exchange visits" not in page


def test_a_change_of_terms_reaches_the_cached_anonymous_page(cast, settings):
    settings.PAGE_CACHE_SECONDS = 300
    url = cast["facility"].get_absolute_url()
    assert "Tuesday mornings" in Client().get(url).content.decode()
    cast["host"].availability = "Friday afternoons"
    cast["host"].save()
    assert "Friday afternoons" in Client().get(url).content.decode()
    _public(cast["visit"])  # an update() sends no signal …
    visit = Visit.objects.get(pk=cast["visit"].pk)
    visit.save()  # … a save does
    assert "Visits shown publicly" in Client().get(url).content.decode()


def test_my_visits_put_open_ones_first(cast):
    requester, host = cast["requester"], cast["host"]
    Visit.objects.filter(pk=cast["visit"].pk).update(status=VisitStatus.DECLINED)
    second = make_visit(cast["other_host"], requester, first=soon(30), last=soon(30))
    Visit.objects.filter(pk=second.pk).update(status=VisitStatus.PROPOSED)
    page = client_for(requester).get(reverse("visits:mine")).content.decode()
    assert page.index("Other Room") < page.index("Abrigado")
    contact = client_for(cast["host_contact"]).get(reverse("visits:mine")).content.decode()
    assert "Requests to your facilities" in contact and "requester" in contact
    assert reverse("visits:host_edit", kwargs={"facility": host.facility.public_id}) in contact
    assert "Other Room" not in contact
    member = client_for(cast["member"]).get(reverse("visits:mine")).content.decode()
    assert "You have not asked for a visit yet." in member
    assert "Requests to your facilities" not in member


def test_the_visit_page_shows_the_history_and_the_choices_of_each_side(cast):
    from dcrnet.visits import services

    visit = cast["visit"]
    services.answer(
        visit,
        by=cast["host_contact"],
        decision="propose",
        message="Next month suits us.",
        first_date=soon(40),
        last_date=soon(41),
    )
    requester = client_for(cast["requester"]).get(visit.get_absolute_url()).content.decode()
    assert "Proposed other dates" in requester and "Next month suits us." in requester
    assert reverse("visits:respond", kwargs={"public_id": visit.public_id}) in requester
    assert "Abrigado (host-contact)" in requester
    services.take_proposal(visit, by=cast["requester"])
    host = client_for(cast["host_contact"]).get(visit.get_absolute_url()).content.decode()
    assert "Accepted the proposed dates" in host
    assert reverse("visits:publicity", kwargs={"public_id": visit.public_id}) in host
    assert reverse("visits:respond", kwargs={"public_id": visit.public_id}) not in host


def test_a_visit_without_history_shows_its_request(cast):
    visit = cast["visit"]
    visit.events.all().delete()
    page = client_for(cast["host_contact"]).get(visit.get_absolute_url()).content.decode()
    assert "Asked for a visit" in page


def test_the_hosts_page_costs_the_same_queries_for_more_hosts(cast, make_facility):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        client = client_for(cast["member"])
        client.get(reverse("visits:hosts"))  # warm: session, roles
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("visits:hosts")).status_code == 200
        return len(captured)

    before = queries()
    for n in range(4):
        facility = make_facility(f"nl-room-{n}", country="NL", city="Utrecht", name=f"Room {n}")
        host = make_host(facility)
        _public(make_visit(host, cast["other_member"]))
    assert queries() == before


def test_a_contact_is_not_offered_to_ask_its_own_facility(cast):
    page = client_for(cast["host_contact"]).get(reverse("visits:hosts")).content.decode()
    assert reverse("visits:ask", kwargs={"facility": "lu-abrigado"}) not in page
    assert reverse("visits:ask", kwargs={"facility": "de-other-room"}) in page


@pytest.mark.parametrize("who", ["editor", "staff"])
def test_the_admin_pages_open(cast, who):
    client = client_for(cast[who])
    host = cast["host"]
    assert client.get(reverse("admin:visits_host_changelist")).status_code == 200
    assert client.get(reverse("admin:visits_host_change", args=[host.pk])).status_code == 200
    assert client.get(reverse("admin:visits_host_history", args=[host.pk])).status_code == 200
    visit_page = client.get(reverse("admin:visits_visit_change", args=[cast["visit"].pk]))
    # Visits are people's data: staff read them, editors do not.
    assert visit_page.status_code == (200 if who == "staff" else 403)
    if who == "staff":
        assert b"See how the intake works." in visit_page.content
        assert client.get(reverse("admin:visits_visit_add")).status_code == 403


def test_a_host_nobody_answers_for_receives_no_request(cast, make_facility):
    """A host without (active) contacts: a request would reach no one, so the facility is not
    listed, its page says it does not receive visits, and asking is 404."""
    from dcrnet.lib.refusals import NotFound
    from dcrnet.visits import services

    lonely = make_facility("nl-lonely-room", country="NL", city="Utrecht", name="Lonely Room")
    host = make_host(lonely, cast["other_contact"])
    cast["other_contact"].is_active = False
    cast["other_contact"].save()
    page = client_for(cast["member"]).get(reverse("visits:hosts")).content.decode()
    assert "Lonely Room" not in page and "Abrigado" in page
    page = client_for(cast["member"]).get(lonely.get_absolute_url()).content.decode()
    assert "does not receive visits at the moment" in page
    ask = reverse("visits:ask", kwargs={"facility": lonely.public_id})
    assert ask not in page
    assert client_for(cast["member"]).get(ask).status_code == 404
    with pytest.raises(NotFound):
        services.ask(
            host,
            by=cast["member"],
            first_date=soon(),
            last_date=soon(),
            group_size=2,
            purpose="See the room",
            languages=["en"],
        )
    assert not Visit.objects.filter(host=host).exists()
