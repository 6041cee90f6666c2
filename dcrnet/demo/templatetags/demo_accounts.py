"""`{% demo_accounts as accounts %}`: the demo accounts for the sign-in page, in DEBUG only."""

from __future__ import annotations

import base64

from allauth.mfa.adapter import get_adapter
from django import template
from django.conf import settings

from dcrnet.community.models import User
from dcrnet.demo.accounts import existing_accounts

register = template.Library()


@register.simple_tag
def demo_accounts() -> list[dict]:
    """Role, email, password, TOTP secret and its QR code of each demo account in the database;
    nothing at all when DEBUG is off."""
    if not settings.DEBUG:
        return []
    adapter = get_adapter()
    rows = []
    for account in existing_accounts():
        qr = ""
        if account.totp_secret:
            url = adapter.build_totp_url(User(email=account.email), account.totp_secret)
            svg = adapter.build_totp_svg(url).encode()
            qr = "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")
        rows.append(
            {
                "role": account.label,
                "email": account.email,
                "password": account.password,
                "totp_secret": account.totp_secret,
                "qr": qr,
            }
        )
    return rows
