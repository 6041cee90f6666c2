"""HTTP caching: public pages shared with anonymous visitors and caches, anything personal never.

An anonymous read (GET or HEAD without a session cookie or an Authorization header) whose
answer is a plain 200 that used no CSRF token, set no cookie and touched no session is public:
it is sent with `Cache-Control: public, max-age=PUBLIC_CACHE_MAX_AGE`, a weak ETag and
`Vary: Cookie, HX-Request, Accept-Language, Accept-Encoding`, so a shared cache may keep it,
and, outside NOT_KEPT, kept whole in our own cache for PAGE_CACHE_SECONDS.

The ETag is a digest of everything a public answer depends on: the content version
(dcrnet.lib.cache, moved by every write to content), the code deployed, the day (this month's
highlight, data published up to today), the language, the htmx variant and the URL. So a request
that repeats it gets 304 Not Modified before any view runs, without a query; feeds answer
If-Modified-Since from their own Last-Modified as well.

Everything else that may carry something personal (a signed-in user, a session, an API token,
a CSRF token, a cookie, the account and admin pages) is `no-store, private`; other answers to
anonymous reads (errors, redirects) are `no-cache`; /healthz is `no-store`.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import get_conditional_response, parse_etags, patch_vary_headers
from django.utils.http import parse_http_date_safe

from dcrnet.lib.cache import content_version
from dcrnet.lib.i18n import unprefixed
from dcrnet.lib.middleware import PRIVATE_PREFIXES

# Answered by their own servers (WhiteNoise, the proxy): headers left as they are.
UNTOUCHED = ("/static/", "/media/")
# Probes must reach the application every time.
NO_STORE = ("/healthz",)
# Sign-in forms, private pages, the API and downloads always come from their view (the API and
# downloads still get HTTP validators and 304s).
NOT_KEPT = ("/accounts/", "/admin/", "/api/", "/data/", "/healthz", "/static/", "/media/")
VARY = ("Cookie", "HX-Request", "Accept-Language", "Accept-Encoding")
PRIVATE = "no-store, private"  # the words SecurityHeadersMiddleware uses for signed-in users
READS = ("GET", "HEAD")
PACKAGE = Path(__file__).resolve().parent.parent


def page_cache_seconds() -> int:
    return settings.PAGE_CACHE_SECONDS


def public_max_age() -> int:
    return settings.PUBLIC_CACHE_MAX_AGE


@functools.cache
def code_version() -> str:
    """A digest of the code deployed: templates, static files, translations, locked versions.

    After a deploy pages change (and name new static files) while the content does not: their
    validators and cache entries must change too.
    """
    digest = hashlib.blake2b(digest_size=16)
    files = [
        path
        for path in PACKAGE.rglob("*")
        if path.is_file() and not {"__pycache__", "tests"} & set(path.parts)
    ]
    lock = Path(settings.BASE_DIR) / "requirements.lock"
    for path in [*sorted(files), *([lock] if lock.is_file() else [])]:
        digest.update(str(path.relative_to(settings.BASE_DIR)).encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def anonymous(request: HttpRequest) -> bool:
    """No session (so no user) and no API token: nothing in the request is about someone."""
    return (
        settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "Authorization" not in request.headers
    )


def fingerprint(request: HttpRequest) -> str:
    """Everything a public answer to `request` depends on, as one digest."""
    parts = (
        content_version(),
        code_version(),
        timezone.localdate().isoformat(),
        getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE),
        "htmx" if request.headers.get("HX-Request") == "true" else "full",
        request.get_full_path(),
    )
    return hashlib.blake2b("\0".join(map(str, parts)).encode(), digest_size=16).hexdigest()


def shareable(request: HttpRequest, response: HttpResponse) -> bool:
    """A plain 200 with nothing of this visitor in it: no token, no cookie, no session change."""
    session = getattr(request, "session", None)
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (session is not None and session.modified)
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


def personal(request: HttpRequest, response: HttpResponse) -> bool:
    user = getattr(request, "user", None)
    session = getattr(request, "session", None)
    return (
        not anonymous(request)
        or unprefixed(request.path).startswith(PRIVATE_PREFIXES)
        or (user is not None and user.is_authenticated)
        or bool(response.cookies)
        or bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))
        or (session is not None and session.modified)
    )


def make_public(response: HttpResponse, etag: str) -> HttpResponse:
    response.headers["ETag"] = etag
    response.headers["Cache-Control"] = f"public, max-age={public_max_age()}"
    patch_vary_headers(response, VARY)
    return response


def still_fresh(request: HttpRequest, etag: str) -> bool:
    """The request names this very ETag in If-None-Match (weak comparison)."""
    tags = parse_etags(request.headers.get("If-None-Match", ""))
    return etag.removeprefix("W/") in {tag.removeprefix("W/") for tag in tags}


class AnonymousPageCacheMiddleware:
    """HTTP caching for the whole site (see the module docstring). Goes after MessageMiddleware,
    where the session, the user and the language are known."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(UNTOUCHED):
            return self.get_response(request)
        if request.path.startswith(NO_STORE):
            response = self.get_response(request)
            response.headers["Cache-Control"] = "no-store"
            return response
        if (
            request.method not in READS
            or not anonymous(request)
            or unprefixed(request.path).startswith(PRIVATE_PREFIXES)
        ):
            response = self.get_response(request)
            if request.method in READS or personal(request, response):
                response.headers["Cache-Control"] = PRIVATE
            return response
        return self.public_read(request)

    def public_read(self, request: HttpRequest) -> HttpResponse:
        digest = fingerprint(request)
        etag = f'W/"{digest}"'
        if still_fresh(request, etag):
            return make_public(HttpResponseNotModified(), etag)
        seconds = page_cache_seconds()
        kept = not unprefixed(request.path).startswith(NOT_KEPT)
        keep = request.method == "GET" and seconds > 0 and kept
        key = f"page:{digest}"
        response = cache.get(key) if keep else None
        if response is None:
            response = self.get_response(request)
            if not shareable(request, response):
                if personal(request, response):
                    response.headers["Cache-Control"] = PRIVATE
                else:
                    response.setdefault("Cache-Control", "no-cache")
                return response
            make_public(response, etag)
            if keep and not response.streaming:
                cache.set(key, response, seconds)
        last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
        return get_conditional_response(
            request, etag=etag, last_modified=last_modified, response=response
        )
