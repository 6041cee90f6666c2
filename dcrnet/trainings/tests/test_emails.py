"""Emails of sessions: queued after commit (none on rollback), each sent once (a second run of
the task sends nothing), built when the task runs (nothing for someone who left meanwhile), in
the recipient's language with absolute links; the online link only to confirmed participants;
a change says what changed and the new time in the session's zone."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.db import transaction

from dcrnet.trainings import notifications, services, tasks
from dcrnet.trainings.models import Delivery, Format, Registration

from .factories import NOW, make_person, make_session

pytestmark = pytest.mark.django_db

LINK = "https://meet.example.net/dcr-training"
DUMMY = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


def at(moment):
    return time_machine.travel(moment, tick=False)


@pytest.fixture
def organiser():
    return make_person("organiser")


@pytest.fixture
def online(organiser):
    """An online session on 31 March 2027, 14:30–17:30 in Berlin (summer time: UTC+2)."""
    start = dt.datetime(2027, 3, 31, 12, 30, tzinfo=dt.UTC)
    return make_session(
        start=start,
        format=Format.ONLINE,
        address="",
        online_url=LINK,
        capacity=1,
        organisers=[organiser],
    )


def register(session, person, callbacks):
    with at(NOW), callbacks(execute=True):
        return services.register(session, person)


def to(address: str) -> list:
    return [m for m in mail.outbox if m.to == [address]]


def test_nothing_is_queued_before_commit_and_nothing_on_rollback(online):
    class Abort(Exception):
        pass

    with at(NOW), pytest.raises(Abort), transaction.atomic():
        services.register(online, make_person("p"))
        assert mail.outbox == []
        raise Abort
    assert mail.outbox == [] and not Delivery.objects.exists()
    assert not Registration.objects.exists()


def test_a_commit_enqueues_one_task_whose_arguments_are_json(
    online, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DUMMY
    from django.tasks import default_task_backend

    default_task_backend.clear()
    with at(NOW), django_capture_on_commit_callbacks(execute=True):
        services.register(online, make_person("p"))
    # One email task (the other callbacks move the content version of the page cache).
    assert len(default_task_backend.results) == 1
    result = default_task_backend.results[0]
    json.dumps([result.args, result.kwargs])
    assert mail.outbox == []


def test_the_confirmation_goes_once_with_the_link(online, django_capture_on_commit_callbacks):
    person = make_person("p")
    with at(NOW), django_capture_on_commit_callbacks(execute=True) as callbacks:
        registration = services.register(online, person)
    assert len(to("p@example.org")) == 1
    email = mail.outbox[0]
    assert email.subject == "Registration confirmed: Running a drug consumption room"
    assert LINK in email.body
    assert "31 March 2027, 14:30 – 17:30 (Europe/Berlin)" in email.body
    assert f"{settings.SITE_URL}/trainings/sessions/{online.public_id}/\n" in email.body
    assert "<" not in email.body  # plain text
    token = notifications.stamp(registration.registered_at)
    assert tasks.send_notice.call("confirmed", registration.pk, token) is False
    callbacks[0]()
    assert len(mail.outbox) == 1
    assert Delivery.objects.get().key == f"confirmed:{registration.pk}:{token}"


def test_the_wait_listed_are_told_without_the_link(online, django_capture_on_commit_callbacks):
    register(online, make_person("first"), django_capture_on_commit_callbacks)
    register(online, make_person("second"), django_capture_on_commit_callbacks)
    (email,) = to("second@example.org")
    assert email.subject == "On the wait-list: Running a drug consumption room"
    assert LINK not in email.body and "sent to confirmed participants" in email.body


def test_a_confirmation_is_not_sent_to_someone_who_cancelled_meanwhile(online):
    person = make_person("p")
    with at(NOW):
        registration = services.register(online, person)  # its callback is never run
        services.cancel(registration, by=person)
    token = notifications.stamp(registration.registered_at)
    assert tasks.send_notice.call("confirmed", registration.pk, token) is False
    assert mail.outbox == [] and not Delivery.objects.exists()  # rolled back: nothing recorded


def test_the_promoted_person_gets_the_link_in_their_language(
    online, django_capture_on_commit_callbacks
):
    first = make_person("first")
    second = make_person("second", language="fr")
    registration = register(online, first, django_capture_on_commit_callbacks)
    register(online, second, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with at(NOW + dt.timedelta(days=1)), django_capture_on_commit_callbacks(execute=True):
        services.cancel(registration, by=first)
    (cancelled,) = to("first@example.org")
    assert "is cancelled" in cancelled.body and LINK not in cancelled.body
    (promoted,) = to("second@example.org")
    assert LINK in promoted.body
    assert f"{settings.SITE_URL}/fr/" in promoted.body
    assert f"{settings.SITE_URL}/trainings/" not in promoted.body
    assert "31 mars 2027" in promoted.body


def test_a_change_says_what_changed_and_the_new_local_time(
    online, organiser, django_capture_on_commit_callbacks
):
    register(online, make_person("confirmed"), django_capture_on_commit_callbacks)
    waiting = make_person("waiting")
    register(online, waiting, django_capture_on_commit_callbacks)
    leaver = make_person("leaver")
    left = register(online, leaver, django_capture_on_commit_callbacks)
    with at(NOW):
        services.cancel(left, by=leaver)
    mail.outbox.clear()
    start = dt.datetime(2027, 4, 1, 7, 0, tzinfo=dt.UTC)  # 09:00 in Berlin
    with at(NOW), django_capture_on_commit_callbacks(execute=True):
        services.update_session(
            online, by=organiser, starts_at=start, ends_at=start + dt.timedelta(hours=2)
        )
    assert sorted(m.to[0] for m in mail.outbox) == ["confirmed@example.org", "waiting@example.org"]
    (changed,) = to("confirmed@example.org")
    assert changed.subject == "Changed: Running a drug consumption room"
    assert "the start, the end" in changed.body
    assert "1 April 2027, 09:00 – 11:00 (Europe/Berlin)" in changed.body
    assert LINK in changed.body
    assert LINK not in to("waiting@example.org")[0].body
    registration = Registration.objects.get(user__handle="confirmed")
    assert Delivery.objects.filter(key=f"changed:{registration.pk}:1").exists()


def test_a_new_link_is_not_announced_to_the_wait_list(
    online, organiser, django_capture_on_commit_callbacks
):
    register(online, make_person("confirmed"), django_capture_on_commit_callbacks)
    register(online, make_person("waiting"), django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with at(NOW), django_capture_on_commit_callbacks(execute=True):
        services.update_session(online, by=organiser, online_url="https://meet.example.net/new")
    assert [m.to for m in mail.outbox] == [["confirmed@example.org"]]
    assert "https://meet.example.net/new" in mail.outbox[0].body


def test_a_cancelled_session_tells_everyone_registered_why(
    online, organiser, django_capture_on_commit_callbacks
):
    register(online, make_person("confirmed"), django_capture_on_commit_callbacks)
    register(online, make_person("waiting"), django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with at(NOW), django_capture_on_commit_callbacks(execute=True):
        services.cancel_session(online, by=organiser, reason="The trainer is ill.")
    assert sorted(m.to[0] for m in mail.outbox) == ["confirmed@example.org", "waiting@example.org"]
    for email in mail.outbox:
        assert email.subject == "Cancelled: Running a drug consumption room"
        assert "The trainer is ill." in email.body and LINK not in email.body


def test_an_announcement_goes_to_confirmed_participants_once(
    online, organiser, django_capture_on_commit_callbacks
):
    confirmed = register(online, make_person("confirmed"), django_capture_on_commit_callbacks)
    register(online, make_person("waiting"), django_capture_on_commit_callbacks)
    mail.outbox.clear()
    body = "Bring your <script>questions</script>."
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        announcement = services.send_announcement(
            online, by=organiser, subject="Before Monday", body=body
        )
    (email,) = mail.outbox
    assert email.to == ["confirmed@example.org"] and email.subject == "Before Monday"
    assert body in email.body  # plain text: as written
    callbacks[0]()
    assert tasks.send_notice.call("announcement", announcement.pk, str(confirmed.pk)) is False
    assert len(mail.outbox) == 1


def test_no_email_to_an_account_deactivated_before_the_task_ran(online):
    person = make_person("gone")
    with at(NOW):
        registration = services.register(online, person)  # its callback is never run
    person.is_active = False
    person.save()
    token = notifications.stamp(registration.registered_at)
    assert tasks.send_notice.call("confirmed", registration.pk, token) is False
    assert mail.outbox == []


def test_with_the_mail_server_down_the_registration_stays_and_the_task_fails(
    online, settings, django_capture_on_commit_callbacks
):
    import socket

    from django.tasks.signals import task_finished

    with socket.socket() as probe:  # a port where nothing listens: connections are refused
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    smtp = "django.core.mail.backends.smtp.EmailBackend"
    if hasattr(settings, "MAILERS"):
        options = {"host": "127.0.0.1", "port": port, "timeout": 2}
        settings.MAILERS = {"default": {"BACKEND": smtp, "OPTIONS": options}}
    else:
        settings.EMAIL_BACKEND = smtp
        settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 2
    finished = []

    def record(sender, task_result, **kwargs):
        finished.append(task_result)

    task_finished.connect(record)
    try:
        with at(NOW), django_capture_on_commit_callbacks(execute=True):
            registration = services.register(online, make_person("p"))
    finally:
        task_finished.disconnect(record)
    assert Registration.objects.get().pk == registration.pk
    assert [result.status for result in finished] == ["FAILED"]
    assert not Delivery.objects.exists()  # rolled back: a retry may still send it
