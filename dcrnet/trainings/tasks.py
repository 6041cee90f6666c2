"""Background email tasks of training sessions (see notifications.py). Arguments are ids only,
never addresses, so task rows hold no personal data to erase."""

from __future__ import annotations

from django.tasks import task

from dcrnet.lib.delivery import send_once

from . import notifications
from .models import Announcement, Delivery

BUILDERS = {
    "confirmed": notifications.confirmed_message,
    "waitlisted": notifications.waitlisted_message,
    "promoted": notifications.promoted_message,
    "cancelled": notifications.cancelled_message,
    "session-cancelled": notifications.session_cancelled_message,
    "reminder": notifications.reminder_message,
}


def _build(kind: str, object_id: int, token: str, changed: list[str]):
    if kind == "announcement":
        announcement = Announcement.objects.filter(pk=object_id).first()
        registration = notifications.registration_of(int(token))
        if announcement is None or registration is None:
            return None
        return notifications.announcement_message(announcement, registration)
    registration = notifications.registration_of(object_id)
    if registration is None:
        return None
    if kind == "changed":
        return notifications.changed_message(registration, token, changed)
    builder = BUILDERS.get(kind)
    return builder and builder(registration, token)


def delivery_key(kind: str, object_id: int, token: str) -> str:
    return f"{kind}:{object_id}:{token}"


@task()
def send_notice(kind: str, object_id: int, token: str, changed: list[str] | None = None) -> bool:
    """Send one email once (lib.delivery.send_once)."""
    return send_once(
        Delivery,
        delivery_key(kind, object_id, token),
        lambda: _build(kind, object_id, token, changed or []),
    )
