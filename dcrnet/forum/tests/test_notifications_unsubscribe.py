"""One-click unsubscribe: works without sign-in and without JavaScript, from a mail client's
RFC 8058 POST, and cannot be forged or turned against someone else."""

from __future__ import annotations

import base64
import json

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from dcrnet.community.models import Consent, ConsentPurpose, Role
from dcrnet.forum import notifications
from dcrnet.forum.models import Subscription

from .test_notifications import XSS, add_post, make_category, make_person, make_thread

pytestmark = pytest.mark.django_db

ONE_CLICK = {"List-Unsubscribe": "One-Click"}


@pytest.fixture
def scene(django_user_model):
    alice = make_person(django_user_model, "alice", Role.MEMBER)
    bob = make_person(django_user_model, "bob", Role.MEMBER)
    category = make_category()
    thread = make_thread(category, alice, "Secret plans")
    add_post(thread, alice)
    for user in (alice, bob):
        Subscription.objects.create(user=user, thread=thread)
        Subscription.objects.create(user=user, category=category)
    return {"alice": alice, "bob": bob, "category": category, "thread": thread}


def url_for(token: str) -> str:
    return reverse("forum:unsubscribe", kwargs={"token": token})


def thread_token(scene, who="alice") -> str:
    return notifications.make_token(scene[who].pk, "thread", scene["thread"].pk)


def subscribed(user, **target) -> bool:
    return Subscription.objects.filter(user=user, **target).exists()


def test_get_shows_a_confirmation_with_one_button_and_changes_nothing(scene):
    response = Client().get(url_for(thread_token(scene)))
    assert response.status_code == 200
    main = response.content.decode().split('<main id="main"', 1)[1].split("</main>")[0]
    assert main.count("<button") == 1 and 'method="post"' in main
    assert "<script" not in main
    # A members-only thread is not named to whoever holds the link.
    assert "Secret plans" not in main
    assert response["Cache-Control"].count("no-store") == 1
    assert subscribed(scene["alice"], thread=scene["thread"])


def test_the_form_post_unsubscribes_with_its_csrf_token(scene):
    client = Client(enforce_csrf_checks=True)
    url = url_for(thread_token(scene))
    page = client.get(url)
    token = page.context["csrf_token"]
    response = client.post(url, {"csrfmiddlewaretoken": str(token)})
    assert response.status_code == 200
    assert not subscribed(scene["alice"], thread=scene["thread"])
    assert subscribed(scene["alice"], category=scene["category"])
    assert subscribed(scene["bob"], thread=scene["thread"])


def test_a_form_post_without_csrf_is_refused(scene):
    response = Client(enforce_csrf_checks=True).post(url_for(thread_token(scene)), {"x": "1"})
    assert response.status_code == 403
    assert subscribed(scene["alice"], thread=scene["thread"])


def test_the_one_click_post_of_a_mail_client_needs_no_csrf_and_is_idempotent(scene):
    client = Client(enforce_csrf_checks=True)
    url = url_for(notifications.make_token(scene["alice"].pk, "category", scene["category"].pk))
    assert client.post(url, ONE_CLICK).status_code == 200
    assert client.post(url, ONE_CLICK).status_code == 200
    assert not subscribed(scene["alice"], category=scene["category"])
    assert subscribed(scene["alice"], thread=scene["thread"])
    assert subscribed(scene["bob"], category=scene["category"])


def test_the_link_of_a_real_email_works(scene, mailoutbox):
    from .test_notifications import publish

    publish(add_post(scene["thread"], scene["bob"], "news"))
    (mail,) = mailoutbox
    url = mail.extra_headers["List-Unsubscribe"].strip("<>")
    path = url.split("://", 1)[1].split("/", 1)[1]
    assert Client(enforce_csrf_checks=True).post("/" + path, ONE_CLICK).status_code == 200
    assert not subscribed(scene["alice"], thread=scene["thread"])


def _tampered(token: str) -> list[str]:
    payload, rest = token.split(":", 1)
    data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    data["u"] += 1  # someone else
    other = base64.urlsafe_b64encode(json.dumps(data, separators=(",", ":")).encode())
    return [
        other.decode().rstrip("=") + ":" + rest,  # another user's id, the old signature
        token[:-2] + ("AA" if not token.endswith("AA") else "BB"),  # a changed signature
        token.split(":")[0],  # no signature
        signing.dumps(data, salt="another purpose"),  # signed by us for something else
        signing.dumps(data, key="not-our-secret-key", salt=notifications.UNSUBSCRIBE_SALT),
        "nonsense",
    ]


