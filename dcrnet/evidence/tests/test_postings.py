"""The postings beside the full-text index: same matches as the engine, BM25, kept current."""

from __future__ import annotations

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dcrnet.evidence import facets
from dcrnet.evidence.models import Reference
from dcrnet.evidence.selectors import SearchParams, ordered_references, search_references
from dcrnet.lib import postings, search

from .factories import make_reference

QUERIES = [
    "supervised",
    "Supervised Injection",
    "injections",
    '"overdose mortality"',
    '"mortality overdose"',
    '"supervised injecting facility"',
    '"supervised injection services what"',
    '"impact of the sydney"',
    '"sydney medically"',
    '"medically sydney"',
    '"crime and loitering" OR "lancet"',
    'supervised -"all cause"',
    "overdose -crime",
    "-supervised",
    "crime OR loitering",
    "insite OR sydney mortality",
    "potièr",
    "laprevote",
    "the",
    "the crime",
    "-supervised the",
    "the -of",
    "-the",
    "-the -of",
    "nothingmatchesthis",
    "drug -nothingmatchesthis",
    'kerr -"all-cause mortality"',
    "a",
]


def engine_pks(text: str, **filters) -> set[int]:
    """What the database's own engine selects (the queryset the exports and API filter)."""
    qs = search.matching(Reference.objects.filtered(**filters), text)
    return set(qs.values_list("pk", flat=True))


@pytest.mark.django_db
@pytest.mark.parametrize("text", QUERIES)
def test_the_postings_match_what_the_engine_matches(library, text):
    result = search_references(SearchParams(q=text, per_page=100))
    assert {ref.pk for ref in result.references} == engine_pks(text)
    assert result.total == len(engine_pks(text))


@pytest.mark.django_db
def test_filters_and_the_query_select_what_the_queryset_selects(library):
    filters = {"terms": {"outcome": ["overdose-mortality"]}, "year_from": 2012}
    params = SearchParams(q="supervised", terms=filters["terms"], year_from=2012)
    assert {ref.pk for ref in ordered_references(params)} == engine_pks("supervised", **filters)
    assert engine_pks("supervised", **filters) == {library["potier"].pk}


@pytest.mark.django_db
def test_scores_are_the_bm25_of_fts5(library):
    if connection.vendor != "sqlite":
        pytest.skip("FTS5 is SQLite's engine")
    index = search.index_for(Reference)
    weights = ", ".join(str(search.BM25_WEIGHT[w]) for w in index.fields.values())
    for text in ("supervised", "kerr mortality", "crime OR loitering"):
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, -bm25({index.table}, {weights}) FROM {index.table} "
                f"WHERE {index.table} MATCH %s",
                [search.fts5_expression(search.parse(text))],
            )
            expected = dict(cursor.fetchall())
        found = search.hits(Reference, text)
        got = dict(found.top(0, 100))
        assert got.keys() == expected.keys()
        for pk, score in expected.items():
            assert got[pk] == pytest.approx(score, rel=1e-4), (text, pk)


@pytest.mark.django_db
def test_a_title_word_outranks_the_same_word_in_an_abstract(db):
    low = make_reference("Notes on policy", 2020, abstract="We mention naloxone once.")
    high = make_reference("Naloxone at supervised sites", 2001)
    ranked = search.hits(Reference, "naloxone").top(0, 10)
    assert [pk for pk, _ in ranked] == [high.pk, low.pk]
    assert ranked[0][1] > ranked[1][1] > 0


@pytest.mark.django_db
def test_pages_of_a_ranked_result_follow_each_other_without_gaps(db):
    for n in range(23):
        make_reference(f"Supervised consumption room {n}", 2000 + n)  # the same score each
    found = search.hits(Reference, "supervised")
    every = found.top(0, 100)
    pages = found.top(0, 10) + found.top(10, 10) + found.top(20, 10)
    assert pages == every and len(every) == 23
    assert [pk for pk, _ in every] == sorted((pk for pk, _ in every), reverse=True)


@pytest.mark.django_db
def test_edits_deletes_and_new_tags_reach_postings_and_facets(library):
    ref = library["freeman"]
    assert search.hits(Reference, "sydney").count() == 1
    ref.title = "Loitering near the Kings Cross centre"
    ref.save()
    assert search.hits(Reference, "sydney").count() == 0
    assert search.hits(Reference, "kings").count() == 1
    before = search_references(SearchParams(terms={"design": ["cohort"]})).total
    ref.terms.add(library["kennedy"].terms.get(vocabulary="design"))
    assert search_references(SearchParams(terms={"design": ["cohort"]})).total == before + 1
    ref.delete()
    assert search.hits(Reference, "kings").count() == 0
    assert search_references(SearchParams(terms={"design": ["cohort"]})).total == before


@pytest.mark.django_db
def test_every_write_gives_the_index_a_new_generation(library):
    first = search.generation(Reference)
    cols = facets.columns()
    assert facets.columns() is cols  # kept while nothing changes
    library["kennedy"].save()
    assert search.generation(Reference) != first
    assert facets.columns() is not cols


