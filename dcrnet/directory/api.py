"""The directory's open-data API: facilities, countries, highlights (mounted at /api/v1/)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from django_countries import countries
from ninja import Field, Path, Query, Router, Schema
from ninja.responses import Status as Reply
from pydantic import field_validator
from pydantic_core import PydanticCustomError

from dcrnet.lib.markdown import render_markdown

from . import selectors
from .forms import SORTS
from .models import (
    Country,
    Criterion,
    Facility,
    FacilityModel,
    Highlight,
    Route,
    Service,
    Status,
    highlight_for,
)

router = Router(tags=["directory"])

MAX_LIMIT = 500
DEFAULT_LIMIT = 50
MAX_OFFSET = 1_000_000  # beyond any directory; keeps OFFSET inside a database integer

# The list page's sort keys (forms.SORTS); a test keeps the two in step.
SortKey = Literal["name", "-name", "city", "country", "opened", "-opened"]

SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
COUNTRY_PATTERN = r"^[A-Za-z]{2}$"


def iso_country(code: str) -> str:
    """Upper-case ISO 3166-1 alpha-2 code, or a validation error that quotes the input."""
    upper = code.upper()
    if len(upper) != 2 or upper not in countries:
        raise PydanticCustomError(
            "country_code",
            "'{code}' is not an ISO 3166-1 alpha-2 country code",
            {"code": code[:20]},
        )
    return upper


class ErrorOut(Schema):
    error: str


def problems_response(errors: list[dict], status: int) -> JsonResponse:
    """The API's error shape (see dcrnet/api.py) for pydantic errors raised outside ninja."""
    problems = [
        {
            "parameter": ".".join(str(part) for part in error.get("loc", ())) or "request",
            "message": error.get("msg", "invalid"),
        }
        for error in errors
    ]
    summary = "; ".join(f"{p['parameter']}: {p['message']}" for p in problems)
    return JsonResponse({"error": summary, "problems": problems}, status=status)


# --- Input --------------------------------------------------------------------------------------


class FacilityFilters(Schema):
    """The list page's filters; blank values mean "any", as in the list page's GET form."""

    country: str | None = Field(None, description="ISO 3166-1 alpha-2 country code, e.g. LU.")
    status: Status | None = Field(None, description="Current status.")
    route: Route | None = Field(None, description="Route of use offered (current profile).")
    model: FacilityModel | None = Field(None, description="Model of the facility.")
    service: Service | None = Field(None, description="Service offered (current profile).")
    q: str | None = Field(
        None, max_length=100, description="Text search in name, city and operator."
    )
    sort: SortKey = Field("name", description="Order, as on the list page.")

    @field_validator("country", "status", "route", "model", "service", "q", mode="before")
    @classmethod
    def blank_means_any(cls, value):
        return None if value == "" else value

    @field_validator("sort", mode="before")
    @classmethod
    def blank_means_default(cls, value):
        return "name" if value in ("", None) else value

    @field_validator("country")
    @classmethod
    def known_country(cls, value: str | None) -> str | None:
        return iso_country(value) if value else None

    @field_validator("q")
    @classmethod
    def printable_text(cls, value: str | None) -> str | None:
        if value and "\x00" in value:
            raise PydanticCustomError("null_character", "Null characters are not allowed")
        return value.strip() or None if value else None

    def queryset_filters(self) -> dict:
        return {
            "country": self.country,
            "status": self.status,
            "route": self.route,
            "model": self.model,
            "service": self.service,
            "q": self.q,
        }

    def facilities(self):
        """The public facilities these filters select, in the requested order."""
        return (
            Facility.objects.public()
            .for_list()
            .filtered(**self.queryset_filters())
            .order_by(*SORTS[self.sort])
        )


class Pagination(Schema):
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Items per page.")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Items to skip.")


# --- Output -------------------------------------------------------------------------------------


class CountryRef(Schema):
    code: str = Field(description="ISO 3166-1 alpha-2.")
    name: str


def country_ref(country: Country) -> dict:
    return {"code": country.code.code, "name": country.name}


class Location(Schema):
    latitude: float
    longitude: float
    exact: bool = Field(
        description="True only when the operator publishes the exact address; "
        "otherwise the point is approximate (city level)."
    )
    address: str | None = Field(description="Only when the operator publishes it.")


