"""lib.logging: JSON lines with request ids, security events (RELIABILITY 48–50)."""

from __future__ import annotations

import io
import json
import logging
import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.test import Client

from dcrnet.community.tests.conftest import totp_code
from dcrnet.lib.logging import JsonFormatter, security_event
from dcrnet.monitoring.models import ReporterToken, hash_token
from dcrnet.tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[3]
CLIENT_IP = "198.51.100.7"
KEYS = ["ts", "level", "logger", "event", "request_id", "actor_id", "ip", "message"]


class Lines(list):
    """Every line written while the test ran, as a production handler writes it."""

    def parsed(self) -> list[dict]:
        return [json.loads(line) for line in self]

    def events(self, name: str | None = None) -> list[dict]:
        return [
            line
            for line in self.parsed()
            if line["logger"] == "dcrnet.security" and name in (None, line["event"])
        ]


@pytest.fixture
def log(caplog):
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    for name in ("", "django", "dcrnet.request", "dcrnet.security", "axes"):
        caplog.set_level(logging.DEBUG, logger=name)
    root = logging.getLogger()
    root.addHandler(handler)
    yield lambda: Lines(stream.getvalue().splitlines())
    root.removeHandler(handler)


def formatted(message: str, *args, **extra) -> dict:
    record = logging.LogRecord("dcrnet.test", logging.WARNING, __file__, 1, message, args, None)
    record.__dict__.update(extra)
    return json.loads(JsonFormatter().format(record))


# The formatter -------------------------------------------------------------------------------


def test_a_line_is_one_json_object_with_the_common_keys():
    line = formatted("hello %s", "world")
    assert list(line)[: len(KEYS)] == KEYS
    assert line["message"] == "hello world"
    assert line["level"] == "WARNING" and line["logger"] == "dcrnet.test"


def test_the_timestamp_is_utc_iso_8601():
    stamp = formatted("x")["ts"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", stamp)
    parsed = datetime.fromisoformat(stamp)
    assert parsed.utcoffset().total_seconds() == 0
    assert abs((datetime.now(UTC) - parsed).total_seconds()) < 60


def test_extra_fields_are_kept_and_secret_ones_masked():
    line = formatted("x", facility="lu-abrigado", rows=3, password="hunter2", api_token="t0k")
    assert line["facility"] == "lu-abrigado" and line["rows"] == 3
    assert line["password"] == line["api_token"] == "[redacted]"


def test_an_exception_is_written_inside_the_line():
    try:
        raise ValueError("boom")
    except ValueError:
        import sys

        record = logging.LogRecord("t", logging.ERROR, __file__, 1, "failed", (), sys.exc_info())
    line = JsonFormatter().format(record)
    assert "\n" not in line
    assert "ValueError: boom" in json.loads(line)["exc"]


def test_a_username_with_a_line_break_stays_escaped_on_one_line(log):
    """RELIABILITY 50."""
    security_event("login_failed", username="a\r\nevent=x")
    [line] = log()
    assert "\r" not in line and "\n" not in line
    assert json.loads(line)["username"] == "a\r\nevent=x"
    assert json.loads(line)["event"] == "login_failed"


@pytest.mark.django_db
def test_a_line_break_in_a_requested_path_cannot_forge_a_line(log):
    Client().get("/nothing-here%0D%0Aevent=admin_edit%0D%0A/")
    lines = log()
    assert lines
    for line in lines:
        parsed = json.loads(line)  # every physical line is one whole object
        assert parsed["event"] != "admin_edit"


def test_the_settings_send_every_logger_through_the_json_formatter():
    script = (
        "import django, logging; django.setup();"
        "logging.getLogger('django.request').warning('from django');"
        "logging.getLogger('dcrnet.security').info('from us', extra={'event': 'test'});"
        "logging.getLogger('some.library').error('from a library')"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "dcrnet.settings", "LOG_LEVEL": "WARNING"}
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    lines = [json.loads(line) for line in result.stderr.splitlines()]
    assert [(line["logger"], line["message"]) for line in lines] == [
        ("django.request", "from django"),
        ("dcrnet.security", "from us"),
        ("some.library", "from a library"),
    ]


# Requests ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_lines_logged_during_a_request_carry_its_id_and_client(log, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    response = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=f"192.0.2.1, {CLIENT_IP}").get(
        "/no-such-page/"
    )
    [warning] = [line for line in log().parsed() if line["logger"] == "django.request"]
    assert warning["request_id"] == response["X-Request-ID"]
    assert warning["ip"] == CLIENT_IP
    assert warning["status_code"] == 404


