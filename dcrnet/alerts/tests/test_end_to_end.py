"""Issue 15 end to end: reports at two facilities → a signal → two confirmations → the email,
the webhook (a local receiver), the feed and the page, all within the task run that the second
confirmation starts; then a retraction reaches all of them."""

from __future__ import annotations

import hashlib
import hmac
import json

import feedparser
import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group
from django.core import mail
from django.test import override_settings

from dcrnet.alerts import services
from dcrnet.alerts.models import (
    Alert,
    AlertSubscription,
    Delivery,
    NamingConsent,
    Region,
    Signal,
    SignalStatus,
    Substance,
    Webhook,
)
from dcrnet.community.models import Role
from dcrnet.monitoring.services import create_token

from .test_webhooks import Receiver

pytestmark = pytest.mark.django_db

SECRET = "the partner's signing secret"


def make_user(django_user_model, email: str, *roles: str):
    user = django_user_model.objects.create_user(
        email=email, password="a long test passphrase", handle=email.split("@")[0][:30]
    )
    for role in roles:
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    TOTP.activate(user, generate_totp_secret())
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@pytest.fixture
def receiver():
    found = Receiver()
    yield found
    found.close()


@pytest.fixture
def network(django_user_model, make_facility, receiver):
    """Two rooms of one region with a reporter each (one consents to be named), two alert
    reviewers, a subscribed member and a partner's webhook."""
    first = make_facility("lu-abrigado", name="Abrigado")
    second = make_facility("lu-esch", name="Esch Room", city="Esch-sur-Alzette")
    region = Region.objects.create(slug="luxembourg", name="Luxembourg", country=first.country)
    region.facilities.add(first, second)
    reporters = []
    for facility in (first, second):
        reporter = make_user(
            django_user_model, f"reporter-{facility.public_id}@example.org", Role.REPORTER
        )
        facility.reporters.add(reporter)
        reporters.append(reporter)
    NamingConsent.objects.create(facility=first, given_by=reporters[0])
    Substance.objects.create(
        slug="isotonitazene",
        name="Isotonitazene",
        kind="compound",
        inchikey="OQNMBZNXXJAVNF-UHFFFAOYSA-N",
        watch_list=True,
    )
    Substance.objects.create(slug="heroin", name="Heroin", kind="compound")
    member = make_user(django_user_model, "member@example.org", Role.MEMBER)
    subscription = AlertSubscription.objects.create(user=member, grades=["red", "amber"])
    subscription.regions.set([region])
    webhook = Webhook.objects.create(name="Partner", url=receiver.url, secret=SECRET)
    return {
        "facilities": (first, second),
        "reporters": reporters,
        "reviewers": [
            make_user(django_user_model, f"reviewer-{n}@example.org", Role.ALERT_REVIEWER)
            for n in (1, 2)
        ],
        "member": member,
        "webhook": webhook,
    }