class RoutePlaces(Schema):
    route: Route
    places: int | None = Field(description="Places for this route; null when unknown.")


class FacilityOut(Schema):
    public_id: str = Field(description="Stable identifier; never changes.")
    name: str
    operator: str
    city: str
    country: CountryRef
    model: FacilityModel
    status: Status
    status_since: dt.date | None
    website: str
    location: Location
    routes: list[RoutePlaces] = Field(description="Routes offered, from the current profile.")
    url: str = Field(description="Path of the facility's page on this site.")

    @staticmethod
    def resolve_country(obj: Facility) -> dict:
        return country_ref(obj.country)

    @staticmethod
    def resolve_location(obj: Facility) -> dict:
        latitude, longitude = obj.point
        exact = obj.publish_exact_location and obj.exact_latitude is not None
        return {
            "latitude": latitude,
            "longitude": longitude,
            "exact": exact,
            "address": obj.public_address or None,
        }

    @staticmethod
    def resolve_routes(obj: Facility) -> list:
        snapshot = obj.current_snapshot
        return list(snapshot.routes.all()) if snapshot else []

    @staticmethod
    def resolve_url(obj: Facility) -> str:
        return obj.get_absolute_url()


class FacilityPage(Schema):
    count: int = Field(description="Facilities matching the filters, on all pages.")
    limit: int
    offset: int
    items: list[FacilityOut]


class StatusChangeOut(Schema):
    date: dt.date
    status: Status
    note: str
    source: str
    source_url: str


class OpeningHoursOut(Schema):
    weekday: int = Field(ge=0, le=6, description="0 is Monday.")
    opens: dt.time
    closes: dt.time = Field(description="Before 'opens' means after midnight.")


class SnapshotOut(Schema):
    """The shape of ProfileSnapshot.as_dict()."""

    as_of: dt.date
    source: str
    source_url: str
    routes: list[RoutePlaces]
    services: list[Service]
    admission_criteria: list[Criterion]
    minimum_age: int | None
    other_criteria: str
    opening_hours: list[OpeningHoursOut]


class MarkdownText(Schema):
    markdown: str = Field(description="The editors' Markdown source.")
    html: str = Field(description="Rendered and sanitised HTML.")


def markdown_text(text: str) -> dict:
    return {"markdown": text, "html": str(render_markdown(text))}


class FacilityDetailOut(FacilityOut):
    description: MarkdownText
    status_history: list[StatusChangeOut] = Field(description="Oldest first; the last is current.")
    snapshots: list[SnapshotOut] = Field(description="Profile snapshots, newest first.")

    @staticmethod
    def resolve_routes(obj: Facility) -> list:
        # The current snapshot is among the prefetched ones: no extra query.
        current = [s for s in obj.snapshots.all() if s.pk == obj.current_snapshot_id]
        return list(current[0].routes.all()) if current else []

    @staticmethod
    def resolve_description(obj: Facility) -> dict:
        return markdown_text(obj.description)

    @staticmethod
    def resolve_status_history(obj: Facility) -> list:
        return list(obj.status_changes.all())

    @staticmethod
    def resolve_snapshots(obj: Facility) -> list[dict]:
        return [snapshot.as_dict() for snapshot in obj.snapshots.all()]


class SourceOut(Schema):
    title: str
    url: str


class CountrySummaryOut(Schema):
    code: str = Field(description="ISO 3166-1 alpha-2.")
    name: str
    open_count: int = Field(description="Published facilities open today.")
    listed_count: int = Field(description="Published facilities in the directory, any status.")
    as_of: dt.date | None = Field(description="Date of the legal and political description.")
    source: SourceOut
    url: str = Field(description="Path of the country's page on this site.")

    @staticmethod
    def resolve_code(obj: Country) -> str:
        return obj.code.code

    @staticmethod
    def resolve_listed_count(obj: Country) -> int:
        return obj.facility_count

    @staticmethod
    def resolve_source(obj: Country) -> dict:
        return {"title": obj.source_title, "url": obj.source_url}

    @staticmethod
    def resolve_url(obj: Country) -> str:
        return obj.get_absolute_url()


class YearCount(Schema):
    year: int
    open: int = Field(description="Facilities open at the end of the year (today for this year).")


