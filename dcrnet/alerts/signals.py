"""The signals S1–S4: detection.py's statistics applied to stored reports, pulses and months.

Every signal is found again by its key (kind, scope, period), so a rerun or two runs at once
leave one row. An open signal is brought up to date by a later run; once a reviewer has decided
on it, its figures stay as they were reviewed.

S1  a report of a watch-list substance, or of one never reported in the network before.
S2  a facility's daily pulse whose Poisson tail against its last three months is below 0.01
    (a signal of its own at five events or more), and a regional signal when two or more
    facilities of a region flag within 72 hours.
S3  the monthly aberration of overdoses, emergency calls and naloxone, with visits as offset
    and the facility's peers (its country, else the network) as prior.
S4  two or more facilities with S3 alarms for one indicator in one month.
"""

from __future__ import annotations

import calendar
import datetime as dt
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from django.db import transaction

from dcrnet.directory.models import Facility
from dcrnet.monitoring.models import Indicator, MonthlyValue, first_of_month

from . import detection
from .models import (
    Pulse,
    Region,
    Signal,
    SignalKind,
    SignalStatus,
    Substance,
    SubstanceKind,
    SubstanceReport,
)

# S3's events (monitoring's indicator codes; ambulance_calls are the emergency calls) and offset.
MONTHLY_INDICATORS = ("overdoses", "ambulance_calls", "naloxone")
OFFSET = "visits"
# S2: the baseline is the reported days of the last three months (facts §6). With fewer than
# two weeks of them the mean says too little, so a facility's first pulses are not tested (our
# choice, not from the facts file).
PULSE_MONTHS = 3
MIN_PULSE_DAYS = 14
# 72 hours of daily counts: a flag's day and the two days either side of it.
REGION_DAYS = 3
# S3: the country is the peer group when it holds this many other facilities with history,
# as the peer plots show only groups of five or more; otherwise the network.
MIN_PEERS = 5

S1_WATCHED = "S1 watch-list substance: any report raises a signal"
S1_NEW = "S1 substance never reported before in the network"
S2_FACILITY = "S2 daily pulse: P(Y >= y | Poisson(λ_day)) < 0.01, λ_day from the last 3 months"
S2_REGION = "S2 regional: 2 or more facilities of the region flag within 72 hours"
S4_METHOD = "S4 network cluster: 2 or more facilities with S3 alarms in one month"


def iso_week(day: dt.date) -> dt.date:
    """The Monday of `day`'s ISO week."""
    return day - dt.timedelta(days=day.weekday())


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (earlier when negative), at the month's end if it is shorter."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _region_of(facility_id: int) -> Region | None:
    return Region.objects.filter(facilities=facility_id).order_by("pk").first()


def _record(key: str, facility_ids: Iterable[int], **fields) -> Signal:
    """Create the signal of `key`, or update it while it awaits review."""
    facility_ids = sorted(set(facility_ids))
    with transaction.atomic():
        signal, created = Signal.objects.get_or_create(key=key, defaults=fields)
        if not created:
            signal = Signal.objects.select_for_update().get(pk=signal.pk)
            if signal.status != SignalStatus.OPEN:
                return signal
            changed = [name for name, value in fields.items() if getattr(signal, name) != value]
            if changed:
                for name in changed:
                    setattr(signal, name, fields[name])
                signal.save(update_fields=changed)
        signal.facilities.add(*facility_ids)
    return signal


# --- S1: substances ------------------------------------------------------------------------


def _s1_rule(substance, week: dt.date) -> str | None:
    """Why reports of `substance` in `week` make a signal: its watch list (or its group's), or
    no report of it in any earlier week. "Unknown" is never new."""
    group = substance.group
    if substance.watch_list or (group is not None and group.watch_list):
        return S1_WATCHED
    if substance.kind == SubstanceKind.UNKNOWN:
        return None
    if not SubstanceReport.objects.filter(substance=substance, week__lt=week).exists():
        return S1_NEW
    return None