@pytest.mark.django_db
def test_rebuilding_from_the_engine_gives_the_same_postings(library):
    spec = search.index_for(Reference).spec

    def snapshot():
        with connection.cursor() as cursor:
            cursor.execute(
                f'SELECT token, block, ids, weights FROM "{spec.postings}" ORDER BY 1, 2'
            )
            rows = [(t, b, bytes(i), bytes(w)) for t, b, i, w in cursor.fetchall()]
            cursor.execute(f'SELECT doc, length FROM "{spec.doclen}" ORDER BY 1')
            return rows, cursor.fetchall()

    written = snapshot()
    assert written[0] and len(written[1]) == 5
    assert search.rebuild_postings(connection, spec) == 5
    assert snapshot() == written
    assert search.rebuild(Reference) == 5
    assert snapshot() == written


@pytest.mark.django_db
def test_references_far_apart_land_in_their_own_blocks(db):
    near = make_reference("Heroin assisted treatment", 2010)
    far = Reference(pk=near.pk + 3 * (1 << postings.BLOCK_BITS), title="Heroin trial", year=2012)
    far.save()
    found = search.hits(Reference, "heroin")
    assert [pk for pk, _ in found.top(0, 10)] == [far.pk, near.pk]
    far.delete()
    assert [pk for pk, _ in search.hits(Reference, "heroin").top(0, 10)] == [near.pk]


@pytest.mark.django_db
def test_phrases_need_their_words_side_by_side_and_in_order(library):
    def found(text):
        return {ref.pk for ref in search_references(SearchParams(q=text)).references}

    assert found('"sydney medically"') == {library["freeman"].pk}
    assert found('"medically sydney"') == set()
    assert found('"impact of the sydney"') == {library["freeman"].pk}
    assert found('"supervised injection services what"') == {library["potier"].pk}
    assert found('"supervised injection services demonstrated"') == set()
    apart = make_reference("Supervised injection rooms beside injection services", 2020)
    assert found('"supervised injection services"') == {library["potier"].pk}
    assert apart.pk in found('"supervised injection" "injection services"')


@pytest.mark.django_db
def test_a_highlighted_title_keeps_its_accents(db):
    make_reference("Évaluation des salles de consommation à moindre risque à Paris", 2021)
    result = search_references(SearchParams(q="salles paris"))
    title = str(result.references[0].marks["title"])
    assert title.startswith("Évaluation des <mark>salles</mark>")
    assert "à <mark>Paris</mark>" in title


@pytest.mark.django_db
def test_snippets_of_rows_indexed_before_their_texts_were_kept(library):
    spec = search.index_for(Reference).spec
    with connection.cursor() as cursor:
        cursor.execute(f'UPDATE "{spec.doclen}" SET texts = NULL')
    result = search_references(SearchParams(q="loitering"))
    assert "<mark>loitering</mark>" in str(result.references[0].marks["body"]).lower()


@pytest.mark.django_db
def test_the_reindex_command_rebuilds_index_and_postings(library):
    from io import StringIO

    from django.core.management import call_command

    spec = search.index_for(Reference).spec
    with connection.cursor() as cursor:
        cursor.execute(f'DELETE FROM "{spec.postings}"')
    assert search.hits(Reference, "potier").count() == 0
    out = StringIO()
    call_command("reindex_references", stdout=out)
    assert "Indexed 5 references" in out.getvalue()
    assert search.hits(Reference, "potier").count() == 1


@pytest.mark.django_db
def test_an_empty_library_answers_every_kind_of_search(db):
    for params in (
        SearchParams(),
        SearchParams(q="overdose"),
        SearchParams(q='"overdose mortality" -cost', terms={"design": ["cohort"]}),
        SearchParams(q="-cost", sort="newest", countries=["CA"], year_from=2000),
    ):
        result = search_references(params)
        assert result.total == 0 and result.references == []
        assert ordered_references(params) == []


WORDS = [
    "supervised",
    "injection",
    "injecting",
    "mortality",
    "overdose",
    "crime",
    "kerr",
    "potièr",
    "the",
    "of",
    "sydney",
    "medically",
    "review",
    "drug",
    "rooms",
    "insite",
    "loitering",
    "lancet",
    "nothing",
]


@st.composite
def queries(draw):
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3))
        part = f'"{" ".join(words)}"' if len(words) > 1 else words[0]
        prefix = draw(st.sampled_from(["", "", "-", "OR "]))
        parts.append(prefix + part)
    return " ".join(parts)


@pytest.mark.django_db
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=queries())
def test_any_query_matches_what_the_engine_matches(library, text):
    result = search_references(SearchParams(q=text, per_page=100))
    assert {ref.pk for ref in result.references} == engine_pks(text), text


@pytest.mark.django_db
def test_year_sorts_keep_titles_in_order_within_a_year(db):
    for title, year in [("Beta trial", 2020), ("Alpha trial", 2020), ("Gamma trial", 2019)]:
        make_reference(title, year)
    newest = [r.title for r in search_references(SearchParams(q="trial", sort="newest")).references]
    oldest = [r.title for r in search_references(SearchParams(q="trial", sort="oldest")).references]
    assert newest == ["Alpha trial", "Beta trial", "Gamma trial"]
    assert oldest == ["Gamma trial", "Alpha trial", "Beta trial"]
    assert [r.title for r in Reference.objects.order_by("-year", "title")] == newest
