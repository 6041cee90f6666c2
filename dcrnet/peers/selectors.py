"""Each facility against its peers: five rates from the monthly values, funnel plots per group
(network, country, size third), and what a visitor may see of them.

Three layers, so the privacy rules can be tried without a database: `reported` reads the
monthly values (cached), `compare_units` is the statistics of one group (pure), and `view_for`
decides what a viewer sees (pure): other facilities only as unnamed points, nothing for a group
of fewer than five, no point whose count is 1 to 4 unless it is the viewer's own facility.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dcrnet.directory.models import Country, Facility
from dcrnet.lib.cache import cached
from dcrnet.lib.disclosure import THRESHOLD, is_small
from dcrnet.monitoring.models import MonthlyValue

from . import funnel

CACHE_SECONDS = 600
# A group is shown only from this many facilities on (the site's threshold for small counts).
MIN_FACILITIES = THRESHOLD
CURVE_POINTS = 60


@dataclass(frozen=True)
class Rate:
    code: str
    numerator: str  # indicator codes (monitoring/indicators.py)
    denominator: str
    per: int
    kind: str  # funnel.RATIO or funnel.PROPORTION
    title: Promise
    size_label: Promise  # what the horizontal axis counts
    note: Promise


CLIENT_MONTHS = gettext_lazy("Unique clients (each month's count added up)")
CLIENT_NOTE = gettext_lazy(
    "Unique clients are counted per month; a period adds up its months, so a person who came "
    "in three months counts three times."
)
RATES = (
    Rate(
        "overdoses",
        "overdoses",
        "visits",
        1000,
        funnel.RATIO,
        gettext_lazy("Overdoses per 1,000 visits"),
        gettext_lazy("Visits"),
        gettext_lazy("Overdoses managed on site, per 1,000 visits."),
    ),
    Rate(
        "naloxone",
        "naloxone",
        "overdoses",
        1,
        funnel.PROPORTION,
        gettext_lazy("Naloxone per overdose"),
        gettext_lazy("Overdoses managed on site"),
        gettext_lazy("The share of overdoses managed on site in which naloxone was given."),
    ),
    Rate(
        "emergency_calls",
        "ambulance_calls",
        "overdoses",
        1,
        funnel.RATIO,
        gettext_lazy("Emergency calls per overdose"),
        gettext_lazy("Overdoses managed on site"),
        gettext_lazy(
            "Calls to emergency medical services by staff (for any emergency), per overdose "
            "managed on site."
        ),
    ),
    Rate(
        "referrals",
        "referrals",
        "unique_clients",
        100,
        funnel.RATIO,
        gettext_lazy("Referrals per 100 unique clients"),
        CLIENT_MONTHS,
        CLIENT_NOTE,
    ),
    Rate(
        "visits_per_client",
        "visits",
        "unique_clients",
        1,
        funnel.RATIO,
        gettext_lazy("Visits per client"),
        CLIENT_MONTHS,
        CLIENT_NOTE,
    ),
)
RATE_BY_CODE = {rate.code: rate for rate in RATES}
CODES = sorted({code for rate in RATES for code in (rate.numerator, rate.denominator)})

POSITIONS = {
    funnel.BELOW_998: gettext_lazy("below the 99.8 % limit"),
    funnel.BELOW_95: gettext_lazy("below the 95 % limit"),
    funnel.WITHIN: gettext_lazy("within the expected range"),
    funnel.ABOVE_95: gettext_lazy("above the 95 % limit"),
    funnel.ABOVE_998: gettext_lazy("above the 99.8 % limit"),
}


# --- periods ---------------------------------------------------------------------------------

LAST_12 = "12m"


@dataclass(frozen=True)
class Period:
    key: str  # LAST_12 or a year ("2024")
    start: dt.date  # first day of the first month
    end: dt.date  # first day of the last month

    @property
    def label(self) -> str:
        if self.key != LAST_12:
            return self.key
        return _("%(start)s to %(end)s") % {
            "start": date_format(self.start, "YEAR_MONTH_FORMAT"),
            "end": date_format(self.end, "YEAR_MONTH_FORMAT"),
        }


def _add_months(month: dt.date, count: int) -> dt.date:
    index = month.year * 12 + month.month - 1 + count
    return dt.date(index // 12, index % 12 + 1, 1)


def last_complete_month(today: dt.date | None = None) -> dt.date:
    today = today or timezone.localdate()
    return _add_months(today.replace(day=1), -1)


def period(key: str, today: dt.date | None = None) -> Period:
    """LAST_12: the twelve months before the current one; "2024": that calendar year."""
    if key == LAST_12:
        end = last_complete_month(today)
        return Period(key, _add_months(end, -11), end)
    year = int(key)
    return Period(key, dt.date(year, 1, 1), dt.date(year, 12, 1))


def years_with_data() -> list[int]:
    """Years with any monthly value of a published facility, latest first."""

    def compute() -> list[int]:
        months = MonthlyValue.objects.filter(facility__published=True).dates(
            "month", "year", order="DESC"
        )
        return [month.year for month in months]

    return cached("peers:years", compute, CACHE_SECONDS)


# --- groups ----------------------------------------------------------------------------------

NETWORK, COUNTRY, SIZE = "network", "country", "size"
SIZE_THIRDS = {
    "1": gettext_lazy("The third of facilities with the fewest visits"),
    "2": gettext_lazy("The middle third of facilities by visits"),
    "3": gettext_lazy("The third of facilities with the most visits"),
}


@dataclass(frozen=True)
class Group:
    kind: str
    value: str = ""  # a country code, or a size third "1" to "3"

    @property
    def key(self) -> str:
        return self.kind if self.kind == NETWORK else f"{self.kind}:{self.value}"

    @classmethod
    def parse(cls, key: str) -> Group | None:
        kind, _sep, value = key.partition(":")
        if kind == NETWORK and not value:
            return cls(NETWORK)
        if kind == COUNTRY and len(value) == 2 and value.isalpha() and value.isupper():
            return cls(COUNTRY, value)
        if kind == SIZE and value in SIZE_THIRDS:
            return cls(SIZE, value)
        return None

    def label(self, countries: dict[str, str] | None = None) -> str:
        if self.kind == NETWORK:
            return _("All facilities in the network")
        if self.kind == COUNTRY:
            name = (countries or {}).get(self.value, self.value)
            return _("Facilities in %(country)s") % {"country": name}
        return str(SIZE_THIRDS[self.value])


def country_names() -> dict[str, str]:
    """Code → name of every country with a published facility, in the active language."""
    countries = Country.objects.filter(facilities__published=True).distinct()
    return {c.code.code: c.name for c in countries}


# --- reading the monthly values --------------------------------------------------------------


@dataclass(frozen=True)
class Reported:
    """One published facility's monthly totals of the indicators the rates use."""

    facility_id: int
    country: str
    months: dict[str, dict[dt.date, int]]  # indicator code → month → total of its breakdowns
    synthetic: bool


