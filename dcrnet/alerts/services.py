"""Writes of early warning that people make: reviews of signals, the alert two confirmations make,
its updates and retraction, and members' alert subscriptions.

Each write runs in one transaction under a row lock (the signal, the alert) and checks its rules
against the locked row, so two reviewers at once make one alert and one reviewer twice makes one
review. Deliveries (email, webhooks) are queued after commit, one per alert version.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable, Iterable
from functools import partial

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Prefetch, Sum
from django.utils import timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from dcrnet.directory.models import Facility
from dcrnet.lib.cache import bump
from dcrnet.lib.refusals import Invalid, NotAllowed, NotFound, Refused

from . import display
from .models import (
    Alert,
    AlertSubscription,
    Decision,
    Grade,
    NamingConsent,
    Pulse,
    Region,
    Review,
    Signal,
    SignalKind,
    SignalStatus,
    SubstanceReport,
)

PERMISSION = "alerts.review_signal"
# Two different people: two confirmations make an alert, two dismissals close the signal.
REVIEWS_NEEDED = 2
# When the two confirmations grade differently, the alert takes the less public grade: a signal
# reaches the public only when both reviewers say so (an update cannot raise the grade).
GRADE_ORDER = (Grade.NETWORK.value, Grade.AMBER.value, Grade.RED.value)
# What reviewers may change after the alert is issued (in the language of the page).
EDITABLE = ("title", "advice", "actions")
LANGUAGES = [code for code, _name in settings.LANGUAGES]
TITLE_LENGTH = Alert._meta.get_field("title").max_length
SOURCE_LENGTH = Alert._meta.get_field("source").max_length
COMMENT_LENGTH = 2000
# An update's reason is kept in the history's change reason (100 characters); a retraction's in
# the alert itself.
UPDATE_REASON_LENGTH = 100
REASON_LENGTH = 2000


class NotReviewer(NotAllowed):
    default_message = _("Only alert reviewers review signals and change alerts.")


class OwnFacility(NotAllowed):
    default_message = _("You report for a facility this signal is about: others review it.")


class AlreadyReviewed(Refused):
    default_message = _("You have already reviewed this signal.")


class SignalClosed(Refused):
    default_message = _("This signal has already been decided by two reviewers.")


class Retracted(Refused):
    default_message = _("This alert was retracted: it can no longer be changed.")


class NothingChanged(Invalid):
    default_message = _("Nothing was changed.")


class Field(Invalid):
    """Invalid input, naming the field (`field`) that holds it."""

    def __init__(self, field: str, message):
        self.field = field
        super().__init__(message)


def is_reviewer(user) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.has_perm(PERMISSION)


def own_facility(user, signal: Signal) -> bool:
    """The reviewer reports for a facility the signal is about."""
    return signal.facilities.filter(reporters=user).exists()


def review_queue(user) -> list[Signal]:
    """Open signals, oldest first, each with its reviews so far, its facilities and whether this
    reviewer may review it (`may_review`) or already did (`reviewed_by_me`)."""
    signals = list(
        Signal.objects.filter(status=SignalStatus.OPEN)
        .select_related("region", "substance")
        .prefetch_related(
            Prefetch("reviews", queryset=Review.objects.select_related("reviewer")),
            Prefetch("facilities", queryset=Facility.objects.order_by("name")),
        )
        .order_by("detected", "pk")
    )
    mine = set(user.reported_facilities.values_list("pk", flat=True))
    for signal in signals:
        reviews = list(signal.reviews.all())
        signal.reviewed_by_me = any(r.reviewer_id == user.pk for r in reviews)
        signal.own = any(f.pk in mine for f in signal.facilities.all())
        signal.may_review = not signal.reviewed_by_me and not signal.own
        inputs = signal.inputs if isinstance(signal.inputs, dict) else {"": signal.inputs}
        signal.input_rows = [
            (key, json.dumps(value, ensure_ascii=False, default=str))
            for key, value in sorted(inputs.items())
        ]
    return signals


def _clean_text(value, field: str, limit: int, *, required: bool = False) -> str:
    text = (value or "").strip() if isinstance(value, str) or value is None else None
    if text is None:
        raise Field(field, _("%(field)s must be text.") % {"field": field})
    if required and not text:
        raise Field(field, _("Please fill in %(field)s.") % {"field": field})
    if len(text) > limit:
        raise Field(
            field,
            _("%(field)s has at most %(n)s characters.") % {"field": field, "n": limit},
        )
    return text


@transaction.atomic
def review(
    signal: Signal | int, reviewer, decision: str, grade: str = "", comment: str = ""
) -> Review:
    """One reviewer's decision on an open signal. The second confirmation by another reviewer
    makes the alert (`make_alert`); a second dismissal closes the signal. A reviewer reviews a
    signal once, and never one about a facility they report for."""
    if not is_reviewer(reviewer):
        raise NotReviewer
    if decision not in Decision.values:
        raise Field("decision", _("Please choose to confirm or dismiss the signal."))
    if grade not in {"", *Grade.values}:
        raise Field("grade", _("Please choose a grade from the list."))
    if decision == Decision.CONFIRM and not grade:
        raise Field("grade", _("Please choose a grade when you confirm a signal."))
    comment = _clean_text(comment, "comment", COMMENT_LENGTH)
    pk = signal.pk if isinstance(signal, Signal) else signal
    # The signal's row serialises its reviews (PostgreSQL; SQLite's IMMEDIATE transactions do).
    locked = Signal.objects.select_for_update().filter(pk=pk).first()
    if locked is None:
        raise NotFound
    if locked.status != SignalStatus.OPEN:
        raise SignalClosed
    if own_facility(reviewer, locked):
        raise OwnFacility
    if locked.reviews.filter(reviewer=reviewer).exists():
        raise AlreadyReviewed
    try:
        with transaction.atomic():
            made = Review.objects.create(
                signal=locked,
                reviewer=reviewer,
                decision=decision,
                grade=grade if decision == Decision.CONFIRM else "",
                comment=comment,
            )
    except IntegrityError:  # without row locks: the same reviewer's parallel request landed
        raise AlreadyReviewed from None
    decisions = list(locked.reviews.filter(decision=decision).values_list("grade", flat=True))
    if len(decisions) >= REVIEWS_NEEDED:
        if decision == Decision.CONFIRM:
            locked.status = SignalStatus.CONFIRMED
            locked.save(update_fields=["status"])
            make_alert(locked, min(decisions, key=GRADE_ORDER.index), by=reviewer)
        else:
            locked.status = SignalStatus.DISMISSED
            locked.save(update_fields=["status"])
    return made


# --- The alert a confirmed signal becomes ------------------------------------------------------


def facility_events(signal: Signal) -> dict[int, int]:
    """Events at each facility of the signal (facility pk → count), for the naming rule: samples
    reported (S1), overdoses in the daily pulses (S2), the month's count (S3, and S4 through the
    facilities' S3 signals). A facility whose count is not known gets none, so is never named."""
    facilities = list(signal.facilities.values_list("pk", flat=True))
    if not facilities:
        return {}
    period = (signal.period_start, signal.period_end)
    if signal.kind == SignalKind.SUBSTANCE:
        rows = _s1_reports(signal).values("facility").annotate(n=Sum("samples"))
        return {row["facility"]: row["n"] or 0 for row in rows}
    if signal.kind == SignalKind.PULSE:
        rows = (
            Pulse.objects.filter(facility__in=facilities, day__range=period)
            .values("facility")
            .annotate(n=Sum("overdoses"))
        )
        return {row["facility"]: row["n"] or 0 for row in rows}
    if signal.kind == SignalKind.MONTHLY:
        return {facilities[0]: signal.observed or 0} if len(facilities) == 1 else {}
    rows = Signal.objects.filter(
        kind=SignalKind.MONTHLY,
        indicator=signal.indicator,
        period_start=signal.period_start,
        facilities__in=facilities,
    ).values_list("facilities", "observed")
    events: dict[int, int] = {}
    for facility, observed in rows:
        events[facility] = max(events.get(facility, 0), observed or 0)
    return events