def _substance_signal(substance, region: Region, week: dt.date) -> Signal | None:
    rule = _s1_rule(substance, week)
    if rule is None:
        return None
    reports = list(
        SubstanceReport.objects.filter(substance=substance, region=region, week=week)
        .select_related("sold_as")
        .order_by("created", "pk")
    )
    if not reports:
        return None
    samples = sum(r.samples for r in reports)
    linked = sum(r.linked_overdoses for r in reports)
    first = SubstanceReport.objects.filter(substance=substance).order_by("week").first()
    return _record(
        f"S1:{substance.pk}:{region.pk}:{week:%G-W%V}",
        [r.facility_id for r in reports],
        kind=SignalKind.SUBSTANCE,
        period_start=week,
        period_end=week + dt.timedelta(days=6),
        region=region,
        substance=substance,
        indicator="",
        observed=samples,
        expected=None,
        threshold=None,
        p_value=None,
        method=rule,
        inputs={
            "substance": substance.slug,
            "inchikey": substance.inchikey,
            "watch_list": rule == S1_WATCHED,
            "first_week_in_network": f"{first.week:%G-W%V}",
            "week": f"{week:%G-W%V}",
            "region": region.slug,
            "reports": len(reports),
            "facilities": len({r.facility_id for r in reports}),
            "samples": samples,
            "linked_overdoses": linked,
            "confirmations": sorted({r.confirmation for r in reports}),
            "forms": sorted({r.form for r in reports}),
            "sold_as": sorted({r.sold_as.slug for r in reports if r.sold_as is not None}),
        },
        synthetic=any(r.synthetic for r in reports),
    )


def check_report(report: SubstanceReport) -> Signal | None:
    """S1 for one new report: the signal of its substance, region and week, if there is one."""
    return _substance_signal(report.substance, report.region, report.week)


def detect_substances(day: dt.date) -> list[Signal]:
    """S1 for the reports of `day`'s ISO week and the week before (reports come in late)."""
    week = iso_week(day)
    scopes = (
        SubstanceReport.objects.filter(week__in=[week - dt.timedelta(days=7), week])
        .values_list("substance_id", "region_id", "week")
        .distinct()
    )
    found = []
    scopes = sorted(set(scopes))
    substances = Substance.objects.select_related("group").in_bulk({s for s, _r, _w in scopes})
    regions = Region.objects.in_bulk({r for _s, r, _w in scopes})
    for substance_id, region_id, report_week in scopes:
        signal = _substance_signal(substances[substance_id], regions[region_id], report_week)
        if signal is not None:
            found.append(signal)
    return found


# --- S2: daily pulses ----------------------------------------------------------------------


@dataclass(frozen=True)
class Flag:
    """One facility-day's pulse tested against the facility's own baseline."""

    facility_id: int
    day: dt.date
    spike: detection.Spike
    history: tuple[int, ...]
    synthetic: bool

    def threshold(self) -> int:
        """The smallest count that this baseline flags."""
        high = 1
        while not detection.pulse_spike(self.history, high).flagged:
            high *= 2
        low = 0
        while low < high:
            middle = (low + high) // 2
            if detection.pulse_spike(self.history, middle).flagged:
                high = middle
            else:
                low = middle + 1
        return low

    def as_input(self, public_ids: dict[int, str]) -> dict:
        return {
            "facility": public_ids[self.facility_id],
            "day": self.day.isoformat(),
            "overdoses": self.spike.count,
            "lambda_day": self.spike.lambda_day,
            "baseline_days": self.spike.baseline_days,
            "p_value": self.spike.p_value,
        }


