"""Background email tasks of advocacy (see notifications.py). Arguments are ids only, never
addresses, so task rows hold no personal data to erase."""

from __future__ import annotations

from django.tasks import task

from dcrnet.lib.delivery import send_once

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
    """Send one email once (lib.delivery.send_once)."""
    return send_once(Delivery, delivery_key(kind, object_id), lambda: _build(kind, object_id))
