"""Who may do what on every advocacy URL, for the whole cast: endorse and withdraw (the approved
contact of an approved organisation only), approve or decline (staff only), sign and take one's
name back (anyone signed in, where the initiative takes individuals); drafts for editors."""

from __future__ import annotations

import pytest

from dcrnet.advocacy.models import Endorsement, Signature, Status

from .conftest import CAST, LOGIN, endorsement, make_initiative, status_of

pytestmark = pytest.mark.django_db


def expect(default, **exceptions) -> dict:
    return {name: exceptions.get(name, default) for name in CAST}


def sweep(cast, as_user, method: str, path: str, data=None) -> dict:
    found = {}
    for name in CAST:
        client = as_user(cast[name])
        response = getattr(client, method)(path, data or {})
        found[name] = status_of(response)
    return found


def test_the_list_and_a_published_initiative_are_public(cast, as_user, initiative):
    assert sweep(cast, as_user, "get", "/advocacy/") == expect(200)
    path = initiative.get_absolute_url()
    assert sweep(cast, as_user, "get", path) == expect(200)
    assert sweep(cast, as_user, "get", path + "endorsers.csv") == expect(200)
    assert sweep(cast, as_user, "get", path + "badge.svg") == expect(200)
    assert sweep(cast, as_user, "get", path + "badge.png") == expect(200)


def test_a_draft_is_seen_by_editors_and_staff_only(cast, as_user, draft):
    path = draft.get_absolute_url()
    hidden = expect(404, editor=200, staff=200)
    assert sweep(cast, as_user, "get", path) == hidden
    assert sweep(cast, as_user, "get", path + "endorsers.csv") == hidden
    assert sweep(cast, as_user, "get", path + "badge.svg") == hidden
    titles = {
        name: "A draft statement" in as_user(cast[name]).get("/advocacy/").text for name in CAST
    }
    assert titles == expect(False, editor=True, staff=True)


@pytest.mark.parametrize("who", CAST)
def test_only_the_contact_of_an_approved_organisation_endorses(
    who, cast, as_user, initiative, organisation, pending_organisation
):
    mine = pending_organisation if who == "pending_contact" else organisation
    response = as_user(cast[who]).post(
        f"/advocacy/{initiative.slug}/endorse/", {"organisation": mine.pk}
    )
    expected = expect(403, anonymous=LOGIN, contact=302)[who]
    assert status_of(response) == expected
    made = Endorsement.objects.filter(initiative=initiative)
    if who == "contact":
        assert [(e.organisation, e.status, e.endorsed_by) for e in made] == [
            (organisation, Status.PENDING, cast["contact"])
        ]
    else:
        assert not made.exists()


@pytest.mark.parametrize("who", CAST)
def test_only_a_contact_of_the_organisation_withdraws(who, cast, as_user, initiative, organisation):
    given = endorsement(initiative, organisation)
    response = as_user(cast[who]).post(f"/advocacy/endorsements/{given.pk}/withdraw/")
    assert status_of(response) == expect(403, anonymous=LOGIN, contact=302)[who]
    given.refresh_from_db()
    assert given.status == (Status.WITHDRAWN if who == "contact" else Status.APPROVED)


def test_the_contact_of_another_organisation_cannot_withdraw_this_one(
    django_user_model, as_user, initiative, organisation
):
    from .conftest import make_contact, make_organisation

    other = make_contact(
        django_user_model, "other@example.org", make_organisation("Quai 9 Operator")
    )
    given = endorsement(initiative, organisation)
    response = as_user(other).post(f"/advocacy/endorsements/{given.pk}/withdraw/")
    assert response.status_code == 403
    given.refresh_from_db()
    assert given.status == Status.APPROVED


@pytest.mark.parametrize("who", CAST)
def test_only_staff_approve_or_decline(who, cast, as_user, initiative, organisation):
    waiting = endorsement(initiative, organisation, status=Status.PENDING)
    client = as_user(cast[who])
    assert (
        status_of(client.get("/advocacy/review/")) == expect(403, anonymous=LOGIN, staff=200)[who]
    )
    response = client.post(f"/advocacy/review/{waiting.pk}/decide/", {"decision": "approve"})
    assert status_of(response) == expect(403, anonymous=LOGIN, staff=302)[who]
    waiting.refresh_from_db()
    assert waiting.status == (Status.APPROVED if who == "staff" else Status.PENDING)


@pytest.mark.parametrize("who", CAST)
def test_anyone_signed_in_may_sign_where_individuals_are_welcome(who, cast, as_user, initiative):
    response = as_user(cast[who]).post(
        f"/advocacy/{initiative.slug}/sign/", {"shown_as": "counted"}
    )
    assert status_of(response) == expect(302, anonymous=LOGIN)[who]
    assert Signature.objects.filter(initiative=initiative).count() == (who != "anonymous")


def test_nobody_signs_an_initiative_for_organisations_only(cast, as_user, db):
    organisations_only = make_initiative("For organisations", allows_individuals=False)
    path = f"/advocacy/{organisations_only.slug}/sign/"
    assert sweep(cast, as_user, "post", path, {"shown_as": "counted"}) == expect(
        403, anonymous=LOGIN
    )
    assert not Signature.objects.exists()


@pytest.mark.parametrize("who", CAST)
def test_taking_ones_name_back_needs_ones_own_signature(who, cast, as_user, initiative, member):
    Signature.objects.create(initiative=initiative, user=member, shown_as="counted")
    response = as_user(cast[who]).post(f"/advocacy/{initiative.slug}/unsign/")
    assert status_of(response) == expect(404, anonymous=LOGIN, member=302)[who]
    assert Signature.objects.exists() == (who != "member")


def test_actions_answer_get_with_405_once_signed_in(as_user, contact, initiative, organisation):
    given = endorsement(initiative, organisation)
    client = as_user(contact)
    for path in (
        f"/advocacy/{initiative.slug}/endorse/",
        f"/advocacy/{initiative.slug}/unsign/",
        f"/advocacy/endorsements/{given.pk}/withdraw/",
        f"/advocacy/review/{given.pk}/decide/",
    ):
        assert client.get(path).status_code == 405, path
