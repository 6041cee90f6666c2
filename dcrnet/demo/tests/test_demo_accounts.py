"""One demo account per role: created with DEBUG on only, repaired by a rerun, shown at sign-in."""

from __future__ import annotations

import datetime as dt
import html
from io import StringIO

import pytest
import time_machine
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import Client
from django.utils import translation

from dcrnet.community.models import Role, User
from dcrnet.demo.accounts import ACCOUNTS, DEMO_DOMAIN, load_accounts
from dcrnet.demo.data.knowledge import EXPERTS
from dcrnet.demo.loader import Tally

pytestmark = pytest.mark.django_db
BY_ROLE = {account.role: account for account in ACCOUNTS if not account.kind}
CONTACT = next(account for account in ACCOUNTS if account.kind == "organisation contact")
BY_KIND = {account.kind: account for account in ACCOUNTS if account.kind}


def demo_users():
    return User.objects.filter(email__endswith=f"@{DEMO_DOMAIN}")


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def state() -> list[tuple]:
    """Everything the demo accounts are made of, to compare two runs."""
    rows = []
    for user in demo_users().order_by("email").prefetch_related("groups", "reported_facilities"):
        rows.append(
            (
                user.email,
                user.password,
                user.handle,
                user.is_active,
                user.is_staff,
                sorted(group.name for group in user.groups.all()),
                sorted(f.public_id for f in user.reported_facilities.all()),
                list(EmailAddress.objects.filter(user=user).values_list("verified", "primary")),
                list(Authenticator.objects.filter(user=user).values_list("pk", "type", "data")),
            )
        )
    return rows


@pytest.fixture
def debug(settings):
    settings.DEBUG = True
    return settings


@pytest.fixture
def loaded(debug, facility, contact_organisation):
    """The accounts alone (the Abrigado fixture stands for the demo facilities)."""
    load_accounts(Tally())


def test_load_demo_with_debug_off_creates_no_account(settings):
    settings.DEBUG = False
    out = load_demo()
    assert not demo_users().exists()
    assert "none (they are created only with DEBUG on)" in out
    for account in ACCOUNTS:
        assert account.password not in out


def test_the_accounts_step_refuses_to_run_with_debug_off(settings, facility):
    settings.DEBUG = False
    with pytest.raises(ImproperlyConfigured):
        load_accounts(Tally())
    assert not demo_users().exists()


def test_load_demo_with_debug_on_prints_the_table_and_a_rerun_changes_nothing(debug):
    out = load_demo()
    # One account per role, and the demonstration experts' accounts (not in the role table).
    assert len(ACCOUNTS) == 10
    assert demo_users().count() == len(ACCOUNTS) + len(EXPERTS)
    for account in ACCOUNTS:
        line = next(line for line in out.splitlines() if account.email in line)
        assert account.name in line and account.password in line
        assert (account.totp_secret or "-") in line
    before = state()
    again = load_demo()
    assert f"demo accounts: 0 created, 0 updated, {len(ACCOUNTS)} unchanged" in again
    assert "nothing changed" in again
    assert state() == before


def test_there_is_one_account_per_role_with_a_verified_address(loaded):
    for account in ACCOUNTS:
        user = User.objects.get(email=account.email)
        assert user.check_password(account.password)
        assert set(user.groups.values_list("name", flat=True)) == {account.role.value}
        assert EmailAddress.objects.filter(user=user, verified=True, primary=True).exists()
        assert user.email.endswith("@demo.dcrnet.invalid")
    assert not User.objects.get(email=BY_ROLE[Role.MEMBER].email).is_staff
    assert not User.objects.get(email=BY_ROLE[Role.REPORTER].email).is_staff
    assert User.objects.get(email=BY_ROLE[Role.EDITOR].email).is_staff
    assert User.objects.get(email=BY_ROLE[Role.STAFF].email).is_staff
    assert not User.objects.get(email=BY_ROLE[Role.MODERATOR].email).is_staff
    assert not User.objects.get(email=CONTACT.email).is_staff
    assert not demo_users().filter(is_superuser=True).exists()


def test_the_reporter_reports_for_abrigado(loaded, facility):
    reporter = User.objects.get(email=BY_ROLE[Role.REPORTER].email)
    assert list(reporter.reported_facilities.values_list("name", flat=True)) == ["Abrigado"]


def test_the_roles_that_need_mfa_have_the_published_totp_secret(loaded):
    for account in ACCOUNTS:
        totp = Authenticator.objects.filter(
            user__email=account.email, type=Authenticator.Type.TOTP
        ).first()
        if account is BY_ROLE[Role.MEMBER]:
            assert totp is None and not account.totp_secret
        else:
            assert decrypt(totp.data["secret"]) == account.totp_secret


