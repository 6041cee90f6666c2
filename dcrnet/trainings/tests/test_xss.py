"""Hostile text (testing/xss.py) in everything people and editors write about trainings —
the catalogue's texts, a session's place, trainers and reason, questions, answers, messages,
names — comes out of every trainings page as text, never as markup that runs."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.urls import reverse

from dcrnet.community.models import Profile
from dcrnet.trainings.models import Announcement, Answer, Question, Session, SessionStatus
from testing.xss import XSS, unsafe_markup

from . import web
from .factories import make_session
from .web import client_for

pytestmark = pytest.mark.django_db
cast, frozen = web.cast, web.frozen


def main(response) -> str:
    html = response.content.decode()
    return html.split("<main", 1)[1] if "<main" in html else html


@pytest.mark.parametrize("payload", XSS)
def test_hostile_text_is_shown_as_text_everywhere(cast, payload, facility):
    training, session = cast["training"], cast["session"]
    for name in ("title", "summary", "outcomes", "audience", "prerequisites", "duration"):
        setattr(training, name, payload)
    training.provider = training.source_note = payload
    training.source_url = "javascript:alert(1)"  # what a form would refuse, stored anyway
    training.save()
    Session.objects.filter(pk=session.pk).update(
        address=payload,
        trainers=payload,
        time_zone="Europe/Berlin",
        online_url="javascript:alert(1)",
    )
    cancelled = make_session(
        training,
        status=SessionStatus.CANCELLED,
        cancellation_reason=payload,
        facility=facility,
        address=payload,
    )
    question = Question.objects.create(session=session, text=payload)
    Answer.objects.create(registration=cast["registration"], question=question, text=payload)
    Announcement.objects.create(
        session=session, author=cast["organiser"], subject=payload, body=payload
    )
    Profile.objects.update_or_create(
        user=cast["participant"], defaults={"real_name": payload, "show_real_name": True}
    )
    s = {"public_id": session.public_id}
    anonymous, organiser = client_for(None), client_for(cast["organiser"])
    participant = client_for(cast["participant"])
    pages = {
        "catalogue": anonymous.get(reverse("trainings:catalogue")),
        "training": anonymous.get(reverse("trainings:training", kwargs={"slug": training.slug})),
        "sessions": anonymous.get(reverse("trainings:sessions")),
        "cancelled": anonymous.get(cancelled.get_absolute_url()),
        "session": participant.get(reverse("trainings:session", kwargs=s)),
        "organiser's session": organiser.get(reverse("trainings:session", kwargs=s)),
        "register": client_for(cast["member"]).get(reverse("trainings:register", kwargs=s)),
        "mine": participant.get(reverse("trainings:mine")),
        "certificate": participant.get(reverse("trainings:certificate", kwargs=s)),
        "participants": organiser.get(reverse("trainings:participants", kwargs=s)),
        "message": organiser.get(reverse("trainings:message", kwargs=s)),
        "questions": organiser.get(reverse("trainings:questions", kwargs=s)),
        "edit": organiser.get(reverse("trainings:edit", kwargs=s)),
        "cancel_session": organiser.get(reverse("trainings:cancel_session", kwargs=s)),
    }
    for name, response in pages.items():
        assert response.status_code == 200, name
        assert unsafe_markup(main(response)) == [], name
    tag = Template("{% load trainings %}{% sessions_at facility %}").render(
        Context({"facility": facility})
    )
    assert unsafe_markup(tag) == []


def test_hostile_text_through_the_forms_is_stored_as_written(cast):
    organiser = client_for(cast["organiser"])
    session = cast["session"]
    s = {"public_id": session.public_id}
    for payload in XSS[:4]:
        organiser.post(reverse("trainings:questions", kwargs=s), {"text": payload})
    stored = list(session.questions.exclude(pk=cast["question"].pk).values_list("text", flat=True))
    assert stored == [" ".join(p.split()) for p in XSS[:4]]
    page = organiser.get(reverse("trainings:questions", kwargs=s))
    assert unsafe_markup(main(page)) == []
    form = client_for(cast["member"]).get(reverse("trainings:register", kwargs=s))
    assert unsafe_markup(main(form)) == []
