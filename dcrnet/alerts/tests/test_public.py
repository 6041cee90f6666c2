"""The alerts pages: public grades for everyone, the network grade for members only, retracted
alerts marked, "<5" for small counts, facilities named only with consent and five events, the
list's filters (400 naming the parameter), and a member's email subscription."""

from __future__ import annotations

import datetime as dt
import re
import uuid

import pytest
from django.utils import timezone

from dcrnet.alerts import services
from dcrnet.alerts.models import Alert, AlertSubscription, NamingConsent, Signal
from dcrnet.community.models import Role

from . import test_review as shared
from .test_review import WEEK, make_user

pytestmark = pytest.mark.django_db

# Fixtures shared with test_review.py.
region = shared.region
reviewer = shared.reviewer
second_facility = shared.second_facility
substance = shared.substance

N = 0


def make_alert(grade="red", *, place=None, drug=None, named=(), **fields) -> Alert:
    global N
    N += 1
    signal = Signal.objects.create(
        key=f"S1:test:{N}", kind="S1", period_start=WEEK, period_end=WEEK, method="S1"
    )
    values = {
        "signal": signal,
        "grade": grade,
        "title": f"Alert {N} ({grade})",
        "issued": timezone.now() - dt.timedelta(hours=N),
        "week": WEEK,
        "region": place,
        "substance": drug,
        "facility_count": 2,
        "counts": {"samples": 8, "linked_overdoses": 3},
        "advice": "Do not use alone.",
        "source": "Reports of two DCRs",
        **fields,
    }
    alert = Alert.objects.create(**values)
    alert.named_facilities.set(named)
    return alert


def facts(page: str, key: str) -> str:
    found = re.search(rf'data-count="{key}">([^<]*)<', page)
    return found[1] if found else ""


def test_anyone_sees_public_grades_and_only_members_the_network_grade(client, member):
    red, amber, network = make_alert("red"), make_alert("amber"), make_alert("network")
    page = client.get("/alerts/").content.decode()
    assert red.title in page and amber.title in page and network.title not in page
    assert client.get(f"/alerts/{network.public_id}/").status_code == 404
    assert client.get(f"/alerts/{red.public_id}/").status_code == 200

    client.force_login(member)
    page = client.get("/alerts/").content.decode()
    assert network.title in page
    assert client.get(f"/alerts/{network.public_id}/").status_code == 200


def test_a_signed_in_non_member_sees_public_grades_only(client, non_member, reporter):
    network = make_alert("network")
    for user in (non_member, reporter):
        client.force_login(user)
        assert client.get(f"/alerts/{network.public_id}/").status_code == 404
        assert network.title not in client.get("/alerts/").content.decode()


def test_an_unknown_alert_is_not_found(client):
    assert client.get(f"/alerts/{uuid.uuid4()}/").status_code == 404


def test_small_counts_show_as_less_than_five_and_hide_the_p_value(client):
    alert = make_alert(observed=3, expected=0.4, p_value=0.0079)
    page = client.get(f"/alerts/{alert.public_id}/").content.decode()
    assert facts(page, "samples") == "8"
    assert facts(page, "linked_overdoses") == "&lt;5"
    assert facts(page, "observed").startswith("&lt;5 observed, 0.4 expected")
    assert "0.008" not in page and "(p " not in page


def test_a_large_observed_count_shows_with_its_p_value(client):
    alert = make_alert(observed=15, expected=5.04, p_value=0.000246)
    page = client.get(f"/alerts/{alert.public_id}/").content.decode()
    assert "15 observed, 5.0 expected" in page and "(p &lt; 0.001)" in page


def test_a_facility_is_named_only_while_it_consents(client, facility, second_facility):
    consent = NamingConsent.objects.create(facility=facility)
    alert = make_alert(named=[facility, second_facility])
    page = client.get(f"/alerts/{alert.public_id}/").content.decode()
    assert "Abrigado" in page and "Esch Room" not in page  # no consent: not named
    consent.delete()
    page = client.get(f"/alerts/{alert.public_id}/").content.decode()
    assert "Abrigado" not in page


def test_a_retracted_alert_stays_listed_and_marked(client):
    alert = make_alert(retracted=timezone.now(), retraction_reason="A false positive.")
    page = client.get("/alerts/").content.decode()
    assert alert.title in page and "Retracted" in page
    page = client.get(f"/alerts/{alert.public_id}/").content.decode()
    assert "This alert was retracted" in page and "A false positive." in page
    assert "Retracted:" in page  # in the heading


