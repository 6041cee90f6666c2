"""Emails are written in their recipient's language: the page they signed up on, the language
they last chose in the switcher, or the one set on their profile."""

from __future__ import annotations

import pytest
from django.test import Client

from dcrnet.community.models import Role
from dcrnet.community.tests.conftest import sending
from dcrnet.forum.models import Subscription
from dcrnet.forum.tests.test_notifications import (
    add_post,
    make_category,
    make_person,
    make_thread,
    publish,
)

pytestmark = pytest.mark.django_db
PASSWORD = "a fresh long passphrase"


def test_signing_up_on_a_french_page_gives_french_emails():
    client = Client()
    with sending():
        response = client.post(
            "/fr/accounts/signup/",
            {"email": "nouvelle@example.org", "password1": PASSWORD, "password2": PASSWORD},
        )
    assert response.status_code == 302
    from dcrnet.community.models import User

    assert User.objects.get(email="nouvelle@example.org").language == "fr"


def test_the_switcher_moves_a_signed_in_persons_email_language(member):
    client = Client()
    client.force_login(member)
    assert member.language == "en"
    response = client.get("/language/", {"language": "nl", "next": "/"})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.language == "nl"


def test_the_switcher_for_an_anonymous_visitor_stores_nothing(client):
    response = client.get("/language/", {"language": "de", "next": "/"})
    assert response.status_code == 302


def test_an_unknown_language_changes_nothing(member):
    client = Client()
    client.force_login(member)
    response = client.get("/language/", {"language": "xx", "next": "/"})
    assert response.status_code == 400
    member.refresh_from_db()
    assert member.language == "en"


def test_the_profile_sets_the_email_language(non_member):
    client = Client()
    client.force_login(non_member)
    page = client.get("/account/profile/").content.decode()
    assert 'name="language"' in page
    response = client.post(
        "/account/profile/", {"handle": "lecteur-es", "country": "", "language": "es"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    non_member.refresh_from_db()
    assert non_member.language == "es"


def test_a_forum_email_is_in_its_recipients_language(django_user_model, mailoutbox):
    author = make_person(django_user_model, "author", Role.MEMBER)
    reader = make_person(django_user_model, "lectrice", Role.MEMBER, language="fr")
    english = make_person(django_user_model, "reader", Role.MEMBER)
    thread = make_thread(make_category(), author)
    add_post(thread, author, "Opening")
    for person in (reader, english):
        Subscription.objects.create(user=person, thread=thread)
    publish(add_post(thread, author, "A reply"))
    by_recipient = {message.to[0]: message for message in mailoutbox}
    french = by_recipient["lectrice@example.org"]
    assert french.extra_headers.get("Content-Language", "fr") == "fr"
    assert french.subject != by_recipient["reader@example.org"].subject
    assert "/fr/forum/" in french.body
    assert "/fr/forum/" not in by_recipient["reader@example.org"].body


def test_a_membership_decision_is_written_in_the_applicants_language(
    django_user_model, staff, mailoutbox
):
    from django.utils import translation

    from dcrnet.community.tests.conftest import sending
    from dcrnet.organisations import services

    applicant = make_person(django_user_model, "bewerber", language="de")
    membership = services.apply_for_membership(applicant, statement="Ich arbeite in einem DCR.")
    with sending(), translation.override("en"):  # the deciding staff member reads English
        services.decide_membership(staff, membership.pk, approve=False, reason="Unvollständig")
    [message] = mailoutbox
    subject = "DCR Network: your membership application was declined"
    with translation.override("de"):
        german = translation.gettext(subject)
    assert german != subject
    assert message.to == ["bewerber@example.org"]
    assert message.subject == german
    assert "Unvollständig" in message.body


def test_a_planning_invitation_reaches_an_existing_account_in_its_language(
    django_user_model, mailoutbox
):
    from dcrnet.planning import services as planning

    lead = make_person(django_user_model, "lead", Role.MEMBER)
    make_person(django_user_model, "collegue", Role.MEMBER, language="fr")
    project = planning.open_project(lead, name="Project", city="Lyon", country="FR")
    with sending():
        planning.invite_colleague(lead, project.pk, "Collegue@example.org")
        planning.invite_colleague(lead, project.pk, "nobody@example.org")
    by_recipient = {message.to[0].lower(): message for message in mailoutbox}
    french, english = by_recipient["collegue@example.org"], by_recipient["nobody@example.org"]
    assert "/fr/planning/invitations/" in french.body
    assert "/fr/" not in english.body  # no account: the inviter's page language (English)
    assert french.subject != english.subject


def test_a_document_decision_is_written_in_the_suggesters_language(
    django_user_model, editor, mailoutbox
):
    from dcrnet.documents import services as documents
    from dcrnet.documents.models import Topic

    suggester = make_person(django_user_model, "sugeridora", Role.MEMBER, language="es")
    topic = Topic.objects.create(name="Admission", slug="admission")
    fields = {
        "title": "Normas de la sala",
        "kind": "house rules",
        "perspective": "both",
        "topic": topic,
        "language": "es",
    }
    document = documents.suggest(suggester, fields=fields)
    with sending():
        documents.decide(editor, document.pk, publish=False, reason="Duplicado")
    [message] = mailoutbox
    assert message.to == ["sugeridora@example.org"]
    assert "/es/documents/" in message.body
    assert "Duplicado" in message.body
