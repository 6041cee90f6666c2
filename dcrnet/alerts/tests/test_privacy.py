"""Early warning in the privacy registry: every field classified, a person's records exported,
and erased with the account while the facilities' aggregates stay (RELIABILITY 52, 57, 58)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.apps import apps
from django.conf import settings
from django.utils import timezone

from dcrnet.alerts.models import (
    Alert,
    AlertSubscription,
    Delivery,
    NamingConsent,
    Pulse,
    Region,
    Review,
    Signal,
    Substance,
    SubstanceReport,
)
from dcrnet.community.erasure import delete_account
from dcrnet.community.privacy import PERSONAL, SECRET, export_all, registry

pytestmark = pytest.mark.django_db
WEEK = dt.date(2026, 1, 5)


def test_every_field_of_every_alerts_model_is_classified():
    classified = registry()
    for model in apps.get_app_config("alerts").get_models(include_auto_created=True):
        label = model._meta.label_lower
        fields = {field.name for field in model._meta.concrete_fields}
        assert set(classified.get(label, {})) == fields, label


def test_every_link_to_a_person_is_personal_and_partners_secrets_are_secret():
    classified = registry()
    user_model = settings.AUTH_USER_MODEL.lower()
    for model in apps.get_app_config("alerts").get_models(include_auto_created=True):
        label = model._meta.label_lower
        for field in model._meta.concrete_fields:
            related = getattr(field, "related_model", None)
            if related is not None and related._meta.label_lower == user_model:
                assert classified[label][field.name] == PERSONAL, f"{label}.{field.name}"
    assert classified["alerts.webhook"]["secret"] == SECRET
    assert classified["alerts.webhook"]["url"] == SECRET


@pytest.fixture
def records(django_user_model, facility):
    """Everything early warning can hold on a person, and the same for someone else."""
    region = Region.objects.create(slug="lux", name="Luxembourg", country=facility.country)
    substance = Substance.objects.create(slug="xylazine", name="Xylazine", kind="compound")
    signal = Signal.objects.create(
        key="S1:xylazine:lux:2026-W02", kind="S1", period_start=WEEK, period_end=WEEK,
        method="test", region=region, substance=substance,
    )  # fmt: skip
    alert = Alert.objects.create(
        signal=signal, grade="amber", title="Xylazine in Luxembourg", issued=timezone.now(),
        week=WEEK, facility_count=1, advice="Test strips.", source="Network facilities",
        region=region, substance=substance,
    )  # fmt: skip
    people = [
        django_user_model.objects.create_user(email=email, password="a long test passphrase")
        for email in ("person@example.org", "someone@example.org")
    ]
    for n, person in enumerate(people, start=1):
        SubstanceReport.objects.create(
            facility=facility, reported_by=person, substance=substance, confirmation="ftir",
            samples=n + 1, linked_overdoses=n, region=region, week=WEEK,
        )  # fmt: skip
        Pulse.objects.create(
            facility=facility, reported_by=person, day=WEEK + dt.timedelta(days=n), overdoses=n
        )
        Review.objects.create(signal=signal, reviewer=person, decision="confirm", grade="amber")
        subscription = AlertSubscription.objects.create(user=person, grades=["red", "amber"])
        subscription.regions.add(region)
        Delivery.objects.create(
            key=f"alert:{alert.pk}:1:{person.pk}", alert=alert, version=1, channel="email",
            user=person,
        )  # fmt: skip
    NamingConsent.objects.create(facility=facility, given_by=people[0])
    return people


def test_the_export_holds_the_person_s_records_and_no_one_else_s(records):
    person = records[0]
    exported = export_all(person)["records"]
    assert [r["samples"] for r in exported["alerts.substance_reports"]] == [2]
    assert exported["alerts.substance_reports"][0]["facility__public_id"] == "lu-abrigado"
    assert [r["overdoses"] for r in exported["alerts.pulses"]] == [1]
    assert [r["decision"] for r in exported["alerts.signal_reviews"]] == ["confirm"]
    assert [r["facility__public_id"] for r in exported["alerts.naming_consents"]] == ["lu-abrigado"]
    assert exported["alerts.alert_subscription"][0]["regions"] == ["lux"]
    assert len(exported["alerts.alert_emails"]) == 1
    assert "someone@example.org" not in str(exported)


def test_deleting_the_account_keeps_the_aggregates_and_drops_the_person(records, facility):
    person, other = records
    delete_account(person, keep_posts=False)  # a review would otherwise protect the account
    assert SubstanceReport.objects.count() == 2 and Pulse.objects.count() == 2
    assert SubstanceReport.objects.filter(reported_by__isnull=True).count() == 1
    assert Pulse.objects.filter(reported_by__isnull=True).count() == 1
    assert NamingConsent.objects.get().given_by is None  # the facility's consent stands
    assert list(Review.objects.values_list("reviewer", flat=True)) == [other.pk]
    assert list(AlertSubscription.objects.values_list("user", flat=True)) == [other.pk]
    assert list(Delivery.objects.values_list("user", flat=True)) == [other.pk]
    assert Alert.objects.count() == 1