def days_between(first: dt.date, last: dt.date) -> list[dt.date]:
    """Every day from `first` to `last`, both included."""
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def _spikes(days: Iterable[dt.date], facility_ids: Iterable[int] | None = None) -> list[Flag]:
    """Each pulse of `days` tested against its facility's reported days of the three months
    before it (a day without a pulse is unknown, not zero)."""
    wanted = sorted({d.toordinal() for d in days})
    first = add_months(dt.date.fromordinal(wanted[0]), -PULSE_MONTHS)
    rows = Pulse.objects.filter(day__gte=first, day__lte=dt.date.fromordinal(wanted[-1]))
    if facility_ids is not None:
        rows = rows.filter(facility_id__in=list(facility_ids))
    series: dict[int, list[tuple[int, int, bool]]] = defaultdict(list)
    for facility_id, day, overdoses, synthetic in rows.order_by("day").values_list(
        "facility_id", "day", "overdoses", "synthetic"
    ):
        series[facility_id].append((day.toordinal(), overdoses, synthetic))
    flags = []
    for facility_id, points in sorted(series.items()):
        ordinals = np.array([p[0] for p in points])
        counts = [p[1] for p in points]
        for ordinal in wanted:
            at = int(np.searchsorted(ordinals, ordinal))
            if at == len(points) or ordinals[at] != ordinal:
                continue
            day = dt.date.fromordinal(ordinal)
            start = int(np.searchsorted(ordinals, add_months(day, -PULSE_MONTHS).toordinal()))
            if at - start < MIN_PULSE_DAYS:
                continue
            history = tuple(counts[start:at])
            synthetic = any(p[2] for p in points[start : at + 1])
            spike = detection.pulse_spike(history, counts[at])
            flags.append(Flag(facility_id, day, spike, history, synthetic))
    return flags


def _public_ids(facility_ids: Iterable[int]) -> dict[int, str]:
    return dict(Facility.objects.filter(pk__in=set(facility_ids)).values_list("pk", "public_id"))


def _facility_pulse_signal(flag: Flag, public_ids: dict[int, str]) -> Signal | None:
    """A facility's own S2 signal: a flagged day with at least MIN_EVENTS overdoses."""
    spike = flag.spike
    if not spike.flagged or spike.count < detection.MIN_EVENTS:
        return None
    return _record(
        f"S2:f{flag.facility_id}:{flag.day.isoformat()}",
        [flag.facility_id],
        kind=SignalKind.PULSE,
        period_start=flag.day,
        period_end=flag.day,
        region=_region_of(flag.facility_id),
        substance=None,
        indicator="overdoses",
        observed=spike.count,
        expected=spike.lambda_day,
        threshold=float(flag.threshold()),
        p_value=spike.p_value,
        method=S2_FACILITY,
        inputs={
            **flag.as_input(public_ids),
            "baseline": f"reported days of the {PULSE_MONTHS} months before",
            "alpha": detection.SPIKE_ALPHA,
            "min_events": detection.MIN_EVENTS,
        },
        synthetic=flag.synthetic,
    )


def _clusters(flags: list[Flag], new_days: set[dt.date]) -> list[tuple[int, list[Flag]]]:
    """Per region, the flags of two or more of its facilities within 72 hours of each other
    (with MIN_EVENTS overdoses or more between them) that include a flag of `new_days`."""
    flagged = [f for f in flags if f.spike.flagged]
    members = Region.facilities.through.objects.filter(
        facility_id__in={f.facility_id for f in flagged}
    ).values_list("region_id", "facility_id")
    regions: dict[int, set[int]] = defaultdict(set)
    for region_id, facility_id in members:
        regions[region_id].add(facility_id)
    found = []
    for region_id, facility_ids in sorted(regions.items()):
        own = sorted(
            (f for f in flagged if f.facility_id in facility_ids),
            key=lambda f: (f.day, f.facility_id),
        )
        chosen: set[Flag] = set()
        for flag in own:
            if flag.day not in new_days:
                continue
            for end in days_between(flag.day, flag.day + dt.timedelta(days=REGION_DAYS - 1)):
                window = [f for f in own if 0 <= (end - f.day).days < REGION_DAYS]
                events = sum(f.spike.count for f in window)
                if (
                    flag in window
                    and len({f.facility_id for f in window}) >= 2
                    and events >= detection.MIN_EVENTS
                ):
                    chosen.update(window)
        # Chosen flags more than 72 hours apart are separate clusters.
        cluster: list[Flag] = []
        for flag in sorted(chosen, key=lambda f: (f.day, f.facility_id)):
            if cluster and (flag.day - cluster[-1].day).days >= REGION_DAYS:
                found.append((region_id, cluster))
                cluster = []
            cluster.append(flag)
        if cluster:
            found.append((region_id, cluster))
    return found


