"""Unsubscribing without signing in: the link in every newsletter shows a button (GET changes
nothing: mail scanners open links), the button's POST unsubscribes; mail clients' RFC 8058
one-click POST works without a CSRF token and answers 200; the row stays as the suppression
record; bad links are 404, never 500."""

from __future__ import annotations

import pytest
from django.test import Client

from dcrnet.forum.notifications import make_token as forum_token
from dcrnet.newsletter import services, tokens
from dcrnet.newsletter.models import Status, Subscriber

from .conftest import make_subscriber

pytestmark = pytest.mark.django_db

ONE_CLICK = "List-Unsubscribe=One-Click"
FORM = "application/x-www-form-urlencoded"


def link(subscriber: Subscriber) -> str:
    return f"/newsletter/unsubscribe/{tokens.make_unsubscribe_token(subscriber.public_id)}/"


@pytest.fixture
def subscriber(db) -> Subscriber:
    return make_subscriber("reader@example.org")


def status(subscriber: Subscriber) -> str:
    subscriber.refresh_from_db()
    return subscriber.status


def test_opening_the_link_unsubscribes_no_one(client, subscriber):
    for method in (client.get, client.head):
        response = method(link(subscriber))
        assert response.status_code == 200
        assert response["X-Robots-Tag"] == "noindex"
    assert 'method="post"' in client.get(link(subscriber)).content.decode()
    assert status(subscriber) == Status.CONFIRMED


def test_the_button_unsubscribes_without_signing_in(subscriber):
    client = Client(enforce_csrf_checks=True)
    page = client.get(link(subscriber))
    token = page.context["csrf_token"]
    response = client.post(link(subscriber), {"csrfmiddlewaretoken": str(token)})
    assert response.status_code == 200
    assert "You are unsubscribed" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Status.UNSUBSCRIBED and subscriber.unsubscribed_at is not None
    # The suppression record: the address and the dates stay, so it is never mailed again.
    assert Subscriber.objects.filter(email="reader@example.org").exists()


def test_a_forged_form_post_is_refused_but_the_one_click_post_is_not(subscriber):
    client = Client(enforce_csrf_checks=True)
    assert client.post(link(subscriber), {"List-Unsubscribe": "Nope"}).status_code == 403
    assert status(subscriber) == Status.CONFIRMED
    response = client.post(link(subscriber), ONE_CLICK, content_type=FORM)
    assert response.status_code == 200
    assert status(subscriber) == Status.UNSUBSCRIBED


def test_one_click_twice_is_still_200_and_changes_nothing(subscriber):
    client = Client(enforce_csrf_checks=True)
    client.post(link(subscriber), ONE_CLICK, content_type=FORM)
    subscriber.refresh_from_db()
    first = subscriber.unsubscribed_at
    response = client.post(link(subscriber), ONE_CLICK, content_type=FORM)
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at == first
    assert client.get(link(subscriber)).status_code == 200  # says "you are unsubscribed"


def test_a_pending_address_can_unsubscribe_and_a_bounced_one_stays_bounced():
    pending = make_subscriber("p@example.org", Status.PENDING)
    bounced = make_subscriber("b@example.org", Status.BOUNCED)
    client = Client(enforce_csrf_checks=True)
    for one in (pending, bounced):
        assert client.post(link(one), ONE_CLICK, content_type=FORM).status_code == 200
    assert status(pending) == Status.UNSUBSCRIBED
    assert status(bounced) == Status.BOUNCED


def test_the_link_works_in_every_language(subscriber):
    path = link(subscriber).replace("/newsletter/", "/fr/newsletter/", 1)
    response = Client(enforce_csrf_checks=True).post(path, ONE_CLICK, content_type=FORM)
    assert response.status_code == 200
    assert status(subscriber) == Status.UNSUBSCRIBED


def test_bad_links_are_404_never_500(subscriber):
    good = tokens.make_unsubscribe_token(subscriber.public_id)
    client = Client(raise_request_exception=False, enforce_csrf_checks=True)
    for token in [
        "nonsense",
        good[:-1] + ("A" if good[-1] != "A" else "B"),
        tokens.make_confirm_token(subscriber.public_id),  # another purpose
        forum_token(1, "digest"),  # another app
        tokens.make_unsubscribe_token("00000000-0000-4000-8000-000000000000"),
        tokens.make_unsubscribe_token("not-a-uuid"),
        "x" * 500,
    ]:
        path = f"/newsletter/unsubscribe/{token}/"
        assert client.get(path).status_code == 404, token
        assert client.post(path, ONE_CLICK, content_type=FORM).status_code == 404, token
    assert status(subscriber) == Status.CONFIRMED


def test_a_subscriber_erased_since_is_a_404(subscriber):
    path = link(subscriber)
    services.erase_addresses([subscriber.email])
    client = Client(enforce_csrf_checks=True)
    assert client.post(path, ONE_CLICK, content_type=FORM).status_code == 404


def test_after_one_post_no_newsletter_is_queued_for_them(
    subscriber, issue, editor, dummy_tasks, django_capture_on_commit_callbacks
):
    """RELIABILITY 56: withdrawing takes one POST, after which nothing is enqueued for them."""
    from dcrnet.newsletter import tasks

    response = Client(enforce_csrf_checks=True).post(link(subscriber), ONE_CLICK, content_type=FORM)
    assert response.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        services.approve(issue.pk, by=editor)
    assert tasks.queue_issue.call(issue.pk) == 0
    assert [r.task.name for r in dummy_tasks.results] == ["queue_issue"]