class CountryDetailOut(Schema):
    code: str = Field(description="ISO 3166-1 alpha-2.")
    name: str
    legal_basis: MarkdownText
    political_situation: MarkdownText
    source: SourceOut
    as_of: dt.date | None
    open_counts: list[YearCount]
    url: str

    @staticmethod
    def resolve_code(obj: Country) -> str:
        return obj.code.code

    @staticmethod
    def resolve_legal_basis(obj: Country) -> dict:
        return markdown_text(obj.legal_basis)

    @staticmethod
    def resolve_political_situation(obj: Country) -> dict:
        return markdown_text(obj.political_situation)

    @staticmethod
    def resolve_source(obj: Country) -> dict:
        return {"title": obj.source_title, "url": obj.source_url}

    @staticmethod
    def resolve_open_counts(obj: Country) -> list[dict]:
        return [{"year": year, "open": count} for year, count in obj.open_counts_by_year()]

    @staticmethod
    def resolve_url(obj: Country) -> str:
        return obj.get_absolute_url()


class FacilityRef(Schema):
    public_id: str
    name: str
    city: str
    country: CountryRef
    url: str

    @staticmethod
    def resolve_country(obj: Facility) -> dict:
        return country_ref(obj.country)

    @staticmethod
    def resolve_url(obj: Facility) -> str:
        return obj.get_absolute_url()


class HighlightOut(Schema):
    month: dt.date = Field(description="First day of the month.")
    title: str
    text: MarkdownText
    facility: FacilityRef
    scheduled: bool = Field(
        description="False when no highlight was scheduled and the rotation chose the facility."
    )
    url: str | None = Field(description="Path of the highlight's page; null for the rotation.")

    @staticmethod
    def resolve_text(obj: Highlight) -> dict:
        return markdown_text(obj.text)

    @staticmethod
    def resolve_scheduled(obj: Highlight) -> bool:
        return obj.pk is not None

    @staticmethod
    def resolve_url(obj: Highlight) -> str | None:
        return obj.get_absolute_url() if obj.pk is not None else None


class HighlightsOut(Schema):
    current: HighlightOut | None = Field(description="This month's highlight.")
    past: list[HighlightOut] = Field(
        description="Scheduled highlights up to this month, newest first."
    )


# --- Endpoints ----------------------------------------------------------------------------------


@router.get(
    "/facilities", operation_id="list_facilities", response=FacilityPage, summary="List facilities"
)
def list_facilities(
    request: HttpRequest, filters: Query[FacilityFilters], page: Query[Pagination]
) -> dict:
    """Published facilities, filtered and sorted as on the list page, a page at a time."""
    facilities = filters.facilities()
    return {
        "count": facilities.count(),
        "limit": page.limit,
        "offset": page.offset,
        "items": list(facilities[page.offset : page.offset + page.limit]),
    }


@router.get(
    "/facilities/{public_id}",
    operation_id="get_facility",
    response={200: FacilityDetailOut, 404: ErrorOut},
    summary="One facility with its status history and profile snapshots",
)
def get_facility(
    request: HttpRequest, public_id: Annotated[str, Path(pattern=SLUG_PATTERN, max_length=80)]
):
    try:
        return selectors.facility_detail(public_id)
    except Facility.DoesNotExist:
        return Reply(404, {"error": _("No facility has the public id '%s'.") % public_id})


@router.get(
    "/countries",
    operation_id="list_countries",
    response=list[CountrySummaryOut],
    summary="List countries",
)
def list_countries(request: HttpRequest):
    """Countries with at least one published facility."""
    return selectors.countries_in_directory()


@router.get(
    "/countries/{code}",
    operation_id="get_country",
    response={200: CountryDetailOut, 404: ErrorOut},
    summary="One country: legal basis, political situation, open facilities over time",
)
def get_country(request: HttpRequest, code: Annotated[str, Path(pattern=COUNTRY_PATTERN)]):
    code = code.upper()
    if code not in countries:
        return Reply(404, {"error": _("'%s' is not an ISO 3166-1 alpha-2 country code.") % code})
    country = Country.objects.filter(code=code).first()
    if country is None:
        return Reply(404, {"error": _("The directory has no profile of the country '%s'.") % code})
    return country


@router.get(
    "/highlights",
    operation_id="list_highlights",
    response=HighlightsOut,
    summary="Monthly highlights",
)
def list_highlights(request: HttpRequest) -> dict:
    return {"current": highlight_for(), "past": list(Highlight.objects.past())}
