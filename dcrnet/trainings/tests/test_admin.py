"""Trainings in the admin: editors keep the catalogue (languages side by side) and sessions; a
change to an existing session goes through the services, so participants are told; people's
registrations are for staff to read."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from dcrnet.trainings.models import Registration, RegistrationStatus, Session

from . import web
from .web import client_for

pytestmark = pytest.mark.django_db
cast, frozen = web.cast, web.frozen


class FormValues(HTMLParser):
    """What a browser would send for the admin's change form, as it stands."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self.select: str | None = None
        self.textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in {"submit", "button", "file"}:
            if a.get("type") in {"checkbox", "radio"}:
                if "checked" in a:
                    self.data.setdefault(name, []).append(a.get("value", "on"))
            else:
                self.data.setdefault(name, []).append(a.get("value") or "")
        elif tag == "select" and name:
            self.select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self.select and "selected" in a:
            self.data[self.select].append(a.get("value") or "")
        elif tag == "textarea" and name:
            self.textarea = name
            self.data[name] = [""]

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        if tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.data[self.textarea][0] += data


def change_form(client, session) -> dict[str, list[str]]:
    page = client.get(f"/admin/trainings/session/{session.pk}/change/")
    assert page.status_code == 200
    parser = FormValues()
    parser.feed(page.content.decode())
    data = parser.data
    data.pop("csrfmiddlewaretoken", None)
    for value in data.values():
        if value and value[0].startswith("\n"):
            value[0] = value[0][1:]  # the newline a textarea starts with
    return data


@pytest.mark.parametrize(
    "path",
    [
        "/admin/trainings/training/",
        "/admin/trainings/training/add/",
        "/admin/trainings/training/{training}/change/",
        "/admin/trainings/training/{training}/history/",
        "/admin/trainings/session/",
        "/admin/trainings/session/add/",
        "/admin/trainings/session/{session}/change/",
    ],
)
def test_the_catalogue_and_sessions_open_for_an_editor(cast, path):
    url = path.format(training=cast["training"].pk, session=cast["session"].pk)
    assert client_for(cast["editor"]).get(url).status_code == 200


def test_a_trainings_texts_are_side_by_side(cast):
    page = client_for(cast["editor"]).get(
        f"/admin/trainings/training/{cast['training'].pk}/change/"
    )
    body = page.content.decode()
    for field in ("title", "summary", "outcomes", "audience", "prerequisites", "duration"):
        for code in ("en", "fr", "de", "nl", "es"):
            assert f'name="{field}_{code}"' in body, (field, code)
    assert (
        'name="questions-0-text"'
        in client_for(cast["editor"])
        .get(f"/admin/trainings/session/{cast['session'].pk}/change/")
        .content.decode()
    )


@pytest.mark.parametrize("model", ["registration", "answer", "announcement"])
def test_peoples_registrations_are_for_staff_to_read(cast, model):
    assert client_for(cast["staff"]).get(f"/admin/trainings/{model}/").status_code == 200
    assert client_for(cast["editor"]).get(f"/admin/trainings/{model}/").status_code == 403
    assert client_for(cast["staff"]).get(f"/admin/trainings/{model}/add/").status_code == 403
    registration = cast["registration"]
    if model == "registration":
        page = client_for(cast["staff"]).get(
            f"/admin/trainings/registration/{registration.pk}/change/"
        )
        assert page.status_code == 200 and 'name="status"' not in page.content.decode()


def test_changing_the_time_in_the_admin_tells_the_participants(
    cast, django_capture_on_commit_callbacks, mailoutbox
):
    session = cast["session"]
    client = client_for(cast["editor"])
    data = change_form(client, session)
    data["starts_at_1"] = ["10:00:00"]  # was 09:00 UTC
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/trainings/session/{session.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    session.refresh_from_db()
    assert session.starts_at.hour == 10 and session.sequence == 1
    assert list(session.organisers.all()) == [cast["organiser"]]  # the rest kept as it was
    assert "participant@example.org" in {address for mail in mailoutbox for address in mail.to}


def test_raising_the_capacity_in_the_admin_promotes_the_wait_list(cast):
    session = cast["session"]
    client = client_for(cast["editor"])
    data = change_form(client, session)
    data["capacity"] = ["3"]
    response = client.post(f"/admin/trainings/session/{session.pk}/change/", data)
    assert response.status_code == 302
    assert Registration.objects.get(pk=cast["waiting"].pk).status == RegistrationStatus.CONFIRMED
    assert Session.objects.get(pk=session.pk).sequence == 0  # places are not a visible change


def test_the_admin_refuses_fewer_places_than_confirmed_people(cast):
    session = cast["session"]
    client = client_for(cast["editor"])
    data = change_form(client, session)
    data["capacity"] = ["1"]
    response = client.post(f"/admin/trainings/session/{session.pk}/change/", data)
    assert response.status_code == 200 and "already confirmed" in response.content.decode()
    assert Session.objects.get(pk=session.pk).capacity == 2


def test_cancelling_in_the_admin_goes_through_the_service(
    cast, django_capture_on_commit_callbacks, mailoutbox
):
    session = cast["session"]
    client = client_for(cast["editor"])
    data = change_form(client, session)
    data["status"] = ["cancelled"]
    response = client.post(f"/admin/trainings/session/{session.pk}/change/", data)
    assert response.status_code == 200 and "Please say why" in response.content.decode()
    data["cancellation_reason"] = ["The room is closed."]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/trainings/session/{session.pk}/change/", data)
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.is_cancelled and session.sequence == 1
    assert "other-participant@example.org" in {a for mail in mailoutbox for a in mail.to}