def _regional_signal(region_id: int, cluster: list[Flag], public_ids: dict[int, str]) -> Signal:
    """Record a regional S2 cluster, merged into an open one of the region it overlaps."""
    gap = dt.timedelta(days=REGION_DAYS - 1)
    with transaction.atomic():
        # One decision at a time per region, so two runs never open two overlapping signals.
        region = Region.objects.select_for_update().get(pk=region_id)
        start, end = cluster[0].day, cluster[-1].day
        existing = (
            Signal.objects.filter(
                key__startswith=f"S2:r{region.pk}:",
                status=SignalStatus.OPEN,
                period_end__gte=start - gap,
                period_start__lte=end + gap,
            )
            .order_by("period_start", "pk")
            .first()
        )
        inputs = {
            (f["facility"], f["day"]): f for f in (existing.inputs["flags"] if existing else [])
        }
        inputs.update(
            {
                (public_ids[f.facility_id], f.day.isoformat()): f.as_input(public_ids)
                for f in cluster
            }
        )
        rows = [inputs[k] for k in sorted(inputs, key=lambda k: (k[1], k[0]))]
        first = min([start, existing.period_start] if existing else [start])
        last = max([end, existing.period_end] if existing else [end])
        return _record(
            existing.key if existing else f"S2:r{region.pk}:{start.isoformat()}",
            [f.facility_id for f in cluster],
            kind=SignalKind.PULSE,
            period_start=first,
            period_end=last,
            region=region,
            substance=None,
            indicator="overdoses",
            observed=sum(r["overdoses"] for r in rows),
            expected=sum(r["lambda_day"] for r in rows),
            threshold=None,
            p_value=max(r["p_value"] for r in rows),
            method=S2_REGION,
            inputs={
                "region": region.slug,
                "flags": rows,
                "facilities": len({r["facility"] for r in rows}),
                "window_hours": 24 * REGION_DAYS,
                "alpha": detection.SPIKE_ALPHA,
                "min_events": detection.MIN_EVENTS,
            },
            synthetic=any(f.synthetic for f in cluster) or bool(existing and existing.synthetic),
        )


def _pulse_signals(days: list[dt.date], facility_ids: Iterable[int] | None = None):
    """S2 for the pulses of `days`: the facility signals, the regional signals with the flags
    of each, and every flag tested."""
    margin = dt.timedelta(days=REGION_DAYS - 1)
    flags = _spikes(days_between(min(days) - margin, max(days) + margin), facility_ids)
    public_ids = _public_ids(f.facility_id for f in flags)
    new_days = set(days)
    own = [_facility_pulse_signal(f, public_ids) for f in flags if f.day in new_days]
    regional = [
        (_regional_signal(region_id, cluster, public_ids), cluster)
        for region_id, cluster in _clusters(flags, new_days)
    ]
    return [s for s in own if s is not None], regional, flags


def detect_pulses(days: list[dt.date], facility_ids: Iterable[int] | None = None) -> list[Signal]:
    """S2 for the pulses of `days` (of every facility, or of `facility_ids`): the facilities'
    own signals and the regional ones."""
    own, regional, _flags = _pulse_signals(days, facility_ids)
    return own + [signal for signal, _cluster in regional]


