"""Who may open which trainings page, for the whole cast (anonymous, non-member, member,
participant, another participant, organiser, organiser of another session, editor, staff), and
what a write by someone who may not make it leaves: nothing."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dcrnet.trainings.models import Announcement, Question, Registration, RegistrationStatus

from . import web
from .web import LOGIN, PEOPLE, client_for, outcome

pytestmark = pytest.mark.django_db
cast, frozen = web.cast, web.frozen


def row(**special):
    default = special.pop("default")
    return {who: special.get(who, default) for who in PEOPLE}


ORGANISERS_ONLY = row(default=404, anonymous=LOGIN, organiser=200, editor=200, staff=200)


def pages(cast):
    s = {"public_id": cast["session"].public_id}
    return {
        "catalogue": (reverse("trainings:catalogue"), row(default=200)),
        "training": (
            reverse("trainings:training", kwargs={"slug": cast["training"].slug}),
            row(default=200),
        ),
        "sessions": (reverse("trainings:sessions"), row(default=200)),
        "past": (reverse("trainings:past"), row(default=200)),
        "session": (reverse("trainings:session", kwargs=s), row(default=200)),
        "mine": (reverse("trainings:mine"), row(default=200, anonymous=LOGIN)),
        "register": (
            reverse("trainings:register", kwargs=s),
            # Already registered (confirmed or waiting): sent back to the session's page.
            row(default=200, anonymous=LOGIN, participant=302, other_participant=302),
        ),
        "cancel": (reverse("trainings:cancel", kwargs=s), row(default=405, anonymous=LOGIN)),
        "certificate": (
            reverse("trainings:certificate", kwargs=s),
            row(default=404, anonymous=LOGIN, participant=200),
        ),
        "participants": (reverse("trainings:participants", kwargs=s), ORGANISERS_ONLY),
        "participants_csv": (reverse("trainings:participants_csv", kwargs=s), ORGANISERS_ONLY),
        "attendance": (reverse("trainings:attendance", kwargs=s), ORGANISERS_ONLY),
        "message": (reverse("trainings:message", kwargs=s), ORGANISERS_ONLY),
        "questions": (reverse("trainings:questions", kwargs=s), ORGANISERS_ONLY),
        "edit": (reverse("trainings:edit", kwargs=s), ORGANISERS_ONLY),
        "cancel_session": (reverse("trainings:cancel_session", kwargs=s), ORGANISERS_ONLY),
    }


@pytest.mark.parametrize("who", PEOPLE)
def test_every_page_for_every_person(cast, who):
    client = client_for(cast[who])
    got, want = {}, {}
    for name, (url, expected) in pages(cast).items():
        got[name] = outcome(client.get(url))
        want[name] = expected[who]
    assert got == want


@pytest.mark.parametrize("who", PEOPLE)
def test_the_other_organisers_session_is_closed_to_this_one(cast, who):
    """Organisers of session B see nothing of A, and A's organiser nothing of B."""
    client = client_for(cast[who])
    url = reverse("trainings:participants", kwargs={"public_id": cast["other_session"].public_id})
    expected = {"anonymous": LOGIN, "other_organiser": 200, "editor": 200, "staff": 200}
    assert outcome(client.get(url)) == expected.get(who, 404)


def test_an_unknown_session_is_404_on_every_page(cast):
    client = client_for(cast["staff"])
    unknown = {"public_id": "00000000-0000-4000-8000-000000000000"}
    for name in [
        "session",
        "register",
        "certificate",
        "participants",
        "participants_csv",
        "attendance",
        "message",
        "questions",
        "edit",
        "cancel_session",
    ]:
        assert client.get(reverse(f"trainings:{name}", kwargs=unknown)).status_code == 404, name
    assert client.post(reverse("trainings:cancel", kwargs=unknown)).status_code == 404
    assert client.get(reverse("trainings:training", kwargs={"slug": "nothing"})).status_code == 404


NOT_ORGANISERS = ["non_member", "member", "participant", "other_participant", "other_organiser"]


@pytest.mark.parametrize("who", NOT_ORGANISERS)
def test_organisers_writes_by_anyone_else_are_404_and_change_nothing(cast, who, mailoutbox):
    client = client_for(cast[who])
    session, s = cast["session"], {"public_id": cast["session"].public_id}
    before = list(Registration.objects.order_by("pk").values_list("pk", "status", "attended"))
    posts = {
        "attendance": {f"r{cast['registration'].pk}": "no"},
        "message": {"subject": "Hello", "body": "Come early."},
        "questions": {"text": "Shoe size?"},
        "edit": {"capacity": "50"},
        "cancel_session": {"reason": "None", "confirm": "on"},
    }
    for name, data in posts.items():
        assert client.post(reverse(f"trainings:{name}", kwargs=s), data).status_code == 404, name
    response = client.post(
        reverse("trainings:questions", kwargs=s), {"delete": cast["question"].pk}
    )
    assert response.status_code == 404
    response = client.post(
        reverse("trainings:cancel", kwargs=s), {"registration": cast["registration"].pk}
    )
    assert response.status_code == 404
    session.refresh_from_db()
    assert session.capacity == 2 and not session.is_cancelled
    assert Question.objects.filter(pk=cast["question"].pk).exists()
    assert not Question.objects.filter(text="Shoe size?").exists()
    assert not Announcement.objects.exists()
    after = list(Registration.objects.order_by("pk").values_list("pk", "status", "attended"))
    assert after == before
    assert mailoutbox == []


@pytest.mark.parametrize("name", ["register", "cancel", "attendance", "message", "edit"])
def test_a_signed_out_post_is_sent_to_sign_in(cast, name):
    url = reverse(f"trainings:{name}", kwargs={"public_id": cast["session"].public_id})
    response = client_for(None).post(url, {"q": "x"})
    assert outcome(response) == LOGIN
    assert Registration.objects.filter(status=RegistrationStatus.CONFIRMED).count() == 3


def test_a_participant_cannot_cancel_someone_else_by_id(cast):
    """`registration=<id>` is the organisers' form: for anyone else it is 404."""
    client = client_for(cast["other_participant"])
    url = reverse("trainings:cancel", kwargs={"public_id": cast["session"].public_id})
    assert client.post(url, {"registration": cast["registration"].pk}).status_code == 404
    cast["registration"].refresh_from_db()
    assert cast["registration"].status == RegistrationStatus.CONFIRMED


def test_cancelling_without_a_registration_is_404(cast):
    url = reverse("trainings:cancel", kwargs={"public_id": cast["session"].public_id})
    assert client_for(cast["member"]).post(url).status_code == 404


def test_an_unpublished_training_is_hidden_but_its_people_keep_the_session(cast):
    training = cast["training"]
    training.published = False
    training.save()
    s = {"public_id": cast["session"].public_id}
    session_url = reverse("trainings:session", kwargs=s)
    training_url = reverse("trainings:training", kwargs={"slug": training.slug})
    expected = {
        "anonymous": (404, 404),
        "member": (404, 404),
        "participant": (200, 404),
        "organiser": (200, 404),
        "editor": (200, 200),
    }
    for who, statuses in expected.items():
        client = client_for(cast[who])
        got = (client.get(session_url).status_code, client.get(training_url).status_code)
        assert got == statuses, who
    listed = client_for(None).get(reverse("trainings:sessions")).content.decode()
    assert str(cast["session"].public_id) not in listed
