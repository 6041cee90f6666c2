"""Every list of the library, page or API, reads in a constant number of queries: the same with
26 references as with 66, all with authors, tags, countries, facilities and summaries, and the
same in French as in English."""

from __future__ import annotations

import difflib

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dcrnet.evidence.models import Certainty, EvidenceSummary, Term
from dcrnet.lib import bulk

from .factories import make_reference

# (url, query, most queries allowed): the ceiling is the figure measured on SQLite when it was
# written plus one (PostgreSQL's search needs fewer); the constancy below is the point.
LISTS = [
    ("/evidence/", {"q": "supervised OR overdose", "outcome": "overdose-mortality"}, 10),
    ("/evidence/", {"sort": "newest", "country": "CA", "year_from": "2000", "page": "2"}, 5),
    ("/evidence/map/", {"year_from": "1990"}, 7),
    ("/evidence/outcomes/overdose-mortality/", {}, 8),
    ("/evidence/feed.rss", {}, 6),
    ("/evidence/feed.atom", {}, 6),
    ("/evidence/outcomes/overdose-mortality/feed.rss", {}, 7),
    ("/api/v1/references", {"q": "supervised", "per_page": "100"}, 12),
    ("/api/v1/references", {"design": "cohort", "sort": "oldest", "per_page": "100"}, 7),
    ("/api/v1/references/export", {"q": "supervised", "format": "csljson"}, 12),
    ("/api/v1/evidence-map", {}, 7),
    ("/api/v1/evidence-summaries", {}, 3),
]
# The same pages in French: translated names are columns of the same rows, so no more queries.
LISTS += [
    (f"/fr{url}", params, ceiling) for url, params, ceiling in LISTS if url[:10] == "/evidence/"
]


def queries(client, url: str, params: dict) -> list[str]:
    client.get(url, params)  # warm: facet columns and vocabularies of this version of the data
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200, (url, response.content[:300])
    return [query["sql"][:120] for query in captured.captured_queries]


def grow(facility, n: int) -> None:
    """References with everything a list shows, and summaries resting on them."""
    from dcrnet.directory.models import Country

    canada, _ = Country.objects.get_or_create(code="CA")
    refs = []
    with bulk.writes():  # each reference indexed once, not once per author, tag and link
        _grow(facility, n, canada, refs)


def _grow(facility, n: int, canada, refs: list) -> None:
    for i in range(n):
        ref = make_reference(
            f"Supervised consumption and overdose, study {i}",
            2000 + i % 20,
            authors=["Kerr T", "Wood E", "{Vancouver Coastal Health}"],
            terms=["outcome:ODM", "outcome:ACM", "design:COH" if i % 2 else "design:ECO"],
            container_title="Journal",
        )
        ref.countries.add(canada)
        ref.facilities.add(facility)
        refs.append(ref)
    for slug in ("all-cause-mortality", "hiv", "crime"):
        summary, _ = EvidenceSummary.objects.get_or_create(
            outcome=Term.objects.get(slug=slug),
            defaults={"certainty": Certainty.LOW, "rationale": "Observational."},
        )
        summary.references.add(*refs)


@pytest.mark.django_db
@pytest.mark.parametrize("url, params, ceiling", LISTS)
def test_a_list_reads_in_a_constant_number_of_queries(
    client, library, facility, url, params, ceiling
):
    grow(facility, 21)  # every relation a list shows is there, and a second page of results
    small = queries(client, url, params)
    grow(facility, 40)
    large = queries(client, url, params)
    assert len(large) == len(small), "\n".join(
        [f"{url}: {len(small)} queries with 26 references, {len(large)} with 66:"]
        + difflib.unified_diff(small, large, lineterm="")
    )
    assert len(large) <= ceiling, f"{url}: {len(large)} queries (ceiling {ceiling})"
