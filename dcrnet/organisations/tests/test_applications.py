"""Applying, deciding, leaving: the rules, the member role, the emails, what each person sees."""

from __future__ import annotations

import pytest
from django.core import mail
from django.db import transaction

from dcrnet.community.models import Role
from dcrnet.community.tests.conftest import sending
from dcrnet.lib.cache import emails_only as emails
from dcrnet.organisations import services
from dcrnet.organisations.models import Membership, MembershipRole, Organisation, Status

from .conftest import make_organisation

pytestmark = pytest.mark.django_db


def apply_form(**extra) -> dict:
    return {
        "name": "Harm Reduction Lëtzebuerg",
        "kind": "ngo",
        "country": "LU",
        "website": "https://hr.example.org",
        "statement": "We support people who use drugs.",
        **extra,
    }


def test_applying_for_an_organisation_makes_the_applicant_its_pending_contact(
    as_user, non_member, facility
):
    response = as_user(non_member).post(
        "/organisations/apply/", apply_form(facilities=[facility.pk])
    )
    assert response.status_code == 302
    assert response["Location"] == "/members/applications/mine/"
    organisation = Organisation.objects.get()
    assert organisation.slug == "harm-reduction-letzebuerg"
    assert organisation.status == Status.PENDING
    assert organisation.applied_by == non_member
    assert list(organisation.facilities.all()) == [facility]
    contact = organisation.memberships.get()
    assert (contact.user, contact.role, contact.status) == (
        non_member,
        MembershipRole.CONTACT,
        Status.PENDING,
    )
    assert not non_member.has_role(Role.MEMBER)


def test_the_same_name_gets_a_new_slug_and_reserved_paths_are_avoided(non_member, member):
    first = services.apply_for_organisation(non_member, name="Apply", kind="ngo", statement="x")
    second = services.apply_for_organisation(member, name="Apply", kind="ngo", statement="x")
    third = services.apply_for_organisation(member, name="محطة", kind="ngo", statement="x")
    assert first.slug == "apply-2"
    assert second.slug == "apply-3"
    assert third.slug == "organisation"


def test_applying_twice_for_the_same_organisation_is_refused_with_a_message(as_user, non_member):
    client = as_user(non_member)
    client.post("/organisations/apply/", apply_form())
    response = client.post("/organisations/apply/", apply_form(name="harm reduction lëtzebuerg"))
    assert response.status_code == 200
    assert "already applied" in response.content.decode()
    assert Organisation.objects.count() == 1


def test_approving_an_organisation_approves_its_contact_and_makes_a_member(
    as_user, staff, non_member, mailoutbox
):
    organisation = services.apply_for_organisation(
        non_member, name="Peer Group", kind="peer group", statement="We are peers."
    )
    with sending():
        response = as_user(staff).post(
            f"/organisations/applications/{organisation.pk}/decide/",
            {"decision": "approve", "reason": ""},
        )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.status == Status.APPROVED
    assert organisation.decided_by == staff
    contact = organisation.memberships.get()
    assert contact.status == Status.APPROVED
    non_member.refresh_from_db()
    assert non_member.has_role(Role.MEMBER)
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [non_member.email]
    assert "approved" in mailoutbox[0].subject


def test_a_decline_needs_a_reason_and_the_applicant_alone_sees_it(
    as_user, staff, non_member, member, mailoutbox
):
    organisation = services.apply_for_organisation(
        non_member, name="Vague Body", kind="public body", statement="Hello."
    )
    path = f"/organisations/applications/{organisation.pk}/decide/"
    with sending():
        as_user(staff).post(path, {"decision": "decline", "reason": "  "})
    organisation.refresh_from_db()
    assert organisation.status == Status.PENDING
    assert mailoutbox == []
    reason = "Please tell us which facility you run."
    with sending():
        as_user(staff).post(path, {"decision": "decline", "reason": reason})
    organisation.refresh_from_db()
    assert (organisation.status, organisation.decision_reason) == (Status.DECLINED, reason)
    assert organisation.memberships.get().status == Status.DECLINED
    assert reason in as_user(non_member).get("/members/applications/mine/").content.decode()
    assert reason not in as_user(member).get("/members/applications/mine/").content.decode()
    assert reason not in as_user(None).get("/organisations/").content.decode()
    assert as_user(None).get(f"/organisations/{organisation.slug}/").status_code == 404
    assert len(mailoutbox) == 1
    assert reason in mailoutbox[0].body
    assert "declined" in mailoutbox[0].subject
    assert not non_member.has_role(Role.MEMBER)


