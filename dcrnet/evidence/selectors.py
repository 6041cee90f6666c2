"""Reading the library: the one search the page, the API, the exports and the map share."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field

import numpy as np
from django.conf import settings
from django.db import connections, router
from django.db.models import Count, JSONField, QuerySet, TextField, prefetch_related_objects
from django.db.models.expressions import RawSQL
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from dcrnet.lib import search
from dcrnet.lib.facets import Facet, FacetValue
from dcrnet.lib.i18n import falls_back

from . import facets
from .models import (
    CslType,
    EvidenceSummary,
    Person,
    Reference,
    Term,
    Vocabulary,
    normalise_text,
)

PER_PAGE = 20
MAX_PER_PAGE = 100
FACET_VOCABULARIES = (Vocabulary.DESIGN, Vocabulary.OUTCOME, Vocabulary.SETTING, Vocabulary.ROUTE)
# (first year or None, last year or None)
YEAR_RANGES: tuple[tuple[int | None, int | None], ...] = (
    (None, 1999),
    (2000, 2004),
    (2005, 2009),
    (2010, 2014),
    (2015, 2019),
    (2020, 2024),
    (2025, None),
)


class Sort:
    RELEVANCE = "relevance"
    NEWEST = "newest"
    OLDEST = "oldest"
    CHOICES = (
        (RELEVANCE, _("Relevance")),
        (NEWEST, _("Newest first")),
        (OLDEST, _("Oldest first")),
    )


@dataclass
class SearchParams:
    q: str = ""
    terms: dict[str, list[str]] = field(default_factory=dict)
    countries: list[str] = field(default_factory=list)
    csl_type: str = ""
    year_from: int | None = None
    year_to: int | None = None
    sort: str = Sort.RELEVANCE
    page: int = 1
    per_page: int = PER_PAGE

    def filters(self) -> dict:
        return {
            "terms": self.terms,
            "countries": self.countries,
            "csl_type": self.csl_type or None,
            "year_from": self.year_from,
            "year_to": self.year_to,
        }


@dataclass
class SearchResult:
    params: SearchParams
    total: int
    references: list[Reference]
    scores: dict[int, float]
    snippets: dict[int, dict]
    facets: list[Facet]

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.total / self.params.per_page))

    @property
    def page(self) -> int:
        return min(self.params.page, self.num_pages)

    @property
    def first_number(self) -> int:
        return (self.page - 1) * self.params.per_page + 1

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1


def _matches(
    params: SearchParams, terms: list[Term] | None = None
) -> tuple[facets.Columns, np.ndarray, search.Hits]:
    """The columns, the mask of what the query and filters select, and the query's hits
    (`terms`: `facets.all_terms()`, if the caller has it)."""
    hits = search.hits(Reference, params.q)  # reads the index's generation with the query
    cols = facets.columns(hits.generation)
    allowed = facets.allowed(cols, **params.filters(), vocabularies=terms)
    return cols, search.both(allowed, hits.mask), hits


def _page_pks(params, cols, mask, hits, offset, limit) -> tuple[list[int], dict[int, float]]:
    if params.sort == Sort.RELEVANCE and hits.scores is not None:
        ranked = hits.top(offset, limit, within=mask)
        return [pk for pk, _ in ranked], dict(ranked)
    oldest = params.sort == Sort.OLDEST
    return facets.ordered(cols, mask, oldest=oldest, offset=offset, limit=limit), {}


def ordered_references(params: SearchParams, *, offset: int = 0, limit: int | None = None):
    """References in the order the page shows them (for exports of a whole result)."""
    cols, mask, hits = _matches(params)
    limit = limit if limit is not None else int(np.count_nonzero(mask))
    pks, _ = _page_pks(params, cols, mask, hits, offset, limit)
    by_pk = Reference.objects.for_detail().in_bulk(pks)
    return [by_pk[pk] for pk in pks if pk in by_pk]


def references_by_id(ids: list[int]) -> list[Reference]:
    """The references of `ids` that exist, in that order (a selection to export)."""
    by_pk = Reference.objects.for_detail().in_bulk(ids)
    return [by_pk[pk] for pk in ids if pk in by_pk]


def references_to_export(ids: list[int], params: SearchParams, limit: int) -> list[Reference]:
    """A selection when `ids` are given, else the first `limit` of the search's result."""
    if ids:
        return references_by_id(ids[:limit])
    return ordered_references(params, limit=limit)


