"""Who may do what, on every page and API operation of organisations and memberships.

The cast: anonymous, a signed-in non-member, an applicant (pending membership), a member, a
moderator, an editor, staff, and an organisation's contact person.
"""

from __future__ import annotations

import pytest

from dcrnet.organisations.models import Membership, Organisation, Status

from .conftest import CAST, make_organisation

pytestmark = pytest.mark.django_db

LOGIN = "login"
SIGNED_IN = {name: 200 for name in CAST if name != "anonymous"}


def status_of(response) -> int | str:
    if response.status_code == 302 and response["Location"].startswith("/accounts/login/"):
        return LOGIN
    return response.status_code


def sweep(cast, as_user, method: str, path: str, **data) -> dict[str, int | str]:
    found = {}
    for name in CAST:
        client = as_user(cast[name])
        response = getattr(client, method)(path, data) if data else getattr(client, method)(path)
        found[name] = status_of(response)
    return found


def everyone(status) -> dict:
    return dict.fromkeys(CAST, status)


def signed_in(**overrides) -> dict:
    return {"anonymous": LOGIN, **SIGNED_IN, **overrides}


def only(*allowed: str) -> dict:
    """Sign-in for the anonymous, the page for `allowed`, 404 for everyone else."""
    return signed_in(**{name: 200 if name in allowed else 404 for name in SIGNED_IN})


@pytest.fixture
def pending(db):
    return make_organisation("Pending Research Institute", status=Status.PENDING)


def test_the_list_and_an_approved_organisation_are_public(cast, as_user, organisation):
    assert sweep(cast, as_user, "get", "/organisations/") == everyone(200)
    assert sweep(cast, as_user, "get", f"/organisations/{organisation.slug}/") == everyone(200)


def test_a_pending_or_declined_organisation_is_not_found_by_anyone(cast, as_user, pending):
    assert sweep(cast, as_user, "get", f"/organisations/{pending.slug}/") == everyone(404)
    pending.status = Status.DECLINED
    pending.save()
    assert sweep(cast, as_user, "get", f"/organisations/{pending.slug}/") == everyone(404)


def test_applying_and_ones_own_applications_need_a_sign_in(cast, as_user):
    for path in ("/organisations/apply/", "/members/join/", "/members/applications/mine/"):
        assert sweep(cast, as_user, "get", path) == signed_in(), path


def test_the_organisation_queue_is_for_staff_only(cast, as_user, pending):
    expected = only("staff")
    assert sweep(cast, as_user, "get", "/organisations/applications/") == expected


def test_only_staff_decide_on_an_organisation(cast, as_user, pending):
    path = f"/organisations/applications/{pending.pk}/decide/"
    others = [name for name in CAST if name != "staff"]
    for name in others:
        response = as_user(cast[name]).post(path, {"decision": "approve"})
        assert status_of(response) == (LOGIN if name == "anonymous" else 404), name
        pending.refresh_from_db()
        assert pending.status == Status.PENDING, name
    response = as_user(cast["staff"]).post(path, {"decision": "approve"})
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == Status.APPROVED


def test_the_membership_queue_is_for_staff_and_organisation_contacts(cast, as_user):
    expected = only("staff", "contact")
    assert sweep(cast, as_user, "get", "/members/applications/") == expected


def test_only_staff_decide_on_an_individual_application(cast, as_user, applicant):
    membership = applicant.memberships.get()
    path = f"/members/applications/{membership.pk}/decide/"
    for name in CAST:
        if name == "staff":
            continue
        response = as_user(cast[name]).post(path, {"decision": "approve"})
        # The applicant may not decide on their own application either.
        assert status_of(response) == (LOGIN if name == "anonymous" else 404), name
        membership.refresh_from_db()
        assert membership.status == Status.PENDING, name
    assert as_user(cast["staff"]).post(path, {"decision": "approve"}).status_code == 302
    membership.refresh_from_db()
    assert membership.status == Status.APPROVED


def test_the_contact_decides_on_applications_to_their_organisation(
    as_user, contact, non_member, organisation
):
    membership = Membership.objects.create(user=non_member, organisation=organisation)
    response = as_user(contact).get("/members/applications/")
    assert response.status_code == 200
    assert non_member.handle in response.content.decode()
    response = as_user(contact).post(
        f"/members/applications/{membership.pk}/decide/", {"decision": "approve"}
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.status == Status.APPROVED
    assert membership.decided_by == contact


def test_leaving_is_a_post_by_the_member_themself(cast, as_user, applicant):
    membership = applicant.memberships.get()
    path = f"/members/memberships/{membership.pk}/leave/"
    assert status_of(as_user(None).get(path)) == LOGIN
    assert as_user(applicant).get(path).status_code == 405
    for name in CAST:
        if name == "applicant":
            continue
        assert status_of(as_user(cast[name]).post(path)) == (LOGIN if name == "anonymous" else 404)
        assert Membership.objects.filter(pk=membership.pk).exists(), name
    assert as_user(applicant).post(path).status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_the_api_lists_and_shows_approved_organisations_to_everyone(
    cast, as_user, organisation, pending
):
    for name in CAST:
        client = as_user(cast[name])
        listed = client.get("/api/v1/organisations")
        assert listed.status_code == 200, name
        assert [item["slug"] for item in listed.json()["items"]] == [organisation.slug], name
        assert client.get(f"/api/v1/organisations/{organisation.slug}").status_code == 200
        missing = client.get(f"/api/v1/organisations/{pending.slug}")
        assert missing.status_code == 404, name
        assert missing.json()["problems"][0]["parameter"] == "slug"


def test_the_api_writes_nothing(client, organisation):
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)(f"/api/v1/organisations/{organisation.slug}")
        assert response.status_code == 405, method
    assert Organisation.objects.filter(pk=organisation.pk, status=Status.APPROVED).exists()
