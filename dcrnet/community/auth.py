"""How django-axes recognises the account in each login attempt."""

from __future__ import annotations

from django.http import HttpRequest


def axes_username(request: HttpRequest, credentials: dict | None) -> str | None:
    """The email address tried, lower-cased, whichever login path it came through.

    allauth authenticates with ``email=``; other paths (a future API token endpoint, Django's
    own forms) use ``username=``; a POSTed form has ``login``. Lower-casing keeps ``X@EXAMPLE``
    and ``x@example`` one lockout key, as they are one account.
    """
    credentials = credentials or {}
    value = credentials.get("email") or credentials.get("username") or credentials.get("login")
    if not value and request is not None:
        data = getattr(request, "data", None) or request.POST
        value = data.get("login") or data.get("email") or data.get("username")
    if not value:
        return None
    return str(value).strip().lower()
