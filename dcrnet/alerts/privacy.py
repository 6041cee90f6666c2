"""Privacy registry of early warning (docs/decisions/0006): reports, pulses, signals and alerts
are about facilities and substances, never people (RELIABILITY 53); who reported, reviewed,
consented or subscribed is personal, and partner webhooks' addresses and secrets are secret."""

from __future__ import annotations

from dcrnet.community.privacy import PERSONAL, PUBLIC, SECRET, history, rows, translated


def _all(level: str, *names: str) -> dict[str, str]:
    return dict.fromkeys(names, level)


SUBSTANCE = ("id", "slug", "kind", "inchikey", "pubchem_cid", "group", "synonyms", "watch_list")
ALERT = (
    "id", "public_id", "signal", "grade", "issued", "updated", "version", "region", "week",
    "substance", "form", "sold_as", "confirmation", "facility_count", "counts", "observed",
    "expected", "p_value", "source", "retracted", "retraction_reason", "synthetic",
)  # fmt: skip

FIELDS: dict[str, dict[str, str]] = {
    "alerts.substance": {
        **_all(PUBLIC, *SUBSTANCE, "source_url"),
        **translated("name", "description"),
    },
    "alerts.historicalsubstance": history(
        **_all(PUBLIC, *SUBSTANCE, "source_url", "name", "description")
    ),
    "alerts.region": _all(PUBLIC, "id", "slug", "name", "country"),
    "alerts.region_facilities": _all(PUBLIC, "id", "region", "facility"),
    # A facility's aggregate observation; who sent it, and when, is about that person.
    "alerts.substancereport": {
        **_all(
            PUBLIC,
            "id",
            "public_id",
            "facility",
            "substance",
            "confirmation",
            "form",
            "sold_as",
            "samples",
            "linked_overdoses",
            "region",
            "week",
            "synthetic",
        ),  # fmt: skip
        "reported_by": PERSONAL,
        "created": PERSONAL,
    },
    "alerts.pulse": {
        **_all(PUBLIC, "id", "facility", "day", "overdoses", "synthetic"),
        "reported_by": PERSONAL,
        "updated": PERSONAL,
    },
    "alerts.signal": _all(
        PUBLIC,
        "id",
        "key",
        "kind",
        "status",
        "detected",
        "period_start",
        "period_end",
        "region",
        "substance",
        "indicator",
        "observed",
        "expected",
        "threshold",
        "p_value",
        "method",
        "inputs",
        "synthetic",
    ),  # fmt: skip
    "alerts.signal_facilities": _all(PUBLIC, "id", "signal", "facility"),
    "alerts.review": _all(
        PERSONAL, "id", "signal", "reviewer", "decision", "grade", "comment", "created"
    ),
    "alerts.alert": {**_all(PUBLIC, *ALERT), **translated("title", "advice", "actions")},
    "alerts.historicalalert": history(**_all(PUBLIC, *ALERT, "title", "advice", "actions")),
    "alerts.alert_named_facilities": _all(PUBLIC, "id", "alert", "facility"),
    "alerts.namingconsent": {
        "id": PUBLIC,
        "facility": PUBLIC,
        "given_by": PERSONAL,
        "given": PERSONAL,
    },
    "alerts.alertsubscription": _all(PERSONAL, "id", "user", "grades", "created"),
    "alerts.alertsubscription_regions": _all(PERSONAL, "id", "alertsubscription", "region"),
    # A partner system, not a person; its address may carry a key, like its signing secret.
    "alerts.webhook": {
        **_all(PUBLIC, "id", "name", "active", "network_grades", "created"),
        "url": SECRET,
        "secret": SECRET,
    },
    "alerts.webhook_regions": _all(PUBLIC, "id", "webhook", "region"),
    "alerts.delivery": _all(
        PERSONAL,
        "id",
        "key",
        "alert",
        "version",
        "channel",
        "webhook",
        "user",
        "attempts",
        "next_attempt",
        "last_status",
        "sent_at",
        "failed_at",
        "created_at",
    ),  # fmt: skip
}


def export(user) -> dict[str, list[dict]]:
    from .models import AlertSubscription, Delivery, NamingConsent, Pulse, Review, SubstanceReport

    subscriptions = [
        {
            "grades": subscription.grades,
            "regions": sorted(region.slug for region in subscription.regions.all()),
            "created": subscription.created,
        }
        for subscription in AlertSubscription.objects.filter(user=user).prefetch_related("regions")
    ]
    return {
        "substance_reports": rows(
            SubstanceReport.objects.filter(reported_by=user).order_by("created", "pk"),
            "public_id",
            "facility__public_id",
            "week",
            "substance__slug",
            "confirmation",
            "form",
            "sold_as__slug",
            "samples",
            "linked_overdoses",
            "region__slug",
            "created",
        ),
        "pulses": rows(
            Pulse.objects.filter(reported_by=user).order_by("day", "pk"),
            "facility__public_id",
            "day",
            "overdoses",
            "updated",
        ),
        "signal_reviews": rows(
            Review.objects.filter(reviewer=user).order_by("created", "pk"),
            "signal__key",
            "decision",
            "grade",
            "comment",
            "created",
        ),
        "naming_consents": rows(
            NamingConsent.objects.filter(given_by=user).order_by("pk"),
            "facility__public_id",
            "given",
        ),
        "alert_subscription": subscriptions,
        "alert_emails": rows(
            Delivery.objects.filter(user=user).order_by("created_at", "pk"),
            "alert__public_id",
            "version",
            "channel",
            "sent_at",
            "created_at",
        ),
    }


def erase(user, *, keep_posts: bool) -> None:
    from .models import AlertSubscription, Delivery, NamingConsent, Pulse, Review, SubstanceReport

    # The facility's observations stay (they are its aggregates); the link to the person goes.
    SubstanceReport.objects.filter(reported_by=user).update(reported_by=None)
    Pulse.objects.filter(reported_by=user).update(reported_by=None)
    NamingConsent.objects.filter(given_by=user).update(given_by=None)
    # A review is the person's own judgement and cannot be anonymous (it protects the account
    # from deletion): it goes. An alert it helped make stays, with its history.
    Review.objects.filter(reviewer=user).delete()
    AlertSubscription.objects.filter(user=user).delete()
    Delivery.objects.filter(user=user).delete()