def _s1_reports(signal: Signal):
    reports = SubstanceReport.objects.filter(
        facility__in=signal.facilities.all(),
        week__range=(signal.period_start, signal.period_end),
    )
    if signal.substance_id:
        reports = reports.filter(substance=signal.substance_id)
    if signal.region_id:
        reports = reports.filter(region=signal.region_id)
    return reports


def _most_common(values: Iterable) -> object:
    counted = Counter(v for v in values if v not in (None, ""))
    return counted.most_common(1)[0][0] if counted else None


def _region(signal: Signal) -> Region | None:
    """The signal's region, else the one region all its facilities share (if there is one)."""
    if signal.region_id:
        return signal.region
    regions = Region.objects.filter(facilities__in=signal.facilities.all()).distinct()
    return regions.first() if regions.count() == 1 else None


# Default words per kind of signal; reviewers edit them after. No figure in them: counts are
# shown beside the text, where the "<5" rule applies.
TITLES: dict[str, Callable[[dict], str]] = {
    SignalKind.SUBSTANCE: lambda w: gettext("%(substance)s reported at DCRs in %(region)s") % w,
    SignalKind.PULSE: lambda w: gettext("More overdoses than usual at DCRs in %(region)s") % w,
    SignalKind.MONTHLY: lambda w: (
        gettext("Unusual monthly %(indicator)s at a DCR in %(region)s") % w
    ),
    SignalKind.CLUSTER: lambda w: gettext("Unusual monthly %(indicator)s at several DCRs") % w,
}


