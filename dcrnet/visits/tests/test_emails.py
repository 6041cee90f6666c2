"""Emails of visits: both sides are told, after commit, once per delivery key, in each
recipient's language with links in that language; nothing on rollback; never the author."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.db import transaction

from dcrnet.community.models import Role
from dcrnet.visits import services, tasks
from dcrnet.visits.models import Delivery, Event, EventKind, Visit, VisitStatus

from .conftest import make_person

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2030, 3, 2, 10, 0, tzinfo=dt.UTC)
FIRST, LAST = dt.date(2030, 3, 10), dt.date(2030, 3, 11)


@pytest.fixture
def world(cast):
    """The host has a second contact who reads French; the member asks in German."""
    french = make_person("contact-fr", Role.MEMBER, mfa=True, language="fr")
    cast["host"].contacts.add(french)
    cast["member"].language = "de"
    cast["member"].save(update_fields=["language"])
    return {**cast, "french_contact": french}


def ask(world):
    return services.ask(
        world["host"],
        by=world["member"],
        first_date=FIRST,
        last_date=LAST,
        group_size=3,
        purpose="Our secret plan for the intake",
        languages=["de"],
    )


def test_a_new_request_goes_to_every_host_contact_in_their_language(
    world, django_capture_on_commit_callbacks
):
    with time_machine.travel(NOW, tick=False), django_capture_on_commit_callbacks(execute=True):
        visit = ask(world)
    by_address = {m.to[0]: m for m in mail.outbox}
    assert sorted(by_address) == ["contact-fr@example.org", "host-contact@example.org"]
    english, french = by_address["host-contact@example.org"], by_address["contact-fr@example.org"]
    assert english.subject == "A request to visit Abrigado"
    assert "10 March 2030" in english.body or "March 10, 2030" in english.body
    assert f"/visits/{visit.public_id}/" in english.body and "/fr/" not in english.body
    assert "Abrigado" in french.subject
    assert f"/fr/visits/{visit.public_id}/" in french.body
    assert "mars 2030" in french.body
    # The purpose stays on the site.
    assert all("secret plan" not in m.body for m in mail.outbox)


def test_each_answer_goes_to_the_requester_once_in_their_language(
    world, django_capture_on_commit_callbacks
):
    with time_machine.travel(NOW, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            visit = ask(world)
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            services.answer(
                visit,
                by=world["host_contact"],
                decision="propose",
                message="Later please",
                first_date=dt.date(2030, 3, 17),
                last_date=dt.date(2030, 3, 17),
            )
    assert [m.to for m in mail.outbox] == [["member@example.org"]]
    message = mail.outbox[0]
    assert f"/de/visits/{visit.public_id}/" in message.body
    assert "17. März 2030" in message.body
    assert "Later please" not in message.body
    # The task run again, or the callback again, sends nothing more.
    event = Event.objects.get(visit=visit, kind=EventKind.PROPOSED)
    assert tasks.send_notice.call(event.pk, world["member"].pk) is False
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1
    assert Delivery.objects.filter(key=f"event:{event.pk}:{world['member'].pk}").count() == 1


@pytest.mark.parametrize("decision", ["accept", "decline"])
def test_accepted_and_declined_reach_the_requester(
    world, decision, django_capture_on_commit_callbacks
):
    with time_machine.travel(NOW, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            visit = ask(world)
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            services.answer(visit, by=world["french_contact"], decision=decision, message="Non")
    assert [m.to for m in mail.outbox] == [["member@example.org"]]
    assert "Abrigado" in mail.outbox[0].subject


def test_the_requesters_steps_reach_the_host_contacts_never_the_author(
    world, django_capture_on_commit_callbacks
):
    with time_machine.travel(NOW, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            visit = ask(world)
            services.answer(
                visit,
                by=world["host_contact"],
                decision="propose",
                message="Later",
                first_date=dt.date(2030, 3, 17),
                last_date=dt.date(2030, 3, 18),
            )
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            services.take_proposal(visit, by=world["member"])
        assert sorted(m.to[0] for m in mail.outbox) == [
            "contact-fr@example.org",
            "host-contact@example.org",
        ]
        assert all(f"/visits/{visit.public_id}/" in m.body for m in mail.outbox)
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            services.withdraw(visit, by=world["member"], message="Sorry, we cannot come.")
    assert sorted(m.to[0] for m in mail.outbox) == [
        "contact-fr@example.org",
        "host-contact@example.org",
    ]
    assert all("Sorry" not in m.body for m in mail.outbox)


def test_publicity_sends_nothing(world, django_capture_on_commit_callbacks):
    visit = world["visit"]
    Visit.objects.filter(pk=visit.pk).update(status=VisitStatus.ACCEPTED)
    with django_capture_on_commit_callbacks(execute=True):
        services.set_publicity(visit, by=world["requester"], public=True)
    assert mail.outbox == []


def test_nothing_is_sent_before_commit_nor_on_rollback(world):
    class Abort(Exception):
        pass

    with time_machine.travel(NOW, tick=False):
        with pytest.raises(Abort), transaction.atomic():
            visit = ask(world)
            services.answer(visit, by=world["host_contact"], decision="accept")
            assert mail.outbox == []
            raise Abort
    assert mail.outbox == []
    assert not Delivery.objects.exists()


def test_a_contact_removed_before_the_task_runs_gets_nothing(
    world, django_capture_on_commit_callbacks
):
    with time_machine.travel(NOW, tick=False), django_capture_on_commit_callbacks() as callbacks:
        ask(world)
    world["host"].contacts.remove(world["french_contact"])
    for callback in callbacks:
        callback()
    assert [m.to for m in mail.outbox] == [["host-contact@example.org"]]
