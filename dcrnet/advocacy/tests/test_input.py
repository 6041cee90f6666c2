"""No 500 on any input: unknown slugs and ids are 404, malformed form data 400 with a message
naming what is wrong, control characters refused before any view."""

from __future__ import annotations

import pytest

from dcrnet.advocacy.models import Endorsement, Signature

from .conftest import endorsement

pytestmark = pytest.mark.django_db

HUGE = "9" * 30
BIGINT = str(2**63)


@pytest.mark.parametrize(
    "path",
    [
        "/advocacy/no-such-initiative/",
        "/advocacy/no-such-initiative/endorsers.csv",
        "/advocacy/no-such-initiative/badge.svg",
        "/advocacy/no-such-initiative/badge.png",
        "/advocacy/%E2%9C%93/",
    ],
)
def test_unknown_initiatives_are_404(as_user, staff, path):
    assert as_user(None).get(path).status_code == 404
    assert as_user(staff).get(path).status_code == 404


@pytest.mark.parametrize("pk", ["0", "999999", BIGINT, HUGE])
def test_unknown_or_huge_ids_are_404(as_user, contact, staff, pk):
    assert as_user(contact).post(f"/advocacy/endorsements/{pk}/withdraw/").status_code == 404
    response = as_user(staff).post(f"/advocacy/review/{pk}/decide/", {"decision": "approve"})
    assert response.status_code == 404


@pytest.mark.parametrize(
    "data",
    [{}, {"organisation": ""}, {"organisation": "abc"}, {"organisation": "-1"},
     {"organisation": BIGINT}, {"organisation": HUGE}, {"organisation": "1.5"}],
)  # fmt: skip
def test_malformed_endorsements_are_400_naming_the_field(as_user, contact, initiative, data):
    response = as_user(contact).post(f"/advocacy/{initiative.slug}/endorse/", data)
    assert response.status_code == 400
    assert "organisation: choose one of the organisations" in response.content.decode()
    assert not Endorsement.objects.exists()


def test_an_organisation_that_is_not_theirs_is_refused(as_user, contact, initiative):
    from .conftest import make_organisation

    other = make_organisation("Not Mine")
    response = as_user(contact).post(
        f"/advocacy/{initiative.slug}/endorse/", {"organisation": other.pk}
    )
    assert response.status_code == 403
    assert "Only the contact person" in response.content.decode()


@pytest.mark.parametrize(
    "data",
    [{}, {"shown_as": "bogus"}, {"shown_as": ""}, {"shown_as": "real name", "real_name": " "},
     {"shown_as": "real name", "real_name": "x" * 121}, {"shown_as": ["handle", "counted"]}],
)  # fmt: skip
def test_malformed_signatures_are_400(as_user, member, initiative, data):
    member.handle = "quill"
    member.save()
    response = as_user(member).post(f"/advocacy/{initiative.slug}/sign/", data)
    if isinstance(data.get("shown_as"), list):  # the last value counts, as in Django
        assert response.status_code == 302
        assert Signature.objects.get().shown_as == "counted"
        return
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert not Signature.objects.exists()


def test_control_characters_are_refused_before_any_view(as_user, member, initiative):
    response = as_user(member).post(
        f"/advocacy/{initiative.slug}/sign/", {"shown_as": "real name", "real_name": "A\x00B"}
    )
    assert response.status_code == 400
    assert not Signature.objects.exists()
    assert as_user(None).get("/advocacy/?q=%00").status_code == 400


@pytest.mark.parametrize("decision", ["", "maybe", "approve\n"])
def test_a_malformed_decision_changes_nothing(as_user, staff, initiative, organisation, decision):
    waiting = endorsement(initiative, organisation, status="pending")
    response = as_user(staff).post(
        f"/advocacy/review/{waiting.pk}/decide/", {"decision": decision}, follow=True
    )
    assert response.status_code == 200
    waiting.refresh_from_db()
    assert waiting.status == "pending"


def test_a_long_reason_is_a_message_not_a_500(as_user, staff, initiative, organisation):
    waiting = endorsement(initiative, organisation, status="pending")
    response = as_user(staff).post(
        f"/advocacy/review/{waiting.pk}/decide/",
        {"decision": "decline", "reason": "x" * 5000},
        follow=True,
    )
    assert response.status_code == 200
    assert "at most 2000 characters" in response.content.decode()


def test_get_on_sign_goes_back_to_the_initiative(as_user, member, initiative):
    response = as_user(member).get(f"/advocacy/{initiative.slug}/sign/")
    assert response.status_code == 302 and response["Location"] == initiative.get_absolute_url()


def test_a_sign_form_error_is_tied_to_its_field(as_user, member):
    """The field's aria-describedby names the ids of its help text and its error list, and both
    are on the page (the error list had another id: the error was read to nobody)."""
    import re

    from .conftest import make_initiative

    initiative = make_initiative("Open to people", allows_individuals=True)
    response = as_user(member).post(
        f"/advocacy/{initiative.slug}/sign/", {"shown_as": "real name", "real_name": "x" * 121}
    )
    assert response.status_code == 400
    page = response.content.decode()
    field = re.search(r'<input[^>]*name="real_name"[^>]*>', page)[0]
    described = re.search(r'aria-describedby="([^"]+)"', field)[1].split()
    assert 'aria-invalid="true"' in field and any(name.endswith("error") for name in described)
    for name in described:
        assert f'id="{name}"' in page, name
    assert not Signature.objects.exists()