def test_a_rerun_repairs_what_was_changed(loaded, facility):
    before = state()
    reporter = User.objects.get(email=BY_ROLE[Role.REPORTER].email)
    reporter.set_password("someone changed it meanwhile")
    reporter.save()
    reporter.groups.add(Group.objects.get(name=Role.STAFF))
    facility.reporters.remove(reporter)
    Authenticator.objects.filter(user=reporter).delete()
    tally = Tally()
    load_accounts(tally)
    assert tally.counts["demo accounts"]["updated"] == 1
    after = state()
    assert [row[2:8] for row in after] == [row[2:8] for row in before]
    assert User.objects.get(pk=reporter.pk).check_password(BY_ROLE[Role.REPORTER].password)
    assert decrypt(Authenticator.objects.get(user=reporter).data["secret"]) == (
        BY_ROLE[Role.REPORTER].totp_secret
    )


def test_the_demo_reporter_signs_in_with_the_published_secret_and_reports(loaded):
    account = BY_ROLE[Role.REPORTER]
    now = dt.datetime.now(tz=dt.UTC)
    with time_machine.travel(now, tick=False):
        client = Client()
        response = client.post(
            "/accounts/login/", {"login": account.email, "password": account.password}
        )
        assert response["Location"] == "/accounts/2fa/authenticate/"
        code = format_hotp_value(hotp_value(account.totp_secret, int(now.timestamp()) // 30))
        assert client.post("/accounts/2fa/authenticate/", {"code": code}).status_code == 302
        assert client.get("/data/report/lu-abrigado/2025-03/").status_code == 200


@pytest.mark.parametrize("kind", ["organiser", "host contact"])
def test_the_organiser_and_the_host_contact_sign_in_with_the_published_secret(loaded, kind):
    account = BY_KIND[kind]
    user = User.objects.get(email=account.email)
    assert set(user.groups.values_list("name", flat=True)) == {Role.MEMBER.value}
    assert user.memberships.get().status == "approved"
    now = dt.datetime.now(tz=dt.UTC)
    with time_machine.travel(now, tick=False):
        client = Client()
        response = client.post(
            "/accounts/login/", {"login": account.email, "password": account.password}
        )
        assert response["Location"] == "/accounts/2fa/authenticate/"
        assert "_auth_user_id" not in client.session
        code = format_hotp_value(hotp_value(account.totp_secret, int(now.timestamp()) // 30))
        assert client.post("/accounts/2fa/authenticate/", {"code": code}).status_code == 302
        assert client.session["_auth_user_id"] == str(user.pk)


def test_the_sign_in_page_shows_the_table_in_debug_only(loaded, settings):
    page = Client().get("/accounts/login/").content.decode()
    assert 'id="demo-accounts"' in page
    for account in ACCOUNTS:
        assert account.email in page and account.password in page
        assert account.totp_secret in page
    assert page.count('src="data:image/svg+xml;base64,') == sum(
        1 for a in ACCOUNTS if a.totp_secret
    )

    settings.DEBUG = False
    page = Client().get("/accounts/login/").content.decode()
    assert 'id="demo-accounts"' not in page
    for account in ACCOUNTS:
        assert account.email not in page and account.password not in page


@pytest.mark.parametrize("language", ["fr", "de", "nl", "es"])
def test_the_demo_table_speaks_the_language_of_the_sign_in_page(loaded, language):
    page = html.unescape(Client().get(f"/{language}/accounts/login/").content.decode())
    with translation.override(language):
        expected = [translation.gettext("Demo accounts"), translation.gettext("TOTP secret")]
        expected += [account.label for account in ACCOUNTS]
        expected.append(translation.gettext("none (no second factor)"))
    assert expected[0] != "Demo accounts"
    for text in expected:
        assert text in page, text
    for account in ACCOUNTS:  # addresses and secrets are the same in every language
        assert account.email in page and account.password in page


def test_the_sign_in_page_shows_no_table_before_the_accounts_exist(debug):
    assert 'id="demo-accounts"' not in Client().get("/accounts/login/").content.decode()


def test_a_demo_account_cannot_sign_in_where_debug_is_off(loaded, settings):
    account = BY_ROLE[Role.MEMBER]
    settings.DEBUG = False
    client = Client()
    response = client.post(
        "/accounts/login/", {"login": account.email, "password": account.password}
    )
    assert response["Location"] == "/accounts/inactive/"
    assert "_auth_user_id" not in client.session

    settings.DEBUG = True
    response = Client().post(
        "/accounts/login/", {"login": account.email, "password": account.password}
    )
    assert response["Location"] == "/"