def reference(pk: int) -> Reference:
    """One reference with everything its page and exports show, or Http404."""
    return get_object_or_404(Reference.objects.for_detail(), pk=pk)


def summaries_resting_on(ref: Reference) -> list[EvidenceSummary]:
    return list(EvidenceSummary.objects.resting_on(ref))


def summaries() -> list[EvidenceSummary]:
    return list(EvidenceSummary.objects.for_list())


def new_references(outcome: Term | None = None, *, limit: int) -> list[Reference]:
    """The references added last, all or on one outcome (the feeds)."""
    refs = Reference.objects.for_list().newest_first()
    return list((refs.about(outcome) if outcome else refs)[:limit])


def outcome(slug: str) -> Term:
    return get_object_or_404(Term.objects.outcomes(), slug=slug)


@dataclass
class OutcomePage:
    outcome: Term
    summary: EvidenceSummary | None
    references: list[Reference]
    by_design: list[tuple[Term | None, list[Reference]]]


def outcome_page(term: Term) -> OutcomePage:
    """An outcome's summary and references, grouped by design (uncoded last)."""
    refs = list(Reference.objects.about(term).for_list().order_by("-year", "title"))
    designs: dict[Term | None, list[Reference]] = {}
    for ref in refs:
        for design in ref.designs() or [None]:
            designs.setdefault(design, []).append(ref)
    by_design = sorted(
        designs.items(), key=lambda pair: (pair[0] is None, pair[0] and pair[0].position)
    )
    return OutcomePage(term, EvidenceSummary.objects.of_outcome(term), refs, by_design)


def search_references(
    params: SearchParams, *, with_facets: bool = True, related: bool = False
) -> SearchResult:
    """One page of results with facets; `related`: with each reference's countries and
    facilities (the page does not show them)."""
    terms = facets.all_terms()  # once: each read of the cache unpickles every term
    cols, mask, hits = _matches(params, terms)
    counts = facets.counts(cols, mask, only_types=not with_facets)
    total = int(np.count_nonzero(mask))
    page = max(1, min(params.page, max(1, math.ceil(total / params.per_page))))
    offset = (page - 1) * params.per_page
    pks, scores = _page_pks(params, cols, mask, hits, offset, params.per_page)
    references, snippets = _results(
        pks, terms, params.q if hits.scores is not None else "", related=related
    )
    for ref in references:
        ref.marks = snippets.get(ref.pk, {})
    result_facets = _facets(params, counts, terms) if with_facets else []
    return SearchResult(params, total, references, scores, snippets, result_facets)


class _Fetched(QuerySet):
    """A relation's rows read by `_results`, where a prefetch would have left them: `.all()`
    gives them; anything that would query again is refused (it would not be limited to the
    one reference)."""

    def _chain(self):
        raise TypeError("rows read for a page of results: use .all()")


def _fetched(obj, name: str, model, rows: list) -> None:
    found = _Fetched(model)
    found._result_cache, found._prefetch_done = rows, True
    obj.__dict__.setdefault("_prefetched_objects_cache", {})[name] = found


def _related_sql(vendor: str) -> tuple[str, str]:
    """Columns to add to a query of references: the ids of each one's tags, joined by
    commas, and its people (in `Person`'s field order) as a JSON list, by role and position."""
    ref = f'"{Reference._meta.db_table}"."id"'
    through = Reference.terms.through._meta.db_table
    fields = ", ".join(f'p."{f.column}"' for f in Person._meta.concrete_fields)
    person = Person._meta.db_table
    if vendor == "postgresql":
        return (
            f'array_to_string(ARRAY(SELECT t.term_id FROM "{through}" AS t '
            f"WHERE t.reference_id = {ref}), ',')",
            f"(SELECT jsonb_agg(jsonb_build_array({fields}) ORDER BY p.role, p.position) "
            f'FROM "{person}" AS p WHERE p.reference_id = {ref})',
        )
    return (
        f'(SELECT group_concat(t.term_id) FROM "{through}" AS t WHERE t.reference_id = {ref})',
        f"(SELECT json_group_array(json(row)) FROM (SELECT json_array({fields}) AS row "
        f'FROM "{person}" AS p WHERE p.reference_id = {ref} ORDER BY p.role, p.position))',
    )