def reported(span: Period) -> dict[int, Reported]:
    def compute() -> dict[int, Reported]:
        rows = MonthlyValue.objects.filter(
            month__gte=span.start,
            month__lte=span.end,
            facility__published=True,
            indicator__code__in=CODES,
        ).values_list(
            "facility_id",
            "facility__country__code",
            "indicator__code",
            "month",
            "value",
            "synthetic",
        )
        months: dict[int, dict] = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
        countries: dict[int, str] = {}
        synthetic: dict[int, bool] = defaultdict(bool)
        for facility_id, country, code, month, value, is_synthetic in rows.iterator(5000):
            # Indicators with a breakdown (referrals by type) are stored per part: add them up.
            months[facility_id][code][month] += value
            countries[facility_id] = country
            synthetic[facility_id] = synthetic[facility_id] or is_synthetic
        return {
            pk: Reported(
                pk,
                countries[pk],
                {code: dict(by_month) for code, by_month in codes.items()},
                synthetic[pk],
            )
            for pk, codes in months.items()
        }

    return cached(f"peers:reported:{span.start}:{span.end}", compute, CACHE_SECONDS)


@dataclass(frozen=True)
class Unit:
    """A facility's numerator and denominator over the months in which it reported both."""

    facility_id: int
    country: str
    observed: int
    exposure: int
    synthetic: bool = False