def check_pulse(facility: Facility, day: dt.date) -> Signal | None:
    """S2 for one facility's pulse of `day`: the regional signal its flag joins, else the
    facility's own signal, else None."""
    neighbours = set(
        Region.facilities.through.objects.filter(
            region__in=Region.objects.filter(facilities=facility)
        ).values_list("facility_id", flat=True)
    ) | {facility.pk}
    own, regional, flags = _pulse_signals([day], neighbours)
    mine = next((f for f in flags if f.facility_id == facility.pk and f.day == day), None)
    if mine is None or not mine.spike.flagged:
        return None
    joined = [signal for signal, cluster in regional if mine in cluster]
    if joined:
        return joined[0]
    return next((s for s in own if s.key == f"S2:f{facility.pk}:{day.isoformat()}"), None)


# --- S3 and S4: monthly aberrations and network clusters ------------------------------------


def _month_index(month: dt.date) -> int:
    return month.year * 12 + month.month - 1


@dataclass
class MonthTable:
    """Monthly values of some indicators for every facility that reported any: arrays of
    facilities × months, NaN where nothing was reported."""

    months: list[dt.date]
    facility_ids: list[int]
    values: dict[str, np.ndarray]
    synthetic: dict[str, np.ndarray]

    @classmethod
    def load(cls, first: dt.date, last: dt.date, codes: Iterable[str]) -> MonthTable:
        codes = list(codes)
        indicators = dict(Indicator.objects.filter(code__in=codes).values_list("pk", "code"))
        rows = list(
            MonthlyValue.objects.filter(
                month__gte=first, month__lte=last, indicator_id__in=list(indicators), breakdown=""
            ).values_list("facility_id", "month", "indicator_id", "value", "synthetic")
        )
        months = [add_months(first, n) for n in range(_month_index(last) - _month_index(first) + 1)]
        facility_ids = sorted({row[0] for row in rows})
        place = {pk: n for n, pk in enumerate(facility_ids)}
        shape = (len(facility_ids), len(months))
        values = {code: np.full(shape, np.nan) for code in codes}
        synthetic = {code: np.zeros(shape, dtype=bool) for code in codes}
        base = _month_index(first)
        for facility_id, month, indicator_id, value, is_synthetic in rows:
            at = (place[facility_id], _month_index(month) - base)
            code = indicators[indicator_id]
            values[code][at] = value
            synthetic[code][at] = is_synthetic
        return cls(months, facility_ids, values, synthetic)


@dataclass(frozen=True)
class Peers:
    group: str  # "country:LU" or "network"
    size: int  # facilities with history in the group, the facility itself left out
    rate: float  # events per visit
    phi: float


def _peers(
    own_events: np.ndarray,
    own_visits: np.ndarray,
    own_phi: np.ndarray,
    countries: list[str],
) -> list[Peers | None]:
    """Each facility's peers: the other facilities of its country with history when there are
    MIN_PEERS of them, else the whole network. Rate = their events per visit over the window;
    φ = the median of their own dispersions (facilities with 6 months or more), else 1."""
    has_history = own_visits > 0
    groups: dict[str, list[int]] = defaultdict(list)
    for n, country in enumerate(countries):
        if has_history[n]:
            groups[f"country:{country}"].append(n)
            groups["network"].append(n)
    totals = {
        name: (own_events[members].sum(), own_visits[members].sum())
        for name, members in groups.items()
    }
    dispersions = {
        name: [float(own_phi[m]) for m in members if np.isfinite(own_phi[m])]
        for name, members in groups.items()
    }
    peers: list[Peers | None] = []
    for n, country in enumerate(countries):
        name = f"country:{country}"
        size = len(groups.get(name, ())) - bool(has_history[n])
        if size < MIN_PEERS:
            name = "network"
            size = len(groups.get(name, ())) - bool(has_history[n])
        if size < 1:
            # No peers at all: the facility's own rate is its prior, and its own φ or 1.
            own = own_visits[n] > 0
            rate = float(own_events[n] / own_visits[n]) if own else None
            phi = float(own_phi[n]) if np.isfinite(own_phi[n]) else 1.0
            peers.append(Peers("none", 0, rate, phi) if own else None)
            continue
        events, visits = totals[name]
        if has_history[n]:
            events, visits = events - own_events[n], visits - own_visits[n]
        others = list(dispersions[name])
        if np.isfinite(own_phi[n]):
            others.remove(float(own_phi[n]))
        phi = statistics.median(others) if others else 1.0
        peers.append(Peers(name, size, float(events / visits), float(phi)) if visits > 0 else None)
    return peers


