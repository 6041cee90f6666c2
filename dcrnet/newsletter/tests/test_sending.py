"""Sending an issue: to confirmed subscribers only (nothing to pending, unsubscribed or bounced
addresses), each in their language, each with its own one-click unsubscribe headers and link,
a text part always and an HTML part that loads nothing; in batches; after a crash, a rerun
sends the rest and nothing twice (RELIABILITY 64 in spirit); approval enqueues one task after
commit and none on rollback (RELIABILITY 63)."""

from __future__ import annotations

import io
import json
import re

import pytest
from django.conf import settings
from django.core import mail
from django.db import transaction
from django.test import Client

from dcrnet.newsletter import services, tasks
from dcrnet.newsletter.models import IssueStatus, Send, Status, Subscriber

from .conftest import make_subscriber

pytestmark = pytest.mark.django_db

ONE_CLICK = "List-Unsubscribe=One-Click"


def approve(issue, editor, callbacks):
    with callbacks(execute=True):
        return services.approve(issue.pk, by=editor)


def received(outbox=None) -> dict[str, int]:
    counts: dict[str, int] = {}
    for message in mail.outbox if outbox is None else outbox:
        counts[message.to[0]] = counts.get(message.to[0], 0) + 1
    return counts


def test_only_confirmed_subscribers_get_the_issue(
    issue, everyone, editor, django_capture_on_commit_callbacks
):
    approve(issue, editor, django_capture_on_commit_callbacks)
    assert received() == {"ana@example.org": 1, "bea@example.org": 1}
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT and issue.recipient_count == 2
    assert issue.finished_at is not None
    assert Send.objects.filter(sent_at__isnull=False).count() == 2


def test_every_email_has_its_own_one_click_unsubscribe(
    issue, everyone, editor, django_capture_on_commit_callbacks
):
    approve(issue, editor, django_capture_on_commit_callbacks)
    for message in mail.outbox:
        header = message.extra_headers["List-Unsubscribe"]
        assert message.extra_headers["List-Unsubscribe-Post"] == ONE_CLICK
        url = header.removeprefix("<").removesuffix(">")
        assert url.startswith(settings.SITE_URL + "/") and "/newsletter/unsubscribe/" in url
        assert url in message.body  # the link in the text too
        (html, mimetype) = message.alternatives[0]
        assert mimetype == "text/html" and url in html
        # The rendered message keeps the header whole (not folded into encoded words).
        rendered = message.message().as_string()
        assert f"List-Unsubscribe: {header}" in rendered
        # The mail client's POST unsubscribes exactly that person.
        client = Client(enforce_csrf_checks=True)
        path = url.removeprefix(settings.SITE_URL)
        response = client.post(path, ONE_CLICK, content_type="application/x-www-form-urlencoded")
        assert response.status_code == 200
        assert Subscriber.objects.get(email=message.to[0]).status == Status.UNSUBSCRIBED
    assert set(Subscriber.objects.receiving().values_list("email", flat=True)) == set()


def test_the_html_part_loads_nothing_and_links_only_to_the_site(
    issue, everyone, editor, django_capture_on_commit_callbacks
):
    issue.intro_en += '\n\n![pixel](https://tracker.example.net/p.gif) <img src="x">'
    issue.save()
    approve(issue, editor, django_capture_on_commit_callbacks)
    message = next(m for m in mail.outbox if m.to == ["ana@example.org"])
    html = message.alternatives[0][0]
    assert not re.search(r"<(img|script|link|iframe|object|style)\b", html)
    assert not re.search(r"<[^>]*\s(src|background)=", html)
    assert "tracker.example.net" not in html.replace("&lt;", "<").split("<img")[0]
    hrefs = re.findall(r'href="([^"]+)"', html)
    assert hrefs and all(href.startswith(settings.SITE_URL + "/") for href in hrefs), hrefs
    assert f'href="{settings.SITE_URL}/guide/"' in html  # the intro's relative link
    assert f"the guide <{settings.SITE_URL}/guide/>" in message.body


def test_each_subscriber_gets_it_in_their_language(
    issue, everyone, editor, django_capture_on_commit_callbacks
):
    approve(issue, editor, django_capture_on_commit_callbacks)
    english = next(m for m in mail.outbox if m.to == ["ana@example.org"])
    french = next(m for m in mail.outbox if m.to == ["bea@example.org"])
    assert "Welcome to the November issue." in english.body
    assert "Bienvenue dans le numéro de novembre." in french.body
    assert "novembre 2026" in french.subject
    assert f"{settings.SITE_URL}/fr/newsletter/unsubscribe/" in french.body
    assert f"{settings.SITE_URL}/fr/" not in english.body


def test_nothing_goes_to_an_address_unsubscribed_or_bounced_after_the_approval(
    issue, everyone, editor, dummy_tasks, django_capture_on_commit_callbacks
):
    approve(issue, editor, django_capture_on_commit_callbacks)
    (queued,) = dummy_tasks.results
    tasks.queue_issue.call(*queued.args)
    (batch,) = dummy_tasks.results[1:]
    services.unsubscribe(everyone["confirmed"].public_id)
    services.mark_bounced(["BEA@example.org"])
    assert tasks.send_batch.call(*batch.args) == 0
    assert mail.outbox == []


