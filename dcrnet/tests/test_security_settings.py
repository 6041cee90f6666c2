"""Test 1 of RELIABILITY.md (and 13): production settings pass every deploy check."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.utils.csp import CSP

from dcrnet.community.checks import check_content_security_policy
from dcrnet.tests.conftest import PRODUCTION_ENV, production_settings

ROOT = Path(__file__).resolve().parents[2]


def test_check_deploy_passes_with_production_settings():
    env = {**os.environ, **PRODUCTION_ENV}
    # Set by the browser tests for Playwright's event loop; never in a deployment.
    for name in ("PYTEST_CURRENT_TEST", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        env.pop(name, None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 silenced" in result.stdout + result.stderr


def test_no_security_check_is_silenced():
    silenced = production_settings().get("SILENCED_SYSTEM_CHECKS", [])
    assert not [check for check in silenced if check.startswith(("security.", "dcrnet."))]


def test_production_refuses_to_start_without_a_secret_key():
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured):
        production_settings(SECRET_KEY="")


def test_production_hashes_passwords_with_pbkdf2_or_argon2_only():
    hashers = production_settings()["PASSWORD_HASHERS"]
    assert hashers
    for hasher in hashers:
        assert hasher.rsplit(".", 1)[1] in {
            "PBKDF2PasswordHasher",
            "Argon2PasswordHasher",
            "ScryptPasswordHasher",
        }


def test_a_production_hash_uses_at_least_1_2_million_pbkdf2_iterations(settings):
    from django.contrib.auth.hashers import make_password

    settings.PASSWORD_HASHERS = production_settings()["PASSWORD_HASHERS"]
    algorithm, iterations, *_ = make_password("a long test passphrase").split("$")
    assert algorithm == "argon2" or (algorithm == "pbkdf2_sha256" and int(iterations) >= 1200000)


def test_production_cookies_are_secure_host_cookies():
    values = production_settings()
    assert values["SESSION_COOKIE_NAME"].startswith("__Host-")
    assert values["CSRF_COOKIE_NAME"].startswith("__Host-")
    assert values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"]
    assert values["SESSION_COOKIE_HTTPONLY"]


STRICT = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}


def ids(settings, policy) -> list[str]:
    settings.SECURE_CSP = policy
    return [error.id for error in check_content_security_policy()]


def test_the_csp_check_accepts_the_project_policy():
    assert check_content_security_policy() == []


def test_the_csp_check_accepts_a_strict_policy(settings):
    assert ids(settings, STRICT) == []


def test_the_csp_check_fails_on_an_empty_policy(settings):
    assert ids(settings, {}) == ["dcrnet.E001"]


@pytest.mark.parametrize(
    "source", [CSP.UNSAFE_INLINE, CSP.UNSAFE_EVAL, "http:", "http://cdn.example", "*"]
)
def test_the_csp_check_fails_on_an_unsafe_script_source(settings, source):
    assert "dcrnet.E003" in ids(settings, {**STRICT, "script-src": [CSP.SELF, source]})


def test_the_csp_check_reads_default_src_when_script_src_is_missing(settings):
    policy = {k: v for k, v in STRICT.items() if k != "script-src"}
    policy["default-src"] = [CSP.SELF, CSP.UNSAFE_INLINE]
    assert "dcrnet.E003" in ids(settings, policy)


@pytest.mark.parametrize("directive", ["object-src", "base-uri", "frame-ancestors", "form-action"])
def test_the_csp_check_fails_when_a_required_directive_is_missing(settings, directive):
    policy = {k: v for k, v in STRICT.items() if k != directive}
    assert ids(settings, policy) == ["dcrnet.E004"]


def test_the_csp_check_fails_when_frames_may_embed_us(settings):
    assert ids(settings, {**STRICT, "frame-ancestors": [CSP.SELF]}) == ["dcrnet.E004"]


def test_check_deploy_fails_on_a_weak_policy(settings):
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    settings.SECURE_CSP = {**STRICT, "script-src": [CSP.SELF, CSP.UNSAFE_INLINE]}
    with pytest.raises(SystemCheckError, match="dcrnet.E003"):
        call_command("check", "--deploy", "--tag", "security")


# Shared cache (RELIABILITY 46) -----------------------------------------------------------------


def test_production_without_cache_url_shares_the_database_cache():
    cache = production_settings()["CACHES"]["default"]
    assert cache["BACKEND"] == "dcrnet.lib.dbcache.DatabaseCache"
    assert cache["LOCATION"]


def test_cache_url_selects_redis():
    cache = production_settings(CACHE_URL="redis://127.0.0.1:6379/0")["CACHES"]["default"]
    assert cache["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert cache["LOCATION"] == "redis://127.0.0.1:6379/0"


def test_development_keeps_the_in_memory_cache():
    cache = production_settings(DEBUG="1")["CACHES"]["default"]
    assert cache["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


# Email: MAILERS (Django 6.1), same environment variables ----------------------------------------


@pytest.mark.parametrize("debug", ["0", "1"])
def test_no_deprecated_email_setting_is_defined(debug):
    from django.conf import DEPRECATED_EMAIL_SETTINGS

    assert DEPRECATED_EMAIL_SETTINGS.isdisjoint(production_settings(DEBUG=debug))


def test_the_email_variables_configure_the_default_mailer(settings, tmp_path):
    from django.core import mail

    secret = tmp_path / "smtp-password"
    secret.write_text("s3cret\n")
    values = production_settings(
        EMAIL_HOST="smtp.example.org",
        EMAIL_PORT="587",
        EMAIL_HOST_USER="dcrnet",
        EMAIL_HOST_PASSWORD_FILE=str(secret),
        EMAIL_USE_TLS="1",
    )
    settings.MAILERS = values["MAILERS"]
    mailer = mail.mailers.default
    assert type(mailer).__module__ == "django.core.mail.backends.smtp"
    assert (mailer.host, mailer.port, mailer.username, mailer.password) == (
        "smtp.example.org",
        587,
        "dcrnet",
        "s3cret",
    )
    assert mailer.use_tls and not mailer.use_ssl
    assert mailer.timeout == 10


def test_another_email_backend_gets_no_smtp_options(settings):
    from django.core import mail

    values = production_settings(EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend")
    settings.MAILERS = values["MAILERS"]
    assert type(mail.mailers.default).__module__ == "django.core.mail.backends.console"


def test_development_prints_mail_to_the_console():
    backend = production_settings(DEBUG="1")["MAILERS"]["default"]["BACKEND"]
    assert backend == "django.core.mail.backends.console.EmailBackend"


# HSTS preload ------------------------------------------------------------------------------------


def test_hsts_preload_is_on_by_default_and_can_be_turned_off():
    # On by default: `check --deploy` warns without it (security.W021), and test 1 allows no
    # warning. SECURE_HSTS_PRELOAD=0 is for sites whose registrable domain must not be preloaded.
    assert production_settings()["SECURE_HSTS_PRELOAD"] is True
    assert production_settings(SECURE_HSTS_PRELOAD="0")["SECURE_HSTS_PRELOAD"] is False
