"""What an alert shows, and to whom: the one place for the public display rules.

Pages, emails, the feed, webhooks and the API all show an alert through `present`, and list
alerts through `visible_alerts`:
- counts of 1–4 are shown as "<5" (detection.shown_count), and beside a count of 1–4 the p-value
  is withheld (with the expected count it would give the count back);
- a facility is named only while it consents (NamingConsent) and only when it had MIN_EVENTS
  or more events (decided when the alert is made, `nameable`; consent is checked again on
  every display, so a withdrawn consent unnames it at once);
- public grades to everyone, the network grade to signed-in members of the network only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from dcrnet.community.models import Role
from dcrnet.directory.models import Facility

from .detection import MIN_EVENTS, shown_count
from .models import PUBLIC_GRADES, Alert

# The labels of the counts an alert carries (services.make_alert writes these keys).
COUNT_LABELS = {
    "samples": _("Samples"),
    "linked_overdoses": _("Samples linked to overdoses"),
    "overdoses": _("Overdoses managed on site"),
    "naloxone": _("Overdoses treated with naloxone"),
    "ambulance_calls": _("Emergency calls"),
}


def is_network_member(user) -> bool:
    """Signed in and part of the network: a member, an alert reviewer, or staff. They see the
    network grade and may subscribe to alerts by email."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_staff or user.has_role(Role.MEMBER) or user.has_perm("alerts.review_signal")


def named_facilities() -> QuerySet[Facility]:
    """Facilities that consent to be named, as an alert names them."""
    return Facility.objects.filter(alert_naming_consent__isnull=False).order_by("name")


def visible_alerts(user) -> QuerySet[Alert]:
    """The alerts this person may see, newest first, retracted ones included (they are marked)."""
    alerts = Alert.objects.select_related(
        "signal", "region__country", "substance__group", "sold_as"
    )
    if not is_network_member(user):
        alerts = alerts.filter(grade__in=PUBLIC_GRADES)
    return alerts.prefetch_related(
        Prefetch("named_facilities", queryset=named_facilities(), to_attr="shown_facilities")
    ).order_by("-issued", "-pk")


def nameable(events: Mapping[int, int], consenting: set[int]) -> list[int]:
    """The facilities (keys of `events`) an alert may name: those that consent and had
    MIN_EVENTS or more events."""
    return sorted(f for f, n in events.items() if f in consenting and may_name(n, True))


def may_name(events: int, consented: bool) -> bool:
    return bool(consented) and isinstance(events, int) and events >= MIN_EVENTS


def shown(value) -> str:
    """A count as every alert shows it: "<5" for 1–4, "" when there is no count (or it is not
    a whole number ≥ 0, which only a hand edit could store)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return ""
    return shown_count(value)


def is_small(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value < MIN_EVENTS


def _p_value(p: float | None) -> str:
    if p is None or not 0 <= p <= 1:
        return ""
    if p < 0.001:
        return "< " + number_format(0.001, 3)
    return number_format(p, 3)


@dataclass(frozen=True)
class Count:
    key: str
    label: str
    value: str


@dataclass(frozen=True)
class AlertView:
    """An alert as it may be shown: every count already through the "<5" rule, only the
    facilities that may be named, the words in the active language."""

    alert: Alert
    public_id: str
    title: str
    grade: str
    grade_label: str
    is_public: bool
    issued: dt.datetime
    updated: dt.datetime
    version: int
    week: dt.date
    week_label: str
    region: str
    country: str
    signal_kind: str
    signal_kind_label: str
    substance: str
    inchikey: str
    pubchem_cid: int | None
    substance_group: str
    form: str
    sold_as: str
    confirmation: str
    facility_count: int
    facilities: list[str]
    counts: list[Count]
    observed: str
    expected: str
    p_value: str
    advice: str
    actions: str
    source: str
    retracted: dt.datetime | None
    retraction_reason: str
    synthetic: bool


def present(alert: Alert) -> AlertView:
    """The alert as anyone allowed to see it may see it (see the module's rules)."""
    if hasattr(alert, "shown_facilities"):
        facilities = alert.shown_facilities
    else:
        facilities = list(named_facilities().filter(named_in_alerts=alert))
    stored = alert.counts if isinstance(alert.counts, dict) else {}
    counts = [
        Count(key, str(COUNT_LABELS.get(key, key.replace("_", " ").capitalize())), shown(value))
        for key, value in stored.items()
        if isinstance(key, str) and shown(value)
    ]
    small = is_small(alert.observed)
    substance = alert.substance
    region = alert.region
    signal = alert.signal
    return AlertView(
        alert=alert,
        public_id=str(alert.public_id),
        title=alert.title,
        grade=alert.grade,
        grade_label=alert.get_grade_display(),
        is_public=alert.is_public,
        issued=alert.issued,
        updated=alert.updated,
        version=alert.version,
        week=alert.week,
        week_label=f"{alert.week:%G-W%V}",
        region=region.name if region else "",
        country=region.country.name if region else "",
        signal_kind=signal.kind,
        signal_kind_label=signal.get_kind_display(),
        substance=substance.name if substance else "",
        inchikey=substance.inchikey if substance else "",
        pubchem_cid=substance.pubchem_cid if substance else None,
        substance_group=substance.group.name if substance and substance.group else "",
        form=alert.get_form_display() if alert.form else "",
        sold_as=alert.sold_as.name if alert.sold_as else "",
        confirmation=alert.get_confirmation_display() if alert.confirmation else "",
        facility_count=alert.facility_count,
        facilities=[f.name for f in facilities],
        counts=counts,
        observed=shown(alert.observed),
        expected=number_format(alert.expected, 1) if alert.expected is not None else "",
        p_value="" if small else _p_value(alert.p_value),
        advice=alert.advice or "",
        actions=alert.actions or "",
        source=alert.source,
        retracted=alert.retracted,
        retraction_reason=alert.retraction_reason if alert.retracted else "",
        synthetic=alert.synthetic,
    )
