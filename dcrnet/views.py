"""Project-wide views: health check and error pages."""

from __future__ import annotations

import functools
from urllib.parse import urlencode

from django.contrib.admin.actions import delete_selected
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from dcrnet.lib.api import error_body, status_message
from dcrnet.lib.i18n import language_of_path
from dcrnet.lib.logging import security_event


@require_GET
@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        return JsonResponse({"status": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


def admin_login(request: HttpRequest, extra_context=None) -> HttpResponse:
    """The admin's login is allauth's (MFA and lockout included); it never checks a password.

    A signed-in account without admin rights gets 403 here: sending it to the sign-in page would
    loop, as allauth sends signed-in users straight back to ``next``.
    """
    if request.user.is_authenticated:
        raise PermissionDenied
    url = reverse("account_login")
    next_url = request.GET.get(REDIRECT_FIELD_NAME)
    if next_url:
        url += "?" + urlencode({REDIRECT_FIELD_NAME: next_url})
    return HttpResponseRedirect(url)


@functools.wraps(delete_selected)
def admin_delete_selected(modeladmin, request: HttpRequest, queryset) -> HttpResponse | None:
    """Django's bulk deletion, logged: the admin records several objects in one bulk insert,
    which sends no signal, so dcrnet.lib.logging never hears of them (one object it does)."""
    object_ids = [str(pk) for pk in queryset.values_list("pk", flat=True)]
    response = delete_selected(modeladmin, request, queryset)
    if response is None and len(object_ids) > 1:  # deleted (not the confirmation page)
        security_event(
            "deletion",
            request,
            via="admin",
            action="delete",
            model=modeladmin.model._meta.label_lower,
            object_ids=object_ids,
        )
    return response


def _api_error(status: int) -> JsonResponse:
    """The API's one error body (dcrnet.lib.api), for refusals made outside its routers."""
    return JsonResponse(error_body([("request", status_message(status))]), status=status)


def _error(request: HttpRequest, status: int, template: str) -> HttpResponse:
    if request.path.startswith("/api/"):
        return _api_error(status)
    return render(request, template, status=status)


def bad_request(request: HttpRequest, exception=None) -> HttpResponse:
    return _error(request, 400, "400.html")


def permission_denied(request: HttpRequest, exception=None) -> HttpResponse:
    return _error(request, 403, "403.html")


def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    return _error(request, 404, "404.html")


def server_error(request: HttpRequest) -> HttpResponse:
    if request.path.startswith("/api/"):
        return _api_error(500)
    # No context processors: the database may be what failed. The language is the path's, as
    # the failure may have come before or after the middleware that activates it.
    from django.template import loader

    language = language_of_path(request.path_info)
    with translation.override(language):
        page = loader.get_template("500.html").render(
            {"LANGUAGE_CODE": language, "home_url": reverse("home")}
        )
    return HttpResponse(page, status=500, headers={"Content-Language": language})