def units(rate: Rate, facilities: Iterable[Reported]) -> list[Unit]:
    found = []
    for facility in facilities:
        top = facility.months.get(rate.numerator, {})
        bottom = facility.months.get(rate.denominator, {})
        both = top.keys() & bottom.keys()
        exposure = sum(bottom[m] for m in both)
        observed = sum(top[m] for m in both)
        # A share above 1 (values written past the monthly cross-checks) is no point to draw.
        if exposure > 0 and not (rate.kind == funnel.PROPORTION and observed > exposure):
            found.append(
                Unit(facility.facility_id, facility.country, observed, exposure, facility.synthetic)
            )
    return found


def size_thirds(facilities: Iterable[Reported]) -> dict[int, str]:
    """Facility → "1", "2" or "3": its third by visits in the period (ties by id)."""
    visits = {f.facility_id: sum(f.months.get("visits", {}).values()) for f in facilities}
    order = sorted((v, pk) for pk, v in visits.items() if v > 0)
    return {pk: str(1 + 3 * i // len(order)) for i, (_v, pk) in enumerate(order)}


def in_group(unit: Unit, group: Group, thirds: dict[int, str]) -> bool:
    if group.kind == COUNTRY:
        return unit.country == group.value
    if group.kind == SIZE:
        return thirds.get(unit.facility_id) == group.value
    return True


# --- one group's funnel (pure) ---------------------------------------------------------------

OK = "ok"
NO_DATA = "no_data"
TOO_FEW = "too_few"
FEW_EVENTS = "few_events"
NO_SPREAD = "no_spread"


@dataclass(frozen=True)
class PlotPoint:
    facility_id: int
    observed: int
    exposure: int
    value: float  # the rate, per `Rate.per`
    limits: tuple[float, float, float, float]  # 99.8 % and 95 % lower, 95 % and 99.8 % upper
    position: str
    small: bool  # its numerator or denominator is from 1 to 4


@dataclass(frozen=True)
class Comparison:
    rate: str
    facilities: int
    status: str
    observed: int = 0
    exposure: int = 0
    target: float = 0.0  # the group's rate, per `Rate.per`
    overdispersion: funnel.Overdispersion | None = None
    points: tuple[PlotPoint, ...] = ()  # by size, never by rate
    curve: tuple[tuple[float, float, float, float, float], ...] = ()  # size, then the limits
    synthetic: bool = False


def _limits(limits: funnel.Limits, scale: float) -> tuple[float, float, float, float]:
    return (
        limits.lower998 * scale,
        limits.lower95 * scale,
        limits.upper95 * scale,
        limits.upper998 * scale,
    )


def compare_units(rate: Rate, group: list[Unit]) -> Comparison:
    """The funnel of one group: the group's rate, exact limits (widened for overdispersion from
    ten facilities on), every facility's position. A status other than OK says why there is
    nothing to draw."""
    group = sorted(group, key=lambda u: (u.exposure, u.facility_id))
    count = len(group)
    synthetic = any(u.synthetic for u in group)
    observed = sum(u.observed for u in group)
    exposure = sum(u.exposure for u in group)
    totals = {"observed": observed, "exposure": exposure, "synthetic": synthetic}
    if count == 0:
        return Comparison(rate.code, 0, NO_DATA)
    if count < MIN_FACILITIES:
        return Comparison(rate.code, count, TOO_FEW, synthetic=synthetic)
    if is_small(observed) or is_small(exposure):
        return Comparison(rate.code, count, FEW_EVENTS, synthetic=synthetic)
    if observed == 0 or (rate.kind == funnel.PROPORTION and observed == exposure):
        return Comparison(
            rate.code, count, NO_SPREAD, target=observed / exposure * rate.per, **totals
        )

    result = funnel.funnel([u.observed for u in group], [u.exposure for u in group], rate.kind)
    # Proportions are plotted as they are; ratios (O/E) times the group's rate.
    scale = rate.per if rate.kind == funnel.PROPORTION else rate.per * result.target
    points = tuple(
        PlotPoint(
            unit.facility_id,
            unit.observed,
            unit.exposure,
            unit.observed / unit.exposure * rate.per,
            _limits(point.limits, scale),
            point.position,
            is_small(unit.observed) or is_small(unit.exposure),
        )
        for unit, point in zip(group, result.points, strict=True)
    )
    od = result.overdispersion
    tau2 = od.tau2 if od.applied else 0.0
    return Comparison(
        rate.code,
        count,
        OK,
        target=result.target * rate.per,
        overdispersion=od,
        points=points,
        curve=_curve(rate, result.target, tau2, group[0].exposure, group[-1].exposure, scale),
        **totals,
    )


def _curve(rate: Rate, target: float, tau2: float, low: int, high: int, scale: float) -> tuple:
    """The limits along the horizontal axis, from the smallest facility to the largest."""
    sizes = np.geomspace(low, high, CURVE_POINTS) if high > low else np.array([float(low)])
    if rate.kind == funnel.PROPORTION:
        sizes = np.unique(np.rint(sizes))
    rows = []
    for size in sizes:
        if rate.kind == funnel.PROPORTION:
            limits = funnel.proportion_limits(target, int(size), tau2)
        else:
            limits = funnel.ratio_limits(target * float(size), tau2)
        rows.append((float(size), *_limits(limits, scale)))
    return tuple(rows)


def comparison(
    rate: Rate, group: Group, span: Period, source: Callable[[], dict] | None = None
) -> Comparison:
    """`source`: the period's `reported`, when a caller has it already (several comparisons)."""

    def compute() -> Comparison:
        facilities = (source or (lambda: reported(span)))().values()
        thirds = size_thirds(facilities) if group.kind == SIZE else {}
        return compare_units(
            rate, [u for u in units(rate, facilities) if in_group(u, group, thirds)]
        )

    key = f"peers:compare:{rate.code}:{group.key}:{span.start}:{span.end}"
    return cached(key, compute, CACHE_SECONDS)


# --- what a viewer sees (pure) ---------------------------------------------------------------


@dataclass(frozen=True)
class Shown:
    number: int  # its row in the table: facilities by size
    size: float
    value: float
    position: str
    own: bool = False
    name: str = ""  # only for the viewer's own facilities
    observed: int | None = None  # exact figures: only for the viewer's own facilities
    exposure: int | None = None
    limits: tuple[float, float, float, float] | None = None


@dataclass(frozen=True)
class View:
    comparison: Comparison
    points: tuple[Shown, ...] = ()
    hidden: int = 0  # points not drawn: a count from 1 to 4
    own_outside: bool = False  # the viewer reports for facilities, none of them in this group

    @property
    def shown(self) -> bool:
        return self.comparison.status == OK

    @property
    def own(self) -> tuple[Shown, ...]:
        return tuple(p for p in self.points if p.own)


def view_for(result: Comparison, own: dict[int, str]) -> View:
    """`own`: the facilities the viewer reports for (id → name); theirs are named, with their
    exact figures, and drawn whatever their counts. Other facilities are unnamed points, and
    not drawn when a count is from 1 to 4."""
    if result.status != OK:
        return View(result)
    shown, hidden = [], 0
    for point in result.points:
        name = own.get(point.facility_id)
        if name is None:
            if point.small:
                hidden += 1
                continue
            shown.append(Shown(len(shown) + 1, point.exposure, point.value, point.position))
        else:
            shown.append(
                Shown(
                    len(shown) + 1,
                    point.exposure,
                    point.value,
                    point.position,
                    own=True,
                    name=name,
                    observed=point.observed,
                    exposure=point.exposure,
                    limits=point.limits,
                )
            )
    outside = bool(own) and not any(p.own for p in shown)
    return View(result, tuple(shown), hidden, outside)


def own_facilities(user) -> dict[int, str]:
    """The published facilities `user` reports for: id → name."""
    return dict(Facility.objects.for_reporter(user).public().values_list("pk", "name"))


# --- a facility's dashboard ------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    group: Group
    status: str
    position: str = ""  # a funnel position when status is OK and the facility has a point


def facility_positions(facility: Facility, span: Period) -> list[tuple[Rate, list[Cell]]]:
    """For the facility's own reporters: where it stands on each rate within the network, its
    country and its size third."""
    source = functools.cache(lambda: reported(span))
    thirds = size_thirds(source().values())
    groups = [Group(NETWORK), Group(COUNTRY, facility.country.code.code)]
    if facility.pk in thirds:
        groups.append(Group(SIZE, thirds[facility.pk]))
    rows = []
    for rate in RATES:
        cells = []
        for group in groups:
            result = comparison(rate, group, span, source)
            mine = next((p for p in result.points if p.facility_id == facility.pk), None)
            if result.status == OK and mine is None:
                cells.append(Cell(group, NO_DATA))
            else:
                cells.append(Cell(group, result.status, mine.position if mine else ""))
        rows.append((rate, cells))
    return rows