def _results(
    pks: list[int], vocabulary: list[Term], q: str, *, related: bool
) -> tuple[list[Reference], dict[int, dict]]:
    """The references of `pks` in that order with their people and tags (and, `related`, their
    countries and facilities), as `Reference.objects.for_results()` gives them, and the marks
    of `q` in each (`search.snippets`). One statement on PostgreSQL, where each is a round
    trip; people and tags read as columns of it, tags from the cached vocabulary: the
    prefetches cost more than the queries (measured at 20 rows, this process's CPU: 7.5 ms
    against 3 on either database)."""
    connection = connections[router.db_for_read(Reference)]
    tag_ids, people_rows = _related_sql(connection.vendor)
    columns = {
        "tag_ids": RawSQL(tag_ids, [], output_field=TextField()),
        "people_rows": RawSQL(people_rows, [], output_field=JSONField()),
    }
    marks_sql = search.marks_sql(Reference, q)
    if marks_sql:
        columns["marks_column"] = RawSQL(*marks_sql, output_field=TextField())
    rows = Reference.objects.defer("search_vector").filter(pk__in=pks).order_by()
    by_pk = {ref.pk: ref for ref in rows.annotate(**columns)}
    references = [by_pk[pk] for pk in pks if pk in by_pk]
    terms = {term.pk: term for term in vocabulary}
    tags = {ref.pk: [int(i) for i in (ref.tag_ids or "").split(",") if i] for ref in references}
    if any(i not in terms for ids in tags.values() for i in ids):  # a term newer than the cache
        terms = Term.objects.in_bulk()
    names = [f.attname for f in Person._meta.concrete_fields]
    marks, unmarked = {}, []
    for ref in references:
        people = [Person.from_db(connection.alias, names, row) for row in ref.people_rows or ()]
        for person in people:
            Person.reference.field.set_cached_value(person, ref)
        _fetched(ref, "people", Person, people)
        ordered = sorted((terms[i] for i in tags[ref.pk]), key=lambda t: (t.vocabulary, t.position))
        _fetched(ref, "terms", Term, ordered)
        if marks_sql:
            marks[ref.pk] = search.marks_of(Reference, ref.marks_column)
            if marks[ref.pk] is None:
                unmarked.append(ref)
    if unmarked or (not marks_sql and q):
        marks.update(search.snippets(unmarked or references, q))
    if related:
        prefetch_related_objects(references, "countries", "facilities")
    return references, {pk: found for pk, found in marks.items() if found is not None}


def _by_count_then_label(value: FacetValue) -> tuple[int, str]:
    """Most frequent first, then alphabetical in any language ("Étude" beside "Essai")."""
    return (-value.count, _sortable(str(value.label)))


_sortable = functools.lru_cache(maxsize=4096)(normalise_text)  # the same few labels each time


def _facets(params: SearchParams, counts: dict[str, dict], terms: list[Term]) -> list[Facet]:
    term_counts, type_counts = counts["term"], counts["type"]
    shown: list[Facet] = []
    terms = [t for t in terms if t.vocabulary in FACET_VOCABULARIES]
    for vocabulary in FACET_VOCABULARIES:
        chosen = set(params.terms.get(vocabulary, []))
        values = [
            FacetValue(
                term.slug,
                term.name,
                term_counts.get(term.pk, 0),
                term.slug in chosen,
                lang=settings.LANGUAGE_CODE if falls_back(term, "name") else "",
            )
            for term in terms
            if term.vocabulary == vocabulary and (term_counts.get(term.pk) or term.slug in chosen)
        ]
        values.sort(key=_by_count_then_label)
        shown.append(Facet(vocabulary, Vocabulary(vocabulary).label, values))

    country_counts = counts["country"]
    chosen_countries = {c.upper() for c in params.countries}
    country_values = [
        FacetValue(code, name, country_counts.get(pk, 0), code in chosen_countries)
        for pk, code, name in facets.all_countries()
        if pk in country_counts or code in chosen_countries
    ]
    country_values.sort(key=_by_count_then_label)
    shown.append(Facet("country", _("Country studied"), country_values))

    year_counts = counts["year"]
    year_values = []
    for first, last in YEAR_RANGES:
        count = sum(
            n
            for year, n in year_counts.items()
            if (first is None or year >= first) and (last is None or year <= last)
        )
        selected = params.year_from == first and params.year_to == last
        if not count and not selected:
            continue
        if first is None:
            label = _("before %(year)s") % {"year": last + 1}
        elif last is None:
            label = _("%(year)s and later") % {"year": first}
        else:
            label = f"{first}–{last}"
        year_values.append(
            FacetValue(
                f"{first or ''}-{last or ''}",
                label,
                count,
                selected,
                {"year_from": str(first or ""), "year_to": str(last or "")},
            )
        )
    shown.append(Facet("years", _("Year published"), year_values))

    type_values = [
        FacetValue(value, str(CslType(value).label), n, value == params.csl_type)
        for value, n in type_counts.items()
        if value in CslType.values
    ]
    type_values.sort(key=_by_count_then_label)
    shown.append(Facet("type", _("Type"), type_values))
    return shown


