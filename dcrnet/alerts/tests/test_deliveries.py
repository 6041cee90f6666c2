"""Alert emails: who receives which version, once, and what the message and payload show."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core import mail
from django.utils import timezone

from dcrnet.alerts import deliveries
from dcrnet.alerts.models import (
    Alert,
    AlertSubscription,
    Channel,
    Delivery,
    NamingConsent,
    Region,
    Signal,
    Substance,
)
from dcrnet.community.models import Role

pytestmark = pytest.mark.django_db

WEEK = dt.date(2026, 3, 2)


@pytest.fixture
def region(facility):
    region = Region.objects.create(slug="luxembourg", name="Luxembourg", country=facility.country)
    region.facilities.add(facility)
    return region


@pytest.fixture
def make_alert(region):
    """make_alert(grade="red", counts={...}, **fields): an alert as the review services make it."""
    number = iter(range(1, 1000))

    def make(grade: str = "red", **fields) -> Alert:
        n = next(number)
        substance, _ = Substance.objects.get_or_create(
            slug="isotonitazene",
            defaults={
                "name": "Isotonitazene",
                "kind": "compound",
                "inchikey": "OQNMBZNXXJAVNF-UHFFFAOYSA-N",
            },
        )
        signal = Signal.objects.create(
            key=f"S1:test:{n}",
            kind="S1",
            status="confirmed",
            period_start=WEEK,
            period_end=WEEK + dt.timedelta(days=6),
            region=region,
            substance=substance,
            method="test",
        )
        values = {
            "signal": signal,
            "grade": grade,
            "title": f"Isotonitazene sold as heroin {n}",
            "issued": timezone.now(),
            "region": region,
            "week": WEEK,
            "substance": substance,
            "form": "powder",
            "confirmation": "toxicology",
            "facility_count": 2,
            "counts": {"samples": 7, "linked_overdoses": 3},
            "observed": 7,
            "expected": 1.2,
            "p_value": 0.0004,
            "advice": "Test doses; never use alone.",
            "source": "Reports from two facilities",
            **fields,
        }
        return Alert.objects.create(**values)

    return make


@pytest.fixture
def subscribe():
    def make(user, grades=("red", "amber"), regions=()) -> AlertSubscription:
        subscription = AlertSubscription.objects.create(user=user, grades=list(grades))
        subscription.regions.set(regions)
        return subscription

    return make


def run(alert: Alert) -> None:
    deliveries.deliver_alert_task.enqueue(alert.pk, alert.version)


def recipients() -> list[str]:
    return [address for message in mail.outbox for address in message.to]


# --- who receives it ---------------------------------------------------------------------------


def test_it_emails_a_subscriber_whose_grade_and_region_match(member, make_alert, subscribe, region):
    subscribe(member, regions=[region])
    alert = make_alert()
    run(alert)
    (message,) = mail.outbox
    assert message.to == [member.email]
    assert message.subject == f"Alert: {alert.title}"
    assert "Isotonitazene (InChIKey OQNMBZNXXJAVNF-UHFFFAOYSA-N)" in message.body
    assert "Test doses; never use alone." in message.body
    assert f"/alerts/{alert.public_id}/" in message.body
    assert "/alerts/subscription/" in message.body
    delivery = Delivery.objects.get()
    assert (delivery.channel, delivery.user, delivery.version) == (Channel.EMAIL, member, 1)
    assert delivery.sent_at is not None


def test_a_subscription_without_regions_takes_every_region(member, make_alert, subscribe):
    subscribe(member)
    run(make_alert())
    assert recipients() == [member.email]


def test_it_skips_another_grade_and_another_region(
    member, non_member, make_alert, subscribe, facility
):
    elsewhere = Region.objects.create(slug="elsewhere", name="Elsewhere", country=facility.country)
    subscribe(member, grades=["amber"])
    subscribe(non_member, grades=["red"], regions=[elsewhere])
    run(make_alert(grade="red"))
    assert mail.outbox == []


def test_an_alert_without_a_region_reaches_subscribers_of_any_region(
    member, make_alert, subscribe, region
):
    subscribe(member, regions=[region])
    run(make_alert(region=None))
    assert recipients() == [member.email]


def test_the_network_grade_reaches_members_only(member, non_member, make_alert, subscribe):
    subscribe(member, grades=["network"])
    subscribe(non_member, grades=["network", "red"])  # e.g. a member who has since left
    run(make_alert(grade="network"))
    assert recipients() == [member.email]


def test_public_grades_reach_a_subscriber_who_is_no_member(non_member, make_alert, subscribe):
    subscribe(non_member, grades=["red"])
    run(make_alert(grade="red"))
    assert recipients() == [non_member.email]


def test_it_skips_an_unverified_address_and_an_inactive_account(
    member, non_member, make_alert, subscribe
):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.filter(user=member).update(verified=False)
    non_member.is_active = False
    non_member.save()
    subscribe(member)
    subscribe(non_member)
    run(make_alert())
    assert mail.outbox == []
    assert not Delivery.objects.exists()


# --- once per version --------------------------------------------------------------------------


def test_a_second_run_sends_nothing_more(member, make_alert, subscribe):
    subscribe(member)
    alert = make_alert()
    run(alert)
    run(alert)
    deliveries.send_alert_email_task.enqueue(alert.pk, alert.version, member.pk)
    assert len(mail.outbox) == 1


def test_each_new_version_is_sent_again_and_says_so(member, make_alert, subscribe):
    subscribe(member)
    alert = make_alert()
    run(alert)
    alert.version, alert.advice = 2, "Updated advice."
    alert.save()
    run(alert)
    alert.version, alert.retracted, alert.retraction_reason = 3, timezone.now(), "Lab error."
    alert.save()
    run(alert)
    subjects = [message.subject for message in mail.outbox]
    assert subjects == [
        f"Alert: {alert.title}",
        f"Updated alert: {alert.title}",
        f"Retracted alert: {alert.title}",
    ]
    assert "Updated advice." in mail.outbox[1].body
    assert "Reason: Lab error." in mail.outbox[2].body
    assert Delivery.objects.filter(user=member).count() == 3


def test_an_outdated_version_is_not_sent(member, make_alert, subscribe):
    """The task of version 1 runs after the alert became version 2: version 2's task sends."""
    subscribe(member)
    alert = make_alert(version=2)
    deliveries.deliver_alert_task.enqueue(alert.pk, 1)
    deliveries.send_alert_email_task.enqueue(alert.pk, 1, member.pk)
    assert mail.outbox == []
    assert not Delivery.objects.exists()


