"""Background tasks of the community app: the account emails allauth asks us to send."""

from __future__ import annotations

from django.core.mail import EmailMultiAlternatives
from django.tasks import task


@task()
def send_account_mail(message: dict) -> None:
    """Send one account email rendered in the request (`services.queue_account_mail`).

    A refused or unreachable mail server fails this task, never the page that asked for it.
    """
    email = EmailMultiAlternatives(
        subject=message["subject"],
        body=message["body"],
        from_email=message["from_email"],
        to=message["to"],
        headers=message["headers"],
        alternatives=message["alternatives"],
    )
    email.content_subtype = message["subtype"]
    email.send()
