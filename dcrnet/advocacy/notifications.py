"""Emails of advocacy: plain text, one recipient each, in the recipient's language.

The services call the function at the top through `transaction.on_commit`; it only enqueues a
task (tasks.py). The task builds its message when it runs (rechecking that the endorsement is
still decided and its contact still reachable) and records a `Delivery` under the key
"decided:<endorsement>", so a decision is told once. Staff are not emailed about new
endorsements: they are waiting in the queue at /advocacy/review/, like organisation applications.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import translation
from django.utils.translation import gettext as _

from dcrnet.lib.i18n import absolute

from .models import Endorsement, Status


def endorsement_decided(endorsement_id: int) -> None:
    from .tasks import send_notice

    send_notice.enqueue("decided", int(endorsement_id))


def decided_message(endorsement: Endorsement) -> EmailMessage | None:
    """The decision to the contact who endorsed, with staff's reason when declined."""
    if endorsement.status not in (Status.APPROVED, Status.DECLINED):
        return None
    user = endorsement.endorsed_by
    if user is None or not user.is_active or not user.email:
        return None
    with translation.override(user.email_language):
        names = {
            "organisation": endorsement.organisation.name,
            "initiative": endorsement.initiative.title,
        }
        if endorsement.status == Status.APPROVED:
            subject = _("DCR Network: your organisation's endorsement was approved")
            lines = [
                _(
                    "The endorsement of “%(initiative)s” by %(organisation)s was approved: the "
                    "organisation is now listed among its endorsers."
                )
                % names,
            ]
        else:
            subject = _("DCR Network: your organisation's endorsement was declined")
            lines = [
                _("The endorsement of “%(initiative)s” by %(organisation)s was declined.") % names,
                _("Reason given:") + "\n" + endorsement.decision_reason,
            ]
        lines += [
            _(
                "The initiative, and your organisation's endorsement, are here (you can withdraw "
                "it there at any time):"
            ),
            absolute(endorsement.initiative.get_absolute_url()),
        ]
        return EmailMessage(
            subject=" ".join(subject.split()),
            body="\n\n".join(lines) + "\n",
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[user.email],
        )
