"""Background email tasks of exchange visits (see notifications.py). Arguments are ids only,
never addresses, so task rows hold no personal data to erase."""

from __future__ import annotations

from django.tasks import task

from dcrnet.lib.delivery import send_once

from . import notifications
from .models import Delivery, Event


def delivery_key(event_id: int, user_id: int) -> str:
    return f"event:{event_id}:{user_id}"


@task()
def send_notice(event_id: int, user_id: int) -> bool:
    """Send one email once (lib.delivery.send_once)."""
    return send_once(Delivery, delivery_key(event_id, user_id), lambda: _build(event_id, user_id))


def _build(event_id: int, user_id: int):
    event = (
        Event.objects.select_related("visit__host__facility", "visit__requester")
        .filter(pk=event_id)
        .first()
    )
    user = notifications.recipient(user_id)
    return event and user and notifications.build(event, user)
