"""The directory's contracts: the facility list's filters (one for page, API and downloads), and
the shapes the API and the JSON download give."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Literal

from django.utils.translation import gettext as _
from django_countries import countries
from ninja import Field, Schema
from pydantic import ValidationError, field_validator
from pydantic_core import PydanticCustomError

from dcrnet.lib.markdown import render_markdown
from dcrnet.lib.text import CONTROL_CHARACTER

from .models import (
    Country,
    Criterion,
    Facility,
    FacilityModel,
    FacilitySort,
    Highlight,
    Route,
    Service,
    Status,
)

MAX_LIMIT = 500
DEFAULT_LIMIT = 50
MAX_OFFSET = 1_000_000  # beyond any directory; keeps OFFSET inside a database integer
MAX_Q = 100

SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
COUNTRY_PATTERN = r"^[A-Za-z]{2}$"
# Control characters never reach a view (lib.middleware refuses them, naming the parameter);
# the document says so, so that a client (or a fuzzer) knows such a text is invalid.
TEXT_PATTERN = f"^[^{CONTROL_CHARACTER.pattern.removeprefix('[').removesuffix(']')}]*$"

COUNTRY_CODES = tuple(countries.countries)


def _choice_of(values) -> object:
    """A Literal of the values and "" (blank means any, as in the list page's form)."""
    return Literal[("", *values)]  # type: ignore[valid-type]


CountryCode = _choice_of((*COUNTRY_CODES, *(code.lower() for code in COUNTRY_CODES)))
StatusChoice = _choice_of(Status.values)
RouteChoice = _choice_of(Route.values)
ModelChoice = _choice_of(FacilityModel.values)
ServiceChoice = _choice_of(Service.values)
SortChoice = _choice_of(FacilitySort.values)

CHOICES = {
    "status": Status.values,
    "route": Route.values,
    "model": FacilityModel.values,
    "service": Service.values,
    "sort": FacilitySort.values,
}


def iso_country(code: str) -> str:
    """Upper-case ISO 3166-1 alpha-2 code, or a validation error that quotes the input."""
    upper = code.upper()
    if len(upper) != 2 or upper not in countries:
        raise PydanticCustomError(
            "country_code",
            _("'{code}' is not an ISO 3166-1 alpha-2 country code"),
            {"code": code[:20]},
        )
    return upper


def limited_text(value: str, max_length: int) -> str:
    if len(value) > max_length:
        raise PydanticCustomError(
            "too_long", _("Give at most {max} characters"), {"max": max_length}
        )
    return value.strip()


# --- Input --------------------------------------------------------------------------------------


class FacilityFilters(Schema):
    """The facility list's filters: the list page's form, the map, the API and the downloads all
    read them through this one schema. A blank value means any, as in the page's GET form."""

    q: str = Field(
        "",
        max_length=MAX_Q,
        pattern=TEXT_PATTERN,
        description="Text search in name, city and operator. Blank means any.",
    )
    country: CountryCode = Field(  # type: ignore[valid-type]
        "", description="ISO 3166-1 alpha-2 country code, e.g. LU (any case). Blank means any."
    )
    status: StatusChoice = Field("", description="Current status. Blank means any.")  # type: ignore[valid-type]
    route: RouteChoice = Field(  # type: ignore[valid-type]
        "", description="Route of use offered (current profile). Blank means any."
    )
    model: ModelChoice = Field("", description="Model of the facility. Blank means any.")  # type: ignore[valid-type]
    service: ServiceChoice = Field(  # type: ignore[valid-type]
        "", description="Service offered (current profile). Blank means any."
    )
    sort: SortChoice = Field(  # type: ignore[valid-type]
        FacilitySort.NAME.value, description="Order, as on the list page. Blank means by name."
    )

    @field_validator("q", mode="before")
    @classmethod
    def _text(cls, value):
        return limited_text(value, MAX_Q) if isinstance(value, str) else value

    @field_validator("country", mode="before")
    @classmethod
    def _country(cls, value):
        if not isinstance(value, str) or value == "":
            return value
        return iso_country(value)

    @field_validator("status", "route", "model", "service", "sort", mode="before")
    @classmethod
    def _choice(cls, value, info):
        if isinstance(value, str) and value and value not in CHOICES[info.field_name]:
            raise PydanticCustomError(
                "choice",
                _("'{value}' is not one of: {choices}"),
                {"value": value[:40], "choices": ", ".join(CHOICES[info.field_name])},
            )
        if info.field_name == "sort" and value == "":
            return FacilitySort.NAME.value
        return value

    @classmethod
    def from_query(cls, query: Mapping) -> tuple[FacilityFilters, list[tuple[str, str]]]:
        """The filters of a GET query (last value wins, other parameters ignored), with each
        invalid one left out and named with its message: (filters, [(parameter, message)])."""
        data = {name: query.get(name) for name in cls.model_fields if name in query}
        problems: list[tuple[str, str]] = []
        try:
            return cls.model_validate(data), problems
        except ValidationError as exc:
            for error in exc.errors():
                name = str(error["loc"][0]) if error["loc"] else "request"
                problems.append((name, error["msg"]))
                data.pop(name, None)
        return cls.model_validate(data), problems

    def queryset_filters(self) -> dict:
        return {
            "country": self.country.upper() or None,
            "status": self.status or None,
            "route": self.route or None,
            "model": self.model or None,
            "service": self.service or None,
            "q": self.q or None,
        }

    def as_query(self, *, exclude: tuple[str, ...] = ()) -> dict[str, str]:
        """The filters that narrow the list, as GET parameters (for links to the same list)."""
        values = self.model_dump(exclude_defaults=True, exclude=set(exclude))
        return {name: value for name, value in values.items() if value != ""}


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


class SourceRef(Schema):
    """A source of facts, so that a reader can check them."""

    title: str
    url: str = Field(description="Empty when the source is not online.")
    accessed: dt.date | None = Field(description="When the source was read; null if not recorded.")


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
    sources: list[SourceRef] = Field(
        description="The distinct sources of its facts: its identity, its status entries and "
        "its profile snapshots."
    )

    @staticmethod
    def resolve_country(obj: Facility) -> dict:
        return country_ref(obj.country)

    @staticmethod
    def resolve_sources(obj: Facility) -> list[dict]:
        return obj.sources()

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
    source_accessed: dt.date | None = Field(description="When the source was read.")


LOCAL_TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$"


class OpeningHoursOut(Schema):
    """Times are the facility's wall-clock times: no date, so no UTC offset can be given."""

    weekday: int = Field(ge=0, le=6, description="0 is Monday.")
    opens: str = Field(
        pattern=LOCAL_TIME_PATTERN, description="Local time at the facility, HH:MM:SS."
    )
    closes: str = Field(
        pattern=LOCAL_TIME_PATTERN,
        description="Local time at the facility, HH:MM:SS; before 'opens' means after midnight.",
    )

    @field_validator("opens", "closes", mode="before")
    @classmethod
    def _wall_clock(cls, value):
        return value.strftime("%H:%M:%S") if isinstance(value, dt.time) else value


class SnapshotOut(Schema):
    """The shape of ProfileSnapshot.as_dict()."""

    as_of: dt.date
    source: str
    source_url: str
    source_accessed: dt.date | None = Field(description="When the source was read.")
    routes: list[RoutePlaces]
    services: list[Service]
    admission_criteria: list[Criterion]
    minimum_age: int | None
    other_criteria: str
    opening_hours: list[OpeningHoursOut]
    hours_note: str
    notes: str = Field(description="Markdown.")


class MarkdownText(Schema):
    markdown: str = Field(description="The editors' Markdown source.")
    html: str = Field(description="Rendered and sanitised HTML.")


def markdown_text(text: str) -> dict:
    return {"markdown": text, "html": str(render_markdown(text))}


class FacilityDetailOut(FacilityOut):
    source: SourceRef | None = Field(
        description="The source of its name, operator, city and location; null if none."
    )
    description: MarkdownText
    status_history: list[StatusChangeOut] = Field(description="Oldest first; the last is current.")
    snapshots: list[SnapshotOut] = Field(description="Profile snapshots, newest first.")

    @staticmethod
    def resolve_routes(obj: Facility) -> list:
        profile = obj.current_profile()  # among the prefetched snapshots: no extra query
        return list(profile.routes.all()) if profile else []

    @staticmethod
    def resolve_source(obj: Facility) -> dict | None:
        return obj.identity_source

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
