"""An endorsement's life through the pages: sent by the contact, invisible while pending,
approved by staff (the contact told by email, in their language, once), listed by kind and
country, withdrawn (dropped from the list, counted, its date kept in history), declined with
a reason; and a person's signature as they chose to be shown."""

from __future__ import annotations

import pytest

from dcrnet.advocacy import services, tasks
from dcrnet.advocacy.models import Delivery, Endorsement, Signature, Status
from dcrnet.organisations.models import Kind as OrganisationKind

from .conftest import endorsement, make_contact, make_initiative, make_organisation

pytestmark = pytest.mark.django_db


def endorsers_section(response) -> str:
    page = response.content.decode()
    return page.split('id="endorsers-heading"', 1)[1].split("</section>", 1)[0]


def test_an_endorsement_is_shown_once_staff_approve_it(
    as_user,
    contact,
    staff,
    initiative,
    organisation,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    contact.language = "fr"
    contact.save()
    page = initiative.get_absolute_url()
    client = as_user(contact)
    response = client.post(f"{page}endorse/", {"organisation": organisation.pk}, follow=True)
    assert "It is shown once staff approve it" in response.content.decode()
    assert "is waiting for approval by staff" in response.content.decode()
    given = Endorsement.objects.get()
    assert given.status == Status.PENDING
    anonymous = as_user(None)
    assert "Abrigado Operator" not in endorsers_section(anonymous.get(page))
    assert "Abrigado Operator" not in anonymous.get(f"{page}endorsers.csv").content.decode()

    desk = as_user(staff)
    assert "Abrigado Operator" in desk.get("/advocacy/review/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = desk.post(
            f"/advocacy/review/{given.pk}/decide/", {"decision": "approve"}, follow=True
        )
    assert "is approved" in response.content.decode()
    given.refresh_from_db()
    assert (given.status, given.decided_by) == (Status.APPROVED, staff)

    section = endorsers_section(anonymous.get(page))
    assert "1 organisation of the network endorses this initiative." in section
    assert "Abrigado Operator" in section and "DCR operator" in section and "Luxembourg" in section
    [mail] = mailoutbox
    assert mail.to == [contact.email]
    assert "accepté" in mail.subject  # in the contact's language
    assert f"/fr/advocacy/{initiative.slug}/" in mail.body
    # The task again (a retry, a second worker): nothing more is sent.
    assert tasks.send_notice.call("decided", given.pk) is False
    assert len(mailoutbox) == 1 and Delivery.objects.count() == 1


def test_counts_per_kind_and_per_country(as_user, initiative):
    rows = [
        ("Operator Luxembourg", OrganisationKind.DCR_OPERATOR, "LU"),
        ("Operator Lux Two", OrganisationKind.DCR_OPERATOR, "LU"),
        ("Peers Berlin", OrganisationKind.PEER_GROUP, "DE"),
        ("Institute Nowhere", OrganisationKind.RESEARCH, ""),
    ]
    for name, kind, country in rows:
        endorsement(initiative, make_organisation(name, kind=kind, country=country))
    endorsement(initiative, make_organisation("Waiting NGO", kind="ngo"), status=Status.PENDING)
    endorsement(initiative, make_organisation("Declined NGO", kind="ngo"), status=Status.DECLINED)
    gone = make_organisation("Left the network", status="declined")
    endorsement(initiative, gone)  # its organisation is no longer one of the network's

    from dcrnet.advocacy import selectors

    found = selectors.endorsers(initiative)
    assert found.total == 4
    assert found.kind_counts == [
        ("DCR operator", 2),
        ("Peer group of people who use drugs", 1),
        ("Research institute", 1),
    ]
    assert found.country_counts == [("LU", "Luxembourg", 2), ("DE", "Germany", 1), ("", "", 1)]
    section = endorsers_section(as_user(None).get(initiative.get_absolute_url()))
    assert "4 organisations of the network endorse this initiative." in section
    for name in ("Waiting NGO", "Declined NGO", "Left the network"):
        assert name not in section
    assert "No country given" in section
    assert selectors.endorser_count(initiative) == 4


def test_a_withdrawal_is_counted_not_named_and_its_date_kept(
    as_user, contact, initiative, organisation
):
    given = endorsement(initiative, organisation, endorsed_by=contact)
    response = as_user(contact).post(f"/advocacy/endorsements/{given.pk}/withdraw/", follow=True)
    assert "is withdrawn" in response.content.decode()
    given.refresh_from_db()
    assert given.status == Status.WITHDRAWN and given.withdrawn_at is not None
    assert given.withdrawn_by == contact
    history = list(given.history.order_by("history_date").values_list("status", "withdrawn_at"))
    assert history[0][0] == Status.APPROVED and history[-1] == (
        Status.WITHDRAWN,
        given.withdrawn_at,
    )

    section = endorsers_section(as_user(None).get(initiative.get_absolute_url()))
    assert "Abrigado Operator" not in section
    assert "0 organisations of the network endorse this initiative." in section
    assert "1 organisation withdrew its endorsement." in section
    # Withdrawing again: already done.
    assert as_user(contact).post(f"/advocacy/endorsements/{given.pk}/withdraw/").status_code == 409
    # The organisation may endorse again later: a new endorsement, waiting for staff.
    services.endorse(contact, initiative.pk, organisation.pk)
    assert Endorsement.objects.filter(organisation=organisation).count() == 2


def test_a_pending_endorsement_can_be_withdrawn_and_is_not_counted_as_withdrawn(
    contact, initiative, organisation
):
    given = services.endorse(contact, initiative.pk, organisation.pk)
    services.withdraw(contact, given.pk)
    from dcrnet.advocacy import selectors

    assert selectors.endorsers(initiative).withdrawn == 0


def test_a_decline_needs_a_reason_and_tells_the_contact_why(
    as_user,
    contact,
    staff,
    initiative,
    organisation,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    given = endorsement(initiative, organisation, status=Status.PENDING, endorsed_by=contact)
    desk = as_user(staff)
    response = desk.post(
        f"/advocacy/review/{given.pk}/decide/", {"decision": "decline"}, follow=True
    )
    assert "Please give a reason when you decline an endorsement." in response.content.decode()
    given.refresh_from_db()
    assert given.status == Status.PENDING
    with django_capture_on_commit_callbacks(execute=True):
        desk.post(
            f"/advocacy/review/{given.pk}/decide/",
            {"decision": "decline", "reason": "Please ask your board first."},
        )
    given.refresh_from_db()
    assert given.status == Status.DECLINED
    [mail] = mailoutbox
    assert "declined" in mail.subject and "Please ask your board first." in mail.body
    # Deciding again: already decided.
    response = desk.post(
        f"/advocacy/review/{given.pk}/decide/", {"decision": "approve"}, follow=True
    )
    assert "already been decided" in response.content.decode()


def test_one_open_endorsement_per_organisation(
    as_user, contact, second_contact, initiative, organisation
):
    services.endorse(contact, initiative.pk, organisation.pk)
    response = as_user(second_contact).post(
        f"/advocacy/{initiative.slug}/endorse/", {"organisation": organisation.pk}
    )
    assert response.status_code == 409
    assert "already endorsed" in response.content.decode()
    assert Endorsement.objects.count() == 1


def test_staff_cannot_decide_on_an_endorsement_they_gave(
    django_user_model, initiative, organisation
):
    from dcrnet.community.models import Role

    from .conftest import make_user

    both = make_user(django_user_model, "both@example.org", Role.STAFF, mfa=True, is_staff=True)
    from dcrnet.organisations.models import Membership

    Membership.objects.create(
        user=both, organisation=organisation, role="contact", status="approved"
    )
    given = services.endorse(both, initiative.pk, organisation.pk)
    with pytest.raises(services.NotAllowed):
        services.decide(both, given.pk, approve=True)


def test_a_closed_initiative_takes_no_new_names_but_withdrawals(
    as_user, contact, member, organisation
):
    closed = make_initiative("Closed campaign", accepts_endorsements=False)
    given = endorsement(closed, organisation)
    page = as_user(contact).get(closed.get_absolute_url()).content.decode()
    assert "Closed to new endorsements" in page and "Endorse on behalf of" not in page
    assert "Withdraw the endorsement of Abrigado Operator" in page
    response = as_user(contact).post(
        f"/advocacy/{closed.slug}/endorse/", {"organisation": organisation.pk}
    )
    assert response.status_code == 409
    response = as_user(member).post(f"/advocacy/{closed.slug}/sign/", {"shown_as": "counted"})
    assert response.status_code == 409
    services.withdraw(contact, given.pk)


def test_an_unpublished_initiative_cannot_be_endorsed(
    as_user, contact, draft, organisation, editor
):
    response = as_user(contact).post(
        f"/advocacy/{draft.slug}/endorse/", {"organisation": organisation.pk}
    )
    assert response.status_code == 404
    with pytest.raises(services.NotFound):
        services.endorse(contact, draft.pk, organisation.pk)


def test_the_page_tells_each_visitor_what_they_can_do(
    as_user, contact, pending_contact, org_member, initiative, organisation
):
    contact_page = as_user(contact).get(initiative.get_absolute_url()).content.decode()
    assert "Endorse on behalf of Abrigado Operator" in contact_page
    pending_page = as_user(pending_contact).get(initiative.get_absolute_url()).content.decode()
    assert "once its application to the network is approved" in pending_page
    assert "Endorse on behalf of" not in pending_page
    member_page = as_user(org_member).get(initiative.get_absolute_url()).content.decode()
    assert "Endorse on behalf of" not in member_page and "Add my name" in member_page
    anonymous_page = as_user(None).get(initiative.get_absolute_url()).content.decode()
    assert "Sign in to endorse" in anonymous_page and "Sign in to add your name" in anonymous_page
    assert "csrfmiddlewaretoken" not in anonymous_page  # a public page the cache may share


def test_a_signature_is_shown_as_the_person_chose(
    as_user, member, non_member, django_user_model, initiative
):
    from .conftest import make_user

    third = make_user(django_user_model, "third@example.org", handle="third")
    member.handle = "quill"
    member.save()
    as_user(member).post(f"/advocacy/{initiative.slug}/sign/", {"shown_as": "handle"})
    as_user(non_member).post(
        f"/advocacy/{initiative.slug}/sign/",
        {"shown_as": "real name", "real_name": "Ada Lovelace"},
    )
    as_user(third).post(f"/advocacy/{initiative.slug}/sign/", {"shown_as": "counted"})
    page = as_user(None).get(initiative.get_absolute_url()).content.decode()
    assert "3 people added their name." in page
    assert "quill" in page and "Ada Lovelace" in page and ">third<" not in page
    assert "Some chose to be counted without their name." in page
    csv = as_user(None).get(f"/advocacy/{initiative.slug}/endorsers.csv").content.decode()
    assert "individual,quill," in csv and "individual,Ada Lovelace," in csv
    assert "third" not in csv and "visitor" not in csv

    mine = as_user(member)
    assert "You added your name on" in mine.get(initiative.get_absolute_url()).content.decode()
    assert (
        mine.post(f"/advocacy/{initiative.slug}/sign/", {"shown_as": "handle"}).status_code == 409
    )
    mine.post(f"/advocacy/{initiative.slug}/unsign/")
    assert not Signature.objects.filter(user=member).exists()
    assert "quill" not in as_user(None).get(initiative.get_absolute_url()).content.decode()


def test_a_real_name_must_be_written_and_a_handle_must_exist(as_user, non_member, initiative):
    non_member.handle = ""
    non_member.save()
    client = as_user(non_member)
    response = client.post(f"/advocacy/{initiative.slug}/sign/", {"shown_as": "real name"})
    assert response.status_code == 400
    assert "Please write the name to show." in response.content.decode()
    response = client.post(f"/advocacy/{initiative.slug}/sign/", {"shown_as": "handle"})
    assert response.status_code == 400  # not one of the choices without a handle
    with pytest.raises(services.Invalid):
        services.sign(non_member, initiative.pk, shown_as="handle")
    assert not Signature.objects.exists()


def test_signatures_are_hidden_when_the_initiative_stops_taking_individuals(
    as_user, member, initiative
):
    services.sign(member, initiative.pk, shown_as="real name", real_name="Ada Lovelace")
    initiative.allows_individuals = False
    initiative.save()
    page = as_user(None).get(initiative.get_absolute_url()).content.decode()
    assert "Ada Lovelace" not in page
    csv = as_user(None).get(f"/advocacy/{initiative.slug}/endorsers.csv").content.decode()
    assert "Ada Lovelace" not in csv


def test_a_contact_of_two_organisations_endorses_for_each(
    django_user_model, initiative, organisation
):
    from dcrnet.organisations.models import Membership

    user = make_contact(django_user_model, "two-hats@example.org", organisation)
    other = make_organisation("Second Operator")
    Membership.objects.create(user=user, organisation=other, role="contact", status="approved")
    services.endorse(user, initiative.pk, organisation.pk)
    services.endorse(user, initiative.pk, other.pk)
    assert Endorsement.objects.filter(endorsed_by=user).count() == 2


def test_the_page_costs_the_same_queries_for_many_endorsers(
    as_user, contact, django_user_model, initiative
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from dcrnet.advocacy import services

    from .conftest import make_user

    def queries() -> int:
        client = as_user(contact)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(initiative.get_absolute_url()).status_code == 200
        return len(captured)

    def grow(start: int, count: int) -> None:
        for n in range(start, start + count):
            endorsement(initiative, make_organisation(f"Operator {n}", country="DE"))
            user = make_user(django_user_model, f"signer{n}@example.org", handle=f"signer{n}")
            services.sign(user, initiative.pk, shown_as="handle")

    grow(0, 2)
    few = queries()
    grow(2, 20)
    assert queries() == few
