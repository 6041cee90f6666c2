"""The directory's open-data API: facilities, countries, highlights (mounted at /api/v1/).

Language-neutral: its messages are English and not in the catalogue."""

from __future__ import annotations

from typing import Annotated

from django.http import HttpRequest
from django_countries import countries
from ninja import Path, Query, Router

from dcrnet.lib.api import Refusal, responses

from . import selectors
from .models import Country, Facility
from .schemas import (
    COUNTRY_PATTERN,
    SLUG_PATTERN,
    CountryDetailOut,
    CountrySummaryOut,
    FacilityDetailOut,
    FacilityFilters,
    FacilityPage,
    HighlightsOut,
    Pagination,
)

router = Router(tags=["directory"])


@router.get(
    "/facilities",
    operation_id="list_facilities",
    response=responses(FacilityPage),
    summary="List facilities",
)
def list_facilities(
    request: HttpRequest, filters: Query[FacilityFilters], page: Query[Pagination]
) -> dict:
    """Facilities, filtered and sorted as on the list page, a page at a time."""
    facilities = selectors.facility_items(filters, request.user)
    return {
        "count": facilities.count(),
        "limit": page.limit,
        "offset": page.offset,
        "items": list(facilities[page.offset : page.offset + page.limit]),
    }


@router.get(
    "/facilities/{public_id}",
    operation_id="get_facility",
    response=responses(FacilityDetailOut, 404),
    summary="One facility with its status history and profile snapshots",
)
def get_facility(
    request: HttpRequest, public_id: Annotated[str, Path(pattern=SLUG_PATTERN, max_length=80)]
) -> Facility:
    try:
        return selectors.facility_detail(public_id, request.user)
    except Facility.DoesNotExist:
        message = f"No facility has the public id '{public_id}'."
        raise Refusal(404, [("public_id", message)]) from None


@router.get(
    "/countries",
    operation_id="list_countries",
    response=responses(list[CountrySummaryOut]),
    summary="List countries",
)
def list_countries(request: HttpRequest):
    """Countries with at least one published facility."""
    return selectors.countries_in_directory()


@router.get(
    "/countries/{code}",
    operation_id="get_country",
    response=responses(CountryDetailOut, 404),
    summary="One country: legal basis, political situation, open facilities over time",
)
def get_country(
    request: HttpRequest, code: Annotated[str, Path(pattern=COUNTRY_PATTERN)]
) -> Country:
    if code.upper() not in countries:
        message = f"'{code.upper()}' is not an ISO 3166-1 alpha-2 country code."
        raise Refusal(404, [("code", message)])
    try:
        return selectors.country(code)
    except Country.DoesNotExist:
        message = f"The directory has no profile of the country '{code.upper()}'."
        raise Refusal(404, [("code", message)]) from None


@router.get(
    "/highlights",
    operation_id="list_highlights",
    response=responses(HighlightsOut),
    summary="Monthly highlights",
)
def list_highlights(request: HttpRequest) -> dict:
    return {
        "current": selectors.current_highlight(),
        "past": list(selectors.past_highlights(request.user)),
    }
