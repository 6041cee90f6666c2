"""The documents' read-only API (mounted at /api/v1/): published documents only.

The filters are the list page's (selectors.DocumentFilters): a value means the same on the page
and here, and is refused the same way (422 naming the parameter). Language-neutral: its messages
are English and not in the catalogue."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, Path, Query, Router, Schema

from dcrnet.directory.schemas import Pagination
from dcrnet.lib.api import Refusal, responses

from . import selectors
from .models import Document, Version

router = Router(tags=["documents"])

SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"


class TopicOut(Schema):
    slug: str
    name: str


class OrganisationRef(Schema):
    slug: str
    name: str


class DocumentOut(Schema):
    slug: str
    title: str
    kind: str
    perspective: str
    topic: TopicOut
    country: str = Field(description="ISO 3166-1 alpha-2, or empty.")
    language: str = Field(description="ISO 639-1.")
    organisation: OrganisationRef | None
    publisher: str
    licence: str
    source_url: str
    is_demo: bool = Field(description="Demonstration content, not a real document.")

    @staticmethod
    def resolve_country(obj: Document) -> str:
        return obj.country.code or ""


class VersionOut(Schema):
    number: int
    date: dt.date
    change_note: str
    file_name: str = Field(description="The uploaded file's name, or empty without a file.")
    content_type: str
    size: int = Field(description="Bytes.")
    sha256: str
    download_url: str | None = Field(description="Path of the file, or null without a file.")

    @staticmethod
    def resolve_file_name(obj: Version) -> str:
        return obj.original_name if obj.file else ""

    @staticmethod
    def resolve_download_url(obj: Version) -> str | None:
        if not obj.file:
            return None
        return reverse("documents:download", args=[obj.document.slug, obj.number])


class DocumentFacilityOut(Schema):
    public_id: str
    name: str


class ReferenceRef(Schema):
    id: int
    title: str
    year: int | None


class DocumentDetailOut(DocumentOut):
    summary: str = Field(description="Markdown.")
    versions: list[VersionOut] = Field(description="Newest first.")
    facilities: list[DocumentFacilityOut] = Field(
        description="Facilities of the directory that use it."
    )
    references: list[ReferenceRef] = Field(description="Evidence references.")

    @staticmethod
    def resolve_versions(obj: Document) -> list:
        versions = list(obj.versions.all())
        for version in versions:
            version.document = obj
        return versions

    @staticmethod
    def resolve_facilities(obj: Document) -> list:
        return obj.visible_facilities


class DocumentPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[DocumentOut]


@router.get(
    "/documents",
    operation_id="list_documents",
    response=responses(DocumentPage),
    summary="List the published best-practice documents",
)
def list_documents(
    request: HttpRequest, filters: Query[selectors.DocumentFilters], page: Query[Pagination]
) -> dict:
    """Published documents by title, narrowed by the list page's filters, a page at a time."""
    documents = selectors.search(filters)
    return {
        "count": documents.count(),
        "limit": page.limit,
        "offset": page.offset,
        "items": list(documents[page.offset : page.offset + page.limit]),
    }


@router.get(
    "/documents/{slug}",
    operation_id="get_document",
    response=responses(DocumentDetailOut, 404),
    summary="One published document with its versions and where it is used",
)
def get_document(
    request: HttpRequest, slug: Annotated[str, Path(pattern=SLUG_PATTERN, max_length=200)]
) -> Document:
    try:
        return selectors.published_detail(slug)
    except Document.DoesNotExist:
        raise Refusal(404, [("slug", f"No published document has the slug '{slug}'.")]) from None
