"""Headers Django does not set by itself, and methods nobody should use."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed

ALLOWED_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")

# Pages that carry credentials or codes even before anyone is signed in.
PRIVATE_PREFIXES = ("/accounts/", "/admin/")


class AllowedMethodsMiddleware:
    """TRACE, TRACK, CONNECT and invented methods get 405 before any view sees them."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in ALLOWED_METHODS:
            return HttpResponseNotAllowed(ALLOWED_METHODS)
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """Cross-Origin-Resource-Policy everywhere; no-store on anything a signed-in user sees."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or request.path.startswith(
            PRIVATE_PREFIXES
        ):
            response.headers["Cache-Control"] = "no-store, private"
        return response
