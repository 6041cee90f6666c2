"""Writes of the community app: account emails queued after commit, roles, demo accounts."""

from __future__ import annotations

from django.core.mail import EmailMessage
from django.db import transaction

from .tasks import send_account_mail


def queue_account_mail(email: EmailMessage) -> None:
    """Send a rendered email from a background task once the current transaction commits.

    The message goes as plain strings: the request, the site and the language it was rendered
    for are gone by the time a worker sends it.
    """
    message = {
        "subject": str(email.subject),
        "body": str(email.body),
        "from_email": str(email.from_email),
        "to": [str(address) for address in email.to],
        "headers": {str(k): str(v) for k, v in (email.extra_headers or {}).items()},
        "alternatives": [
            [str(content), str(mimetype)]
            for content, mimetype in getattr(email, "alternatives", [])
        ],
        "subtype": email.content_subtype,
    }
    transaction.on_commit(lambda: send_account_mail.enqueue(message), robust=True)
