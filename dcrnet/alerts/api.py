"""Alerts in the JSON API: the same alerts the /alerts/ pages show the caller, in the form
webhooks receive (deliveries.alert_payload). Public grades for everyone; the network grade
only for members of the network, signed in or with their personal token. Language-neutral:
codes rather than labels, text in English with the other languages under "translations".
"""

from __future__ import annotations

from typing import Annotated, Literal
from uuid import UUID

from django.http import Http404, HttpRequest
from ninja import Field, Path, Query, Router, Schema
from pydantic import ConfigDict, field_validator
from pydantic_core import PydanticCustomError

from dcrnet.directory.schemas import Pagination
from dcrnet.lib.api import ReadAtGeneration, Refusal, responses
from dcrnet.monitoring.api import ReporterTokenAuth

from .deliveries import alert_payload
from .display import visible_alerts
from .models import Grade, Region

router = Router(tags=["early warning"])

SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
GradeCode = Literal[tuple(Grade.values)]  # type: ignore[valid-type]
# Optional: without a token the caller is whoever the session says (anonymous: public grades).
OPTIONAL_TOKEN = {"security": [{}, {"ReporterTokenAuth": []}]}
TOKEN_REFUSED = "not a valid personal token; send none for the public alerts"


def region_slugs() -> list[str]:
    return list(Region.objects.order_by("slug").values_list("slug", flat=True))


def _known_region(slug: str | None) -> str | None:
    if slug is not None and not Region.objects.filter(slug=slug).exists():
        raise PydanticCustomError("region", "unknown region '{slug}'", {"slug": slug})
    return slug


RegionSlug = Annotated[str, ReadAtGeneration(region_slugs)]


class AlertFilters(Pagination):
    model_config = ConfigDict(extra="forbid")

    region: RegionSlug | None = Field(
        None, max_length=80, pattern=SLUG_PATTERN, description="An alert region's slug."
    )
    grade: GradeCode | None = Field(  # type: ignore[valid-type]
        None, description="red, amber (public) or network (members of the network only)."
    )

    check_region = field_validator("region")(_known_region)

    @classmethod
    def refuse_unknown(cls, request: HttpRequest) -> None:
        unknown = sorted(set(request.GET) - set(cls.model_fields))
        if unknown:
            raise Refusal(422, [(name, "unknown parameter") for name in unknown])


class RegionOut(Schema):
    slug: str
    name: str
    country: str = Field(description="ISO 3166-1 alpha-2.")


class SubstanceOut(Schema):
    slug: str
    name: str
    kind: str = Field(description="compound, group (compound unresolved) or unknown.")
    inchikey: str | None
    pubchem_cid: int | None
    group: str | None = Field(description="The slug of its group, if any.")


class TextOut(Schema):
    title: str
    advice: str = Field(description="Markdown.")
    actions: str = Field(description="Markdown.")


# As alert_payload writes them (ISO 8601 with the offset), the same in webhooks and the API.
Moment = Annotated[str, Field(json_schema_extra={"format": "date-time"})]
Count = Annotated[int | Literal["<5"], Field(description='A count; 1 to 4 are published as "<5".')]


class AlertOut(Schema):
    id: UUID
    url: str = Field(description="The alert's page.")
    event: Literal["alert.issued", "alert.updated", "alert.retracted"]
    version: int = Field(description="Moves on each update and on retraction.")
    grade: GradeCode  # type: ignore[valid-type]
    public: bool = Field(description="False for the network grade (members only).")
    issued: Moment
    updated: Moment
    signal: Literal["S1", "S2", "S3", "S4"] = Field(
        description="S1 substance, S2 daily pulse spike, S3 monthly aberration, S4 cluster."
    )
    region: RegionOut | None = Field(description="null: the whole network.")
    week: str = Field(description="ISO week, e.g. 2026-W10.")
    week_start: str = Field(description="The Monday of that week, YYYY-MM-DD.")
    substance: SubstanceOut | None
    form: str | None
    sold_as: SubstanceOut | None
    confirmation: str | None
    facility_count: int
    facilities_named: list[str] = Field(
        description="Facilities named with their consent and five or more events."
    )
    counts: dict[str, Count]
    observed: Count | None
    expected: float | None
    p_value: float | None = Field(description="Withheld (null) beside a count of 1 to 4.")
    title: str
    advice: str = Field(description="Markdown.")
    actions: str = Field(description="Markdown.")
    translations: dict[str, TextOut] = Field(
        description="The text in other languages it was written in, by language code."
    )
    source: str
    retracted: Moment | None
    retraction_reason: str
    synthetic: bool = Field(description="Demonstration data.")


class AlertPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[AlertOut]


def caller(request: HttpRequest):
    """Who asks: the token's account when a token is sent, else the session's user."""
    if not request.headers.get("Authorization"):
        return request.user
    user = ReporterTokenAuth()(request)
    if user is None:
        raise Refusal(401, [("Authorization", TOKEN_REFUSED)])
    return user


def _alerts(request: HttpRequest):
    return visible_alerts(caller(request)).select_related("sold_as__group")


@router.get(
    "/alerts",
    response=responses(AlertPage, 401, 403),
    url_name="list_alerts",
    operation_id="list_alerts",
    summary="Alerts, newest first",
    openapi_extra=OPTIONAL_TOKEN,
)
def list_alerts(request: HttpRequest, q: Query[AlertFilters]) -> dict:
    """Confirmed alerts the caller may see, retracted ones included (`retracted` says when).
    An optional personal token (`Authorization: Bearer dcr_…`) of a member of the network adds
    the network grade."""
    AlertFilters.refuse_unknown(request)
    alerts = _alerts(request)
    if q.region:
        alerts = alerts.filter(region__slug=q.region)
    if q.grade:
        alerts = alerts.filter(grade=q.grade)
    return {
        "count": alerts.count(),
        "limit": q.limit,
        "offset": q.offset,
        "items": [alert_payload(alert) for alert in alerts[q.offset : q.offset + q.limit]],
    }


@router.get(
    "/alerts/{public_id}",
    response=responses(AlertOut, 401, 403, 404),
    url_name="get_alert",
    operation_id="get_alert",
    summary="One alert",
    openapi_extra=OPTIONAL_TOKEN,
)
def get_alert(request: HttpRequest, public_id: Path[UUID]) -> dict:
    """One alert by its id; 404 when there is none the caller may see."""
    alert = _alerts(request).filter(public_id=public_id).first()
    if alert is None:
        raise Http404
    return alert_payload(alert)
