"""Account mail leaves through background tasks: no mail server can fail or slow a page."""

from __future__ import annotations

import json
import re
import socket

import pytest
from django.core import mail
from django.db import transaction
from django.tasks import default_task_backend
from django.tasks.signals import task_finished
from django.test import Client, RequestFactory, override_settings
from django.utils import translation

from dcrnet.community.adapter import AccountAdapter, mail_language
from dcrnet.community.models import User
from dcrnet.community.services import queue_account_mail
from dcrnet.community.tasks import send_account_mail
from dcrnet.community.tests.conftest import sending

pytestmark = pytest.mark.django_db
DUMMY = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
SIGNUP = {
    "email": "newcomer@example.org",
    "password1": "a fresh long passphrase",
    "password2": "a fresh long passphrase",
}


@pytest.fixture
def no_mail_server(settings):
    """SMTP to a port on this machine where nothing listens: every connection is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    smtp = "django.core.mail.backends.smtp.EmailBackend"
    if hasattr(settings, "MAILERS"):
        options = {"host": "127.0.0.1", "port": port, "timeout": 2}
        settings.MAILERS = {"default": {"BACKEND": smtp, "OPTIONS": options}}
    else:  # Django's EMAIL_* settings, before MAILERS
        settings.EMAIL_BACKEND = smtp
        settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 2


@pytest.fixture
def finished_tasks():
    results = []

    def record(sender, task_result, **kwargs):
        results.append(task_result)

    task_finished.connect(record)
    yield results
    task_finished.disconnect(record)


def test_signup_answers_normally_when_no_mail_server_answers(
    no_mail_server, finished_tasks, client
):
    with sending():
        response = client.post("/accounts/signup/", SIGNUP)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert User.objects.filter(email=SIGNUP["email"]).exists()
    # The send was tried, in the task, and failed there.
    [result] = finished_tasks
    assert result.task.name == send_account_mail.name
    assert result.status == "FAILED"
    assert "ConnectionRefusedError" in result.errors[0].exception_class_path


def test_a_password_reset_answers_normally_when_no_mail_server_answers(
    no_mail_server, finished_tasks, member
):
    with sending():
        response = Client().post("/accounts/password/reset/", {"email": member.email})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/done/"
    assert [result.status for result in finished_tasks] == ["FAILED"]


def test_a_signup_with_a_known_address_answers_normally_too(no_mail_server, member):
    with sending():
        response = Client().post("/accounts/signup/", {**SIGNUP, "email": member.email})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"


@override_settings(TASKS=DUMMY)
def test_the_mail_is_queued_after_commit_and_sent_by_the_task(client):
    default_task_backend.clear()
    with sending():
        client.post("/accounts/signup/", SIGNUP)
        assert default_task_backend.results == []  # nothing before the commit
    [result] = default_task_backend.results
    assert result.task.name == send_account_mail.name
    json.dumps(result.args)  # what a database queue stores
    assert mail.outbox == []

    result.task.call(*result.args, **result.kwargs)
    [message] = mail.outbox
    assert message.to == [SIGNUP["email"]]
    assert message.subject.startswith("[DCR Network] ")
    assert re.search(r"http://testserver/accounts/confirm-email/\S+/", message.body)


@override_settings(TASKS=DUMMY)
def test_nothing_is_queued_when_the_transaction_rolls_back():
    default_task_backend.clear()
    with sending():
        with pytest.raises(RuntimeError), transaction.atomic():
            queue_account_mail(mail.EmailMessage("Subject", "Body", to=["a@example.org"]))
            raise RuntimeError("rolled back")
    assert default_task_backend.results == []


def test_an_html_alternative_survives_the_queue(settings):
    message = mail.EmailMultiAlternatives("Subject", "Plain", to=["a@example.org"])
    message.attach_alternative("<p>Rich</p>", "text/html")
    with sending():
        queue_account_mail(message)
    [sent] = mail.outbox
    assert sent.body == "Plain"
    assert sent.alternatives[0].content == "<p>Rich</p>"
    assert sent.alternatives[0].mimetype == "text/html"


def test_rate_limits_see_the_client_behind_a_trusted_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert AccountAdapter(request).get_client_ip(request) == "198.51.100.7"


def confirmation_subject(language: str) -> str:
    with translation.override(language):
        return translation.gettext("Please Confirm Your Email Address")


@override_settings(TASKS=DUMMY)
@pytest.mark.parametrize("language", ["fr", "de", "nl", "es"])
def test_the_mail_is_in_the_language_of_the_page_the_recipient_signed_up_on(client, language):
    default_task_backend.clear()
    with sending():
        client.post(f"/{language}/accounts/signup/", SIGNUP)
    [result] = default_task_backend.results
    with translation.override("en"):  # the worker's language does not matter
        result.task.call(*result.args, **result.kwargs)
    [message] = mail.outbox
    assert confirmation_subject(language) != confirmation_subject("en")
    assert message.subject == f"[DCR Network] {confirmation_subject(language)}"
    assert re.search(rf"http://testserver/{language}/accounts/confirm-email/\S+/", message.body)
    assert message.extra_headers["Content-Language"] == language


@override_settings(TASKS=DUMMY)
def test_the_mail_is_in_english_from_an_english_page_whatever_the_browser_asks(client):
    default_task_backend.clear()
    with sending():
        client.post("/accounts/signup/", SIGNUP, HTTP_ACCEPT_LANGUAGE="de")
    [result] = default_task_backend.results
    result.task.call(*result.args, **result.kwargs)
    [message] = mail.outbox
    assert message.subject == f"[DCR Network] {confirmation_subject('en')}"
    assert message.extra_headers["Content-Language"] == "en"


def test_a_mail_sent_without_a_request_is_in_english():
    assert mail_language(None) == "en"
    assert mail_language(RequestFactory().get("/es/accounts/password/reset/")) == "es"
    assert mail_language(RequestFactory().get("/api/v1/facilities")) == "en"
