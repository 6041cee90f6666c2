"""Background email tasks of help requests (see notifications.py). Arguments are ids only, never
addresses, so task rows hold no personal data to erase."""

from __future__ import annotations

from django.db import transaction
from django.tasks import task
from django.utils import timezone

from . import notifications
from .models import Assignment, Delivery, HelpRequest, Message


def _build(kind: str, object_id: int, recipient: str):
    if kind == "received":
        help_request = HelpRequest.objects.select_related("topic").filter(pk=object_id).first()
        return help_request and notifications.received_message(help_request)
    if kind == "invited":
        assignment = (
            Assignment.objects.select_related("request__topic", "expert__user")
            .filter(pk=object_id)
            .first()
        )
        return assignment and notifications.invited_message(assignment)
    if kind == "message":
        message = (
            Message.objects.select_related("request__topic", "request__requester")
            .filter(pk=object_id)
            .first()
        )
        return message and notifications.message_message(message, recipient)
    return None


def delivery_key(kind: str, object_id: int, recipient: str) -> str:
    return f"{kind}:{object_id}:{recipient}"


@task()
def send_notice(kind: str, object_id: int, recipient: str) -> bool:
    """Send one email once: the delivery row is locked, the message sent, the row stamped, in
    one transaction (a failed send rolls back, so a retry may send it)."""
    key = delivery_key(kind, object_id, recipient)
    with transaction.atomic():
        delivery, _created = Delivery.objects.select_for_update().get_or_create(key=key)
        if delivery.sent_at is not None:
            return False
        message = _build(kind, object_id, recipient)
        if not message:
            transaction.set_rollback(True)
            return False
        message.send()
        delivery.sent_at = timezone.now()
        delivery.save(update_fields=["sent_at"])
    return True
