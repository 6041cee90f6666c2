"""Helpers of the account tests: TOTP codes and mail sent after commit."""

from __future__ import annotations

from django.test import TestCase


def totp_code(user, offset: int = 0) -> str:
    """The code the user's authenticator app shows now (offset in 30-second steps)."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import (
        format_hotp_value,
        hotp_value,
        yield_hotp_counters_from_time,
    )
    from allauth.mfa.utils import decrypt

    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    secret = decrypt(authenticator.data["secret"])
    counter = next(iter(yield_hotp_counters_from_time())) + offset
    return format_hotp_value(hotp_value(secret, counter))


def sending():
    """``with sending(): client.post(...)``: the mail queued after commit goes out on leaving.

    Tests run inside a transaction that never commits, so the on-commit callbacks that enqueue
    mail tasks run only when captured.
    """
    return TestCase.captureOnCommitCallbacks(execute=True)
