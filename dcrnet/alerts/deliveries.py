"""Alert delivery: email to subscribed members and signed JSON to partners' webhooks.

The review services enqueue `deliver_alert_task(alert_id, version)` on commit each time an alert
is issued, updated or retracted (each moves `Alert.version`). That task finds the recipients and
queues one task per email and one attempt per webhook; every send is recorded in a `Delivery`
keyed by ids, so nothing is sent twice for one version:

- "email:<alert>:<version>:<user>" through lib.delivery.send_once; the message is built when the
  task runs and not sent if the alert has moved on to a newer version, or the person has since
  lost access to it, unsubscribed or deactivated their account;
- "webhook:<alert>:<version>:<webhook>": a POST of `alert_payload(alert)` with the header
  `X-DCRNet-Signature: sha256=<HMAC-SHA256 of the body with the webhook's secret>`. A failed
  POST is tried again after 1, 2, 4 … minutes (`attempts`, `next_attempt`) up to MAX_ATTEMPTS;
  `retry_webhooks_task` makes the attempts that are due (queued at `next_attempt` when the task
  backend can defer; otherwise run it periodically).

Who receives what: an email only goes to a subscriber whose grades include the alert's and whose
regions include its region (no regions: all; an alert without a region concerns every region),
and who may see the alert on the site (`display.visible_alerts`: network grades only reach
members). A webhook receives public grades, and network grades only when it is marked for them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import urllib.error
import urllib.request

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.tasks import task
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from dcrnet.lib.delivery import send_once
from dcrnet.lib.disclosure import SMALL
from dcrnet.lib.i18n import absolute

from .display import present, visible_alerts
from .models import (
    ALERT_TEXT,
    PUBLIC_GRADES,
    Alert,
    AlertSubscription,
    Channel,
    Delivery,
    Substance,
    Webhook,
)

SIGNATURE_HEADER = "X-DCRNet-Signature"
EVENT_HEADER = "X-DCRNet-Event"
DELIVERY_HEADER = "X-DCRNet-Delivery"
TIMEOUT_SECONDS = 10
MAX_ATTEMPTS = 8  # 1 + 2 + 4 + … + 64 minutes: a partner may be down for two hours
FIRST_RETRY = dt.timedelta(minutes=1)
STATUS_CHARS = 200


# --- the public JSON form ------------------------------------------------------------------


def _count(shown: str) -> int | str | None:
    """A count as display shows it ("<5", "12", "") in JSON: "<5", 12, null."""
    if not shown:
        return None
    return shown if shown == SMALL else int(shown)


def _substance(substance: Substance | None) -> dict | None:
    if substance is None:
        return None
    return {
        "slug": substance.slug,
        "name": substance.name_en or substance.name,
        "kind": substance.kind,
        "inchikey": substance.inchikey or None,
        "pubchem_cid": substance.pubchem_cid,
        "group": substance.group.slug if substance.group_id else None,
    }


def _translations(alert: Alert) -> dict[str, dict[str, str]]:
    """The alert's text in each other language it has been written in."""
    found = {}
    for code, _name in settings.LANGUAGES:
        if code == settings.LANGUAGE_CODE:
            continue
        text = {field: getattr(alert, f"{field}_{code}", None) or "" for field in ALERT_TEXT}
        if text["title"]:
            found[code] = text
    return found


def page_path(alert: Alert) -> str:
    """The alert's page in the active language."""
    return reverse("alerts:detail", kwargs={"public_id": alert.public_id})


def event(alert: Alert) -> str:
    if alert.retracted:
        return "alert.retracted"
    return "alert.issued" if alert.version == 1 else "alert.updated"


