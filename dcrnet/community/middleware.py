"""Mandatory multi-factor authentication for privileged roles."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from dcrnet.lib.i18n import unprefixed

from .roles import lacks_mfa

# Paths a privileged user without TOTP may still reach: enrolment itself, logout, assets.
EXEMPT_PREFIXES = ("/accounts/", "/static/", "/media/", "/healthz")


class RequireMFAMiddleware:
    """Sends anyone who can change something (see `roles.needs_mfa`) to TOTP enrolment until they
    have one.

    allauth then asks for the second factor at every login of an account that has TOTP,
    the admin's included (the admin login is allauth's login).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and not unprefixed(request.path).startswith(EXEMPT_PREFIXES)
            and lacks_mfa(user)
        ):
            return redirect("mfa_activate_totp")
        return self.get_response(request)
