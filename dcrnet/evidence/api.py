"""The evidence library in the API: the same search, facets, exports, map and summaries."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema

from . import selectors
from .forms import SearchForm
from .models import EvidenceSummary, Reference
from .views import EXPORT_FORMATS, EXPORT_LIMIT, _export_response

router = Router(tags=["evidence"])


class SearchQuery(Schema):
    q: str = Field(
        "", max_length=300, description='Web-search syntax: words, "phrases", -word, OR.'
    )
    design: list[str] = Field([], description="Design slugs (each narrows further).")
    outcome: list[str] = Field([], description="Outcome slugs.")
    setting: list[str] = Field([])
    route: list[str] = Field([])
    country: str = Field("", max_length=2, description="ISO 3166 code of a country studied.")
    type: str = Field("", description="CSL type, e.g. article-journal, report.")
    year_from: int | None = Field(None, ge=1800, le=2100)
    year_to: int | None = Field(None, ge=1800, le=2100)
    sort: str = Field("relevance", pattern="^(relevance|newest|oldest)$")
    page: int = Field(1, ge=1, le=100000)
    per_page: int = Field(20, ge=1, le=100)


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
        if "countries" in getattr(ref, "_prefetched_objects_cache", {})
        else [],
        "facilities": [f.public_id for f in ref.facilities.all()]
        if "facilities" in getattr(ref, "_prefetched_objects_cache", {})
        else [],
        "score": score,
        "highlights": {k: str(v) for k, v in (marks or {}).items() if "<mark>" in str(v)},
    }


def _params(query: SearchQuery) -> selectors.SearchParams:
    data = query.dict()
    data["per_page"] = query.per_page
    form = SearchForm({k: v for k, v in data.items() if v not in (None, "", [])})
    return form.params(per_page=query.per_page)


@router.get("/references", response=SearchOut, summary="Search references")
def search_references(request: HttpRequest, query: Query[SearchQuery]):
    """Full-text search with facets; the same search as the /evidence/ page."""
    result = selectors.search_references(_params(query), related=True)
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


@router.get("/references/export", summary="Export a search result or a selection")
def export_references(
    request: HttpRequest,
    query: Query[SearchQuery],
    format: str = Query("ris", pattern="^(ris|bibtex|csljson|apa|vancouver)$"),  # noqa: A002
    ids: list[int] = Query([]),  # noqa: B008
) -> HttpResponse:
    """RIS, BibTeX, CSL-JSON, or an APA 7 / Vancouver bibliography as text."""
    if ids:
        by_pk = Reference.objects.for_detail().in_bulk(ids[:EXPORT_LIMIT])
        refs = [by_pk[pk] for pk in ids if pk in by_pk]
    else:
        refs = selectors.ordered_references(_params(query), limit=EXPORT_LIMIT)
    return _export_response(refs, format, "references")


@router.get("/references/{int:ref_id}", response=ReferenceOut, summary="One reference")
def get_reference(request: HttpRequest, ref_id: int):
    return _reference(get_object_or_404(Reference.objects.for_detail(), pk=ref_id))


@router.get("/references/{int:ref_id}/export", summary="Export one reference")
def export_reference(
    request: HttpRequest,
    ref_id: int,
    format: str = Query("ris", pattern="^(ris|bibtex|csljson|apa|vancouver)$"),  # noqa: A002
) -> HttpResponse:
    ref = get_object_or_404(Reference.objects.for_detail(), pk=ref_id)
    return _export_response([ref], format, f"reference-{ref.pk}")


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


@router.get("/evidence-map", response=MapOut, summary="Outcomes × designs matrix")
def evidence_map(
    request: HttpRequest,
    country: str = Query("", max_length=2),
    year_from: int | None = Query(None, ge=1800, le=2100),
    year_to: int | None = Query(None, ge=1800, le=2100),
):
    from urllib.parse import urlencode

    from django.urls import reverse

    matrix = selectors.evidence_map(country=country or None, year_from=year_from, year_to=year_to)
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


@router.get("/evidence-summaries", response=list[SummaryOut], summary="GRADE summaries per outcome")
def evidence_summaries(request: HttpRequest):
    return [
        {
            "outcome": s.outcome.slug,
            "outcome_name": s.outcome.name,
            "certainty": s.certainty,
            "rationale": s.rationale,
            "references": [r.pk for r in s.references.all()],
        }
        for s in EvidenceSummary.objects.select_related("outcome").prefetch_related("references")
    ]


__all__ = ["router", "EXPORT_FORMATS"]
