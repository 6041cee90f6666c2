"""Whole public pages for anonymous visitors, from the cache, under the content version."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

from dcrnet.lib.cache import content_version

# Sign-in forms, private pages, the API and downloads always come from their view.
NEVER = ("/accounts/", "/admin/", "/api/", "/data/", "/healthz", "/static/", "/media/")


def page_cache_seconds() -> int:
    return getattr(settings, "PAGE_CACHE_SECONDS", 0 if settings.TESTING else 60)


class AnonymousPageCacheMiddleware:
    """Serves visitors without a session cookie only.

    A response is kept only when it is a plain 200 that used no CSRF token, set no cookie,
    touched no session and is not private or no-store: so nothing personal, and no token, is
    ever shared between visitors. Goes right after MessageMiddleware.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        seconds = page_cache_seconds()
        if (
            seconds <= 0
            or request.method != "GET"
            or request.path.startswith(NEVER)
            or settings.SESSION_COOKIE_NAME in request.COOKIES
        ):
            return self.get_response(request)
        kind = "htmx" if request.headers.get("HX-Request") else "full"
        key = f"page:{content_version()}:{request.LANGUAGE_CODE}:{kind}:{request.get_full_path()}"
        response = cache.get(key)
        if response is not None:
            return response
        response = self.get_response(request)
        cache_control = response.get("Cache-Control", "")
        session = getattr(request, "session", None)
        if (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not (session is not None and session.modified)
            and "private" not in cache_control
            and "no-store" not in cache_control
        ):
            cache.set(key, response, seconds)
        return response
