"""Reads of published monitoring data, shared by pages, the API and downloads (all cached)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dcrnet.directory.models import Country, Facility
from dcrnet.lib.cache import cached as lib_cached

from .models import (
    Indicator,
    Level,
    MonthlyValue,
    ReporterToken,
    SeriesPoint,
    SurveyResponse,
    SurveyYear,
    breakdown_label,
)
from .services import cell_name
from .survey import response_rates_by_survey

CACHE_SECONDS = 600
LICENCE = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)"
# The dataset's name, cited as is in every language.
ATTRIBUTION = "DCR Network monthly monitoring"
SYNTHETIC_NOTE = gettext_lazy(
    "Synthetic demonstration data: generated, not reported by any facility."
)


def cached(prefix: str, params: dict, compute):
    """Cache by every filter; any write moves the content version (lib.cache)."""
    raw = json.dumps(params, sort_keys=True, default=str)
    digest = hashlib.sha256(raw.encode()).hexdigest()[:24]
    return lib_cached(f"monitoring:{prefix}:{digest}", compute, CACHE_SECONDS)


@dataclass(frozen=True)
class Scope:
    level: str
    key: str
    title: str
    slug: str = ""  # the country code or facility public_id of its URLs

    @classmethod
    def network(cls) -> Scope:
        return cls(Level.NETWORK, "n", str(_("All facilities in the network")))

    @classmethod
    def for_country(cls, country: Country) -> Scope:
        return cls(Level.COUNTRY, f"c:{country.code.code}", country.name, country.code.code)

    @classmethod
    def for_facility(cls, facility: Facility) -> Scope:
        return cls(Level.FACILITY, f"f:{facility.pk}", facility.name, facility.public_id)


def month_label(month: dt.date) -> str:
    return f"{month:%Y-%m}"


def month_of(label: str) -> dt.date:
    """The first day of a month_label: "2025-03" → 2025-03-01."""
    return dt.date.fromisoformat(f"{label}-01")


def series(
    scope: Scope, indicator: Indicator, start: dt.date | None = None, end: dt.date | None = None
) -> dict:
    """{"labels": [...], "series": [{"label", "values"}], "synthetic": bool} for one indicator.

    Values are integers, or the suppression marker ("<5" or "x") the chart draws as a gap.
    An indicator with a breakdown gives one series per breakdown plus the total.
    """

    def compute() -> dict:
        points = SeriesPoint.objects.for_scope(scope.key).filter(indicator=indicator)
        if start:
            points = points.filter(month__gte=start)
        if end:
            points = points.filter(month__lte=end)
        rows = list(
            points.order_by("month").values_list("month", "breakdown", "value", "flag", "synthetic")
        )
        months = sorted({row[0] for row in rows})
        position = {month: i for i, month in enumerate(months)}
        breakdowns = [b for b in indicator.breakdown_codes if b] + [""]
        columns: dict[str, list] = {b: [None] * len(months) for b in breakdowns}
        synthetic_any = False
        for month, breakdown, value, flag, synthetic in rows:
            if breakdown in columns:
                columns[breakdown][position[month]] = flag or value
            synthetic_any = synthetic_any or synthetic
        out_series = []
        for b in breakdowns:
            if len(breakdowns) > 1 and not any(v is not None for v in columns[b]):
                continue
            label = indicator.title if b == "" else breakdown_label(b)
            if b == "" and len(breakdowns) > 1:
                label = str(_("Total"))
            out_series.append({"label": label, "breakdown": b, "values": columns[b]})
        return {
            "scope": scope.title,
            "level": scope.level,
            "indicator": indicator.code,
            "title": indicator.title,
            "unit": indicator.unit,
            "labels": [month_label(m) for m in months],
            "series": out_series,
            "synthetic": synthetic_any,
            "synthetic_note": str(SYNTHETIC_NOTE) if synthetic_any else "",
            "suppression": _(
                "Counts from 1 to 4 are shown as <5; x hides a cell that would reveal one."
            ),
            "licence": LICENCE,
        }

    return cached(
        "series",
        {"k": scope.key, "i": indicator.code, "s": start, "e": end},
        compute,
    )


def table_rows(data: dict) -> list[list]:
    """The chart's data as table rows: the month (a date, for the page to name in its
    language), then one cell per series."""
    return [
        [month_of(label), *(s["values"][i] for s in data["series"])]
        for i, label in enumerate(data["labels"])
    ]


def chart_data(
    scope: Scope, indicator: Indicator, start: dt.date | None = None, end: dt.date | None = None
) -> dict:
    """`series` for a page's chart: months named in the active language ("mars 2025") as
    `labels`, the ISO months kept as `months`."""
    data = series(scope, indicator, start, end)
    return {
        **data,
        "months": data["labels"],
        "labels": [date_format(month_of(label), "YEAR_MONTH_FORMAT") for label in data["labels"]],
    }


def monthly_points(
    *,
    level: str = Level.FACILITY,
    facility: str | None = None,
    country: str | None = None,
    indicator: str | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> QuerySet:
    """Published points by the filters of forms.MonthlyFilters (facility by public_id,
    indicator by code)."""
    points = SeriesPoint.objects.filter(level=level)
    if facility is not None:
        points = points.filter(facility__public_id=facility)
    if country:
        if level == Level.FACILITY:
            points = points.filter(facility__country__code=country.upper())
        elif level == Level.COUNTRY:
            points = points.filter(country=country.upper())
    if indicator is not None:
        points = points.filter(indicator__code=indicator)
    if start:
        points = points.filter(month__gte=start)
    if end:
        points = points.filter(month__lte=end)
    return points.order_by("key", "month", "indicator__position", "breakdown")


MONTHLY_COLUMNS = [
    "level",
    "area",
    "facility",
    "facility_name",
    "country",
    "month",
    "indicator",
    "breakdown",
    "value",
    "suppressed",
    "synthetic",
]


def monthly_records(points: QuerySet):
    """Plain rows for CSV and JSON, in the order of MONTHLY_COLUMNS (streamed, no N+1)."""
    facility_info = {
        f.pk: (f.public_id, f.name, f.country.code.code)
        for f in Facility.objects.select_related("country").only(
            "pk", "public_id", "name", "country__code"
        )
    }
    codes = dict(Indicator.objects.values_list("pk", "code"))
    for (
        key,
        level,
        facility_id,
        country,
        indicator_id,
        breakdown,
        month,
        value,
        flag,
        syn,
    ) in points.values_list(
        "key",
        "level",
        "facility_id",
        "country",
        "indicator_id",
        "breakdown",
        "month",
        "value",
        "flag",
        "synthetic",
    ).iterator(chunk_size=5000):
        public_id, name, facility_country = facility_info.get(facility_id, ("", "", ""))
        yield [
            level,
            key if level == Level.NETWORK else (country or public_id),
            public_id,
            name,
            country or facility_country,
            month_label(month),
            codes[indicator_id],
            breakdown,
            value,
            flag,
            syn,
        ]


def dashboard_indicators(scope: Scope) -> list[Indicator]:
    """Indicators with any published point for this scope, in dictionary order."""

    def compute() -> list[int]:
        return list(
            SeriesPoint.objects.for_scope(scope.key).values_list("indicator", flat=True).distinct()
        )

    present = set(cached("present", {"k": scope.key}, compute))
    return [ind for ind in Indicator.objects.current() if ind.pk in present]


def countries_with_data() -> list[Country]:
    codes = set(
        SeriesPoint.objects.filter(level=Level.COUNTRY).values_list("country", flat=True).distinct()
    )
    return [c for c in Country.objects.all() if c.code.code in codes]


def facilities_with_data(country: Country | None = None) -> QuerySet:
    ids = SeriesPoint.objects.filter(level=Level.FACILITY).values("facility")
    qs = Facility.objects.public().filter(pk__in=ids).select_related("country")
    if country is not None:
        qs = qs.filter(country=country)
    return qs.order_by("name")


def group_by(items, key):
    grouped = defaultdict(list)
    for item in items:
        grouped[key(item)].append(item)
    return grouped


def dictionary_rows():
    for ind in Indicator.objects.for_dictionary():
        yield {
            "code": ind.code,
            "name": ind.title,
            "definition": ind.definition,
            "unit": ind.unit,
            "counts": ind.counts,
            "does_not_count": ind.does_not_count,
            "breakdown": ind.breakdown,
            "breakdown_values": [b for b in ind.breakdown_codes if b],
            "health_canada": ind.health_canada,
            "euda": ind.euda,
            "added_in": ind.added_in.version,
        }


MAX_JSON_ROWS = 50_000


def monthly_payload(filters: dict) -> dict:
    def compute() -> dict:
        points = monthly_points(**filters)
        records = []
        for row in monthly_records(points[: MAX_JSON_ROWS + 1]):
            records.append(dict(zip(MONTHLY_COLUMNS, row, strict=True)))
        truncated = len(records) > MAX_JSON_ROWS
        return {
            "licence": LICENCE,
            "attribution": ATTRIBUTION,
            "suppression": _(
                'Counts 1-4 have value null and suppressed "<5"; "x" marks a '
                "complementary suppression."
            ),
            "synthetic_note": str(SYNTHETIC_NOTE),
            "truncated": truncated,
            "rows": records[:MAX_JSON_ROWS],
        }

    return cached("monthly", filters, compute)


# --- reporting -----------------------------------------------------------------------------


def reported_facility(user, public_id: str) -> Facility:
    """The facility `user` reports for: PermissionDenied for another published facility,
    Http404 for one that does not exist or is not published (no hint that it exists)."""
    facility = (
        Facility.objects.for_reporter(user)
        .select_related("country")
        .filter(public_id=public_id)
        .first()
    )
    if facility is not None:
        return facility
    if Facility.objects.public().filter(public_id=public_id).exists():
        raise PermissionDenied(_("You do not report for this facility."))
    raise Http404


def reported_month(user, facility: Facility, month: dt.date) -> dict[str, int]:
    """The cells stored for a month of a facility `user` reports for (unsuppressed)."""
    return {
        cell_name(code, breakdown): value
        for code, breakdown, value in MonthlyValue.objects.for_reporter(user)
        .for_month(facility, month)
        .values_list("indicator__code", "breakdown", "value")
    }


def published_facility(public_id: str) -> Facility:
    return get_object_or_404(
        Facility.objects.public().select_related("country"), public_id=public_id
    )


def surveys_for_review(*, with_rates: bool) -> list[dict]:
    """Each survey year with its responses awaiting review (and, for staff, response rates)."""
    pending = group_by(SurveyResponse.objects.awaiting_review(), lambda r: r.survey_id)
    surveys = list(SurveyYear.objects.all())
    rates = response_rates_by_survey(surveys) if with_rates else {}
    return [
        {
            "survey": survey_year,
            "rates": rates.get(survey_year.pk, []),
            "pending": pending.get(survey_year.pk, []),
        }
        for survey_year in surveys
    ]


def active_token(raw: str) -> ReporterToken | None:
    """The active token with this value, with its user; None for an unknown or revoked one."""
    return ReporterToken.objects.active().matching(raw).select_related("user").first()


def reporting_overview(user) -> dict:
    """The reporter's start page: their facilities, active tokens and the open surveys."""
    return {
        "facilities": Facility.objects.for_reporter(user).select_related("country"),
        "tokens": ReporterToken.objects.of(user).active().order_by("created"),
        "open_surveys": [s for s in SurveyYear.objects.all() if s.is_open],
    }
