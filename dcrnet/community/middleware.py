"""Mandatory multi-factor authentication for privileged roles."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

# Paths a privileged user without TOTP may still reach: enrolment itself, logout, assets.
EXEMPT_PREFIXES = ("/accounts/", "/static/", "/media/", "/healthz")


def has_totp(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class RequireMFAMiddleware:
    """Redirects staff, editors and reporters to TOTP enrolment until they have one.

    allauth then asks for the second factor at every login of an account that has TOTP,
    the admin's included (the admin login is allauth's login).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and not request.path.startswith(EXEMPT_PREFIXES)
            and user.needs_mfa
            and not has_totp(user)
        ):
            return redirect("mfa_activate_totp")
        return self.get_response(request)
