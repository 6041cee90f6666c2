"""The profile (/account/profile/) and the members' handle pages (/members/<handle>/):
pseudonymous by default (RELIABILITY 55), the perspective kept only with consent (56)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from dcrnet.community.models import Consent, ExpertiseTag, Profile, Role
from dcrnet.community.services import give_consent, has_consent, withdraw_consent

pytestmark = pytest.mark.django_db

PROFILE = "/account/profile/"
EMAIL_LOCAL = "jane.roe-private"
REAL_NAME = "Janina Quarterfield"


def profile_data(**changes):
    data = {"handle": "night-owl", "real_name": "", "country": "", "perspective": ""}
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def person(django_user_model):
    from allauth.account.models import EmailAddress

    user = django_user_model.objects.create_user(
        email=f"{EMAIL_LOCAL}@example.net", password="a long test passphrase", handle="owl-42"
    )
    user.groups.add(Group.objects.get_or_create(name=Role.MEMBER)[0])
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    Profile.objects.create(user=user, real_name=REAL_NAME, country="LU", languages=["fr"])
    return user


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(PROFILE)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_the_form_starts_with_every_opt_in_unticked(non_member):
    body = signed_in(non_member).get(PROFILE).content.decode()
    for name in ("show_real_name", "show_email", "show_perspective", "perspective_consent"):
        tag = (
            body.split(f'name="{name}"')[0].rsplit("<input", 1)[1]
            + body.split(f'name="{name}"')[1].split(">", 1)[0]
        )
        assert "checked" not in tag, name
    assert '<label for="id_handle"' in body


def test_saving_a_profile(non_member):
    tag = ExpertiseTag.objects.create(name="Night shifts", slug="night-shifts")
    client = signed_in(non_member)
    response = client.post(
        PROFILE,
        profile_data(
            handle="Night-Owl",
            real_name="Ann",
            languages=["fr", "de"],
            country="BE",
            expertise=[tag.pk],
        ),
    )
    assert response.status_code == 302
    non_member.refresh_from_db()
    profile = Profile.objects.get(user=non_member)
    assert non_member.handle == "Night-Owl"
    assert (profile.real_name, profile.languages, profile.country.code) == (
        "Ann",
        ["fr", "de"],
        "BE",
    )
    assert list(profile.expertise.all()) == [tag]
    assert not (profile.show_real_name or profile.show_email or profile.show_perspective)


@pytest.mark.parametrize(
    "handle, message",
    [
        ("ab", "3 to 40"),
        ("x" * 41, "40"),
        ("bad handle!", "letters"),
        ("join", "reserved"),
        ("Applications", "reserved"),
        ("ADMIN", "reserved"),
        ("deleted", "reserved"),
        ("moderator", "reserved"),
        ("visitor", "email address"),  # non_member's address is visitor@example.org
        ("VISITOR", "email address"),
        ("", "required"),
    ],
)
def test_bad_handles_are_refused_naming_the_field(non_member, handle, message):
    non_member.handle = ""
    non_member.save()
    response = signed_in(non_member).post(PROFILE, profile_data(handle=handle))
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert list(errors) == ["handle"]
    assert message in " ".join(errors["handle"])
    assert 'href="#id_handle"' in response.content.decode()


def test_a_handle_spelling_the_email_local_part_is_refused(person):
    # "jane.roe-private" itself is no valid handle (the dot); these spell it all the same.
    for handle in ("Jane-Roe-Private", "janeroe-private", "JANE_ROE-PRIVATE"):
        response = signed_in(person).post(PROFILE, profile_data(handle=handle))
        assert response.status_code == 400, handle
        assert "email address" in " ".join(response.context["form"].errors["handle"])


def test_handles_are_unique_whatever_the_case(person, non_member):
    response = signed_in(non_member).post(PROFILE, profile_data(handle="OWL-42"))
    assert response.status_code == 400
    assert "taken" in " ".join(response.context["form"].errors["handle"])


def test_the_perspective_needs_the_consent_box(non_member):
    client = signed_in(non_member)
    response = client.post(PROFILE, profile_data(perspective="lived experience"))
    assert response.status_code == 400
    assert "perspective_consent" in response.context["form"].errors
    assert not Profile.objects.filter(user=non_member, perspective__gt="").exists()
    assert not Consent.objects.exists()


def test_ticking_the_box_records_the_consent_and_keeps_the_perspective(non_member):
    client = signed_in(non_member)
    response = client.post(
        PROFILE, profile_data(perspective="lived experience", perspective_consent="on")
    )
    assert response.status_code == 302
    consent = Consent.objects.get(user=non_member)
    assert consent.purpose == "perspective" and consent.notice_version and consent.given_at
    assert Profile.objects.get(user=non_member).perspective == "lived experience"
    # Withdrawing the consent deletes the perspective.
    withdraw_consent(non_member, "perspective")
    assert Profile.objects.get(user=non_member).perspective == ""
    assert not has_consent(non_member, "perspective")


# --- Handle pages --------------------------------------------------------------------------


def member_page(user, handle="owl-42"):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client.get(f"/members/{handle}/")


def test_handle_page_cast(person, member, moderator, non_member, staff, editor):
    assert member_page(None)["Location"].startswith("/accounts/login/")
    assert member_page(non_member).status_code == 404
    assert member_page(editor).status_code == 404  # editors manage content, not people
    assert member_page(member).status_code == 200
    assert member_page(moderator).status_code == 200
    assert member_page(staff).status_code == 200  # staff hold forum.moderate


def test_an_unknown_handle_is_404(member):
    assert member_page(member, "nobody-here").status_code == 404


def test_handle_page_hides_email_and_real_name_unless_opted_in(person, member):
    body = member_page(member).content.decode()
    assert "owl-42" in body
    assert person.email not in body and EMAIL_LOCAL not in body
    assert REAL_NAME not in body
    import hashlib

    for digest in (hashlib.md5, hashlib.sha256):  # noqa: S324 - looking for Gravatar-style hashes
        assert digest(person.email.encode()).hexdigest() not in body
    profile = person.profile
    profile.show_real_name = profile.show_email = True
    profile.save()
    body = member_page(member).content.decode()
    assert REAL_NAME in body and person.email in body


def test_handle_page_shows_the_perspective_only_when_chosen(person, member):
    give_consent(person, "perspective")
    Profile.objects.filter(user=person).update(perspective="lived experience")
    assert "use or have used drugs" not in member_page(member).content.decode()
    Profile.objects.filter(user=person).update(show_perspective=True)
    assert "use or have used drugs" in member_page(member).content.decode()


def test_handle_page_escapes_what_people_write(person, member):
    from dcrnet.tests.conftest import audit

    Profile.objects.filter(user=person).update(
        real_name='<script>alert(1)</script>"><img src=x onerror=alert(1)>', show_real_name=True
    )
    body = member_page(member).content.decode()
    assert "<script>alert(1)" not in body and "<img src=x" not in body
    assert audit(body).event_handlers == []


@pytest.fixture
def applicant(django_user_model):
    """Signed in, with a membership application waiting for a decision (not yet a member)."""
    from allauth.account.models import EmailAddress

    from dcrnet.organisations.models import Membership

    user = django_user_model.objects.create_user(
        email="applicant@example.org", password="a long test passphrase", handle="hopeful"
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    Membership.objects.create(user=user, statement="I run a DCR.")
    return user


def test_an_applicant_does_not_see_handle_pages_yet(person, applicant):
    assert member_page(applicant).status_code == 404


@pytest.mark.parametrize("url", ["/account/", PROFILE, "/account/consents/"])
@pytest.mark.parametrize(
    "who", ["non_member", "applicant", "member", "moderator", "editor", "staff"]
)
def test_every_signed_in_person_manages_their_own_data(request, url, who):
    user = request.getfixturevalue(who)
    response = signed_in(user).get(url)
    assert response.status_code == 200
    assert user.email not in response.content.decode() or url == PROFILE


def test_handle_page_queries_do_not_grow_with_memberships(
    person, member, django_assert_max_num_queries
):
    from dcrnet.organisations.models import Membership, Organisation

    for number in range(6):
        organisation = Organisation.objects.create(
            name=f"Org {number}", slug=f"org-{number}", kind="ngo", statement="s", status="approved"
        )
        Membership.objects.create(
            user=person, organisation=organisation, status="approved", listed=True
        )
    client = signed_in(member)
    with django_assert_max_num_queries(20):
        body = client.get("/members/owl-42/").content.decode()
    assert body.count("Org ") >= 6
