"""Privacy registry of the newsletter: field classes, a person's export, erasure.

Issues are content (who approved one is personal). A subscriber row is personal throughout: an
address, its language, its consent and the dates; a Send row says who got which issue.

Export: the subscriptions linked to the account or made with one of its addresses, with the
issues sent to them. Erasure (the account's deletion): those subscriptions are deleted with
their sends, the suppression record too (a new subscription would need a new double opt-in);
the issues they approved stay, without the link to them, in their history too.
"""

from __future__ import annotations

from dcrnet.community.privacy import PERSONAL, PUBLIC, history, translated

from .models import Issue, Send, Subscriber

_ISSUE = {
    "id": PUBLIC,
    "month": PUBLIC,
    "status": PUBLIC,
    "approved_at": PUBLIC,
    "finished_at": PUBLIC,
    "recipient_count": PUBLIC,
    "created_at": PUBLIC,
    "updated_at": PUBLIC,
    "approved_by": PERSONAL,
}

FIELDS: dict[str, dict[str, str]] = {
    "newsletter.subscriber": {
        "id": PERSONAL,
        "public_id": PERSONAL,
        "email": PERSONAL,
        "language": PERSONAL,
        "status": PERSONAL,
        "user": PERSONAL,
        "notice_version": PERSONAL,
        "consented_at": PERSONAL,
        "requested_at": PERSONAL,
        "confirmation_sent_at": PERSONAL,
        "confirmed_at": PERSONAL,
        "unsubscribed_at": PERSONAL,
        "bounced_at": PERSONAL,
        "created_at": PERSONAL,
    },
    "newsletter.issue": {**_ISSUE, **translated("title", "intro")},
    "newsletter.historicalissue": history(**_ISSUE, title=PUBLIC, intro=PUBLIC),
    "newsletter.send": {
        "id": PERSONAL,
        "issue": PERSONAL,
        "subscriber": PERSONAL,
        "created_at": PERSONAL,
        "sent_at": PERSONAL,
        "refused_at": PERSONAL,
    },
}


def _when(value) -> str | None:
    return value.isoformat() if value else None


def _addresses(user) -> list[str]:
    from allauth.account.models import EmailAddress

    found = {user.email, *EmailAddress.objects.filter(user=user).values_list("email", flat=True)}
    return sorted(address for address in found if address)


def _subscriptions(user):
    from django.db.models import Q

    return Subscriber.objects.filter(
        Q(user=user) | Q(pk__in=Subscriber.objects.of_addresses(_addresses(user)).values("pk"))
    )


def export(user) -> dict[str, list[dict]]:
    subscribers = list(_subscriptions(user).order_by("pk"))
    sends = (
        Send.objects.filter(subscriber__in=subscribers)
        .select_related("issue", "subscriber")
        .order_by("issue__month", "pk")
    )
    return {
        "subscriptions": [
            {
                "email": s.email,
                "language": s.language,
                "status": s.status,
                "notice_version": s.notice_version,
                "consented_at": _when(s.consented_at),
                "requested_at": _when(s.requested_at),
                "confirmed_at": _when(s.confirmed_at),
                "unsubscribed_at": _when(s.unsubscribed_at),
                "bounced_at": _when(s.bounced_at),
                "created_at": _when(s.created_at),
            }
            for s in subscribers
        ],
        "newsletters_sent": [
            {
                "email": send.subscriber.email,
                "issue": send.issue.month.isoformat()[:7],
                "sent_at": _when(send.sent_at),
                "refused_at": _when(send.refused_at),
            }
            for send in sends
        ],
        "issues_approved": [
            {"issue": issue.month.isoformat()[:7], "approved_at": _when(issue.approved_at)}
            for issue in Issue.objects.filter(approved_by=user).order_by("month")
        ],
    }


def erase(user, *, keep_posts: bool) -> None:
    from .services import erase_addresses

    erase_addresses(_addresses(user), user=user)
    Issue.objects.filter(approved_by=user).update(approved_by=None)
    history_issue = Issue.history.model
    history_issue.objects.filter(approved_by_id=user.pk).update(approved_by=None)
    history_issue.objects.filter(history_user_id=user.pk).update(history_user=None)
