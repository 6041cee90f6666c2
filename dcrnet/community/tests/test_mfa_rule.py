"""Who must have a second factor follows what an account can do, on every path that writes."""

from __future__ import annotations

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group, Permission
from django.test import Client

from dcrnet.community.models import Role
from dcrnet.community.roles import lacks_mfa, needs_mfa
from dcrnet.monitoring.models import MonthlyValue, ReporterToken, hash_token
from dcrnet.tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

ENROL = "/accounts/2fa/totp/activate/"
MONTH = "/data/report/lu-abrigado/2025-03/"
API_MONTH = "/api/v1/report/lu-abrigado/2025-03"


@pytest.fixture
def listed_reporter(django_user_model, facility):
    """A reporter through `Facility.reporters` alone: in no group at all, no second factor."""
    user = django_user_model.objects.create_user(email="listed@example.org", password=PASSWORD)
    facility.reporters.add(user)
    return user


@pytest.fixture
def listed_client(listed_reporter):
    client = Client()
    client.force_login(listed_reporter)
    return client


def bearer_for(user) -> dict:
    raw = "dcr_listed-reporter-token-0123456789"
    ReporterToken.objects.create(user=user, digest=hash_token(raw), prefix=raw[:8])
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_a_reporter_listed_only_on_the_facility_needs_a_second_factor(listed_reporter):
    assert not listed_reporter.groups.exists()
    assert needs_mfa(listed_reporter)
    assert lacks_mfa(listed_reporter)


def test_the_month_grid_sends_a_listed_reporter_to_enrolment_and_saves_nothing(listed_client):
    assert listed_client.get(MONTH)["Location"] == ENROL
    response = listed_client.post(MONTH, {"visits": "12"})
    assert response.status_code == 302
    assert response["Location"] == ENROL
    assert not MonthlyValue.objects.exists()


def test_token_creation_sends_a_listed_reporter_to_enrolment(listed_client, listed_reporter):
    response = listed_client.post("/data/report/tokens/", {"label": "script"})
    assert response.status_code == 302
    assert response["Location"] == ENROL
    assert not ReporterToken.objects.filter(user=listed_reporter).exists()


def test_the_token_service_refuses_without_a_second_factor_whatever_calls_it(listed_reporter):
    from django.core.exceptions import PermissionDenied

    from dcrnet.monitoring.services import create_token

    with pytest.raises(PermissionDenied):
        create_token(listed_reporter, "script")
    assert not ReporterToken.objects.exists()
    TOTP.activate(listed_reporter, generate_totp_secret())
    create_token(listed_reporter, "script")
    assert ReporterToken.objects.filter(user=listed_reporter).count() == 1


def test_an_api_token_is_refused_until_its_account_has_a_second_factor(listed_reporter):
    client = Client()
    bearer = bearer_for(listed_reporter)
    body = {"values": {"visits": 12}}
    response = client.put(API_MONTH, body, content_type="application/json", **bearer)
    assert response.status_code == 403
    assert response.json()["problems"][0]["parameter"] == "Authorization"
    assert client.get(API_MONTH, **bearer).status_code == 403
    assert not MonthlyValue.objects.exists()
    assert ReporterToken.objects.get().last_used is None

    TOTP.activate(listed_reporter, generate_totp_secret())
    response = client.put(API_MONTH, body, content_type="application/json", **bearer)
    assert response.status_code == 200, response.content
    assert MonthlyValue.objects.filter(value=12).exists()


def test_an_enrolled_reporter_works_as_before(listed_reporter, listed_client):
    TOTP.activate(listed_reporter, generate_totp_secret())
    assert not lacks_mfa(listed_reporter)
    assert listed_client.get(MONTH).status_code == 200


def make(django_user_model, email: str, **extra):
    return django_user_model.objects.create_user(email=email, password=PASSWORD, **extra)


def test_members_and_a_reporter_group_without_a_facility_need_no_second_factor(
    django_user_model, member
):
    waiting = make(django_user_model, "waiting@example.org")
    waiting.groups.add(Group.objects.get(name=Role.REPORTER))
    assert not needs_mfa(member)
    assert not needs_mfa(waiting)
    assert not lacks_mfa(member)


def test_any_model_permission_needs_a_second_factor(django_user_model):
    direct = make(django_user_model, "direct@example.org")
    direct.user_permissions.add(Permission.objects.get(codename="change_facility"))
    assert needs_mfa(direct)

    grouped = make(django_user_model, "grouped@example.org")
    translators = Group.objects.create(name="translators")
    translators.permissions.add(Permission.objects.get(codename="change_page"))
    grouped.groups.add(translators)
    assert needs_mfa(grouped)

    empty = make(django_user_model, "empty-group@example.org")
    empty.groups.add(Group.objects.create(name="newsletter"))
    assert not needs_mfa(empty)


@pytest.mark.parametrize(
    "extra", [{"is_staff": True}, {"is_superuser": True}], ids=["staff", "superuser"]
)
def test_admin_access_needs_a_second_factor(django_user_model, extra):
    assert needs_mfa(make(django_user_model, "admin@example.org", **extra))


def test_an_editing_role_needs_a_second_factor_even_with_its_permissions_gone(django_user_model):
    editor = make(django_user_model, "editor-only@example.org")
    group = Group.objects.get(name=Role.EDITOR)
    group.permissions.clear()
    editor.groups.add(group)
    editor.is_staff = False  # as if an operator had cleared it by hand
    editor.save(update_fields=["is_staff"])
    assert needs_mfa(editor)


def test_anonymous_visitors_need_nothing():
    from django.contrib.auth.models import AnonymousUser

    assert not needs_mfa(AnonymousUser())
    assert not lacks_mfa(AnonymousUser())


def test_the_check_costs_one_query(listed_reporter, django_assert_num_queries):
    with django_assert_num_queries(1):
        lacks_mfa(listed_reporter)
