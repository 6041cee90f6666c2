"""Who may report for which facility: one QuerySet rule, used by the grid, upload and API."""

from __future__ import annotations

import ast
import datetime as dt
import inspect

import pytest
from django.core.exceptions import PermissionDenied

from dcrnet.directory.models import Facility
from dcrnet.monitoring import api as monitoring_api
from dcrnet.monitoring import services
from dcrnet.monitoring import views as monitoring_views
from dcrnet.monitoring.models import MonthlyValue, ReporterToken, hash_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def facility_reporter(django_user_model, facility):
    """A member made reporter through Facility.reporters alone (no reporter group), with MFA."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    user = django_user_model.objects.create_user(
        email="volunteer@example.org", password="a long test passphrase"
    )
    TOTP.activate(user, generate_totp_secret())
    facility.reporters.add(user)
    return user


def test_for_reporter_gives_each_user_of_the_cast_their_own_facilities(
    facility, other_facility, reporter, member, editor, staff, superuser, facility_reporter
):
    from django.contrib.auth.models import AnonymousUser

    def reported(user) -> set[str]:
        return set(Facility.objects.for_reporter(user).values_list("public_id", flat=True))

    assert reported(AnonymousUser()) == set()
    assert reported(member) == set()
    assert reported(editor) == set() and reported(staff) == set() and reported(superuser) == set()
    assert reported(reporter) == {"lu-abrigado"}
    assert reported(facility_reporter) == {"lu-abrigado"}
    reporter.is_active = False
    reporter.save()
    assert reported(reporter) == set()


def test_monthly_values_for_a_reporter_are_those_of_their_facilities(
    facility, other_facility, reporter
):
    services.save_month(facility, dt.date(2025, 1, 1), {"visits": 40})
    services.save_month(other_facility, dt.date(2025, 1, 1), {"visits": 90})
    assert list(MonthlyValue.objects.for_reporter(reporter).values_list("value", flat=True)) == [40]


def test_a_reporter_through_facility_reporters_alone_reports_on_every_path(
    client, facility, facility_reporter
):
    client.force_login(facility_reporter)
    response = client.post("/data/report/lu-abrigado/2025-03/", {"visits": "30"})
    assert response.status_code == 302
    created = client.post("/data/report/tokens/", {"label": "script"})
    raw = created.content.decode().split('<code class="token">')[1].split("<")[0]
    response = client.put(
        "/api/v1/report/lu-abrigado/2025-04",
        {"values": {"visits": 31}},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert response.status_code == 200, response.content
    assert sorted(MonthlyValue.objects.values_list("value", flat=True)) == [30, 31]


def test_a_token_is_created_only_by_the_service_and_only_for_a_reporter(reporter, member):
    with pytest.raises(PermissionDenied):
        services.create_token(member, "mine")
    token, raw = services.create_token(reporter, "cron")
    assert raw.startswith("dcr_") and token.digest == hash_token(raw) and token.label == "cron"
    assert raw not in (token.digest, token.prefix)


def test_a_member_who_reports_for_nothing_cannot_create_a_token(client, member):
    client.force_login(member)
    assert client.post("/data/report/tokens/", {"label": "x"}).status_code == 403
    assert not ReporterToken.objects.exists()


def test_a_token_is_revoked_by_its_owner_only(client, reporter, member, bearer):
    token = ReporterToken.objects.get()
    client.force_login(member)
    assert client.post(f"/data/report/tokens/{token.pk}/revoke/").status_code == 404
    client.force_login(reporter)
    assert client.post(f"/data/report/tokens/{token.pk}/revoke/").status_code == 302
    token.refresh_from_db()
    assert token.revoked is not None
    assert client.get("/api/v1/report/lu-abrigado/2025-03", **bearer).status_code == 401


def test_a_deactivated_account_s_token_is_refused(client, facility, reporter, bearer):
    reporter.is_active = False
    reporter.save()
    assert client.get("/api/v1/report/lu-abrigado/2025-03", **bearer).status_code == 401


QUERY_BUILDERS = {"filter", "exclude", "annotate", "aggregate", "select_related", "values_list"}


@pytest.mark.parametrize("module", [monitoring_views, monitoring_api])
def test_views_and_api_functions_hold_no_query_logic(module):
    # Reads live in QuerySet methods and selectors; a view or an endpoint names them.
    tree = ast.parse(inspect.getsource(module))
    calls = {
        node.func.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
    }
    assert not calls & QUERY_BUILDERS, module.__name__