@pytest.mark.django_db
def test_each_request_has_one_access_line_but_health_checks_none(log, facility):
    client = Client()
    client.get("/countries/")
    client.get("/healthz")
    access = [line for line in log().parsed() if line["logger"] == "dcrnet.request"]
    assert [(line["event"], line["path"], line["status"]) for line in access] == [
        ("request", "/countries/", 200)
    ]
    assert access[0]["duration_ms"] >= 0


@pytest.mark.django_db
def test_the_access_line_masks_keys_in_the_path_and_query(log):
    Client().get("/accounts/password/reset/key/1-sentinelresetkey0042/?token=sentinel99")
    [line] = [line for line in log().parsed() if line["logger"] == "dcrnet.request"]
    assert "sentinel" not in json.dumps(line)
    assert line["path"] == "/accounts/password/reset/key/1-[redacted]/"


@pytest.mark.django_db
def test_the_access_line_keeps_country_and_indicator_codes_in_the_path(log, facility):
    Client().get("/data/countries/LU/")
    [line] = [line for line in log().parsed() if line["logger"] == "dcrnet.request"]
    assert line["path"] == "/data/countries/LU/"


# Security events (RELIABILITY 48) ------------------------------------------------------------


@pytest.mark.django_db
def test_a_security_event_names_the_actor_the_client_and_the_request(log, member):
    client = Client(REMOTE_ADDR=CLIENT_IP, enforce_csrf_checks=True)
    client.force_login(member)
    response = client.post("/accounts/logout/")
    assert response.status_code == 403
    [event] = log().events("forbidden")
    assert event["actor_id"] == member.pk
    assert event["ip"] == CLIENT_IP
    assert event["request_id"] == response["X-Request-ID"]
    assert event["path"] == "/accounts/logout/" and event["method"] == "POST"


@pytest.mark.django_db
def test_an_event_logged_without_its_request_takes_the_current_one(log, member, rf):
    # e.g. the CSV writer, which has no request: security_event("export", file="x.csv")
    from dcrnet.lib import logging as logs

    request = rf.get("/data/monthly.csv", REMOTE_ADDR=CLIENT_IP)
    request.user = member
    token = logs.bind(logs.RequestContext("req-0001-test", CLIENT_IP, request))
    try:
        security_event("export", file="monthly.csv", rows=12)
    finally:
        logs.unbind(token)
    [event] = log().events("export")
    assert (event["actor_id"], event["ip"], event["request_id"]) == (
        member.pk,
        CLIENT_IP,
        "req-0001-test",
    )
    assert (event["file"], event["rows"]) == ("monthly.csv", 12)


@pytest.mark.django_db
def test_every_403_is_logged(log):
    response = Client(enforce_csrf_checks=True).post("/accounts/login/", {"login": "x"})
    assert response.status_code == 403
    [event] = log().events("forbidden")
    assert event["actor_id"] is None


@pytest.mark.django_db
def test_every_429_is_logged(log, member):
    client = Client(REMOTE_ADDR=CLIENT_IP)
    for _ in range(6):
        response = client.post("/accounts/login/", {"login": member.email, "password": "wrong"})
    assert response.status_code == 429
    events = log().events("rate_limited")
    assert events and all(event["ip"] == CLIENT_IP for event in events)


@pytest.mark.django_db
def test_admin_additions_changes_and_deletions_are_logged(log, superuser):
    client = Client()
    client.force_login(superuser)
    assert client.post("/admin/auth/group/add/", {"name": "Reviewers"}).status_code == 302
    group = Group.objects.get(name="Reviewers")
    url = f"/admin/auth/group/{group.pk}/"
    assert client.post(f"{url}change/", {"name": "Readers"}).status_code == 302
    assert client.post(f"{url}delete/", {"post": "yes"}).status_code == 302
    admin = [e for e in log().events() if e["event"] in {"admin_edit", "deletion"}]
    edits = [(e["event"], e["action"], e["model"], e["object_id"]) for e in admin]
    assert edits == [
        ("admin_edit", "add", "auth.group", str(group.pk)),
        ("admin_edit", "change", "auth.group", str(group.pk)),
        ("deletion", "delete", "auth.group", str(group.pk)),
    ]
    assert {e["actor_id"] for e in admin} == {superuser.pk}


