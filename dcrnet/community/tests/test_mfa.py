"""Test 17 (parts of 10, 16, 19) of RELIABILITY.md: the second factor on every privileged path."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client

from dcrnet.community.models import Role
from dcrnet.community.tests.conftest import sending, totp_code
from dcrnet.tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

ADMIN_URLS = [
    "/admin/",
    "/admin/directory/facility/",
    "/admin/directory/facility/add/",
    "/admin/pages/page/",
    "/admin/community/user/",
]


@pytest.fixture
def frozen():
    # One TOTP period for the whole test; the clock is real enough for sessions.
    with time_machine.travel(dt.datetime.now(tz=dt.UTC), tick=False) as traveller:
        yield traveller


def password_step(user, client: Client | None = None):
    client = client or Client()
    response = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    return client, response


def second_step(client: Client, code: str):
    return client.post("/accounts/2fa/authenticate/", {"code": code})


def signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def test_the_password_alone_leads_to_the_second_factor(staff, frozen):
    client, response = password_step(staff)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert not signed_in(client)


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_after_the_password_alone_the_admin_is_never_shown(staff, frozen, url):
    client, _ = password_step(staff)
    response = client.get(url, follow=True)
    assert all(status == 302 for _, status in response.redirect_chain)
    final = response.redirect_chain[-1][0]
    assert final.startswith(("/accounts/login/", "/accounts/2fa/authenticate/"))
    assert b"site-name" not in response.content  # the admin's header never rendered


def test_a_valid_code_opens_the_admin(staff, frozen):
    client, _ = password_step(staff)
    response = second_step(client, totp_code(staff))
    assert response.status_code == 302
    assert signed_in(client)
    for url in ADMIN_URLS:
        assert client.get(url).status_code == 200, url


def test_a_wrong_code_is_refused(staff, frozen):
    client, _ = password_step(staff)
    wrong = f"{(int(totp_code(staff)) + 1) % 1000000:06d}"
    response = second_step(client, wrong)
    assert response.status_code == 200
    assert not signed_in(client)
    assert client.get("/admin/").status_code == 302


def test_a_replayed_code_is_refused(staff, frozen):
    code = totp_code(staff)
    first, _ = password_step(staff)
    assert second_step(first, code).status_code == 302
    assert signed_in(first)

    second, _ = password_step(staff)
    response = second_step(second, code)
    assert response.status_code == 200
    assert not signed_in(second)
    assert second.get("/admin/").status_code == 302


def test_a_recovery_code_works_once(staff, frozen):
    code = RecoveryCodes.activate(staff).get_unused_codes()[0]
    first, _ = password_step(staff)
    assert second_step(first, code).status_code == 302
    assert first.get("/admin/").status_code == 200

    second, _ = password_step(staff)
    assert second_step(second, code).status_code == 200
    assert not signed_in(second)


@pytest.mark.parametrize("role", ["editor", "reporter", "superuser"])
def test_every_privileged_role_gets_the_second_factor(request, role, frozen):
    user = request.getfixturevalue(role)
    client, response = password_step(user)
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert second_step(client, totp_code(user)).status_code == 302
    assert signed_in(client)


def test_a_member_signs_in_without_a_second_factor(member):
    client, response = password_step(member)
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert signed_in(client)
    assert client.get("/").status_code == 200


def test_a_member_may_not_enter_the_admin_and_is_told_so_without_a_redirect_loop(client, member):
    client.force_login(member)
    response = client.get("/admin/", follow=True)
    assert response.status_code == 403
    assert [url for url, _ in response.redirect_chain] == ["/admin/login/?next=/admin/"]
    assert "Access denied" in response.content.decode()


def test_the_admin_login_sends_anonymous_visitors_to_the_site_login(client):
    response = client.get("/admin/login/?next=/admin/pages/page/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2Fpages%2Fpage%2F"


def test_an_editor_without_totp_is_sent_to_activate_it(django_user_model):
    editor = django_user_model.objects.create_user(
        email="new-editor@example.org", password=PASSWORD
    )
    editor.groups.add(Group.objects.get(name=Role.EDITOR))
    client = Client()
    client.force_login(editor)
    for url in ["/", "/admin/", "/facilities/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == "/accounts/2fa/totp/activate/"


def test_an_editor_can_activate_totp_and_then_work(django_user_model, frozen):
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    editor = django_user_model.objects.create_user(
        email="new-editor@example.org", password=PASSWORD
    )
    editor.groups.add(Group.objects.get(name=Role.EDITOR))
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=editor, email=editor.email, verified=True, primary=True)
    client, _ = password_step(editor)
    # allauth asks for the password again before any change to the second factor.
    response = client.get("/accounts/2fa/totp/activate/")
    assert response["Location"].startswith("/accounts/reauthenticate/")
    client.post(response["Location"], {"password": PASSWORD})
    page = client.get("/accounts/2fa/totp/activate/")
    assert page.status_code == 200
    secret = page.context["form"].secret
    counter = int(dt.datetime.now(tz=dt.UTC).timestamp()) // 30
    response = client.post(
        "/accounts/2fa/totp/activate/", {"code": format_hotp_value(hotp_value(secret, counter))}
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_staff_user_still_needs_the_second_factor_after_a_password_reset(staff, frozen):
    client = Client()
    with sending():
        client.post("/accounts/password/reset/", {"email": staff.email})
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/accounts/password/reset/key/\S+)", mail.outbox[0].body)
    response = client.get(link.group(1), follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link.group(1)
    new_password = "an entirely new passphrase 42"
    response = client.post(form_url, {"password1": new_password, "password2": new_password})
    assert response.status_code == 302
    assert not signed_in(client)
    response = client.post("/accounts/login/", {"login": staff.email, "password": new_password})
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert not signed_in(client)


def test_the_session_id_changes_when_the_second_factor_completes_the_login(staff, frozen):
    client = Client()
    session = client.session
    session["seen"] = True
    session.save()
    client.cookies["sessionid"] = session.session_key
    before = session.session_key
    password_step(staff, client)
    second_step(client, totp_code(staff))
    assert signed_in(client)
    assert client.session.session_key != before


def test_an_old_session_cookie_is_anonymous_after_logout(member):
    client, _ = password_step(member)
    old = client.cookies["sessionid"].value
    client.post("/accounts/logout/")
    replay = Client()
    replay.cookies["sessionid"] = old
    response = replay.get("/accounts/email/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1000000:06d}"


def test_guessing_codes_is_stopped_per_account_even_across_addresses(staff, frozen):
    code = totp_code(staff)
    for number in range(5):
        client, _ = password_step(staff, Client(REMOTE_ADDR=f"192.0.2.{number + 1}"))
        assert second_step(client, wrong(code)).status_code == 200
    client, _ = password_step(staff, Client(REMOTE_ADDR="192.0.2.99"))
    response = second_step(client, code)
    assert response.status_code == 200
    assert not signed_in(client)


def test_a_right_code_clears_earlier_mistakes(staff, frozen):
    code = totp_code(staff)
    client, _ = password_step(staff)
    for _ in range(4):
        second_step(client, wrong(code))
    assert second_step(client, code).status_code == 302
    assert signed_in(client)


def test_one_account_guessing_does_not_block_another(staff, editor, frozen):
    code = totp_code(staff)
    for _ in range(6):
        client, _ = password_step(staff)
        second_step(client, wrong(code))
    client, _ = password_step(editor)
    assert second_step(client, totp_code(editor)).status_code == 302
