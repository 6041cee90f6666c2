"""Background email tasks of help requests (see notifications.py). Arguments are ids only, never
addresses, so task rows hold no personal data to erase."""

from __future__ import annotations

from django.tasks import task

from dcrnet.lib.delivery import send_once

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
    """Send one email once (lib.delivery.send_once)."""
    return send_once(
        Delivery,
        delivery_key(kind, object_id, recipient),
        lambda: _build(kind, object_id, recipient),
    )
