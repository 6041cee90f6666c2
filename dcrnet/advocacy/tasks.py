"""Background email tasks of advocacy (see notifications.py). Arguments are ids only, never
addresses, so task rows hold no personal data to erase."""

from __future__ import annotations

from django.db import transaction
from django.tasks import task
from django.utils import timezone

from . import notifications
from .models import Delivery, Endorsement


def delivery_key(kind: str, object_id: int) -> str:
    return f"{kind}:{object_id}"


def _build(kind: str, object_id: int):
    if kind == "decided":
        endorsement = (
            Endorsement.objects.select_related("initiative", "organisation", "endorsed_by")
            .filter(pk=object_id)
            .first()
        )
        return endorsement and notifications.decided_message(endorsement)
    return None


@task()
def send_notice(kind: str, object_id: int) -> bool:
    """Send one email once: the delivery row is locked, the message sent, the row stamped, in
    one transaction (a failed send rolls back, so a retry may send it)."""
    key = delivery_key(kind, object_id)
    with transaction.atomic():
        delivery, _created = Delivery.objects.select_for_update().get_or_create(key=key)
        if delivery.sent_at is not None:
            return False
        message = _build(kind, object_id)
        if not message:
            transaction.set_rollback(True)
            return False
        message.send()
        delivery.sent_at = timezone.now()
        delivery.save(update_fields=["sent_at"])
    return True
