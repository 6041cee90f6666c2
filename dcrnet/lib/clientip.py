"""The client's IP address: the one function lockouts, rate limits and logs all use.

Behind `TRUSTED_PROXY_COUNT` proxies, each proxy appends the address it received the request from
to X-Forwarded-For, so the client is the entry that many places from the right; anything further
left was written by the client and is not trusted. With no trusted proxy, REMOTE_ADDR is the client.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest

UNKNOWN = "unknown"


def client_ip(request: HttpRequest) -> str:
    remote = request.META.get("REMOTE_ADDR", "") or ""
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            candidate = forwarded[-proxies]
            if _valid(candidate):
                return candidate
    return remote if _valid(remote) else UNKNOWN


def known_client_ip(request: HttpRequest) -> str | None:
    """The client's IP, or None when unknown: for IP columns (axes, allauth's user sessions).

    A request without a peer address (`Client.force_login`, a Unix socket) would otherwise put
    "unknown" in an inet column, which PostgreSQL refuses.
    """
    address = client_ip(request)
    return None if address == UNKNOWN else address


def _valid(address: str) -> bool:
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return False
    return True
