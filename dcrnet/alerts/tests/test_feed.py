"""The Atom feed of public alerts: /alerts/feed.atom."""

from __future__ import annotations

import re

import feedparser
import pytest
from django.test import override_settings
from django.utils import timezone

from dcrnet.alerts.models import NamingConsent

from . import test_deliveries

pytestmark = pytest.mark.django_db

region, make_alert = test_deliveries.region, test_deliveries.make_alert  # fixtures

FEED = "/alerts/feed.atom"


def read(client, url: str = FEED):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    return parsed


def shown(content: str, label: str) -> str:
    """The value beside a count's label in the entry's facts."""
    found = re.search(rf"<dt>{label}</dt>\s*<dd[^>]*>([^<]*)</dd>", content)
    return found and found.group(1)


def test_it_lists_public_alerts_with_their_facts_and_advice(client, make_alert):
    alert = make_alert(counts={"samples": 9, "linked_overdoses": 2}, advice="Use **less**.")
    feed = read(client)
    assert feed.feed.title == "DCR Network: drug alerts"
    (entry,) = feed.entries
    assert entry.title == alert.title
    assert entry.link.endswith(f"/alerts/{alert.public_id}/")
    assert entry.id == f"urn:uuid:{alert.public_id}"
    content = entry.summary
    assert "Isotonitazene" in content
    assert "OQNMBZNXXJAVNF-UHFFFAOYSA-N" in content
    assert "<strong>less</strong>" in content  # the advice's Markdown, rendered
    assert shown(content, "Samples") == "9"
    assert shown(content, "Samples linked to overdoses") == "&lt;5"  # 2 is shown as <5


def test_the_network_grade_is_never_in_it_even_for_members(client, member, make_alert):
    make_alert(grade="network")
    public = make_alert(grade="amber")
    client.force_login(member)
    assert [e.title for e in read(client).entries] == [public.title]


def test_a_retracted_alert_stays_marked_with_its_reason(client, make_alert):
    alert = make_alert(version=2, retracted=timezone.now(), retraction_reason="A lab mix-up.")
    (entry,) = read(client).entries
    assert entry.title == f"Retracted: {alert.title}"
    assert "A lab mix-up." in entry.summary


def test_an_update_moves_the_entrys_updated_time(client, make_alert):
    alert = make_alert()
    before = read(client).entries[0].updated_parsed
    alert.version, alert.advice = 2, "New advice."
    alert.save()
    entry = read(client).entries[0]
    assert entry.updated_parsed >= before
    assert "New advice." in entry.summary
    assert entry.updated.startswith(alert.updated.strftime("%Y-%m-%dT%H:%M:%S"))


def test_a_facility_is_named_only_with_its_consent(client, make_alert, facility):
    alert = make_alert()
    alert.named_facilities.add(facility)
    assert facility.name not in read(client).entries[0].summary
    NamingConsent.objects.create(facility=facility)
    assert facility.name in read(client).entries[0].summary


def test_synthetic_alerts_say_so(client, make_alert):
    make_alert(synthetic=True)
    assert "synthetic data" in read(client).entries[0].summary


def test_the_feed_in_another_language_links_pages_in_it(client, make_alert):
    alert = make_alert()
    entry = read(client, f"/fr{FEED}").entries[0]
    assert entry.link.endswith(f"/fr/alerts/{alert.public_id}/")


@override_settings(PAGE_CACHE_SECONDS=60)
def test_a_new_alert_is_in_the_feed_at_once_despite_the_page_cache(client, make_alert):
    assert read(client).entries == []
    alert = make_alert()
    assert [e.title for e in read(client).entries] == [alert.title]
