"""What advocacy holds on a person: exported with their data, erased with their account —
signatures go, endorsements stay as the organisation's act without the links to the person."""

from __future__ import annotations

import pytest

from dcrnet.advocacy import privacy, services
from dcrnet.advocacy.models import Endorsement, Signature
from dcrnet.community.privacy import export_all

pytestmark = pytest.mark.django_db


def test_export_holds_their_signatures_and_endorsements(
    contact, staff, member, initiative, organisation
):
    given = services.endorse(contact, initiative.pk, organisation.pk)
    services.decide(staff, given.pk, approve=True)
    services.sign(contact, initiative.pk, shown_as="real name", real_name="Lila Contact")
    mine = privacy.export(contact)
    assert mine["signatures"] == [
        {
            "initiative": initiative.slug,
            "shown_as": "real name",
            "real_name": "Lila Contact",
            "signed_at": Signature.objects.get().signed_at.isoformat(),
        }
    ]
    [record] = mine["endorsements"]
    assert record["organisation"] == organisation.slug and record["endorsed_by_you"]
    assert privacy.export(staff)["endorsements"][0]["decided_by_you"]
    assert privacy.export(member) == {"endorsements": [], "signatures": []}
    assert "advocacy.signatures" in export_all(contact)["records"]


def test_erasure_removes_signatures_and_unlinks_endorsements(
    contact, staff, initiative, organisation
):
    given = services.endorse(contact, initiative.pk, organisation.pk)
    services.decide(staff, given.pk, approve=True)
    services.withdraw(contact, given.pk)
    services.sign(contact, initiative.pk, shown_as="real name", real_name="Lila Contact")
    privacy.erase(contact, keep_posts=False)
    privacy.erase(staff, keep_posts=False)
    assert not Signature.objects.exists()
    given.refresh_from_db()
    assert (given.endorsed_by, given.withdrawn_by, given.decided_by) == (None, None, None)
    assert given.status == "withdrawn" and given.withdrawn_at is not None  # the act stays
    history = Endorsement.history.model.objects.filter(id=given.pk)
    assert not history.filter(endorsed_by_id=contact.pk).exists()
    assert not history.filter(withdrawn_by_id=contact.pk).exists()
    assert not history.filter(decided_by_id=staff.pk).exists()


def test_deleting_the_account_keeps_the_organisations_endorsement(
    contact, staff, initiative, organisation
):
    given = services.endorse(contact, initiative.pk, organisation.pk)
    services.decide(staff, given.pk, approve=True)
    from dcrnet.community.erasure import delete_account

    delete_account(contact, keep_posts=False)
    given.refresh_from_db()
    assert given.status == "approved" and given.endorsed_by is None
