"""Monitoring API: the indicator dictionary, published series, open monthly data, reporting.

Every refusal is lib.api's one error body; every status an endpoint can answer is declared.
"""

from __future__ import annotations

from typing import Annotated

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Path, Query, Router, Schema
from ninja.security import HttpBearer
from pydantic import ConfigDict, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from dcrnet.community.roles import lacks_mfa
from dcrnet.directory.models import Country, Facility
from dcrnet.lib.api import Refusal, invalid, responses

from . import selectors, services
from .forms import (
    COUNTRY_PATTERN,
    MONTH_PATTERN,
    SLUG_PATTERN,
    CellName,
    MonthlyFilters,
    SeriesFilters,
)
from .models import MAX_VALUE, Indicator
from .survey_results import survey_results

router = Router(tags=["monitoring"])

FacilityId = Annotated[str, Path(max_length=80, pattern=SLUG_PATTERN, description="public_id")]
MonthPath = Annotated[
    str, Path(pattern=MONTH_PATTERN, description="The month, YYYY-MM", examples=["2025-03"])
]

# A token acts for its account: one that must have a second factor and has none may not use it.
MFA_FIRST = "this token's account must set up two-factor authentication first (/accounts/2fa/)"


class ReporterTokenAuth(HttpBearer):
    """A personal reporter token (Authorization: Bearer dcr_…); only its hash is stored."""

    def authenticate(self, request: HttpRequest, token: str):
        token_row = selectors.active_token(token)
        if token_row is None:
            return None
        if lacks_mfa(token_row.user):
            raise Refusal(403, [("Authorization", MFA_FIRST)])
        services.record_token_use(token_row)
        request.user = token_row.user
        return token_row.user


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


@router.get("/indicators", response=responses(list[IndicatorOut]), url_name="monitoring_indicators")
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


def _series(request: HttpRequest, scope: selectors.Scope, q: SeriesFilters) -> dict:
    SeriesFilters.refuse_unknown(request.GET)
    indicator = Indicator.objects.get(code=q.indicator)  # the filters checked that it exists
    return selectors.series(scope, indicator, q.start, q.end)


@router.get("/series/network", response=responses(SeriesOut), url_name="monitoring_series_network")
def series_network(request: HttpRequest, q: Query[SeriesFilters]):
    """Monthly series of one indicator for the whole network (after suppression)."""
    return _series(request, selectors.Scope.network(), q)


@router.get(
    "/series/countries/{code}",
    response=responses(SeriesOut, 404),
    url_name="monitoring_series_country",
)
def series_country(
    request: HttpRequest,
    code: Annotated[str, Path(pattern=COUNTRY_PATTERN, description="ISO 3166-1 alpha-2")],
    q: Query[SeriesFilters],
):
    """Monthly series of one indicator for a country (after suppression)."""
    country = get_object_or_404(Country, code=code.upper())
    return _series(request, selectors.Scope.for_country(country), q)


@router.get(
    "/series/facilities/{public_id}",
    response=responses(SeriesOut, 404),
    url_name="monitoring_series_facility",
)
def series_facility(
    request: HttpRequest,
    public_id: FacilityId,
    q: Query[SeriesFilters],
):
    """Monthly series of one indicator for a published facility (after suppression)."""
    facility = get_object_or_404(Facility.objects.public(), public_id=public_id)
    return _series(request, selectors.Scope.for_facility(facility), q)


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
    response=responses(MonthlyOut, 404),
    url_name="monitoring_monthly",
    summary="Open monthly data (also at /data/monthly.json and /data/monthly.csv)",
)
def monthly(request: HttpRequest, q: Query[MonthlyFilters]):
    """Published monthly values after suppression, CC BY 4.0. The same filters work on
    /data/monthly.csv (CSV) and /data/monthly.json; an unknown parameter is refused, a
    facility that is not published is not found."""
    MonthlyFilters.refuse_unknown(request.GET)
    q.refuse_missing()
    return selectors.monthly_payload(q.filters())


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


@router.get("/survey", response=responses(SurveyOut), url_name="monitoring_survey")
def survey(request: HttpRequest):
    """Yearly survey results (accepted responses only), as in /data/survey.csv."""
    return survey_results()


# --- reporting with a personal token --------------------------------------------------------


