"""The evidence library in the API: the same search, facets, exports, map and summaries.

Filters are read through the schemas of filters.py, the same the pages use: a value the page
refuses is refused here (422, naming the parameter), never silently dropped.
"""

from __future__ import annotations

from typing import Literal
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from ninja import Query, Router, Schema

from dcrnet.lib.api import responses

from . import exports, selectors
from .filters import ExportFilters, MapFilters, SearchFilters
from .models import Reference

router = Router(tags=["evidence"])

FILES = {
    "description": "The file: RIS, BibTeX, CSL-JSON, or a bibliography as plain text.",
    "content": {
        "application/x-research-info-systems": {"schema": {"type": "string"}},
        "application/x-bibtex": {"schema": {"type": "string"}},
        # JSON, so a client parses it: an array of CSL items.
        "application/vnd.citationstyles.csl+json": {
            "schema": {"type": "array", "items": {"type": "object"}}
        },
        "text/plain": {"schema": {"type": "string"}},
    },
}


class Name(Schema):
    family: str = ""
    given: str = ""
    literal: str = ""


class TermOut(Schema):
    vocabulary: str
    slug: str
    name: str


class ReferenceOut(Schema):
    id: int
    url: str
    type: str
    title: str
    authors: list[Name]
    container_title: str
    year: int
    volume: str
    issue: str
    page: str
    publisher: str
    doi: str
    pmid: str
    link: str
    tags: list[TermOut]
    countries: list[str]
    facilities: list[str]
    score: float | None = None
    highlights: dict[str, str] = {}


class FacetValueOut(Schema):
    value: str
    label: str
    count: int
    selected: bool


class FacetOut(Schema):
    name: str
    label: str
    values: list[FacetValueOut]


class SearchOut(Schema):
    count: int
    page: int
    num_pages: int
    results: list[ReferenceOut]
    facets: list[FacetOut]


def _reference(ref: Reference, score: float | None = None, marks: dict | None = None) -> dict:
    prefetched = getattr(ref, "_prefetched_objects_cache", {})
    return {
        "id": ref.pk,
        "url": ref.get_absolute_url(),
        "type": ref.csl_type,
        "title": ref.title,
        "authors": [
            {"family": p.family, "given": p.given, "literal": p.literal} for p in ref.authors()
        ],
        "container_title": ref.container_title,
        "year": ref.year,
        "volume": ref.volume,
        "issue": ref.issue,
        "page": ref.page,
        "publisher": ref.publisher,
        "doi": ref.doi,
        "pmid": ref.pmid,
        "link": ref.url,
        "tags": [
            {"vocabulary": t.vocabulary, "slug": t.slug, "name": t.name} for t in ref.terms.all()
        ],
        "countries": [c.code.code for c in ref.countries.all()]
        if "countries" in prefetched
        else [],
        "facilities": [f.public_id for f in ref.facilities.all()]
        if "facilities" in prefetched
        else [],
        "score": score,
        "highlights": {k: str(v) for k, v in (marks or {}).items() if "<mark>" in str(v)},
    }


@router.get("/references", response=responses(SearchOut), summary="Search references")
def search_references(request: HttpRequest, query: Query[SearchFilters]):
    """Full-text search with facets; the same search as the /evidence/ page. An unknown design,
    outcome, setting, route, country or type is refused (422), not ignored."""
    result = selectors.search_references(query.params(), related=True)
    return {
        "count": result.total,
        "page": result.page,
        "num_pages": result.num_pages,
        "results": [
            _reference(ref, result.scores.get(ref.pk), ref.marks) for ref in result.references
        ],
        "facets": [
            {
                "name": facet.name,
                "label": str(facet.label),
                "values": [
                    {
                        "value": v.value,
                        "label": str(v.label),
                        "count": v.count,
                        "selected": v.selected,
                    }
                    for v in facet.values
                ],
            }
            for facet in result.facets
        ],
    }


@router.get(
    "/references/export",
    response=responses(),
    openapi_extra={"responses": {200: FILES}},
    summary="Export a search result or a selection",
)
def export_references(request: HttpRequest, query: Query[ExportFilters]) -> HttpResponse:
    """RIS, BibTeX, CSL-JSON, or an APA 7 / Vancouver bibliography as text: the references of
    `ids` (at most 500), or else the first 5,000 of the search."""
    refs = selectors.references_to_export(query.ids, query.params(), limit=exports.EXPORT_LIMIT)
    return exports.download(refs, query.format, "references")


@router.get(
    "/references/{int:ref_id}", response=responses(ReferenceOut, 404), summary="One reference"
)
def get_reference(request: HttpRequest, ref_id: int):
    return _reference(selectors.reference(ref_id))


class ExportFormat(Schema):
    format: Literal[*exports.EXPORT_FORMATS] = "ris"


@router.get(
    "/references/{int:ref_id}/export",
    response=responses(None, 404),
    openapi_extra={"responses": {200: FILES}},
    summary="Export one reference",
)
def export_reference(request: HttpRequest, ref_id: int, query: Query[ExportFormat]) -> HttpResponse:
    ref = selectors.reference(ref_id)
    return exports.download([ref], query.format, f"reference-{ref.pk}")


class MapCellOut(Schema):
    design: str
    count: int
    search_url: str


class MapRowOut(Schema):
    outcome: str
    outcome_name: str
    total: int
    certainty: str | None
    cells: list[MapCellOut]


class MapOut(Schema):
    total: int
    designs: list[TermOut]
    rows: list[MapRowOut]


@router.get("/evidence-map", response=responses(MapOut), summary="Outcomes × designs matrix")
def evidence_map(request: HttpRequest, query: Query[MapFilters]):
    year_from, year_to = query.years()
    matrix = selectors.evidence_map(
        country=query.country or None, year_from=year_from, year_to=year_to
    )
    search_url = reverse("evidence:search")
    return {
        "total": matrix.total,
        "designs": [
            {"vocabulary": d.vocabulary, "slug": d.slug, "name": d.name} for d in matrix.designs
        ],
        "rows": [
            {
                "outcome": row.outcome.slug,
                "outcome_name": row.outcome.name,
                "total": row.total,
                "certainty": row.summary.certainty if row.summary else None,
                "cells": [
                    {
                        "design": cell.design.slug,
                        "count": cell.count,
                        "search_url": f"{search_url}?{urlencode(cell.params)}",
                    }
                    for cell in row.cells
                ],
            }
            for row in matrix.rows
        ],
    }


class SummaryOut(Schema):
    outcome: str
    outcome_name: str
    certainty: str
    rationale: str
    references: list[int]


@router.get(
    "/evidence-summaries",
    response=responses(list[SummaryOut]),
    summary="GRADE summaries per outcome",
)
def evidence_summaries(request: HttpRequest):
    return [
        {
            "outcome": s.outcome.slug,
            "outcome_name": s.outcome.name,
            "certainty": s.certainty,
            "rationale": s.rationale,
            "references": [r.pk for r in s.references.all()],
        }
        for s in selectors.summaries()
    ]