def report(client, reporter, facility, samples: int, linked: int):
    """A reporter's substance report through the API with their personal token."""
    _row, raw = create_token(reporter)
    response = client.post(
        "/api/v1/alerts/reports",
        {
            "facility": facility.public_id,
            "substance": "isotonitazene",
            "confirmation": "toxicology",
            "form": "powder",
            "sold_as": "heroin",
            "samples": samples,
            "linked_overdoses": linked,
        },
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert response.status_code == 201, response.content


def feed_entries(client) -> list:
    response = client.get("/alerts/feed.atom")
    assert response.status_code == 200
    return feedparser.parse(response.content).entries


def verified(request) -> dict:
    """The webhook's JSON body, after checking its signature as a partner would."""
    body = request["body"]
    expected = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    assert hmac.compare_digest(request["headers"]["X-DCRNet-Signature"], expected)
    return json.loads(body)


@override_settings(PAGE_CACHE_SECONDS=60)  # as in production: pages must not go stale
def test_reports_at_two_facilities_reach_every_channel_and_so_does_the_retraction(
    client, network, receiver, django_capture_on_commit_callbacks
):
    first, second = network["facilities"]
    one, two = network["reviewers"]
    member = network["member"]
    assert feed_entries(client) == []
    assert client.get("/api/v1/alerts").json()["count"] == 0

    # Two rooms report the same watch-list substance this week: one signal of both.
    with django_capture_on_commit_callbacks(execute=True):
        report(client, network["reporters"][0], first, samples=6, linked=3)
    with django_capture_on_commit_callbacks(execute=True):
        report(client, network["reporters"][1], second, samples=2, linked=1)
    signal = Signal.objects.get()
    assert (signal.kind, signal.status, signal.observed) == ("S1", SignalStatus.OPEN, 8)
    assert set(signal.facilities.all()) == {first, second}

    # One confirmation is not an alert; nothing goes out.
    with django_capture_on_commit_callbacks(execute=True):
        services.review(signal, one, "confirm", grade="red", comment="Toxicology confirmed.")
    assert not Alert.objects.exists()
    assert mail.outbox == [] and receiver.requests == []

    # The second reviewer's confirmation: the alert, and within that same run every channel.
    with django_capture_on_commit_callbacks(execute=True):
        services.review(signal, two, "confirm", grade="red")
    alert = Alert.objects.get()
    assert (alert.grade, alert.version, alert.facility_count) == ("red", 1, 2)

    (email,) = mail.outbox
    assert email.to == [member.email]
    assert email.subject == f"Alert: {alert.title}"
    assert "Isotonitazene" in email.body
    assert "Samples linked to overdoses: <5" in email.body  # 4 in all
    assert "Abrigado" in email.body and "Esch Room" not in email.body  # consent, 5+ events

    (posted,) = receiver.requests
    payload = verified(posted)
    assert posted["headers"]["X-DCRNet-Event"] == "alert.issued"
    assert (payload["id"], payload["version"], payload["grade"]) == (str(alert.public_id), 1, "red")
    assert payload["counts"] == {"samples": 8, "linked_overdoses": "<5"}
    assert payload["facilities_named"] == ["Abrigado"]

    (entry,) = feed_entries(client)
    assert entry.title == alert.title
    page = client.get(f"/alerts/{alert.public_id}/")
    assert page.status_code == 200 and alert.title in page.content.decode()
    listed = client.get("/api/v1/alerts").json()["items"]
    assert [item["id"] for item in listed] == [str(alert.public_id)]

    # The retraction reaches the same people and systems.
    with django_capture_on_commit_callbacks(execute=True):
        services.retract(alert, one, "The laboratory mixed up two samples.")
    alert.refresh_from_db()
    assert alert.version == 2

    assert [m.subject for m in mail.outbox] == [
        f"Alert: {alert.title}",
        f"Retracted alert: {alert.title}",
    ]
    assert "The laboratory mixed up two samples." in mail.outbox[1].body

    assert len(receiver.requests) == 2
    retraction = verified(receiver.requests[1])
    assert receiver.requests[1]["headers"]["X-DCRNet-Event"] == "alert.retracted"
    assert (retraction["version"], retraction["event"]) == (2, "alert.retracted")
    assert retraction["retraction_reason"] == "The laboratory mixed up two samples."

    (entry,) = feed_entries(client)
    assert entry.title == f"Retracted: {alert.title}"
    assert "The laboratory mixed up two samples." in entry.summary
    page = client.get(f"/alerts/{alert.public_id}/").content.decode()
    assert 'id="retraction"' in page and "The laboratory mixed up two samples." in page
    (item,) = client.get("/api/v1/alerts").json()["items"]
    assert item["retracted"] is not None and item["version"] == 2

    # Each version went once to each recipient, and the log shows it.
    sent = Delivery.objects.exclude(sent_at=None)
    assert sorted(sent.values_list("channel", "version")) == [
        ("email", 1),
        ("email", 2),
        ("webhook", 1),
        ("webhook", 2),
    ]
    assert not Delivery.objects.filter(sent_at=None).exists()