def _advice() -> str:
    return gettext(
        "- Do not use alone; use at a drug consumption room where staff can respond.\n"
        "- Start with a small test amount and go slowly.\n"
        "- Keep naloxone at hand and call emergency services for anyone who does not respond.\n"
        "- Have your drugs checked where a drug-checking service is available."
    )


def _source(signal: Signal) -> str:
    return gettext(
        "Aggregate reports of DCRs in the network, confirmed by two alert reviewers (%(kind)s)."
    ) % {"kind": signal.get_kind_display()}


def _indicator_words(code: str) -> str:
    """The indicator's name inside a sentence: lower case where the language writes common
    nouns so (German keeps its capitals: „Überdosen“)."""
    words = str(display.COUNT_LABELS.get(code, code.replace("_", " ")))
    return words if translation.get_language() == "de" else words[:1].lower() + words[1:]


def _in_every_language(make: Callable[[], str], limit: int | None = None) -> dict[str, str]:
    """Words per language; a language whose catalogue gives the English words stays empty, so
    the page shows English with the "not yet translated" note."""
    values = {}
    for code in LANGUAGES:
        with translation.override(code):
            text = make()
        values[code] = Truncator(text).chars(limit) if limit else text
    english = values[settings.LANGUAGE_CODE]
    return {
        code: text
        for code, text in values.items()
        if code == settings.LANGUAGE_CODE or text != english
    }


def _columns(field: str, texts: dict[str, str]) -> dict[str, str]:
    return {f"{field}_{code}": texts.get(code) for code in LANGUAGES}


def _counts(signal: Signal) -> dict[str, int]:
    if signal.kind == SignalKind.SUBSTANCE:
        totals = _s1_reports(signal).aggregate(s=Sum("samples"), o=Sum("linked_overdoses"))
        counts = {"samples": totals["s"] or 0, "linked_overdoses": totals["o"] or 0}
        if not counts["samples"] and signal.observed is not None:
            counts["samples"] = signal.observed
        return counts
    if signal.observed is None:
        return {}
    return {signal.indicator or "overdoses": signal.observed}


def make_alert(signal: Signal, grade: str, *, by=None) -> Alert:
    """The alert of a confirmed signal (called inside `review`'s transaction, the signal's row
    locked): its fields after the facts file, default words in every language, the facilities
    that may be named, and its delivery queued after commit."""
    if grade not in Grade.values:
        raise Field("grade", _("Please choose a grade from the list."))
    region = _region(signal)
    substance = signal.substance
    reports = list(_s1_reports(signal)) if signal.kind == SignalKind.SUBSTANCE else []
    events = facility_events(signal)
    consenting = set(
        NamingConsent.objects.filter(facility__in=list(events)).values_list("facility", flat=True)
    )
    named = display.nameable(events, consenting)

    def words() -> dict:
        return {
            "substance": substance.name if substance else gettext("An unknown substance"),
            "region": region.name if region else gettext("the network"),
            "indicator": _indicator_words(signal.indicator or "overdoses"),
        }

    titles = _in_every_language(lambda: TITLES[signal.kind](words()), TITLE_LENGTH)
    sources = _in_every_language(lambda: _source(signal))
    source = sources[settings.LANGUAGE_CODE][:SOURCE_LENGTH]
    week_end = signal.period_end
    alert = Alert(
        signal=signal,
        grade=grade,
        issued=timezone.now(),
        region=region,
        week=week_end - dt.timedelta(days=week_end.weekday()),
        substance=substance,
        form=_most_common(r.form for r in reports if r.form != "unknown") or "",
        sold_as_id=_most_common(r.sold_as_id for r in reports),
        confirmation=_most_common(r.confirmation for r in reports) or "",
        facility_count=signal.facilities.count(),
        counts=_counts(signal),
        observed=signal.observed,
        expected=signal.expected,
        p_value=signal.p_value,
        source=source,
        synthetic=signal.synthetic,
        **_columns("title", titles),
        **_columns("advice", _in_every_language(_advice)),
        **_columns("actions", {}),
    )
    alert._history_user = by
    # In English: the base columns (and so the history's copy) hold the English words.
    with translation.override(settings.LANGUAGE_CODE):
        alert._change_reason = gettext("Issued after two confirmations")
        alert.save()
    if named:
        alert.named_facilities.set(named)
    _after_commit(alert)
    return alert


