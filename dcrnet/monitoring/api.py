"""Monitoring API: the indicator dictionary, published series, open monthly data, reporting."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.security import HttpBearer

from dcrnet.community.roles import lacks_mfa
from dcrnet.directory.models import Country, Facility
from dcrnet.lib.api import Refusal

from . import selectors, services
from .forms import MonthlyFilterForm
from .models import Indicator, ReporterToken, hash_token
from .survey_results import survey_results

router = Router(tags=["monitoring"])

# A token acts for its account: one that must have a second factor and has none may not use it.
MFA_FIRST = "this token's account must set up two-factor authentication first (/accounts/2fa/)"


class ReporterTokenAuth(HttpBearer):
    """A personal reporter token (Authorization: Bearer dcr_…); only its hash is stored."""

    def authenticate(self, request: HttpRequest, token: str):
        token_row = (
            ReporterToken.objects.select_related("user")
            .filter(digest=hash_token(token), revoked__isnull=True, user__is_active=True)
            .first()
        )
        if token_row is None:
            return None
        if lacks_mfa(token_row.user):
            raise Refusal(403, [("Authorization", MFA_FIRST)])
        ReporterToken.objects.filter(pk=token_row.pk).update(last_used=timezone.now())
        request.user = token_row.user
        return token_row.user


class Problem(Schema):
    parameter: str
    message: str


class ErrorOut(Schema):
    error: str
    problems: list[Problem] = []


class IndicatorOut(Schema):
    code: str
    name: str
    definition: str
    unit: str
    counts: str
    does_not_count: str
    breakdown: str
    breakdown_values: list[str]
    health_canada: str
    euda: str
    added_in: str


@router.get("/indicators", response=list[IndicatorOut], url_name="monitoring_indicators")
def indicators(request: HttpRequest):
    """The indicator dictionary (minimum dataset), current version."""
    return list(selectors.dictionary_rows())


class SeriesLine(Schema):
    label: str
    breakdown: str
    values: list[int | str | None] = Field(
        description='Integers; "<5" for a count of 1–4, "x" for a complementary suppression, '
        "null where nothing was reported."
    )


class SeriesOut(Schema):
    scope: str
    level: str
    indicator: str
    title: str
    unit: str
    labels: list[str]
    series: list[SeriesLine]
    synthetic: bool
    synthetic_note: str
    suppression: str
    licence: str


class SeriesQuery(Schema):
    indicator: str = Field(..., max_length=40, description="Indicator code, see /indicators.")
    start: dt.date | None = Field(None, description="First month (YYYY-MM-01).")
    end: dt.date | None = Field(None, description="Last month (YYYY-MM-01).")


class BadParameter(Exception):
    def __init__(self, parameter: str, message: str):
        self.parameter, self.message = parameter, message

    def response(self) -> tuple[int, dict]:
        return 422, {
            "error": f"{self.parameter}: {self.message}",
            "problems": [{"parameter": self.parameter, "message": self.message}],
        }


def _indicator(code: str) -> Indicator:
    try:
        return Indicator.objects.get(code=code)
    except Indicator.DoesNotExist:
        raise BadParameter("indicator", f"unknown code {code!r}; see /api/v1/indicators") from None


def _series(scope_factory, q):
    try:
        indicator = _indicator(q.indicator)
    except BadParameter as error:
        return error.response()
    return selectors.series(scope_factory(), indicator, q.start, q.end)


SERIES_RESPONSES = {200: SeriesOut, 422: ErrorOut}


@router.get("/series/network", response=SERIES_RESPONSES, url_name="monitoring_series_network")
def series_network(request: HttpRequest, q: Query[SeriesQuery]):
    """Monthly series of one indicator for the whole network (after suppression)."""
    return _series(selectors.Scope.network, q)


@router.get(
    "/series/countries/{code}", response=SERIES_RESPONSES, url_name="monitoring_series_country"
)
def series_country(request: HttpRequest, code: str, q: Query[SeriesQuery]):
    """Monthly series of one indicator for a country (after suppression)."""
    country = get_object_or_404(Country, code=code.upper()[:2])
    return _series(lambda: selectors.Scope.for_country(country), q)


@router.get(
    "/series/facilities/{public_id}",
    response=SERIES_RESPONSES,
    url_name="monitoring_series_facility",
)
def series_facility(request: HttpRequest, public_id: str, q: Query[SeriesQuery]):
    """Monthly series of one indicator for a facility (after suppression)."""
    facility = get_object_or_404(Facility.objects.public(), public_id=public_id)
    return _series(lambda: selectors.Scope.for_facility(facility), q)


class MonthlyQuery(Schema):
    level: str | None = Field(None, description="facility (default), country or network")
    facility: str | None = Field(None, max_length=80, description="Facility public_id")
    country: str | None = Field(None, max_length=2, description="Two-letter country code")
    indicator: str | None = Field(None, max_length=40)
    start: str | None = Field(None, max_length=10, description="First month, YYYY-MM")
    end: str | None = Field(None, max_length=10, description="Last month, YYYY-MM")


class MonthlyRow(Schema):
    level: str
    area: str
    facility: str
    facility_name: str
    country: str
    month: str
    indicator: str
    breakdown: str
    value: int | None
    suppressed: str
    synthetic: bool


class MonthlyOut(Schema):
    licence: str
    attribution: str
    suppression: str
    synthetic_note: str
    truncated: bool
    rows: list[MonthlyRow]


@router.get(
    "/monthly",
    response={200: MonthlyOut, 400: ErrorOut},
    url_name="monitoring_monthly",
    summary="Open monthly data (also at /data/monthly.json and /data/monthly.csv)",
)
def monthly(request: HttpRequest, q: Query[MonthlyQuery]):
    """Published monthly values after suppression, CC BY 4.0. The same filters work on
    /data/monthly.csv (CSV) and /data/monthly.json."""
    form = MonthlyFilterForm({k: v for k, v in q.dict().items() if v is not None})
    unknown = sorted(set(request.GET) - set(MonthlyFilterForm.base_fields))
    if unknown:
        return 400, {
            "error": "; ".join(f"{name}: unknown parameter" for name in unknown),
            "problems": [{"parameter": n, "message": "unknown parameter"} for n in unknown],
        }
    if not form.is_valid():
        return 400, form.error_summary()
    return selectors.monthly_payload(form.filters())


class SurveyMeta(Schema):
    year: int
    n: int
    surveyed: int
    rate: int | None


class SurveyOut(Schema):
    years: list[int]
    meta: list[SurveyMeta]
    csv: list[list[int | float | str | None]] = Field(
        description="Rows of /data/survey.csv: year, question, category, value, n, surveyed, "
        "response_rate"
    )


@router.get("/survey", response=SurveyOut, url_name="monitoring_survey")
def survey(request: HttpRequest):
    """Yearly survey results (accepted responses only), as in /data/survey.csv."""
    return survey_results()


# --- reporting with a personal token --------------------------------------------------------


class MonthIn(Schema):
    values: dict[str, int | str | None] = Field(
        ...,
        description='Cells by name: "visits", "supervised_consumptions:injecting", … '
        "(the columns of the CSV template). Null or empty means not reported.",
    )


class MonthOut(Schema):
    facility: str
    month: str
    changed: int
    values: dict[str, int]


class ReportProblem(Schema):
    message: str
    cells: list[str]


class ReportErrorOut(Schema):
    error: str
    problems: list[ReportProblem]


def _reported(request: HttpRequest, public_id: str) -> Facility:
    try:
        return Facility.objects.get(public_id=public_id, reporters=request.auth)
    except Facility.DoesNotExist:
        raise Http404 from None


def _month(text: str) -> dt.date:
    try:
        return services.parse_month(text)
    except ValueError as error:
        raise HttpError(422, f"month: {error}") from None


@router.get(
    "/report/{public_id}/{month}",
    response=MonthOut,
    auth=ReporterTokenAuth(),
    url_name="monitoring_report_get",
)
def report_get(request: HttpRequest, public_id: str, month: str):
    """A month as reported (unsuppressed: only the facility's own reporters may read it)."""
    facility = _reported(request, public_id)
    month_date = _month(month)
    from .models import MonthlyValue

    values = {
        services.cell_name(v.indicator.code, v.breakdown): v.value
        for v in MonthlyValue.objects.for_month(facility, month_date).select_related("indicator")
    }
    return {"facility": public_id, "month": f"{month_date:%Y-%m}", "changed": 0, "values": values}


@router.put(
    "/report/{public_id}/{month}",
    response={200: MonthOut, 422: ReportErrorOut},
    auth=ReporterTokenAuth(),
    url_name="monitoring_report_put",
)
def report_put(request: HttpRequest, public_id: str, month: str, payload: MonthIn):
    """Report (or correct) cells of a month for a facility you report for.

    Only the cells sent change; a correction keeps the former value in the history.
    Another facility answers 404."""
    facility = _reported(request, public_id)
    month_date = _month(month)
    clean, problems = services.validate_month(payload.values, month_date)
    if problems:
        return 422, {
            "error": "; ".join(str(p) for p in problems),
            "problems": [{"message": p.message, "cells": p.cells} for p in problems],
        }
    # Cross-checks must also hold against cells already stored for the month.
    from .models import MonthlyValue

    stored = {
        services.cell_name(v.indicator.code, v.breakdown): v.value
        for v in MonthlyValue.objects.for_month(facility, month_date).select_related("indicator")
    }
    merged = {**stored, **clean}
    problems = services.cross_check(merged, month_date)
    if problems:
        return 422, {
            "error": "; ".join(str(p) for p in problems),
            "problems": [{"message": p.message, "cells": p.cells} for p in problems],
        }
    with transaction.atomic():
        changed = services.save_month(facility, month_date, clean, user=request.auth)
    return {
        "facility": public_id,
        "month": f"{month_date:%Y-%m}",
        "changed": changed,
        "values": merged,
    }
