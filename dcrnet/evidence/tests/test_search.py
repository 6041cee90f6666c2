"""The search interface: syntax, stemming, accents, ranking, snippets, facets, sorting."""

from __future__ import annotations

import pytest

from dcrnet.evidence.selectors import SearchParams, Sort, search_references
from dcrnet.lib import search

from .factories import make_reference


def titles(params: SearchParams) -> list[str]:
    return [ref.title for ref in search_references(params).references]


def test_parse_reads_phrases_exclusions_and_or():
    query = search.parse('insite "overdose mortality" -cost crime OR dealing')
    assert query.groups == [["insite"], ["overdose mortality"], ["crime", "dealing"]]
    assert query.excluded == ["cost"]


def test_parse_ignores_punctuation_only_tokens_and_strips_accents():
    query = search.parse('- "" !!! Potièr')
    assert query.groups == [["potier"]]
    assert not search.parse("  ")


def test_fts5_expression_quotes_every_term():
    expression = search.fts5_expression(search.parse('a"b -c OR d'))
    assert expression == '("a b" OR "d") NOT "c"'


@pytest.mark.django_db
def test_it_finds_words_in_any_order_with_stemming(library):
    found = titles(SearchParams(q="mortalities overdosing"))
    assert found[0].startswith("Reduction in overdose mortality")


@pytest.mark.django_db
def test_a_quoted_phrase_must_match_in_order(library):
    assert len(titles(SearchParams(q='"mortality overdose"'))) == 0
    assert len(titles(SearchParams(q='"overdose mortality"'))) == 2


@pytest.mark.django_db
def test_a_minus_excludes_a_word(library):
    found = titles(SearchParams(q="supervised -crime"))
    assert found and not any("crime" in t.lower() for t in found)


@pytest.mark.django_db
def test_a_query_of_only_exclusions_returns_everything_else(library):
    assert titles(SearchParams(q="-supervised")) == ["European report on drug consumption rooms"]


@pytest.mark.django_db
def test_or_matches_either_word(library):
    found = titles(SearchParams(q="loitering OR Lancet"))
    assert len(found) == 2


@pytest.mark.django_db
def test_author_names_match_without_accents_both_ways(library):
    assert titles(SearchParams(q="Potier"))[0].startswith("Supervised injection services")
    assert titles(SearchParams(q="Potièr"))[0].startswith("Supervised injection services")
    assert titles(SearchParams(q="laprevote"))[0].startswith("Supervised injection services")


@pytest.mark.django_db
def test_a_title_match_ranks_above_an_abstract_match(db):
    make_reference("Notes on policy", 2020, abstract="A word about naloxone in passing.")
    make_reference("Naloxone distribution at supervised sites", 2001)
    assert titles(SearchParams(q="naloxone"))[0] == "Naloxone distribution at supervised sites"


@pytest.mark.django_db
def test_snippets_mark_the_matched_words_and_escape_html(db):
    ref = make_reference("Crime <b>and</b> supervised injecting", 2010)
    result = search_references(SearchParams(q="crime"))
    title = str(result.references[0].marks["title"])
    assert "<mark>Crime</mark>" in title
    assert "<b>" not in title  # escaped (SQLite) or dropped as markup (PostgreSQL)
    assert result.references[0].pk == ref.pk


@pytest.mark.django_db
def test_facet_counts_combine_with_the_query(library):
    result = search_references(SearchParams(q="supervised"))
    designs = {v.value: v.count for v in result.facets[0].values}
    assert designs == {"ecological": 2, "cohort": 1, "systematic-review": 1}
    outcomes = {v.value: v.count for v in result.facets[1].values}
    assert outcomes["overdose-mortality"] == 2


@pytest.mark.django_db
def test_choosing_a_facet_value_gives_the_count_it_showed(library):
    before = search_references(SearchParams(q="supervised"))
    shown = {v.value: v.count for v in before.facets[0].values}
    for design, count in shown.items():
        after = search_references(SearchParams(q="supervised", terms={"design": [design]}))
        assert after.total == count


@pytest.mark.django_db
def test_two_values_of_a_facet_narrow_further(library):
    both = search_references(SearchParams(terms={"outcome": ["overdose-mortality", "hiv"]}))
    assert [r.title[:10] for r in both.references] == ["Supervised"]


@pytest.mark.django_db
def test_year_range_and_type_filter(library):
    assert search_references(SearchParams(year_from=2010, year_to=2015)).total == 2
    assert search_references(SearchParams(csl_type="report")).total == 1
    years = search_references(SearchParams()).facets[-2]
    assert {v.value: v.count for v in years.values}["2010-2014"] == 2


@pytest.mark.django_db
def test_sorting_by_year_both_ways(library):
    newest = titles(SearchParams(q="supervised", sort=Sort.NEWEST))
    oldest = titles(SearchParams(q="supervised", sort=Sort.OLDEST))
    assert newest == list(reversed(oldest))
    assert newest[0].startswith("Supervised injection facility use")


@pytest.mark.django_db
def test_pages_hold_per_page_references_and_clamp(db):
    for n in range(25):
        make_reference(f"Study number {n} on supervised consumption", 2000 + n % 20)
    first = search_references(SearchParams(q="supervised", per_page=10))
    third = search_references(SearchParams(q="supervised", per_page=10, page=3))
    beyond = search_references(SearchParams(q="supervised", per_page=10, page=99))
    assert first.total == 25 and first.num_pages == 3
    assert len(first.references) == 10 and len(third.references) == 5
    assert beyond.page == 3
    seen = {
        r.pk
        for p in (1, 2, 3)
        for r in search_references(SearchParams(q="supervised", per_page=10, page=p)).references
    }
    assert len(seen) == 25


@pytest.mark.django_db
def test_the_index_follows_edits_and_deletes(library):
    ref = library["freeman"]
    ref.title = "Loitering near the Kings Cross centre"
    ref.save()
    assert titles(SearchParams(q="kings cross")) == ["Loitering near the Kings Cross centre"]
    ref.people.filter(family="Freeman").update(family="Friedman")
    ref.people.first().save()
    assert titles(SearchParams(q="friedman"))
    ref.delete()
    assert titles(SearchParams(q="kings cross")) == []


@pytest.mark.django_db
def test_renaming_a_term_reindexes_its_references(library):
    from dcrnet.evidence.models import Term

    term = Term.objects.get(vocabulary="outcome", slug="crime")
    term.name = "Criminality and dealing"
    term.save()
    assert titles(SearchParams(q="criminality"))


@pytest.mark.django_db
def test_rebuild_reindexes_everything(library):
    from dcrnet.evidence.models import Reference

    assert search.rebuild(Reference) == 5
    assert titles(SearchParams(q="potier"))


@pytest.mark.django_db
def test_the_search_page_runs_a_constant_number_of_queries(
    library, django_assert_num_queries, django_assert_max_num_queries
):
    params = SearchParams(q="supervised OR crime", terms={"outcome": ["overdose-mortality"]})
    search_references(params)  # reads the facet columns of this generation of the index
    with django_assert_max_num_queries(14) as few:
        search_references(params)
    for n in range(30):
        make_reference(f"Supervised consumption study {n}", 2000 + n % 20, terms=["outcome:ODM"])
    search_references(params)
    with django_assert_num_queries(len(few.captured_queries)):
        assert search_references(params).total == 32