def alert_payload(alert: Alert) -> dict:
    """The alert as partners and the API receive it, through the display rules (counts of 1–4
    as "<5" and no p-value beside them, facilities named only with their consent): codes
    rather than labels, text in English with the other languages under "translations"."""
    region = alert.region
    with translation.override(settings.LANGUAGE_CODE):
        shown = present(alert)
        url = absolute(page_path(alert))
    return {
        "id": shown.public_id,
        "url": url,
        "event": event(alert),
        "version": alert.version,
        "grade": alert.grade,
        "public": shown.is_public,
        "issued": alert.issued.isoformat(),
        "updated": alert.updated.isoformat(),
        "signal": shown.signal_kind,
        "region": (
            {"slug": region.slug, "name": region.name, "country": str(region.country.code)}
            if region
            else None
        ),
        "week": shown.week_label,
        "week_start": alert.week.isoformat(),
        "substance": _substance(alert.substance),
        "form": alert.form or None,
        "sold_as": _substance(alert.sold_as),
        "confirmation": alert.confirmation or None,
        "facility_count": alert.facility_count,
        "facilities_named": shown.facilities,
        "counts": {count.key: _count(count.value) for count in shown.counts},
        "observed": _count(shown.observed),
        "expected": round(alert.expected, 2) if alert.expected is not None else None,
        "p_value": alert.p_value if shown.p_value else None,
        "title": shown.title,
        "advice": shown.advice,
        "actions": shown.actions,
        "translations": _translations(alert),
        "source": shown.source,
        "retracted": alert.retracted.isoformat() if alert.retracted else None,
        "retraction_reason": shown.retraction_reason,
        "synthetic": alert.synthetic,
    }


def alerts_for_payload():
    """Alerts with what alert_payload reads, in few queries."""
    return Alert.objects.select_related(
        "signal", "region__country", "substance__group", "sold_as__group"
    )


# --- fan-out -------------------------------------------------------------------------------


def _current(alert_id: int, version: int) -> Alert | None:
    """The alert if `version` is still its newest; a newer version has its own deliveries."""
    return alerts_for_payload().filter(pk=alert_id, version=version).first()


def takes(subscription: AlertSubscription, alert: Alert) -> bool:
    """Whether the subscription's grades and regions take this alert (no regions: all of them;
    an alert without a region concerns every region)."""
    grades = subscription.grades if isinstance(subscription.grades, list) else []
    if alert.grade not in grades:
        return False
    regions = {region.pk for region in subscription.regions.all()}
    return alert.region_id is None or not regions or alert.region_id in regions


def subscribers(alert: Alert) -> list[AlertSubscription]:
    """Subscriptions that take this alert (who may see it is checked per email)."""
    subscriptions = (
        AlertSubscription.objects.filter(user__is_active=True)
        .exclude(user__email="")
        .prefetch_related("regions")
        .order_by("pk")
    )
    return [s for s in subscriptions if takes(s, alert)]


def webhooks(alert: Alert):
    found = Webhook.objects.filter(active=True)
    if alert.grade not in PUBLIC_GRADES:
        found = found.filter(network_grades=True)
    if alert.region_id is not None:
        found = found.filter(Q(regions__isnull=True) | Q(regions=alert.region_id)).distinct()
    return found.order_by("pk")


def email_key(alert_id: int, version: int, user_id: int) -> str:
    return f"email:{alert_id}:{version}:{user_id}"


def webhook_key(alert_id: int, version: int, webhook_id: int) -> str:
    return f"webhook:{alert_id}:{version}:{webhook_id}"


@task()
def deliver_alert_task(alert_id: int, version: int) -> None:
    """Queue the emails and webhook calls of one version of an alert."""
    alert = _current(alert_id, version)
    if alert is None:
        return
    for subscription in subscribers(alert):
        if Delivery.objects.filter(key=email_key(alert.pk, version, subscription.user_id)).exists():
            continue
        send_alert_email_task.enqueue(alert.pk, version, subscription.user_id)
    for webhook in webhooks(alert):
        delivery, _created = Delivery.objects.get_or_create(
            key=webhook_key(alert.pk, version, webhook.pk),
            defaults={
                "alert": alert,
                "version": version,
                "channel": Channel.WEBHOOK,
                "webhook": webhook,
            },
        )
        if delivery.sent_at is None and delivery.failed_at is None:
            attempt_webhook_task.enqueue(delivery.pk)


# --- email ---------------------------------------------------------------------------------


def may_receive(user) -> bool:
    """An active account with a verified login address."""
    from allauth.account.models import EmailAddress

    return bool(
        user.is_active
        and user.email
        and EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists()
    )


def may_see(user, alert: Alert) -> bool:
    return visible_alerts(user).filter(pk=alert.pk).exists()


