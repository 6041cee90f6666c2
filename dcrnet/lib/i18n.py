"""Five languages: which one a request gets, the switcher's links, neutral downloads, and the
"not yet translated" fallback of content fields (docs/decisions/0005-languages.md).

English is at the paths without a prefix, the others under /fr/, /de/, /nl/ and /es/. A first
visit to an English page follows the browser's Accept-Language once (a redirect that sets the
language cookie); after that the cookie, which only the switcher changes, decides.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.dispatch import Signal
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseRedirect,
)
from django.urls import translate_url
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation.trans_real import parse_accept_lang_header


def codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def language_of_path(path: str) -> str:
    """The language a path is in: its prefix, or English."""
    return translation.get_language_from_path(path) or settings.LANGUAGE_CODE


def unprefixed(path: str) -> str:
    """The path without its language prefix: /fr/accounts/login/ → /accounts/login/."""
    code = translation.get_language_from_path(path)
    return (path[len(code) + 1 :] or "/") if code else path


def preferred(accept_language: str) -> str | None:
    """The first of our languages the Accept-Language header names (q order), or None."""
    for code, _q in parse_accept_lang_header(accept_language or ""):
        if code == "*":
            break
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            continue
    return None


def chosen(request: HttpRequest) -> str | None:
    value = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    return value if value in codes() else None


def remember(response: HttpResponse, language: str) -> None:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=True,
    )


def navigation(request: HttpRequest) -> bool:
    """A browser opening a page (not a script, a download, an htmx swap or a form post)."""
    return (
        request.method in ("GET", "HEAD")
        and "text/html" in request.headers.get("Accept", "")
        and request.headers.get("HX-Request") != "true"
    )


class FirstVisitLanguageMiddleware:
    """On an English page, send a browser to the language it asks for: the first time by its
    Accept-Language (and remember that as its choice), after that by its choice. Goes after
    LocaleMiddleware and before the page cache, so a cached English page never answers a
    visitor whose language is another."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if language_of_path(request.path_info) == settings.LANGUAGE_CODE and navigation(request):
            choice = chosen(request)
            language = choice or preferred(request.headers.get("Accept-Language", ""))
            if language and language != settings.LANGUAGE_CODE:
                here = request.get_full_path()
                there = translate_url(here, language)
                if there != here:
                    response = HttpResponseRedirect(there)
                    if choice is None:
                        remember(response, language)
                    response.headers["Cache-Control"] = "no-cache"
                    patch_vary_headers(response, ("Accept-Language", "Cookie"))
                    return response
        return self.get_response(request)


# Sent when a visitor picks a language in the switcher (sender: the request; `language`): the
# community app keeps a signed-in person's choice as the language of their emails.
language_chosen = Signal()


def choose_language(request: HttpRequest) -> HttpResponse:
    """The header's switcher (a plain GET form): remember the language, show the same page in it."""
    language = request.GET.get("language", "")
    if not language:  # nothing chosen: back to the page as it was
        return HttpResponseRedirect(unprefixed_next(request))
    if language not in codes():
        with translation.override(language_of_path(urlsplit(unprefixed_next(request)).path)):
            return HttpResponseBadRequest(
                _("Unknown language “%(language)s”: choose one of %(choices)s.")
                % {"language": language[:20], "choices": ", ".join(codes())},
                content_type="text/plain; charset=utf-8",
            )
    here = unprefixed_next(request)
    # translate_url resolves the path in the active language: the one the page was in.
    with translation.override(language_of_path(urlsplit(here).path)):
        there = translate_url(here, language)
    response = HttpResponseRedirect(there)
    remember(response, language)
    language_chosen.send(sender=request, language=language)
    return response


def unprefixed_next(request: HttpRequest) -> str:
    """The page the switcher was on, if it is one of ours; else the home page."""
    target = request.GET.get("next", "/")
    if not target.startswith("/") or not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return "/"
    return target


def absolute(path: str) -> str:
    """A path of ours as a full address on the site's own address (SITE_URL), for emails."""
    return settings.SITE_URL.rstrip("/") + path


@dataclass(frozen=True)
class Alternate:
    code: str
    name: str  # in its own language: "Français"
    url: str
    current: bool

    @property
    def absolute(self) -> str:
        """On the site's own address (SITE_URL), never on the request's Host header."""
        return absolute(self.url)


def alternates(request: HttpRequest) -> list[Alternate]:
    """The page in each of our languages (for the switcher and hreflang links); none where the
    page has only one."""
    here = request.get_full_path()
    current = translation.get_language()
    found = []
    for code in codes():
        info = translation.get_language_info(code)
        found.append(
            Alternate(
                code=code,
                name=info["name_local"][:1].upper() + info["name_local"][1:],
                url=translate_url(here, code),
                current=code == current,
            )
        )
    # A page outside the languages (the API's documentation) or that does not exist: no
    # alternates and no switcher.
    if all(a.url == here for a in found):
        return []
    return found


def neutral_language[**P](view: Callable[P, HttpResponse]) -> Callable[P, HttpResponse]:
    """A download in English whatever the page's language, or in the language `?lang=` names
    (labels only: codes, numbers and ISO dates never change)."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
        language = request.GET.get("lang") or settings.LANGUAGE_CODE
        if language not in codes():
            return HttpResponseBadRequest(
                _("lang: “%(language)s” is not one of %(choices)s.")
                % {"language": language[:20], "choices": ", ".join(codes())},
                content_type="text/plain; charset=utf-8",
            )
        with translation.override(language):
            response = view(request, *args, **kwargs)
        if response.streaming:
            response.streaming_content = _in_language(language, response.streaming_content)
        response.headers["Content-Language"] = language
        return response

    return wrapped


def _in_language(language: str, chunks: Iterable) -> Iterator:
    with translation.override(language):
        yield from chunks


def falls_back(obj: object, field: str) -> bool:
    """True when `field` (a translated content field) shows English because the active language
    has no text yet."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    if language == settings.LANGUAGE_CODE:
        return False
    own = getattr(obj, f"{field}_{language.replace('-', '_')}", None)
    english = getattr(obj, f"{field}_{settings.LANGUAGE_CODE}", None)
    return not own and bool(english)
