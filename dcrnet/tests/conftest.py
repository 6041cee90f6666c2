"""Helpers for the project-level security tests: production settings, HTML checks."""

from __future__ import annotations

import os
import re
import runpy
from html.parser import HTMLParser
from pathlib import Path
from unittest import mock

import pytest
from django.core.cache import cache

SETTINGS_FILE = Path(__file__).resolve().parent.parent / "settings.py"
STRONG_KEY = "production-like-test-key-" + "x7Qp2LmZ9vR4tK8wN3bH6jF1cD5sA0gE" * 2
PRODUCTION_ENV = {
    "DEBUG": "0",
    "TESTING": "0",
    "SECRET_KEY": STRONG_KEY,
    "ALLOWED_HOSTS": "example.org",
}

# What the production settings decide about transport, cookies and headers. (Not the hashers:
# test users carry the fast test hashes; test_accounts checks production's hashers directly.)
SECURITY_SETTINGS = re.compile(r"^(SECURE_|SESSION_COOKIE_|CSRF_COOKIE_|X_FRAME_OPTIONS$|DEBUG$)")


def production_settings(**env: str) -> dict:
    """dcrnet/settings.py evaluated afresh as production would (DEBUG off, a real key)."""
    environ = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV}
    environ.update(PRODUCTION_ENV, **env)
    with mock.patch.dict(os.environ, environ, clear=True):
        values = runpy.run_path(str(SETTINGS_FILE))
    return {k: v for k, v in values.items() if k.isupper()}


@pytest.fixture
def production(settings):
    """The test runs with production's security settings (and testserver allowed)."""
    values = production_settings()
    for name, value in values.items():
        if SECURITY_SETTINGS.match(name):
            setattr(settings, name, value)
    settings.ALLOWED_HOSTS = [*values["ALLOWED_HOSTS"], "testserver"]
    return values


@pytest.fixture(autouse=True)
def fresh_cache():
    """allauth's rate limits and used TOTP codes live in the cache: start every test clean."""
    cache.clear()
    yield
    cache.clear()


PASSWORD = "a long test passphrase"  # the root conftest's password for every user


class MarkupAudit(HTMLParser):
    """Collects what the CSP and the privacy rules forbid in a page."""

    def __init__(self):
        super().__init__()
        self.inline_scripts: list[str] = []
        self.inline_styles: list[str] = []
        self.style_attributes: list[str] = []
        self.event_handlers: list[str] = []
        self.resource_urls: list[str] = []
        self.nonces: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and not attributes.get("src"):
            if attributes.get("nonce"):
                self.nonces.append(attributes["nonce"])
            else:
                self.inline_scripts.append(self.get_starttag_text())
        if tag == "style":
            if attributes.get("nonce"):
                self.nonces.append(attributes["nonce"])
            else:
                self.inline_styles.append(self.get_starttag_text())
        for name, value in attrs:
            if name == "style":
                self.style_attributes.append(self.get_starttag_text())
            if name.startswith("on"):
                self.event_handlers.append(self.get_starttag_text())
            # What a browser loads or submits to by itself (links to other sites are fine).
            # A <link rel="alternate"> (the page in another language) is a link, not a load.
            loads = name in {"src", "action", "srcset", "poster", "data"} or (
                name == "href" and tag == "link" and attributes.get("rel") != "alternate"
            )
            if loads and value:
                self.resource_urls.append(value)


def audit(html: str) -> MarkupAudit:
    parser = MarkupAudit()
    parser.feed(html)
    return parser


def foreign(urls: list[str]) -> list[str]:
    """URLs that point to another origin (data: URIs are local)."""
    return [u for u in urls if re.match(r"^(?:[a-z][a-z0-9+.-]*:)?//", u, re.I)]