def _still_subscribed(user, alert: Alert) -> bool:
    subscription = AlertSubscription.objects.filter(user=user).first()
    return subscription is not None and takes(subscription, alert)


def _lines(alert: Alert) -> list[str]:
    """The alert's facts, one a line, in the active language."""
    shown = present(alert)
    lines = [
        _("Grade: %(grade)s") % {"grade": shown.grade_label},
        _("Region: %(region)s") % {"region": shown.region or _("the whole network")},
        _("Week: %(week)s") % {"week": shown.week_label},
    ]
    if shown.substance:
        name = shown.substance
        if shown.inchikey:
            name = f"{name} (InChIKey {shown.inchikey})"
        lines.append(_("Substance: %(substance)s") % {"substance": name})
    if shown.form:
        lines.append(_("Form: %(form)s") % {"form": shown.form})
    if shown.sold_as:
        lines.append(_("Sold as: %(substance)s") % {"substance": shown.sold_as})
    if shown.confirmation:
        lines.append(_("How it was confirmed: %(method)s") % {"method": shown.confirmation})
    lines.append(_("Facilities: %(count)s") % {"count": shown.facility_count})
    if shown.facilities:
        names = ", ".join(shown.facilities)
        lines.append(_("Named with their consent: %(names)s") % {"names": names})
    lines.extend(f"{count.label}: {count.value}" for count in shown.counts)
    if shown.observed and shown.expected:
        lines.append(
            _("Observed %(observed)s, expected %(expected)s")
            % {"observed": shown.observed, "expected": shown.expected}
        )
    if shown.p_value:
        lines.append(_("p-value: %(p)s") % {"p": shown.p_value})
    return lines


def alert_message(alert: Alert, user) -> EmailMessage:
    """One alert email, plain text, in the recipient's language."""
    with translation.override(user.email_language):
        if alert.retracted:
            subject = _("Retracted alert: %(title)s")
        elif alert.version > 1:
            subject = _("Updated alert: %(title)s")
        else:
            subject = _("Alert: %(title)s")
        subject = subject % {"title": alert.title}
        parts = []
        if alert.retracted:
            parts.append(
                _("This alert was retracted on %(date)s. Reason: %(reason)s")
                % {
                    "date": formats.date_format(timezone.localtime(alert.retracted)),
                    "reason": alert.retraction_reason,
                }
            )
        parts.append(alert.title)
        parts.append("\n".join(_lines(alert)))
        parts.append(_("Advice:") + "\n" + alert.advice.strip())
        if alert.actions.strip():
            parts.append(_("Actions taken:") + "\n" + alert.actions.strip())
        parts.append(_("Source: %(source)s") % {"source": alert.source})
        if alert.synthetic:
            parts.append(_("Demonstration: this alert is made from synthetic data."))
        parts.append(_("The alert on the site:") + "\n" + absolute(page_path(alert)))
        parts.append(
            _("You receive this because you subscribed to alerts. Change or stop it here:")
            + "\n"
            + absolute(reverse("alerts:subscription"))
        )
        return EmailMessage(
            subject=" ".join(subject.split()),
            body="\n\n".join(parts).rstrip() + "\n",
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[user.email],
        )


@task()
def send_alert_email_task(alert_id: int, version: int, user_id: int) -> bool:
    """One alert email, once; rechecked when it goes."""
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None:
        return False

    def build() -> EmailMessage | None:
        alert = _current(alert_id, version)
        if alert is None or not may_receive(user) or not may_see(user, alert):
            return None
        if not _still_subscribed(user, alert):
            return None
        return alert_message(alert, user)

    return send_once(
        Delivery,
        email_key(alert_id, version, user_id),
        build,
        alert_id=alert_id,
        version=version,
        channel=Channel.EMAIL,
        user=user,
    )


# --- webhooks ------------------------------------------------------------------------------