def test_someone_who_unsubscribed_before_the_email_went_gets_none(member, make_alert, subscribe):
    subscription = subscribe(member)
    alert = make_alert()
    subscription.delete()
    deliveries.send_alert_email_task.enqueue(alert.pk, alert.version, member.pk)
    assert mail.outbox == []


def test_someone_who_left_the_network_gets_no_network_alert(member, make_alert, subscribe):
    subscribe(member, grades=["network"])
    alert = make_alert(grade="network")
    member.groups.filter(name=Role.MEMBER).delete()
    deliveries.send_alert_email_task.enqueue(alert.pk, alert.version, member.pk)
    assert mail.outbox == []


# --- what it shows -----------------------------------------------------------------------------


def test_small_counts_are_shown_as_fewer_than_five_and_their_p_value_withheld(
    member, make_alert, subscribe
):
    subscribe(member)
    alert = make_alert(counts={"samples": 3, "linked_overdoses": 1}, observed=3)
    run(alert)
    body = mail.outbox[0].body
    assert "Samples: <5" in body
    assert "Samples linked to overdoses: <5" in body
    assert "Observed <5" in body
    assert "p-value" not in body
    payload = deliveries.alert_payload(alert)
    assert payload["counts"] == {"samples": "<5", "linked_overdoses": "<5"}
    assert payload["observed"] == "<5"
    assert payload["p_value"] is None


def test_a_facility_is_named_only_while_it_consents(member, make_alert, subscribe, facility):
    subscribe(member)
    alert = make_alert()
    alert.named_facilities.add(facility)
    assert deliveries.alert_payload(alert)["facilities_named"] == []
    NamingConsent.objects.create(facility=facility, given_by=member)
    assert deliveries.alert_payload(alert)["facilities_named"] == [facility.name]
    run(alert)
    assert f"Named with their consent: {facility.name}" in mail.outbox[0].body


def test_the_payload_is_json_with_codes_and_english_text(make_alert, region):
    alert = make_alert(title_fr="Isotonitazène vendu comme héroïne")
    payload = json.loads(json.dumps(deliveries.alert_payload(alert)))
    assert payload["id"] == str(alert.public_id)
    assert payload["url"].endswith(f"/alerts/{alert.public_id}/")
    assert payload["event"] == "alert.issued"
    assert (payload["grade"], payload["public"], payload["signal"]) == ("red", True, "S1")
    assert payload["region"] == {"slug": "luxembourg", "name": "Luxembourg", "country": "LU"}
    assert (payload["week"], payload["week_start"]) == ("2026-W10", "2026-03-02")
    assert payload["substance"]["inchikey"] == "OQNMBZNXXJAVNF-UHFFFAOYSA-N"
    assert (payload["form"], payload["confirmation"]) == ("powder", "toxicology")
    assert payload["counts"] == {"samples": 7, "linked_overdoses": "<5"}
    assert (payload["observed"], payload["expected"], payload["p_value"]) == (7, 1.2, 0.0004)
    assert payload["title"] == alert.title_en
    assert payload["translations"]["fr"]["title"] == "Isotonitazène vendu comme héroïne"
    assert payload["retracted"] is None


def test_a_retracted_payload_says_so(make_alert):
    alert = make_alert(version=2, retracted=timezone.now(), retraction_reason="Lab error.")
    payload = deliveries.alert_payload(alert)
    assert payload["event"] == "alert.retracted"
    assert payload["retraction_reason"] == "Lab error."
    assert payload["retracted"] == alert.retracted.isoformat()


def test_the_email_is_in_the_recipients_language(member, make_alert, subscribe):
    member.language = "fr"
    member.save()
    subscribe(member)
    alert = make_alert(title_fr="Isotonitazène vendu comme héroïne")
    run(alert)
    (message,) = mail.outbox
    assert "Isotonitazène vendu comme héroïne" in message.subject
    assert f"/fr/alerts/{alert.public_id}/" in message.body
    assert "/fr/alerts/subscription/" in message.body
