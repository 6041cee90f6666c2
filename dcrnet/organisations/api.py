"""The organisations' read-only API (mounted at /api/v1/): approved organisations only.

Language-neutral: its messages are English and not in the catalogue."""

from __future__ import annotations

from typing import Annotated

from django.http import HttpRequest
from ninja import Field, Path, Query, Router, Schema

from dcrnet.directory.schemas import Pagination
from dcrnet.lib.api import Refusal, responses

from . import selectors
from .models import Kind, Organisation

router = Router(tags=["organisations"])

SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"


class OrganisationFilters(Schema):
    kind: Kind | None = Field(None, description="Only organisations of this kind.")
    country: str = Field(
        "", pattern=r"^([A-Za-z]{2})?$", description="ISO 3166-1 alpha-2 country code."
    )


class MemberFacilityOut(Schema):
    public_id: str
    name: str


class OrganisationOut(Schema):
    slug: str
    name: str
    kind: str
    country: str = Field(description="ISO 3166-1 alpha-2, or empty.")
    website: str
    source: str = Field(description="Where the facts come from (demonstration data), or empty.")

    @staticmethod
    def resolve_country(obj: Organisation) -> str:
        return obj.country.code or ""


class OrganisationDetailOut(OrganisationOut):
    facilities: list[MemberFacilityOut]
    members: list[str] = Field(description="Handles of the members who chose to be listed.")

    @staticmethod
    def resolve_facilities(obj: Organisation) -> list:
        return obj.visible_facilities

    @staticmethod
    def resolve_members(obj: Organisation) -> list[str]:
        return [membership.user.handle for membership in obj.listed_memberships]


class OrganisationPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[OrganisationOut]


@router.get(
    "/organisations",
    operation_id="list_organisations",
    response=responses(OrganisationPage),
    summary="List the organisations of the network",
)
def list_organisations(
    request: HttpRequest, filters: Query[OrganisationFilters], page: Query[Pagination]
) -> dict:
    """Approved organisations by name, a page at a time."""
    organisations = selectors.approved_organisations(
        kind=filters.kind or "", country=filters.country
    )
    return {
        "count": organisations.count(),
        "limit": page.limit,
        "offset": page.offset,
        "items": list(organisations[page.offset : page.offset + page.limit]),
    }


@router.get(
    "/organisations/{slug}",
    operation_id="get_organisation",
    response=responses(OrganisationDetailOut, 404),
    summary="One organisation with its facilities and listed members",
)
def get_organisation(
    request: HttpRequest, slug: Annotated[str, Path(pattern=SLUG_PATTERN, max_length=200)]
) -> Organisation:
    try:
        return selectors.organisation_detail(slug, request.user)
    except Organisation.DoesNotExist:
        raise Refusal(
            404, [("slug", f"No organisation of the network has the slug '{slug}'.")]
        ) from None
