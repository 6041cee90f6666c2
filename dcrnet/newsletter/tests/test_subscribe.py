"""Subscribing with double opt-in: the consent box starts unticked and its row keeps the notice
version and time (RELIABILITY 56); the answer is the same whether or not the address is known;
a confirmation link is emailed (after commit, once, in the chosen language); opening it (GET)
confirms nothing, its button (POST) does; limits per client and per address; bad links are
404, expired ones 400, never a 500."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.db import transaction
from django.test import Client
from django.utils import timezone

from dcrnet.forum.notifications import make_token as forum_token
from dcrnet.newsletter import services, tasks, tokens
from dcrnet.newsletter.models import Status, Subscriber

from .conftest import make_subscriber

pytestmark = pytest.mark.django_db

URL = "/newsletter/"


def ask(client, email="new@example.org", language="en", consent=True, **extra):
    data = {"email": email, "language": language, **extra}
    if consent:
        data["consent"] = "1"
    return client.post(URL, data)


def confirm_link(message) -> str:
    (link,) = re.findall(r"https?://\S+/newsletter/confirm/\S+/", message.body)
    return link.removeprefix(settings.SITE_URL)


def test_the_form_shows_the_notice_and_its_version_and_nothing_is_ticked(client):
    response = client.get(URL)
    body = response.content.decode()
    assert response.status_code == 200
    version, notice = services.notice()
    assert notice in body
    assert f"Notice version {version}" in body
    assert 'type="checkbox" name="consent"' in body
    assert "checked" not in body


def test_without_the_box_ticked_nothing_is_recorded_and_the_error_names_it(client):
    response = ask(client, consent=False)
    assert response.status_code == 400
    assert "Please tick the box to subscribe." in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    assert not Subscriber.objects.exists() and mail.outbox == []


@pytest.mark.parametrize("email", ["", "not an address", "a@b", "x" * 250 + "@example.org"])
def test_a_bad_address_is_a_400_and_nothing_is_recorded(client, email):
    assert ask(client, email=email).status_code == 400
    assert not Subscriber.objects.exists()


def test_a_bad_language_is_a_400(client):
    assert ask(client, language="xx").status_code == 400
    assert not Subscriber.objects.exists()


def test_subscribing_records_the_consent_and_mails_a_confirmation_link(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client, email="New@Example.org")
    assert response.status_code == 302 and response["Location"] == "/newsletter/requested/"
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "new@example.org"
    assert subscriber.status == Status.PENDING
    assert subscriber.notice_version == services.NOTICE_VERSION
    assert subscriber.consented_at is not None and subscriber.confirmed_at is None
    (email,) = mail.outbox
    assert email.to == ["new@example.org"]
    assert email.subject == "Please confirm your subscription to the DCR Network newsletter"
    assert confirm_link(email).startswith("/newsletter/confirm/")
    assert "<" not in email.body  # plain text
    assert client.get(response["Location"]).status_code == 200


def test_the_answer_is_the_same_whether_or_not_the_address_is_known(
    client, django_capture_on_commit_callbacks
):
    make_subscriber("known@example.org")
    answers = []
    for address in ("known@example.org", "unknown@example.org"):
        with django_capture_on_commit_callbacks(execute=True):
            response = ask(Client(), email=address)
        page = Client().get(response["Location"])
        answers.append((response.status_code, response["Location"], page.content))
    assert answers[0] == answers[1]
    # The confirmed address is left as it was and gets nothing; the new one gets its link.
    assert [m.to for m in mail.outbox] == [["unknown@example.org"]]
    assert Subscriber.objects.get(email="known@example.org").status == Status.CONFIRMED


def test_opening_the_link_confirms_nothing_and_the_button_confirms(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ask(client)
    link = confirm_link(mail.outbox[0])
    for method in (client.get, client.head, client.get):  # a scanner, a prefetch, the person
        response = method(link)
        assert response.status_code == 200
        assert response["X-Robots-Tag"] == "noindex"
    assert Subscriber.objects.get().status == Status.PENDING
    assert "Yes, send me the newsletter" in response.content.decode()
    response = Client(enforce_csrf_checks=True).post(link)
    assert response.status_code == 403  # the button's own form carries its CSRF token
    assert Subscriber.objects.get().status == Status.PENDING
    response = client.post(link)
    assert response.status_code == 200 and "You are subscribed" in response.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Status.CONFIRMED and subscriber.confirmed_at is not None
    assert client.post(link).status_code == 200  # twice: nothing changes
    assert client.get(link).status_code == 200
    assert len(mail.outbox) == 1


def test_an_expired_link_is_a_400_and_confirms_nothing(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ask(client)
    link = confirm_link(mail.outbox[0])
    later = timezone.now() + dt.timedelta(days=tokens.CONFIRM_DAYS, minutes=1)
    with time_machine.travel(later, tick=False):
        assert client.get(link).status_code == 400
        response = client.post(link)
    assert response.status_code == 400
    assert "no longer valid" in response.content.decode()
    assert Subscriber.objects.get().status == Status.PENDING


def test_a_link_of_an_address_unsubscribed_since_confirms_nothing(client):
    subscriber = make_subscriber("gone@example.org", Status.UNSUBSCRIBED)
    link = f"/newsletter/confirm/{tokens.make_confirm_token(subscriber.public_id)}/"
    assert client.get(link).status_code == 400
    assert client.post(link).status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.status == Status.UNSUBSCRIBED


def bad_tokens(subscriber) -> list[str]:
    good = tokens.make_confirm_token(subscriber.public_id)
    return [
        "nonsense",
        good[:-1] + ("A" if good[-1] != "A" else "B"),  # altered signature
        tokens.make_unsubscribe_token(subscriber.public_id),  # another purpose
        forum_token(1, "digest"),  # another app
        tokens.make_confirm_token("00000000-0000-4000-8000-000000000000"),  # nobody
        tokens.make_confirm_token("not-a-uuid"),
        "x" * 500,
        "%00",
    ]


def test_bad_confirm_links_are_404_never_500(client):
    subscriber = make_subscriber("p@example.org", Status.PENDING)
    client = Client(raise_request_exception=False)
    for token in bad_tokens(subscriber):
        for method in (client.get, client.post):
            status = method(f"/newsletter/confirm/{token}/").status_code
            assert status in {400, 404}, (token, status)
    subscriber.refresh_from_db()
    assert subscriber.status == Status.PENDING


def test_resubscribing_after_unsubscribing_takes_a_new_double_opt_in(
    client, django_capture_on_commit_callbacks
):
    subscriber = make_subscriber("back@example.org", Status.UNSUBSCRIBED)
    with django_capture_on_commit_callbacks(execute=True):
        ask(client, email="back@example.org", language="fr")
    subscriber.refresh_from_db()
    assert subscriber.status == Status.PENDING and subscriber.language == "fr"
    assert subscriber.unsubscribed_at is not None  # the record of the earlier withdrawal
    (email,) = mail.outbox
    assert confirm_link(email).startswith("/fr/newsletter/confirm/")  # in their language
    client.post(confirm_link(email))
    subscriber.refresh_from_db()
    assert subscriber.status == Status.CONFIRMED


def test_a_signed_in_person_subscribing_their_own_address_links_it(
    member, django_capture_on_commit_callbacks
):
    client = Client()
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        ask(client, email=member.email.upper())
        ask(client, email="someone-else@example.org")
    assert Subscriber.objects.get(email=member.email).user == member
    assert Subscriber.objects.get(email="someone-else@example.org").user is None
    assert Subscriber.objects.get(email=member.email).status == Status.PENDING  # double opt-in


def test_subscriptions_are_limited_per_client(client, django_capture_on_commit_callbacks):
    for n in range(services.SUBSCRIBE_PER_HOUR):
        assert ask(client, email=f"p{n}@example.org").status_code == 302
    response = ask(client, email="one-more@example.org")
    assert response.status_code == 429
    assert response["Retry-After"] == str(services.RATE_PERIOD)
    assert "Too many subscriptions" in response.content.decode()
    assert not Subscriber.objects.filter(email="one-more@example.org").exists()
    other = Client(REMOTE_ADDR="198.51.100.7")
    assert ask(other, email="one-more@example.org").status_code == 302


def test_one_address_gets_a_few_confirmations_a_day_whoever_asks(
    django_capture_on_commit_callbacks,
):
    for n in range(services.CONFIRMATIONS_PER_DAY + 2):
        with django_capture_on_commit_callbacks(execute=True):
            response = ask(Client(REMOTE_ADDR=f"198.51.100.{n + 1}"), email="victim@example.org")
        assert response.status_code == 302  # the same answer every time
    assert len(mail.outbox) == services.CONFIRMATIONS_PER_DAY


def test_a_confirmation_is_sent_once_and_not_for_a_superseded_request(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=False) as first:
        services.subscribe("p@example.org", language="en")
    subscriber = Subscriber.objects.get()
    stamp = subscriber.requested_at.isoformat()
    assert tasks.send_confirmation.call(subscriber.pk, stamp) is True
    assert tasks.send_confirmation.call(subscriber.pk, stamp) is False  # once
    with django_capture_on_commit_callbacks(execute=False):
        services.subscribe("p@example.org", language="en")
    first[0]()  # the first request's task, run late: superseded by the second
    assert len(mail.outbox) == 1
    services.confirm(subscriber.public_id)
    assert tasks.send_confirmation.call(subscriber.pk, stamp) is False  # confirmed meanwhile


# --- RELIABILITY 63 ----------------------------------------------------------------------------


def test_a_commit_enqueues_one_task_with_json_arguments_and_a_rollback_none(
    dummy_tasks, django_capture_on_commit_callbacks
):
    class Abort(Exception):
        pass

    with pytest.raises(Abort), transaction.atomic():
        services.subscribe("p@example.org", language="en")
        raise Abort
    with django_capture_on_commit_callbacks(execute=True):
        pass
    assert dummy_tasks.results == [] and not Subscriber.objects.exists()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.subscribe("p@example.org", language="en")
        assert dummy_tasks.results == []  # nothing before the commit
    assert len(callbacks) == 1
    (result,) = dummy_tasks.results
    assert result.task.name == "send_confirmation"
    json.dumps([result.args, result.kwargs])
    assert mail.outbox == []


def test_with_the_mail_server_down_the_subscription_stays_and_the_task_fails(
    settings, django_capture_on_commit_callbacks
):
    import socket

    from django.tasks.signals import task_finished

    with socket.socket() as probe:  # a port where nothing listens: connections are refused
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    options = {"host": "127.0.0.1", "port": port, "timeout": 2}
    backend = "django.core.mail.backends.smtp.EmailBackend"
    settings.MAILERS = {"default": {"BACKEND": backend, "OPTIONS": options}}
    finished = []

    def record(sender, task_result, **kwargs):
        finished.append(task_result)

    task_finished.connect(record)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = ask(Client(raise_request_exception=False))
    finally:
        task_finished.disconnect(record)
    assert response.status_code == 302
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Status.PENDING and subscriber.confirmation_sent_at is None
    assert [result.status for result in finished] == ["FAILED"]