def test_a_membership_decline_reason_reaches_the_applicant_in_the_deciders_language(
    as_user, staff, applicant, mailoutbox
):
    membership = applicant.memberships.get()
    with sending():
        as_user(staff).post(
            f"/fr/members/applications/{membership.pk}/decide/",
            {"decision": "decline", "reason": "Pas encore."},
        )
    membership.refresh_from_db()
    assert membership.status == Status.DECLINED
    assert len(mailoutbox) == 1
    assert "Pas encore." in mailoutbox[0].body
    assert "/members/applications/mine/" in mailoutbox[0].body


def test_joining_through_an_organisation_and_being_approved_by_its_contact(
    as_user, non_member, contact, organisation, mailoutbox
):
    response = as_user(non_member).post(
        "/members/join/", {"organisation": organisation.pk, "statement": "Night shift nurse."}
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user=non_member)
    assert (membership.organisation, membership.status, membership.listed) == (
        organisation,
        Status.PENDING,
        False,
    )
    with sending():
        as_user(contact).post(
            f"/members/applications/{membership.pk}/decide/", {"decision": "approve"}
        )
    membership.refresh_from_db()
    assert membership.status == Status.APPROVED
    non_member.refresh_from_db()
    assert non_member.has_role(Role.MEMBER)
    assert len(mailoutbox) == 1


def test_the_listing_box_is_unticked_by_default(as_user, non_member):
    page = as_user(non_member).get("/members/join/").content.decode()
    assert 'name="listed"' in page
    assert "checked" not in page.split('name="listed"')[0].rsplit("<input", 1)[1]
    assert "checked" not in page.split('name="listed"')[1].split(">")[0]


def test_a_second_application_of_the_same_kind_is_refused_with_a_message(as_user, applicant):
    response = as_user(applicant).post("/members/join/", {"statement": "Again."})
    assert response.status_code == 200
    assert "already applied" in response.content.decode()
    assert applicant.memberships.count() == 1


def test_a_pending_organisation_cannot_be_joined(as_user, non_member):
    pending = make_organisation("Not Yet", status=Status.PENDING)
    response = as_user(non_member).post("/members/join/", {"organisation": pending.pk})
    assert response.status_code == 200
    assert not Membership.objects.filter(user=non_member).exists()


def test_a_decided_application_cannot_be_decided_again(as_user, staff, applicant, editor):
    membership = applicant.memberships.get()
    path = f"/members/applications/{membership.pk}/decide/"
    as_user(staff).post(path, {"decision": "approve"})
    response = as_user(staff).post(path, {"decision": "decline", "reason": "Changed mind"})
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.status == Status.APPROVED
    with pytest.raises(services.AlreadyDecided):
        services.decide_membership(staff, membership.pk, approve=False, reason="No")


def test_leaving_the_last_membership_ends_the_member_role(
    as_user, staff, applicant, organisation, django_user_model
):
    def fresh():
        return django_user_model.objects.get(pk=applicant.pk)

    individual = applicant.memberships.get()
    services.decide_membership(staff, individual.pk, approve=True)
    through = services.apply_for_membership(applicant, organisation=organisation)
    services.decide_membership(staff, through.pk, approve=True)
    assert fresh().has_role(Role.MEMBER)
    as_user(applicant).post(f"/members/memberships/{individual.pk}/leave/")
    assert fresh().has_role(Role.MEMBER)
    as_user(applicant).post(f"/members/memberships/{through.pk}/leave/")
    assert not fresh().has_role(Role.MEMBER)
    assert not applicant.memberships.exists()


def test_extra_fields_in_a_post_are_ignored(as_user, non_member, other_contact, organisation):
    client = as_user(non_member)
    client.post(
        "/organisations/apply/",
        apply_form(status="approved", applied_by=other_contact.pk, is_staff="on", slug="x"),
    )
    created = Organisation.objects.get(name="Harm Reduction Lëtzebuerg")
    assert (created.status, created.applied_by, created.slug) == (
        Status.PENDING,
        non_member,
        "harm-reduction-letzebuerg",
    )
    client.post(
        "/members/join/",
        {
            "organisation": organisation.pk,
            "status": "approved",
            "user": other_contact.pk,
            "role": "contact",
            "is_staff": "on",
        },
    )
    joined = Membership.objects.get(user=non_member, organisation=organisation)
    assert (joined.status, joined.role) == (Status.PENDING, MembershipRole.MEMBER)
    non_member.refresh_from_db()
    assert not non_member.is_staff
    assert not non_member.has_role(Role.MEMBER)


