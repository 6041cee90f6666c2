"""Request ids and logs, headers Django does not set, and input nobody should send."""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Callable, Iterator
from urllib.parse import parse_qsl, urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils.translation import gettext_lazy as _

from . import logging as logs
from .api import error_body
from .clientip import client_ip
from .i18n import unprefixed
from .text import CONTROL_CHARACTER

ALLOWED_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")

# Pages that carry credentials or codes even before anyone is signed in.
PRIVATE_PREFIXES = ("/accounts/", "/admin/")

# Powerful browser features the site never uses, denied to it and to anything it could embed.
# Only features Chromium knows (an unknown one is reported as an error in the console); the
# browser test in lib/tests checks that. Fullscreen stays available to our own pages (the map).
PERMISSIONS_POLICY = ", ".join(
    [
        *(
            f"{feature}=()"
            for feature in (
                "accelerometer",
                "autoplay",
                "browsing-topics",
                "camera",
                "display-capture",
                "encrypted-media",
                "geolocation",
                "gyroscope",
                "hid",
                "idle-detection",
                "magnetometer",
                "microphone",
                "midi",
                "payment",
                "screen-wake-lock",
                "serial",
                "usb",
                "xr-spatial-tracking",
            )
        ),
        "fullscreen=(self)",
    ]
)

# Health checks come every few seconds from the orchestrator: no access line for them.
UNLOGGED_PATHS = ("/healthz",)

# C0 control characters except tab, line feed and carriage return: no text we keep has them,
# and PostgreSQL refuses NUL in any text (a 500 wherever one reached a query).
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
JSON_TYPES = ("application/json",)


class RequestContextMiddleware:
    """A request id for every request, in the logs and in the X-Request-ID response header.

    Also writes one access line per request to "dcrnet.request" (not for /healthz) and a
    security event for every 403 and 429, whoever answered it. Goes first in MIDDLEWARE.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self.access = logging.getLogger(logs.REQUEST_LOGGER)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        request_id = logs.request_id_from(request.headers.get("X-Request-ID"))
        request.log_context = logs.RequestContext(request_id, client_ip(request), request)
        token = logs.bind(request.log_context)
        try:
            response = self.get_response(request)
            response.headers["X-Request-ID"] = request_id
            if response.status_code == 403:
                logs.security_event("forbidden", request, method=request.method, path=request.path)
            elif response.status_code == 429:
                logs.security_event(
                    "rate_limited", request, method=request.method, path=request.path
                )
            if not request.path.startswith(UNLOGGED_PATHS) and self.access.isEnabledFor(
                logging.INFO
            ):
                path = logged_path(request)
                self.access.info(
                    "%s %s %s",
                    request.method,
                    path,
                    response.status_code,
                    extra={
                        "event": "request",
                        "method": request.method,
                        "path": path,
                        "query": logged_query(request),
                        "status": response.status_code,
                        "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    },
                )
            return response
        finally:
            logs.unbind(token)


# Secrets a URL path can hold: password-reset and email-confirmation keys, tokens. Narrower than
# logs.SECRET_NAME, whose "code" (a TOTP code in a form) would hide country and indicator codes.
PATH_SECRET = re.compile(r"key|token|secret", re.IGNORECASE)


def logged_path(request: HttpRequest) -> str:
    """The path with secrets in it (password reset and email confirmation keys) masked."""
    path = request.path
    match = getattr(request, "resolver_match", None)
    if match is not None:
        for name, value in match.kwargs.items():
            if PATH_SECRET.search(name) and isinstance(value, str) and value:
                path = path.replace(value, logs.REDACTED)
    return path


def logged_query(request: HttpRequest) -> str:
    pairs = parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
    return urlencode(
        [(key, logs.REDACTED if logs.SECRET_NAME.search(key) else value) for key, value in pairs]
    )[:1000]


class AllowedMethodsMiddleware:
    """TRACE, TRACK, CONNECT and invented methods get 405 before any view sees them."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in ALLOWED_METHODS:
            return HttpResponseNotAllowed(ALLOWED_METHODS)
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """CORP and Permissions-Policy everywhere; no-store on anything a signed-in user sees."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or unprefixed(request.path).startswith(
            PRIVATE_PREFIXES
        ):
            response.headers["Cache-Control"] = "no-store, private"
        return response


class RefuseControlCharactersMiddleware:
    """A control character in the path, a query parameter or a form field: 400, named.

    Checked once here, before the page cache, the session or any view could send it to the
    database. The API answers with its error body and 422, the status every API endpoint
    documents for invalid input; JSON bodies sent to it are checked the same way.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        problems = list(control_characters(request))
        if not problems:
            return self.get_response(request)
        if request.path.startswith("/api/"):
            return JsonResponse(error_body(problems), status=422)
        return render(request, "400.html", {"problems": problems}, status=400)


def control_characters(request: HttpRequest) -> Iterator[tuple[str, str]]:
    """(where, message) for each part of the request that holds a control character."""
    message = _("must not contain control characters (such as NUL)")
    if CONTROL_CHARACTER.search(request.path):
        yield path_part(request), str(message)
    for key, values in request.GET.lists():
        if CONTROL_CHARACTER.search(key) or any(CONTROL_CHARACTER.search(v) for v in values):
            yield shown(key), str(message)
    content_type = request.content_type or ""
    if request.method == "POST" and content_type in FORM_TYPES:
        for key, values in request.POST.lists():
            if CONTROL_CHARACTER.search(key) or any(CONTROL_CHARACTER.search(v) for v in values):
                yield shown(key), str(message)
    elif request.path.startswith("/api/") and content_type in JSON_TYPES and request.body:
        try:
            document = json.loads(request.body)
        except ValueError:
            return  # not JSON: the endpoint refuses it with its own message
        for where in _json_strings_with_controls(document, "body"):
            yield where, str(message)


def path_part(request: HttpRequest) -> str:
    """The URL parameter that holds the control character, or "path" when none matched."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return "path"
    for name, value in match.kwargs.items():
        if isinstance(value, str) and CONTROL_CHARACTER.search(value):
            return name
    return "path"


def _json_strings_with_controls(value: object, where: str) -> Iterator[str]:
    if isinstance(value, str):
        if CONTROL_CHARACTER.search(value):
            yield where
    elif isinstance(value, dict):
        for key, item in value.items():
            name = f"{where}.{shown(key)}"
            if CONTROL_CHARACTER.search(key):
                yield name
            else:
                yield from _json_strings_with_controls(item, name)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _json_strings_with_controls(item, f"{where}[{index}]")


def shown(name: str) -> str:
    """A parameter's name as it can be shown: control characters written as \\xNN."""
    return CONTROL_CHARACTER.sub(lambda m: f"\\x{ord(m.group()):02x}", name)[:100]
