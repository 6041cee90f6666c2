"""Emails of help requests: queued after commit, each sent once (a second run of the task sends
nothing), none when the transaction rolls back; what each says; hostile text stays text."""

from __future__ import annotations

import pytest
from django.core import mail
from django.db import transaction

from dcrnet.community.models import Role
from dcrnet.experts import services, tasks
from dcrnet.experts.models import AssignmentStatus, Delivery
from dcrnet.experts.tokens import make_reply_token
from dcrnet.lib.cache import emails_only as emails
from testing.xss import XSS

from .conftest import assign, make_expert, make_person, make_request

pytestmark = pytest.mark.django_db


def test_nothing_is_sent_before_commit_and_nothing_on_rollback(tags, staff, mailoutbox):
    topic = tags["funding"]
    expert = make_expert("helper", [topic])
    request = make_request(topic)

    class Abort(Exception):
        pass

    with pytest.raises(Abort), transaction.atomic():
        services.route(staff, request, [expert])
        services.submit_request(user=None, topic=topic, language="en", text="x", email="a@b.org")
        assert mailoutbox == []
        raise Abort
    assert mailoutbox == []
    assert not Delivery.objects.exists()


def test_each_email_goes_once(tags, staff, django_capture_on_commit_callbacks):
    topic = tags["funding"]
    expert = make_expert("helper", [topic])
    request = make_request(topic, email="asker@example.net")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.route(staff, request, [expert])
    assert len(emails(callbacks)) == 1
    assert [m.to for m in mail.outbox] == [["helper@example.org"]]
    assignment = request.assignments.get()
    # A retried task, or the callback run again, sends nothing more.
    assert tasks.send_notice.call("invited", assignment.pk, "expert") is False
    callbacks[0]()
    assert len(mail.outbox) == 1
    assert "/experts/me/requests/" in mail.outbox[0].body
    assert request.text not in mail.outbox[0].body  # the request's text stays on the site


def test_message_recipients_are_the_other_side_never_the_author(
    tags, django_capture_on_commit_callbacks
):
    topic = tags["funding"]
    requester = make_person("asker", Role.MEMBER)
    request = make_request(topic, requester=requester)
    one, two = make_expert("one", [topic]), make_expert("two", [topic])
    invited = make_expert("invited", [topic])
    for expert in (one, two):
        assign(request, expert, AssignmentStatus.ACCEPTED)
    assign(request, invited, AssignmentStatus.INVITED)

    with django_capture_on_commit_callbacks(execute=True):
        services.post_message(request, "From one", user=one.user)
    assert sorted(m.to[0] for m in mail.outbox) == ["asker@example.org", "two@example.org"]
    assert all(f"/help/{request.public_id}/" in m.body for m in mail.outbox)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.post_message(request, "From the requester", user=requester)
    assert sorted(m.to[0] for m in mail.outbox) == ["one@example.org", "two@example.org"]


def test_the_anonymous_requester_gets_the_signed_link(tags, django_capture_on_commit_callbacks):
    topic = tags["funding"]
    request = make_request(topic, email="asker@example.net")
    expert = make_expert("one", [topic])
    assign(request, expert, AssignmentStatus.ACCEPTED)
    with django_capture_on_commit_callbacks(execute=True):
        services.post_message(request, "Answer", user=expert.user)
    (message,) = mail.outbox
    assert message.to == ["asker@example.net"]
    assert make_reply_token(request.public_id) in message.body
    # Task arguments hold ids only, never the address (RELIABILITY 58 scans task rows).
    assert Delivery.objects.filter(key=f"message:{request.messages.get().pk}:requester").exists()


def test_hostile_text_in_emails_stays_plain_text(tags, django_capture_on_commit_callbacks):
    topic = tags["funding"]
    request = make_request(topic, email="asker@example.net")
    expert = make_expert("one", [topic])
    assign(request, expert, AssignmentStatus.ACCEPTED)
    for payload in XSS:
        with django_capture_on_commit_callbacks(execute=True):
            services.post_message(request, payload, user=expert.user)
    assert len(mail.outbox) == len(XSS)
    assert all(not getattr(message, "alternatives", None) for message in mail.outbox)  # no HTML
    assert all(message.content_subtype == "plain" for message in mail.outbox)


def test_each_email_is_in_its_recipients_language(
    tags, staff, mailoutbox, django_capture_on_commit_callbacks
):
    """An anonymous requester who wrote in French gets French emails with /fr/ links; an expert
    gets theirs in the language of their account."""
    from django.utils import translation

    topic = tags["funding"]
    expert = make_expert("helfer", [topic])
    type(expert.user).objects.filter(pk=expert.user.pk).update(language="de")
    with django_capture_on_commit_callbacks(execute=True):
        request = services.submit_request(
            user=None, topic=topic, language="fr", text="Besoin d'aide", email="a@b.org"
        )
    with django_capture_on_commit_callbacks(execute=True):
        services.route(staff, request, [expert])
    by_recipient = {message.to[0]: message for message in mailoutbox}
    french, german = by_recipient["a@b.org"], by_recipient["helfer@example.org"]
    assert "/fr/help/reply/" in french.body
    assert "/de/experts/me/requests/" in german.body
    for message, language, subject in (
        (french, "fr", "Your request for help was received"),
        (german, "de", "A request for help for you"),
    ):
        with translation.override(language):
            assert message.subject == translation.gettext(subject) != subject
