"""The signed links of the newsletter: confirm a subscription, unsubscribe.

`django.core.signing` over the subscriber's random public id, with a salt per purpose, so a
token made for one purpose (or by another app) opens nothing here and no token can be made
without the SECRET_KEY; nothing secret is stored. A confirmation link expires after
CONFIRM_DAYS (the pending address is deleted then: services.purge_expired); an unsubscribe
link never does: it is in every newsletter, and using it twice changes nothing.
"""

from __future__ import annotations

import uuid

from django.core import signing

CONFIRM_SALT = "dcrnet.newsletter.confirm"
UNSUBSCRIBE_SALT = "dcrnet.newsletter.unsubscribe"
CONFIRM_DAYS = 7
MAX_LENGTH = 200


class Expired(Exception):
    """Signed by us for this purpose, but too old."""


def make_confirm_token(public_id) -> str:
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(str(public_id))


def read_confirm_token(token: str) -> uuid.UUID | None:
    """The subscriber's public id, None for anything we did not sign; Expired when too old."""
    if not token or len(token) > MAX_LENGTH:
        return None
    signer = signing.TimestampSigner(salt=CONFIRM_SALT)
    try:
        value = signer.unsign(token, max_age=CONFIRM_DAYS * 24 * 3600)
    except signing.SignatureExpired:
        raise Expired from None
    except signing.BadSignature:
        return None
    return _uuid(value)


def make_unsubscribe_token(public_id) -> str:
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(str(public_id))


def read_unsubscribe_token(token: str) -> uuid.UUID | None:
    if not token or len(token) > MAX_LENGTH:
        return None
    try:
        return _uuid(signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token))
    except signing.BadSignature:
        return None


def _uuid(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None
