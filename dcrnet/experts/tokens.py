"""The signed link an anonymous requester reads and answers their request through.

`django.core.signing` with a salt of its own (a token made for another purpose of the site never
opens a request, and a reply token never serves elsewhere). The token carries the request's
public id and its HMAC: changing one character breaks the signature, and a token cannot be
turned into one for another request without the SECRET_KEY. No expiry: the link lives as long
as the request, which the retention period deletes 12 months after closure (then it is a 404).
"""

from __future__ import annotations

import uuid

from django.core import signing

REPLY_SALT = "dcrnet.experts.reply-link"


def _signer() -> signing.Signer:
    return signing.Signer(salt=REPLY_SALT)


def make_reply_token(public_id) -> str:
    """The same token every time for a request (no timestamp: the link does not expire)."""
    return _signer().sign_object({"r": str(public_id)})


def read_reply_token(token: str) -> uuid.UUID | None:
    """The request's public id, or None for anything not signed by us for this purpose."""
    if not token or len(token) > 300:
        return None
    try:
        data = _signer().unsign_object(token)
        return uuid.UUID(data["r"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
