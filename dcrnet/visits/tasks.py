"""Background email tasks of exchange visits (see notifications.py). Arguments are ids only,
never addresses, so task rows hold no personal data to erase."""

from __future__ import annotations

from django.db import transaction
from django.tasks import task
from django.utils import timezone

from . import notifications
from .models import Delivery, Event


def delivery_key(event_id: int, user_id: int) -> str:
    return f"event:{event_id}:{user_id}"


@task()
def send_notice(event_id: int, user_id: int) -> bool:
    """Send one email once: the delivery row is locked, the message sent, the row stamped, in
    one transaction (a failed send rolls back, so a retry may send it)."""
    with transaction.atomic():
        delivery, _created = Delivery.objects.select_for_update().get_or_create(
            key=delivery_key(event_id, user_id)
        )
        if delivery.sent_at is not None:
            return False
        event = (
            Event.objects.select_related("visit__host__facility", "visit__requester")
            .filter(pk=event_id)
            .first()
        )
        user = notifications.recipient(user_id)
        message = event and user and notifications.build(event, user)
        if not message:
            transaction.set_rollback(True)
            return False
        message.send()
        delivery.sent_at = timezone.now()
        delivery.save(update_fields=["sent_at"])
    return True