def test_a_decision_mail_is_queued_once_on_commit_and_never_on_rollback(staff, applicant):
    membership = applicant.memberships.get()
    with sending() as callbacks:
        services.decide_membership(staff, membership.pk, approve=True)
    assert len(emails(callbacks)) == 1
    assert len(mail.outbox) == 1

    other = make_organisation("Rolled Back", status=Status.PENDING, applied_by=applicant)
    mail.outbox.clear()
    with sending() as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            services.decide_organisation(staff, other.pk, approve=True)
            raise RuntimeError("rolled back")
    assert callbacks == []
    assert mail.outbox == []
    other.refresh_from_db()
    assert other.status == Status.PENDING


def test_the_public_page_lists_only_members_who_chose_it_by_handle(
    as_user, organisation, contact, applicant, non_member, staff
):
    listed = services.apply_for_membership(non_member, organisation=organisation, listed=True)
    services.decide_membership(staff, listed.pk, approve=True)
    unlisted = services.apply_for_membership(applicant, organisation=organisation)
    services.decide_membership(staff, unlisted.pk, approve=True)
    page = as_user(None).get(f"/organisations/{organisation.slug}/").content.decode()
    assert non_member.handle in page
    assert applicant.handle not in page
    assert contact.handle not in page
    for user in (non_member, applicant, contact):
        assert user.email not in page
    detail = as_user(None).get(f"/api/v1/organisations/{organisation.slug}").json()
    assert detail["members"] == [non_member.handle]
    assert detail["facilities"] == [{"public_id": "lu-abrigado", "name": "Abrigado"}]
    assert set(detail) == {
        "slug",
        "name",
        "kind",
        "country",
        "website",
        "source",
        "facilities",
        "members",
    }


def test_the_page_links_facilities_and_marks_demonstration_data(as_user, organisation, facility):
    organisation.source = "https://source.example.org/report"
    organisation.save()
    page = as_user(None).get(f"/organisations/{organisation.slug}/").content.decode()
    assert f'href="{facility.get_absolute_url()}"' in page
    assert "Demonstration data" in page
    assert 'href="https://source.example.org/report"' in page


def test_the_list_filters_by_kind_and_country_without_javascript(as_user, organisation):
    make_organisation("Peer Group Nord", kind="peer group", country="DE")
    make_organisation("Hidden Pending", status=Status.PENDING)
    client = as_user(None)
    page = client.get("/organisations/").content.decode()
    assert "Abrigado Operator" in page and "Peer Group Nord" in page
    assert "Hidden Pending" not in page
    page = client.get("/organisations/?kind=peer+group").content.decode()
    assert "Peer Group Nord" in page and "Abrigado Operator" not in page
    page = client.get("/organisations/?country=LU").content.decode()
    assert "Abrigado Operator" in page and "Peer Group Nord" not in page
    api = client.get("/api/v1/organisations?country=de").json()
    assert [item["name"] for item in api["items"]] == ["Peer Group Nord"]
    assert client.get("/api/v1/organisations?kind=bogus").status_code == 422


def test_the_list_is_paginated(as_user, db):
    for number in range(30):
        make_organisation(f"Organisation {number:02d}")
    client = as_user(None)
    first = client.get("/organisations/").content.decode()
    assert "Organisation 24" in first and "Organisation 25" not in first
    second = client.get("/organisations/?page=2").content.decode()
    assert "Organisation 25" in second
    api = client.get("/api/v1/organisations?limit=10&offset=20").json()
    assert api["count"] == 30
    assert [item["name"] for item in api["items"]][0] == "Organisation 20"


@pytest.mark.parametrize("count", [1, 20])
def test_the_list_page_needs_the_same_queries_whatever_the_number(
    as_user, db, count, django_assert_max_num_queries
):
    for number in range(count):
        make_organisation(f"Organisation {number:02d}", country=["LU", "DE", "FR"][number % 3])
    client = as_user(None)
    client.get("/organisations/")  # warm caches (sessions, content version)
    with django_assert_max_num_queries(6):
        client.get("/organisations/")
    with django_assert_max_num_queries(6):
        client.get("/api/v1/organisations")
