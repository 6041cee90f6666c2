"""Send an email once: the one way every app's email tasks use their `Delivery` rows.

Each app keeps a table of deliveries with a unique `key` (ids only, e.g. "post:<post>:<user>")
and a `sent_at`. `send_once` locks the key's row, builds the message when the task runs (so it
reflects what is true then; None means "no longer to send"), sends it and stamps the row, in one
transaction: a second task for the same key sends nothing, and a failed send rolls back so a
retry may send it.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.mail import EmailMessage
from django.db import models, transaction
from django.utils import timezone


def send_once(
    model: type[models.Model], key: str, build: Callable[[], EmailMessage | None], **defaults
) -> bool:
    """Send what `build()` returns under `key`, once. True if it was sent now."""
    with transaction.atomic():
        delivery, _created = model.objects.select_for_update().get_or_create(
            key=key, defaults=defaults
        )
        if delivery.sent_at is not None:
            return False
        message = build()
        if not message:
            transaction.set_rollback(True)
            return False
        message.send()
        delivery.sent_at = timezone.now()
        delivery.save(update_fields=["sent_at"])
    return True
