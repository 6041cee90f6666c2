"""Who may do what on the alerts pages, for the whole cast plus an alert reviewer: public grades
for everyone, the network grade for members of the network, the queue and an alert's changes
for alert reviewers only (a permission, never a group name), the subscription for members; and
the reviewer's role needs a second factor like every role that can change something."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from dcrnet.alerts.models import Review
from dcrnet.community.models import Role, User

from . import test_review as shared
from .test_public import make_alert
from .test_review import make_user

pytestmark = pytest.mark.django_db

# Fixtures shared with test_review.py.
heroin = shared.heroin
region = shared.region
reviewer = shared.reviewer
second_facility = shared.second_facility
signal = shared.signal
substance = shared.substance

CAST = ["anonymous", "non_member", "member", "reporter", "moderator", "editor", "staff", "reviewer"]
# Who sees the network grade and may subscribe: members of the network (staff and editors are
# staff; reviewers review network alerts).
NETWORK = {"member", "editor", "staff", "reviewer"}


@pytest.fixture
def as_(client, request):
    """as_("member") → the test client signed in as that fixture (anonymous: not signed in)."""

    def sign_in(who: str):
        client.logout()
        if who != "anonymous":
            client.force_login(request.getfixturevalue(who))
        return client

    return sign_in


def expected(who: str, allowed: set[str], refused: int = 403) -> int:
    if who in allowed:
        return 200
    return 302 if who == "anonymous" else refused


@pytest.mark.parametrize("who", CAST)
def test_alert_pages_by_grade(as_, who):
    public, network = make_alert("amber"), make_alert("network")
    client = as_(who)
    assert client.get("/alerts/").status_code == 200
    assert client.get(f"/alerts/{public.public_id}/").status_code == 200
    status = client.get(f"/alerts/{network.public_id}/").status_code
    assert status == (200 if who in NETWORK else 404)


@pytest.mark.parametrize("who", CAST)
def test_the_review_queue_and_reviews_are_for_alert_reviewers(as_, who, signal):
    client = as_(who)
    assert client.get("/alerts/review/").status_code == expected(who, {"reviewer"})
    response = client.post(f"/alerts/review/{signal.pk}/", {f"s{signal.pk}-decision": "dismiss"})
    assert response.status_code == (302 if who in {"reviewer", "anonymous"} else 403)
    assert Review.objects.exists() == (who == "reviewer")


@pytest.mark.parametrize("who", CAST)
def test_changing_an_alert_is_for_alert_reviewers(as_, who):
    alert = make_alert("network")
    client = as_(who)
    for action in ("edit", "retract"):
        url = reverse(f"alerts:{action}", args=[alert.public_id])
        assert client.get(url).status_code == expected(who, {"reviewer"})
    response = client.post(reverse("alerts:retract", args=[alert.public_id]), {"reason": "Why"})
    alert.refresh_from_db()
    assert (alert.retracted is not None) == (who == "reviewer")
    if who not in {"reviewer", "anonymous"}:
        assert response.status_code == 403


@pytest.mark.parametrize("who", CAST)
def test_the_subscription_is_for_members_of_the_network(as_, who):
    assert as_(who).get("/alerts/subscription/").status_code == expected(who, NETWORK)


def test_the_power_is_the_permission_not_the_group_name(client, django_user_model, signal):
    """A group of another name with the permission reviews; the role's name alone does not."""
    permission = Permission.objects.get(codename="review_signal")
    renamed = Group.objects.create(name="early warning desk")
    renamed.permissions.add(permission)
    desk = make_user(django_user_model, "desk@example.org")
    desk.groups.add(renamed)
    client.force_login(desk)
    assert client.get("/alerts/review/").status_code == 200

    Group.objects.get(name=Role.ALERT_REVIEWER).permissions.remove(permission)
    named_only = make_user(django_user_model, "named@example.org", Role.ALERT_REVIEWER)
    client.force_login(named_only)
    assert client.get("/alerts/review/").status_code == 403


def test_an_alert_reviewer_needs_a_second_factor(client, django_user_model):
    user = make_user(django_user_model, "new-reviewer@example.org", Role.ALERT_REVIEWER, mfa=False)
    assert User.objects.needing_mfa().filter(pk=user.pk).exists()
    client.force_login(user)
    response = client.get("/alerts/review/")
    assert response.status_code == 302 and response["Location"] == reverse("mfa_activate_totp")
    assert client.get("/alerts/").status_code == 302  # nothing else until the factor is set up

    user.groups.clear()
    assert not User.objects.needing_mfa().filter(pk=user.pk).exists()