def signature(secret: str, body: bytes) -> str:
    digest = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def backoff(attempts: int) -> dt.timedelta:
    """The wait after the attempts made so far: 1, 2, 4 … minutes."""
    return FIRST_RETRY * 2 ** max(0, attempts - 1)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer, not a delivery: the POST is not repeated elsewhere."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def post(url: str, body: bytes, headers: dict[str, str]) -> tuple[bool, str]:
    """POST the body; (delivered, what the receiver answered). A 2xx answer is a delivery."""
    if not url.lower().startswith(("http://", "https://")):
        return False, "not an http(s) URL"
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with _opener.open(request, timeout=TIMEOUT_SECONDS) as response:
            return 200 <= response.status < 300, f"HTTP {response.status}"
    except urllib.error.HTTPError as error:
        return False, f"HTTP {error.code}"
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        return False, f"{type(error).__name__}: {reason}"[:STATUS_CHARS]


def _claim(delivery_id: int) -> Delivery | None:
    """Take the delivery's next attempt if it is due: count it, and set the time of the one
    after, so that a parallel run (or a retry after a crash) leaves it alone until then."""
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update()
            .filter(pk=delivery_id, channel=Channel.WEBHOOK, sent_at=None, failed_at=None)
            .first()
        )
        if delivery is None:
            return None
        now = timezone.now()
        if delivery.next_attempt is not None and delivery.next_attempt > now:
            return None
        delivery.attempts += 1
        delivery.next_attempt = now + backoff(delivery.attempts)
        delivery.save(update_fields=["attempts", "next_attempt"])
    return delivery


def _finish(delivery: Delivery, *, sent: bool, status: str, give_up: bool = False) -> None:
    now = timezone.now()
    delivery.last_status = status[:STATUS_CHARS]
    if sent:
        delivery.sent_at, delivery.next_attempt = now, None
    elif give_up or delivery.attempts >= MAX_ATTEMPTS:
        delivery.failed_at, delivery.next_attempt = now, None
    delivery.save(update_fields=["last_status", "sent_at", "failed_at", "next_attempt"])


def attempt_webhook(delivery_id: int) -> bool:
    """Make the delivery's attempt if it is due. True if the receiver took it."""
    delivery = _claim(delivery_id)
    if delivery is None:
        return False
    webhook = Webhook.objects.filter(pk=delivery.webhook_id, active=True).first()
    if webhook is None:
        _finish(delivery, sent=False, status="webhook inactive", give_up=True)
        return False
    alert = _current(delivery.alert_id, delivery.version)
    if alert is None:
        _finish(delivery, sent=False, status="superseded by a newer version", give_up=True)
        return False
    body = json.dumps(alert_payload(alert), ensure_ascii=False, separators=(",", ":")).encode()
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": "DCR Network alerts",
        SIGNATURE_HEADER: signature(webhook.secret, body),
        EVENT_HEADER: event(alert),
        DELIVERY_HEADER: delivery.key,
    }
    sent, status = post(webhook.url, body, headers)
    _finish(delivery, sent=sent, status=status)
    if not sent and delivery.next_attempt is not None:
        # Without a backend that can defer (ImmediateBackend), retry_webhooks_task picks it up.
        if attempt_webhook_task.get_backend().supports_defer:
            attempt_webhook_task.using(run_after=delivery.next_attempt).enqueue(delivery.pk)
    return sent


@task()
def attempt_webhook_task(delivery_id: int) -> bool:
    return attempt_webhook(delivery_id)


def due_webhook_deliveries():
    return Delivery.objects.filter(
        channel=Channel.WEBHOOK,
        sent_at=None,
        failed_at=None,
        next_attempt__lte=timezone.now(),
    ).order_by("next_attempt", "pk")


@task()
def retry_webhooks_task() -> int:
    """Make every webhook attempt that is due; the number delivered."""
    ids = list(due_webhook_deliveries().values_list("pk", flat=True))
    return sum(attempt_webhook(delivery_id) for delivery_id in ids)


def retry_now(delivery_ids) -> int:
    """Staff's "try again": webhook deliveries not yet taken get a fresh round of attempts,
    starting now (for the admin's delivery log). The number queued."""
    pending = Delivery.objects.filter(pk__in=delivery_ids, channel=Channel.WEBHOOK, sent_at=None)
    ids = list(pending.values_list("pk", flat=True))
    pending.update(attempts=0, next_attempt=None, failed_at=None)
    for delivery_id in ids:
        attempt_webhook_task.enqueue(delivery_id)
    return len(ids)