@pytest.mark.parametrize("index", range(6))
def test_a_tampered_or_foreign_token_gets_400_and_changes_nothing(scene, index):
    bad = _tampered(thread_token(scene))[index]
    client = Client(enforce_csrf_checks=True)
    assert client.get(url_for(bad)).status_code == 400
    response = client.post(url_for(bad), ONE_CLICK)
    assert response.status_code == 400
    assert b"Invalid unsubscribe link" in response.content
    assert Subscription.objects.count() == 4


def test_a_mention_email_unsubscribes_from_mention_emails_only(scene):
    """The mention email's link (and one-click header) stops mention emails, nothing else; the
    profile page shows the same choice."""
    from dcrnet.community.models import Profile

    alice, bob, thread = scene["alice"], scene["bob"], scene["thread"]
    Subscription.objects.filter(user=alice).delete()
    post = add_post(thread, bob, "Ask @alice about it.")
    assert notifications.reason_for(post, alice) == notifications.Reason.MENTION
    message = notifications.post_message(post, alice, notifications.Reason.MENTION)
    url = message.extra_headers["List-Unsubscribe"].strip("<>")
    path = url.removeprefix(notifications.absolute(""))
    assert Client().get(path).status_code == 200
    assert Client().post(path, ONE_CLICK).status_code == 200
    assert Profile.objects.get(user=alice).mention_emails is False
    assert notifications.reason_for(add_post(thread, bob, "@alice again"), alice) is None
    assert subscribed(bob, thread=thread)


def test_the_signed_in_person_does_not_matter_only_the_token(scene):
    """Bob, signed in, follows Alice's link: Alice is unsubscribed, Bob is not."""
    client = Client()
    client.force_login(scene["bob"])
    client.post(url_for(thread_token(scene)), ONE_CLICK)
    assert not subscribed(scene["alice"], thread=scene["thread"])
    assert subscribed(scene["bob"], thread=scene["thread"])


def test_a_deleted_account_is_fine(scene):
    token = thread_token(scene)
    scene["alice"].delete()
    assert Client().post(url_for(token), ONE_CLICK).status_code == 200


def test_the_digest_link_withdraws_the_digest_consent(scene):
    Consent.objects.create(
        user=scene["alice"],
        purpose=ConsentPurpose.DIGEST,
        notice_version="1",
        given_at=timezone.now(),
    )
    Consent.objects.create(
        user=scene["bob"],
        purpose=ConsentPurpose.DIGEST,
        notice_version="1",
        given_at=timezone.now(),
    )
    url = url_for(notifications.make_token(scene["alice"].pk, "digest"))
    assert Client().post(url, ONE_CLICK).status_code == 200
    assert Client().post(url, ONE_CLICK).status_code == 200
    alice = Consent.objects.get(user=scene["alice"])
    assert alice.withdrawn_at is not None
    assert Consent.objects.get(user=scene["bob"]).withdrawn_at is None
    assert Subscription.objects.count() == 4


@pytest.mark.parametrize(
    "who", ["anonymous", "non_member", "applicant", "member", "moderator", "editor", "staff"]
)
def test_permission_cast(scene, who, request, django_user_model):
    """The page is the token's, for anyone holding it: the same for the whole cast."""
    client = Client()
    if who == "applicant":
        from dcrnet.organisations.models import Membership

        user = make_person(django_user_model, "hopeful")
        Membership.objects.create(user=user, statement="I work night shifts at a DCR.")
        client.force_login(user)
    elif who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    url = url_for(thread_token(scene))
    assert client.get(url).status_code == 200
    assert client.get(url_for("forged")).status_code == 400
    assert client.post(url, ONE_CLICK).status_code == 200
    assert not subscribed(scene["alice"], thread=scene["thread"])
    assert client.put(url).status_code == 405


@pytest.mark.parametrize("payload", XSS)
def test_xss_corpus_in_a_public_thread_title_is_escaped(django_user_model, payload):
    from testing.xss import unsafe_markup

    alice = make_person(django_user_model, "alice", Role.MEMBER)
    category = make_category("open", public=True)
    thread = make_thread(category, alice, payload[:200])
    Subscription.objects.create(user=alice, thread=thread)
    for done in (False, True):
        url = url_for(notifications.make_token(alice.pk, "thread", thread.pk))
        response = Client().post(url, ONE_CLICK) if done else Client().get(url)
        html = response.content.decode()
        main = html.split('<main id="main"', 1)[1].split("</main>")[0]
        assert unsafe_markup(main) == []
