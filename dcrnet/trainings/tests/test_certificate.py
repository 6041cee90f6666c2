"""The certificate of attendance: only to a participant marked attended, with the name they
chose (real name, else handle), printable without JavaScript."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dcrnet.community.models import Profile
from dcrnet.organisations.models import Membership, Organisation
from dcrnet.trainings.models import Registration, RegistrationStatus

from . import web
from .web import client_for, person, register

pytestmark = pytest.mark.django_db
cast, frozen = web.cast, web.frozen


def certificate(client, session):
    return client.get(reverse("trainings:certificate", kwargs={"public_id": session.public_id}))


def test_an_attended_participant_gets_a_printable_certificate(cast):
    response = certificate(client_for(cast["participant"]), cast["session"])
    assert response.status_code == 200
    page = response.content.decode()
    assert "Certificate of attendance" in page
    assert '<p class="name">participant</p>' in page  # no real name given: the handle
    assert "Running a drug consumption room" in page and "31 March 2027" in page
    assert "Teststraße 1, Berlin" in page and "Ana Trainer" in page
    assert "trainings/certificate.css" in page
    assert "<script" not in page
    assert "Add your real name to your profile" in page


def test_the_real_name_from_the_profile(cast):
    Profile.objects.update_or_create(
        user=cast["participant"], defaults={"real_name": "Pat Doe", "show_real_name": False}
    )
    page = certificate(client_for(cast["participant"]), cast["session"]).content.decode()
    assert '<p class="name">Pat Doe</p>' in page
    assert "Add your real name" not in page


def test_the_organisers_organisation_is_named(cast):
    organisation = Organisation.objects.create(
        name="Abrigado's operator", slug="op", kind="dcr operator", statement="s", status="approved"
    )
    Membership.objects.create(user=cast["organiser"], organisation=organisation, status="approved")
    page = certificate(client_for(cast["participant"]), cast["session"]).content.decode()
    assert "Abrigado&#x27;s operator" in page


@pytest.mark.parametrize(
    "who", ["other_participant", "member", "organiser", "editor", "staff", "non_member"]
)
def test_nobody_else_gets_it(cast, who):
    assert certificate(client_for(cast[who]), cast["session"]).status_code == 404


@pytest.mark.parametrize("attended", [None, False])
def test_not_without_being_marked_attended(cast, attended):
    Registration.objects.filter(pk=cast["registration"].pk).update(attended=attended)
    assert certificate(client_for(cast["participant"]), cast["session"]).status_code == 404


def test_not_after_cancelling(cast):
    Registration.objects.filter(pk=cast["registration"].pk).update(
        status=RegistrationStatus.CANCELLED
    )
    assert certificate(client_for(cast["participant"]), cast["session"]).status_code == 404


def test_the_certificate_of_another_session_is_not_reachable(cast):
    """Attending session B gives no certificate for A, and the reverse."""
    someone = person("someone")
    register(cast["other_session"], someone, attended=True)
    assert certificate(client_for(someone), cast["other_session"]).status_code == 200
    assert certificate(client_for(someone), cast["session"]).status_code == 404
    assert certificate(client_for(cast["participant"]), cast["other_session"]).status_code == 404


def test_a_demonstration_certificate_says_it_certifies_nothing(cast):
    cast["session"].is_demo = True
    cast["session"].save()
    page = certificate(client_for(cast["participant"]), cast["session"]).content.decode()
    assert "certifies nothing" in page