def test_synthetic_alerts_are_marked(client):
    alert = make_alert(synthetic=True)
    assert "Synthetic demonstration data" in client.get("/alerts/").content.decode()
    page = client.get(f"/alerts/{alert.public_id}/").content.decode()
    assert "Synthetic demonstration data" in page


def test_the_list_filters_by_region_and_grade(client, region, substance):
    here = make_alert("red", place=region, drug=substance)
    elsewhere = make_alert("amber")
    page = client.get("/alerts/", {"region": region.slug}).content.decode()
    assert here.title in page and elsewhere.title not in page
    page = client.get("/alerts/", {"grade": "amber"}).content.decode()
    assert elsewhere.title in page and here.title not in page


@pytest.mark.parametrize(
    ("query", "label"),
    [
        ({"grade": "network"}, "Grade"),  # not a grade anonymous visitors may ask for
        ({"grade": "purple"}, "Grade"),
        ({"region": "atlantis"}, "Region"),
        ({"page": "two"}, "Page"),
        ({"page": "0"}, "Page"),
    ],
)
def test_bad_filters_are_answered_400_naming_the_parameter(client, query, label):
    response = client.get("/alerts/", query)
    assert response.status_code == 400
    assert f">{label}</a>:" in response.content.decode()


def test_a_page_beyond_the_last_is_not_found(client):
    make_alert()
    assert client.get("/alerts/", {"page": 2}).status_code == 404


def test_the_history_shows_each_version_with_its_reason(client, reviewer):
    alert = make_alert()
    services.update_alert(alert, reviewer, reason="Lab confirmed", advice="Carry naloxone.")
    page = client.get(f"/alerts/{alert.public_id}/").content.decode()
    assert "Version 2: Lab confirmed" in page and "Carry naloxone." in page
    assert "reviewer-one" not in page  # reviewers are not named in public


def test_a_retraction_reaches_the_cached_anonymous_page(
    client,
    settings,
    reviewer,
    django_capture_on_commit_callbacks,
):
    settings.PAGE_CACHE_SECONDS = 60
    alert = make_alert()
    url = f"/alerts/{alert.public_id}/"
    assert "This alert was retracted" not in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.retract(alert, reviewer, "A false positive.")
    assert "This alert was retracted" in client.get(url).content.decode()


# --- Subscription -----------------------------------------------------------------------------


def test_the_subscription_page_needs_a_signed_in_member(client, non_member):
    response = client.get("/alerts/subscription/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(non_member)
    response = client.get("/alerts/subscription/")
    assert response.status_code == 403 and "for members of the network" in response.content.decode()
    assert client.post("/alerts/subscription/", {"grades": ["red"]}).status_code == 403
    assert not AlertSubscription.objects.exists()


def test_a_member_chooses_regions_and_grades_then_stops(client, member, region):
    client.force_login(member)
    page = client.get("/alerts/subscription/").content.decode()
    assert 'value="network"' in page and 'value="luxembourg"' in page
    response = client.post(
        "/alerts/subscription/", {"grades": ["network", "red"], "regions": ["luxembourg"]}
    )
    assert response.status_code == 302
    subscription = AlertSubscription.objects.get(user=member)
    assert subscription.grades == ["network", "red"]
    assert list(subscription.regions.all()) == [region]
    page = client.get("/alerts/subscription/").content.decode()
    assert "You receive alerts by email as chosen below." in page

    assert client.post("/alerts/subscription/", {}).status_code == 302
    assert not AlertSubscription.objects.exists()


@pytest.mark.parametrize(
    ("data", "label"),
    [({"grades": ["purple"]}, "Grades"), ({"grades": ["red"], "regions": ["atlantis"]}, "Regions")],
)
def test_bad_subscription_input_is_answered_400_naming_the_field(client, member, data, label):
    client.force_login(member)
    response = client.post("/alerts/subscription/", data)
    assert response.status_code == 400
    assert f">{label}</a>:" in response.content.decode()
    assert not AlertSubscription.objects.exists()


def test_an_alert_reviewer_who_is_not_a_member_may_subscribe(client, django_user_model):
    user = make_user(django_user_model, "only-reviewer@example.org", Role.ALERT_REVIEWER)
    client.force_login(user)
    assert client.post("/alerts/subscription/", {"grades": ["amber"]}).status_code == 302
    assert AlertSubscription.objects.get(user=user).grades == ["amber"]