@pytest.mark.django_db
def test_a_bulk_deletion_in_the_admin_is_logged_once_with_every_object(log, superuser):
    client = Client()
    client.force_login(superuser)
    ids = sorted(str(Group.objects.create(name=f"Group {n}").pk) for n in range(3))
    response = client.post(
        "/admin/auth/group/",
        {"action": "delete_selected", "_selected_action": ids, "post": "yes"},
    )
    assert response.status_code == 302
    assert not Group.objects.filter(pk__in=ids).exists()
    [event] = log().events("deletion")
    assert (event["model"], sorted(event["object_ids"])) == ("auth.group", ids)
    assert event["actor_id"] == superuser.pk and event["via"] == "admin"


@pytest.mark.django_db
def test_the_bulk_deletions_confirmation_page_logs_nothing(log, superuser):
    client = Client()
    client.force_login(superuser)
    ids = [str(Group.objects.create(name=f"Group {n}").pk) for n in range(2)]
    response = client.post(
        "/admin/auth/group/", {"action": "delete_selected", "_selected_action": ids}
    )
    assert response.status_code == 200
    assert log().events("deletion") == []
    assert Group.objects.filter(pk__in=ids).count() == 2


# Secrets never logged (RELIABILITY 49) -------------------------------------------------------

SENTINEL_PASSWORD = "Sentinel-Passw0rd-q7Zx"
SENTINEL_WRONG = "Sentinel-Wr0ng-k3Vb"
SENTINEL_TOKEN = "dcr_SentinelToken-m9Qw4Lp2"
SENTINEL_BAD_TOKEN = "dcr_SentinelBadToken-x5Rt"


@pytest.mark.django_db
def test_passwords_codes_tokens_and_session_ids_never_reach_the_logs(log, member, reporter):
    member.set_password(SENTINEL_PASSWORD)
    member.save()
    client = Client(REMOTE_ADDR=CLIENT_IP)
    client.post("/accounts/login/", {"login": member.email, "password": SENTINEL_WRONG})
    assert client.post(
        "/accounts/login/", {"login": member.email, "password": SENTINEL_PASSWORD}
    ).status_code in (302, 200)
    session_id = client.cookies["sessionid"].value
    client.get("/countries/")
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = client.cookies
    assert strict.post("/accounts/logout/").status_code == 403

    second = Client()
    second.post("/accounts/login/", {"login": reporter.email, "password": PASSWORD})
    code = totp_code(reporter)
    assert second.post("/accounts/2fa/authenticate/", {"code": code}).status_code == 302
    ReporterToken.objects.create(
        user=reporter, digest=hash_token(SENTINEL_TOKEN), prefix=SENTINEL_TOKEN[:8]
    )
    api = "/api/v1/report/lu-abrigado/2026-01"
    assert Client().get(api, HTTP_AUTHORIZATION=f"Bearer {SENTINEL_TOKEN}").status_code == 200
    assert Client().get(api, HTTP_AUTHORIZATION=f"Bearer {SENTINEL_BAD_TOKEN}").status_code == 401

    written = "\n".join(log())
    assert written.count("\n") > 5  # the requests above were logged
    tables = "\n".join(
        json.dumps(list(model.objects.values()), default=str)
        for model in (AccessAttempt, AccessLog, AccessFailureLog, LogEntry)
    )
    for secret in (SENTINEL_PASSWORD, SENTINEL_WRONG, session_id, code, SENTINEL_BAD_TOKEN):
        assert secret not in written
        assert secret not in tables
    assert SENTINEL_TOKEN[8:] not in written


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    ["/data/facilities.csv", "/data/facilities.json", "/data/monthly.csv", "/data/dictionary.csv"],
)
def test_every_download_is_logged_as_an_export(log, member, path):
    client = Client(REMOTE_ADDR=CLIENT_IP)
    client.force_login(member)
    response = client.get(path)
    assert response.status_code == 200, path
    [event] = log().events("export")
    assert event["actor_id"] == member.pk and event["ip"] == CLIENT_IP
    assert event["file"] == response["Content-Disposition"].split('"')[1]