def _count(value: object) -> int | None:
    try:
        return services.read_count(value)
    except ValueError as error:
        raise PydanticCustomError("count", "{reason}", {"reason": str(error)}) from None


# What str.strip() takes from around a count (services.read_count), less the control
# characters that lib.middleware refuses before any view: JSON Schema's \s would allow them.
COUNT_SPACE = r"[\t\n\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
COUNT_TEXT = f"^{COUNT_SPACE}*([0-9][0-9 \\u00a0\\u202f]*)?{COUNT_SPACE}*$"

# The grid's and the CSV's reader (services.read_count): true, 2.5 or "٣" are refused.
Count = Annotated[
    int | None,
    PlainValidator(_count),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 0, "maximum": MAX_VALUE},
                {"type": "string", "pattern": COUNT_TEXT},
                {"type": "null"},
            ]
        }
    ),
]


CELLS_DESCRIPTION = (
    'Cells by name: "visits", "supervised_consumptions:injecting", … (the columns of the CSV '
    "template). Null or an empty string means not reported."
)
VERSION_DESCRIPTION = (
    "The month's version as last read (GET): if the month changed since, nothing is saved and "
    "the answer is 409."
)


class ReportIn(Schema):
    """A PUT's body. Names outside the dictionary and any other member are refused (422)."""

    model_config = ConfigDict(extra="forbid")

    values: dict[CellName, Count] = Field(description=CELLS_DESCRIPTION)
    version: str | None = Field(None, pattern=r"^[0-9a-f]{16}$", description=VERSION_DESCRIPTION)


class MonthOut(Schema):
    facility: str
    month: str
    changed: int
    values: dict[str, int]
    version: str = Field(description="Send it back with a PUT to refuse overwriting changes.")


REPORT_RESPONSES = (401, 403, 404)


def _reported(request: HttpRequest, public_id: str):
    try:
        return selectors.reported_facility(request.auth, public_id)
    except PermissionDenied:
        raise Refusal(403, [("public_id", "you do not report for this facility")]) from None


def _month(text: str):
    try:
        return services.parse_month(text)
    except ValueError as error:
        raise invalid("month", str(error)) from None


def _month_out(facility: Facility, month, values: dict[str, int], changed: int) -> dict:
    return {
        "facility": facility.public_id,
        "month": f"{month:%Y-%m}",
        "changed": changed,
        "values": values,
        "version": services.month_version(values),
    }


@router.get(
    "/report/{public_id}/{month}",
    response=responses(MonthOut, *REPORT_RESPONSES),
    auth=ReporterTokenAuth(),
    url_name="monitoring_report_get",
)
def report_get(request: HttpRequest, public_id: FacilityId, month: MonthPath):
    """A month as reported (unsuppressed: only the facility's own reporters may read it)."""
    facility = _reported(request, public_id)
    month_date = _month(month)
    return _month_out(
        facility, month_date, selectors.reported_month(request.auth, facility, month_date), 0
    )


@router.put(
    "/report/{public_id}/{month}",
    response=responses(MonthOut, *REPORT_RESPONSES, 409),
    auth=ReporterTokenAuth(),
    url_name="monitoring_report_put",
)
def report_put(
    request: HttpRequest,
    public_id: FacilityId,
    month: MonthPath,
    body: ReportIn,
):
    """Report (or correct) cells of a month for a facility you report for.

    Only the cells sent change (null or "" deletes nothing: it is not reported); a correction
    keeps the former value in the history. The cross-checks hold against the cells already
    stored. Each refused cell is named as `body.values.<cell>`, as lib.middleware names a
    member of a JSON body."""
    facility = _reported(request, public_id)
    month_date = _month(month)
    try:
        cells = services.read_cells(body.values)
        changed = services.save_month(
            facility, month_date, cells, user=request.auth, version=body.version
        )
    except services.ReportInvalid as error:
        raise Refusal(
            422,
            [
                (f"body.values.{cell}" if cell else "body.values", problem.message)
                for problem in error.problems
                for cell in problem.cells or [""]
            ],
        ) from None
    except services.ReportConflict as conflict:
        raise Refusal(409, [("body.version", str(conflict))]) from None
    return _month_out(
        facility, month_date, selectors.reported_month(request.auth, facility, month_date), changed
    )