def _after_commit(alert: Alert) -> None:
    transaction.on_commit(partial(_deliver, alert.pk, alert.version), robust=True)
    # Public pages show alerts: retire the cached copies (once more after commit).
    bump()
    transaction.on_commit(bump)


def _deliver(alert_id: int, version: int) -> None:
    from .deliveries import deliver_alert_task  # deliveries imports display; keep it lazy

    deliver_alert_task.enqueue(alert_id, version)


def _locked_alert(alert: Alert | int, by) -> Alert:
    if not is_reviewer(by):
        raise NotReviewer
    pk = alert.pk if isinstance(alert, Alert) else alert
    locked = Alert.objects.select_for_update().filter(pk=pk).first()
    if locked is None:
        raise NotFound
    if locked.retracted is not None:
        raise Retracted
    return locked


@transaction.atomic
def update_alert(alert: Alert | int, by, *, reason: str = "", **fields) -> Alert:
    """A reviewer changes an alert's title, advice or actions (in the active language) with a
    reason kept in its history; a new version, delivered again."""
    unknown = sorted(set(fields) - set(EDITABLE))
    if unknown:
        raise Field(unknown[0], _("%(field)s cannot be changed here.") % {"field": unknown[0]})
    reason = _clean_text(reason, "reason", UPDATE_REASON_LENGTH, required=True)
    locked = _locked_alert(alert, by)
    limits = {"title": TITLE_LENGTH, "advice": 20_000, "actions": 20_000}
    changed = False
    for name, value in fields.items():
        text = _clean_text(value, name, limits[name], required=name != "actions")
        if text != (getattr(locked, name) or ""):
            setattr(locked, name, text)
            changed = True
    if not changed:
        raise NothingChanged
    locked.version += 1
    locked._history_user = by
    locked._change_reason = reason
    locked.save()
    _after_commit(locked)
    return locked


@transaction.atomic
def retract(alert: Alert | int, by, reason: str) -> Alert:
    """A reviewer retracts an alert with a reason everyone who received it is sent; it stays on
    the alerts page, marked as retracted."""
    reason = _clean_text(reason, "reason", REASON_LENGTH, required=True)
    locked = _locked_alert(alert, by)
    locked.retracted = timezone.now()
    locked.retraction_reason = reason
    locked.version += 1
    locked._history_user = by
    locked._change_reason = Truncator(reason).chars(UPDATE_REASON_LENGTH)
    locked.save()
    _after_commit(locked)
    return locked


def history(alert: Alert) -> list:
    """The alert's versions, newest first, with the reason given for each."""
    return list(alert.history.order_by("-history_date", "-history_id"))


# --- Members' subscriptions --------------------------------------------------------------------


def subscription_of(user) -> AlertSubscription | None:
    return AlertSubscription.objects.filter(user=user).prefetch_related("regions").first()


class NotMember(NotAllowed):
    default_message = _("Alerts by email are for members of the network.")


@transaction.atomic
def save_subscription(user, regions: Iterable[Region], grades: Iterable[str]):
    """The member's alert emails: the regions (none: all) and grades they want. No grade ends
    the subscription. Returns the subscription, or None when there is none any more."""
    if not display.is_network_member(user):
        raise NotMember
    grades = set(grades)
    if not grades <= set(GRADE_ORDER):
        raise Field("grades", _("Please choose grades from the list."))
    grades = sorted(grades, key=GRADE_ORDER.index)
    if not grades:
        AlertSubscription.objects.filter(user=user).delete()
        return None
    try:
        with transaction.atomic():
            subscription, _created = AlertSubscription.objects.get_or_create(
                user=user, defaults={"grades": grades}
            )
    except IntegrityError:  # the same member's parallel request made it first
        subscription = AlertSubscription.objects.get(user=user)
    subscription.grades = grades
    subscription.save(update_fields=["grades"])
    subscription.regions.set(list(regions))
    return subscription