def _history(table: MonthTable, code: str, row: int, months: int) -> list[dict]:
    events, visits = table.values[code][row], table.values[OFFSET][row]
    return [
        {"month": f"{table.months[m]:%Y-%m}", code: int(events[m]), OFFSET: int(visits[m])}
        for m in range(months)
        if np.isfinite(events[m]) and np.isfinite(visits[m]) and visits[m] > 0
    ]


def _s3_signal(table, code, row, result, at, peers, public_id, month) -> Signal:
    now = len(table.months) - 1
    facility_id = table.facility_ids[row]
    synthetic = table.synthetic[code][row, : now + 1] | table.synthetic[OFFSET][row, : now + 1]
    return _record(
        f"S3:{code}:f{facility_id}:{month:%Y-%m}",
        [facility_id],
        kind=SignalKind.MONTHLY,
        period_start=month,
        period_end=add_months(month, 1) - dt.timedelta(days=1),
        region=_region_of(facility_id),
        substance=None,
        indicator=code,
        observed=int(table.values[code][row, now]),
        expected=float(result["mu"][at]),
        threshold=float(result["threshold"][at]),
        p_value=float(result["p_value"][at]),
        method=detection.METHOD,
        inputs={
            "facility": public_id,
            "indicator": code,
            "offset": OFFSET,
            "month": f"{month:%Y-%m}",
            "count": int(table.values[code][row, now]),
            "visits": int(table.values[OFFSET][row, now]),
            "history": _history(table, code, row, now),
            "months_used": int(result["months"][at]),
            "rate_per_visit": float(result["rate"][at]),
            "phi": float(result["phi"][at]),
            "phi_from": "history" if result["phi_from_history"][at] else "peers",
            "peer_group": peers.group,
            "peer_facilities": peers.size,
            "peer_rate_per_visit": peers.rate,
            "peer_phi": peers.phi,
            "alpha": detection.ALPHA,
            "min_events": detection.MIN_EVENTS,
        },
        synthetic=bool(synthetic.any()),
    )


def _s4_signal(code: str, month: dt.date, alarms: list[dict], evaluated: int) -> Signal:
    facility_ids = [a["facility_id"] for a in alarms]
    regions = set(
        Region.facilities.through.objects.filter(facility_id__in=facility_ids).values_list(
            "facility_id", "region_id"
        )
    )
    by_facility: dict[int, set[int]] = defaultdict(set)
    for facility_id, region_id in regions:
        by_facility[facility_id].add(region_id)
    shared = set.intersection(*(by_facility[f] for f in facility_ids)) if by_facility else set()
    region = Region.objects.filter(pk__in=shared).order_by("pk").first() if shared else None
    false_alarm = detection.cluster_false_alarm(evaluated)
    return _record(
        f"S4:{code}:{month:%Y-%m}",
        facility_ids,
        kind=SignalKind.CLUSTER,
        period_start=month,
        period_end=add_months(month, 1) - dt.timedelta(days=1),
        region=region,
        substance=None,
        indicator=code,
        observed=sum(a["count"] for a in alarms),
        expected=sum(a["expected"] for a in alarms),
        threshold=None,
        p_value=false_alarm,
        method=S4_METHOD,
        inputs={
            "indicator": code,
            "month": f"{month:%Y-%m}",
            "facilities_evaluated": evaluated,
            "facilities_alarmed": len(alarms),
            "alarms": [{k: v for k, v in a.items() if k != "facility_id"} for a in alarms],
            "alpha": detection.ALPHA,
            "false_alarm_probability": false_alarm,
            "p_value_is": "P(2 or more of the facilities evaluated alarm | all in control)",
        },
        synthetic=any(a["synthetic"] for a in alarms),
    )