def test_someone_who_confirms_after_the_approval_waits_for_the_next_issue(
    issue, everyone, editor, dummy_tasks, django_capture_on_commit_callbacks
):
    approve(issue, editor, django_capture_on_commit_callbacks)
    services.confirm(everyone["pending"].public_id)
    tasks.queue_issue.call(issue.pk)
    for result in dummy_tasks.results:
        if result.task.name == "send_batch":
            tasks.send_batch.call(*result.args)
    assert received() == {"ana@example.org": 1, "bea@example.org": 1}


def test_the_recipients_are_split_in_batches_with_json_arguments(
    issue, editor, dummy_tasks, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(tasks, "BATCH_SIZE", 4)
    subscribers = [make_subscriber(f"s{n}@example.org") for n in range(10)]
    approve(issue, editor, django_capture_on_commit_callbacks)
    assert tasks.queue_issue.call(issue.pk) == 3
    batches = [r for r in dummy_tasks.results if r.task.name == "send_batch"]
    json.dumps([[b.args, b.kwargs] for b in batches])
    assert [len(b.args[1]) for b in batches] == [4, 4, 2]
    assert sorted(i for b in batches for i in b.args[1]) == sorted(s.pk for s in subscribers)
    for batch in batches + batches:  # every batch run twice: a retried task
        tasks.send_batch.call(*batch.args)
    assert received() == {s.email: 1 for s in subscribers}


def test_a_crash_mid_batch_and_a_rerun_send_everyone_exactly_once(
    issue, editor, flaky_mail, monkeypatch, django_capture_on_commit_callbacks
):
    """The mail server goes away after 5 of 11 emails (in the second batch of 4): that batch's
    task and the next fail. Rerunning (twice) sends the other 6, and nobody gets two."""
    from django.tasks.signals import task_finished

    monkeypatch.setattr(tasks, "BATCH_SIZE", 4)
    subscribers = [make_subscriber(f"s{n:02}@example.org") for n in range(11)]
    flaky_mail.fail_after = 5
    finished = []

    def record(sender, task_result, **kwargs):
        finished.append((task_result.task.name, task_result.status))

    task_finished.connect(record)
    try:
        approve(issue, editor, django_capture_on_commit_callbacks)
    finally:
        task_finished.disconnect(record)
    assert finished == [
        ("send_batch", "SUCCESSFUL"),
        ("send_batch", "FAILED"),
        ("send_batch", "FAILED"),
        ("queue_issue", "SUCCESSFUL"),
    ]
    assert len(flaky_mail.delivered) == 5
    assert Send.objects.filter(sent_at__isnull=False).count() == 5
    issue.refresh_from_db()
    assert issue.status == IssueStatus.APPROVED  # still sending

    flaky_mail.fail_after = None  # the server is back
    with django_capture_on_commit_callbacks(execute=True):
        services.resume(issue.pk, by=editor)
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(services.NotSending):  # everyone has it: nothing left to resume
            services.resume(issue.pk, by=editor)
    tasks.queue_issue.call(issue.pk)  # the hourly command, once more
    assert received(flaky_mail.delivered) == {s.email: 1 for s in subscribers}
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT and issue.recipient_count == 11


def test_the_command_resumes_every_approved_issue(
    issue, editor, flaky_mail, django_capture_on_commit_callbacks
):
    from django.core.management import call_command

    subscribers = [make_subscriber(f"s{n}@example.org") for n in range(3)]
    flaky_mail.fail_after = 1
    approve(issue, editor, django_capture_on_commit_callbacks)
    assert len(flaky_mail.delivered) == 1
    flaky_mail.fail_after = None
    out = io.StringIO()
    call_command("send_newsletter", stdout=out)
    call_command("send_newsletter", stdout=out)
    assert out.getvalue().count("Queued the rest of the issue of 2026-11.") == 1
    assert received(flaky_mail.delivered) == {s.email: 1 for s in subscribers}
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT


def test_an_address_the_server_refuses_is_recorded_and_the_batch_goes_on(
    issue, everyone, editor, flaky_mail, django_capture_on_commit_callbacks
):
    flaky_mail.refuse = {"ana@example.org"}
    approve(issue, editor, django_capture_on_commit_callbacks)
    assert received(flaky_mail.delivered) == {"bea@example.org": 1}
    send = Send.objects.get(subscriber=everyone["confirmed"])
    assert send.refused_at is not None and send.sent_at is None
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT and issue.recipient_count == 1


# --- RELIABILITY 63 ----------------------------------------------------------------------------


def test_an_approval_enqueues_one_task_after_commit_and_none_on_rollback(
    issue, everyone, editor, dummy_tasks, django_capture_on_commit_callbacks
):
    class Abort(Exception):
        pass

    with pytest.raises(Abort), transaction.atomic():
        services.approve(issue.pk, by=editor)
        raise Abort
    issue.refresh_from_db()
    assert issue.status == IssueStatus.DRAFT and dummy_tasks.results == []
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.approve(issue.pk, by=editor)
        assert dummy_tasks.results == []
    assert len(callbacks) == 1
    (result,) = dummy_tasks.results
    assert result.task.name == "queue_issue"
    json.dumps([result.args, result.kwargs])
    assert mail.outbox == []
