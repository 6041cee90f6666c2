"""RELIABILITY 56: consent boxes start unticked; a consent row holds purpose, notice version and
time; giving and withdrawing take one POST each; parallel gives make one row."""

from __future__ import annotations

import pytest
from django.test import Client

from dcrnet.community.models import Consent
from dcrnet.community.services import NOTICES, give_consent, has_consent, withdraw_consent

URL = "/account/consents/"


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_anonymous_is_sent_to_sign_in(client):
    for method in (client.get, client.post):
        response = method(URL)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


@pytest.mark.django_db
def test_every_purpose_is_shown_with_its_notice_and_nothing_ticked(non_member):
    body = signed_in(non_member).get(URL).content.decode()
    for purpose, (version, text) in NOTICES.items():
        assert str(text) in body and version in body, purpose
        assert f'id="agree-{purpose.value}"' in body
    assert "checked" not in body


@pytest.mark.django_db
def test_give_and_withdraw_are_one_post_each(non_member):
    client = signed_in(non_member)
    response = client.post(URL, {"purpose": "digest", "action": "give", "agree": "1"})
    assert response.status_code == 302
    consent = Consent.objects.get(user=non_member)
    assert consent.purpose == "digest"
    assert consent.notice_version == NOTICES["digest"][0]
    assert consent.given_at is not None and consent.withdrawn_at is None
    assert has_consent(non_member, "digest")
    response = client.post(URL, {"purpose": "digest", "action": "withdraw"})
    assert response.status_code == 302
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None
    assert not has_consent(non_member, "digest")
    # Giving again is a new row; the old one stays as the record.
    client.post(URL, {"purpose": "digest", "action": "give", "agree": "1"})
    assert Consent.objects.filter(user=non_member).count() == 2
    assert has_consent(non_member, "digest")


@pytest.mark.django_db
def test_giving_needs_the_box_ticked_and_says_so(non_member):
    response = signed_in(non_member).post(URL, {"purpose": "digest", "action": "give"})
    assert response.status_code == 400
    assert "agree" in response.content.decode()
    assert not Consent.objects.exists()


@pytest.mark.django_db
def test_an_unknown_purpose_is_refused(non_member):
    response = signed_in(non_member).post(URL, {"purpose": "marketing", "action": "give"})
    assert response.status_code == 400
    assert not Consent.objects.exists()


@pytest.mark.django_db
def test_withdrawing_only_touches_ones_own_consent(non_member, member):
    give_consent(member, "digest")
    signed_in(non_member).post(URL, {"purpose": "digest", "action": "withdraw"})
    assert has_consent(member, "digest")


@pytest.mark.django_db
def test_giving_twice_is_one_row(non_member):
    first = give_consent(non_member, "digest")
    second = give_consent(non_member, "digest")
    assert first.pk == second.pk
    assert withdraw_consent(non_member, "digest") is True
    assert withdraw_consent(non_member, "digest") is False


@pytest.mark.django_db(transaction=True)
def test_parallel_gives_make_one_row(shared_database, in_parallel, django_user_model):
    person = django_user_model.objects.create_user(email="twice@example.org", password="x")
    results = in_parallel(give_consent, [(person, "perspective")] * 4)
    assert not [r for r in results if isinstance(r, Exception)], results
    assert Consent.objects.filter(user=person, withdrawn_at__isnull=True).count() == 1
    assert len({r.pk for r in results}) == 1