def aberrations(table: MonthTable, code: str) -> tuple[list[int], dict, list[Peers | None]]:
    """S3 for the last month of `table` and one indicator: the rows evaluated, detection's
    results for them (arrays in that order) and each facility's peers."""
    now = len(table.months) - 1
    window = slice(max(0, now - detection.HISTORY_MONTHS), now)
    events, visits = table.values[code], table.values[OFFSET]
    hist_y, hist_v = events[:, window], visits[:, window]
    valid = np.isfinite(hist_y) & np.isfinite(hist_v) & (hist_v > 0)
    own_events = np.where(valid, hist_y, 0.0).sum(axis=1)
    own_visits = np.where(valid, hist_v, 0.0).sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        alone = detection.monthly_aberrations(hist_y, hist_v, 1.0, 0, 0.0, 1.0)
    own_phi = np.where(alone["phi_from_history"], alone["phi"], np.nan)
    countries = dict(
        Facility.objects.filter(pk__in=table.facility_ids).values_list("pk", "country__code")
    )
    peers = _peers(own_events, own_visits, own_phi, [countries[f] for f in table.facility_ids])
    y_t, v_t = events[:, now], visits[:, now]
    rows = [
        n
        for n in range(len(table.facility_ids))
        if np.isfinite(y_t[n]) and np.isfinite(v_t[n]) and v_t[n] > 0 and peers[n] is not None
    ]
    result = detection.monthly_aberrations(
        hist_y[rows],
        hist_v[rows],
        v_t[rows],
        y_t[rows],
        [peers[n].rate for n in rows],
        [peers[n].phi for n in rows],
    )
    return rows, result, peers


def detect_month(month: dt.date) -> list[Signal]:
    """S3 and S4 for `month`, from the values of the month and the twelve before it."""
    month = first_of_month(month)
    first = add_months(month, -detection.HISTORY_MONTHS)
    table = MonthTable.load(first, month, (*MONTHLY_INDICATORS, OFFSET))
    if not table.facility_ids:
        return []
    public_ids = _public_ids(table.facility_ids)
    now = len(table.months) - 1
    found = []
    for code in MONTHLY_INDICATORS:
        rows, result, peers = aberrations(table, code)
        alarms = []
        for at, row in enumerate(rows):
            if not result["alarm"][at]:
                continue
            facility_id = table.facility_ids[row]
            signal = _s3_signal(
                table, code, row, result, at, peers[row], public_ids[facility_id], month
            )
            found.append(signal)
            alarms.append(
                {
                    "facility_id": facility_id,
                    "facility": public_ids[facility_id],
                    "count": int(table.values[code][row, now]),
                    "expected": float(result["mu"][at]),
                    "threshold": int(result["threshold"][at]),
                    "p_value": float(result["p_value"][at]),
                    "synthetic": signal.synthetic,
                }
            )
        if len(alarms) >= 2:
            found.append(_s4_signal(code, month, alarms, len(rows)))
    return found


# --- All of them ----------------------------------------------------------------------------


def detect(day: dt.date) -> list[Signal]:
    """S1–S4 for `day`: S1 for the reports of its ISO week and the week before, S2 for the
    pulses of the three days ending on it, S3 and S4 for the last whole month before it.
    Late data is picked up by the next day's run; open signals are updated, none duplicated."""
    found = detect_substances(day)
    found += detect_pulses(days_between(day - dt.timedelta(days=REGION_DAYS - 1), day))
    found += detect_month(add_months(first_of_month(day), -1))
    unique: dict[str, Signal] = {}
    for signal in found:
        unique.setdefault(signal.key, signal)
    return list(unique.values())