# --- Evidence map ----------------------------------------------------------------------


@dataclass
class MapCell:
    design: Term
    count: int
    params: dict[str, str]


@dataclass
class MapRow:
    outcome: Term
    cells: list[MapCell]
    total: int
    summary: EvidenceSummary | None


@dataclass
class EvidenceMap:
    designs: list[Term]
    rows: list[MapRow]
    design_totals: list[int]
    total: int


def evidence_map(
    *, country: str | None = None, year_from: int | None = None, year_to: int | None = None
) -> EvidenceMap:
    """Outcomes × designs: how many references carry both tags (within the filters)."""
    refs = Reference.objects.filtered(
        countries=[country] if country else [], year_from=year_from, year_to=year_to
    )
    through = Reference.terms.through
    tagged = through.objects.filter(reference_id__in=refs.values("pk"))
    pairs = (
        tagged.filter(term__vocabulary=Vocabulary.OUTCOME)
        .values("term_id")
        .annotate(n=Count("reference_id"))
    )
    outcome_totals = {row["term_id"]: row["n"] for row in pairs}
    design_of = tagged.filter(term__vocabulary=Vocabulary.DESIGN).values_list(
        "reference_id", "term_id"
    )
    outcome_of = tagged.filter(term__vocabulary=Vocabulary.OUTCOME).values_list(
        "reference_id", "term_id"
    )
    designs_by_ref: dict[int, set[int]] = {}
    for ref_id, term_id in design_of:
        designs_by_ref.setdefault(ref_id, set()).add(term_id)
    counts: dict[tuple[int, int], int] = {}
    for ref_id, outcome_id in outcome_of:
        for design_id in designs_by_ref.get(ref_id, ()):
            counts[(outcome_id, design_id)] = counts.get((outcome_id, design_id), 0) + 1
    all_terms = list(Term.objects.filter(vocabulary__in=[Vocabulary.DESIGN, Vocabulary.OUTCOME]))
    used_designs = {design for _outcome, design in counts}
    designs = [t for t in all_terms if t.vocabulary == Vocabulary.DESIGN and t.pk in used_designs]
    outcomes = [t for t in all_terms if t.vocabulary == Vocabulary.OUTCOME]
    summaries = {s.outcome_id: s for s in EvidenceSummary.objects.filter(outcome__in=outcomes)}
    base: dict[str, str] = {}
    if country:
        base["country"] = country.upper()
    if year_from:
        base["year_from"] = str(year_from)
    if year_to:
        base["year_to"] = str(year_to)
    rows = [
        MapRow(
            outcome,
            [
                MapCell(
                    design,
                    counts.get((outcome.pk, design.pk), 0),
                    {**base, "outcome": outcome.slug, "design": design.slug},
                )
                for design in designs
            ],
            outcome_totals.get(outcome.pk, 0),
            summaries.get(outcome.pk),
        )
        for outcome in outcomes
    ]
    design_totals = [sum(row.cells[i].count for row in rows) for i in range(len(designs))]
    return EvidenceMap(designs, rows, design_totals, refs.count())
