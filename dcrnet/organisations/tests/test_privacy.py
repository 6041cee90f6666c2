"""The privacy registry of the app: every field classified, a person's export, erasure."""

from __future__ import annotations

import pytest
from django.apps import apps

from dcrnet.organisations import privacy, services
from dcrnet.organisations.models import Membership, Organisation

pytestmark = pytest.mark.django_db

CLASSES = {"public", "personal", "special", "secret"}


def test_every_field_of_every_model_is_classified():
    models = list(apps.get_app_config("organisations").get_models(include_auto_created=True))
    for model in models:
        fields = privacy.FIELDS[model._meta.label_lower]
        names = {field.name for field in model._meta.concrete_fields}
        assert set(fields) == names, model._meta.label_lower
        assert set(fields.values()) <= CLASSES
    assert len(privacy.FIELDS) == len(models) == 5


def test_the_export_holds_the_persons_records_and_nobody_elses(
    non_member, applicant, staff, organisation
):
    services.apply_for_organisation(non_member, name="Mine", kind="ngo", statement="Ours.")
    services.apply_for_organisation(applicant, name="Theirs", kind="ngo", statement="Not.")
    membership = services.apply_for_membership(non_member, organisation=organisation)
    services.decide_membership(staff, membership.pk, approve=False, reason="Sorry")
    data = privacy.export(non_member)
    assert len(data["memberships"]) == Membership.objects.filter(user=non_member).count() == 2
    assert len(data["organisation_applications"]) == 1
    assert data["organisation_applications"][0]["name"] == "Mine"
    assert {m["decision_reason"] for m in data["memberships"]} == {"", "Sorry"}
    flat = repr(data)
    assert "Theirs" not in flat and "I work night shifts" not in flat
    import json

    json.dumps(data)  # JSON-safe


def test_erasure_leaves_no_link_to_the_person(non_member, staff):
    applied = services.apply_for_organisation(non_member, name="Gone", kind="ngo", statement="x")
    services.decide_organisation(staff, applied.pk, approve=True)
    history_m, history_o = Membership.history.model, Organisation.history.model
    assert history_m.objects.filter(user_id=non_member.pk).exists()

    privacy.erase(non_member, keep_posts=False)
    pk = non_member.pk
    non_member.delete()

    assert not Membership.objects.filter(user_id=pk).exists()
    assert not history_m.objects.filter(user_id=pk).exists()
    for model in (history_m, history_o):
        assert not model.objects.filter(history_user_id=pk).exists()
    assert not history_o.objects.filter(applied_by_id=pk).exists()
    applied.refresh_from_db()
    assert applied.applied_by is None
    assert applied.name == "Gone"  # the organisation stays


def test_erasure_of_a_decider_keeps_the_decision_without_them(staff, applicant):
    membership = applicant.memberships.get()
    services.decide_membership(staff, membership.pk, approve=True)
    privacy.erase(staff, keep_posts=True)
    pk = staff.pk
    staff.delete()
    membership.refresh_from_db()
    assert membership.status == "approved"
    assert membership.decided_by is None
    history = Membership.history.model.objects.filter(id=membership.pk)
    assert not history.filter(decided_by_id=pk).exists()
