"""The seed bibliography loads completely, idempotently, and searches well."""

from __future__ import annotations

import pytest

from dcrnet.evidence import demo
from dcrnet.evidence.models import Reference
from dcrnet.evidence.selectors import SearchParams, search_references


@pytest.fixture
def seeded(db, make_facility):
    make_facility("ca-vancouver-insite", country="CA", name="Insite", city="Vancouver")
    demo.load()
    return Reference.objects.count()


def test_every_seed_reference_is_loaded_with_its_tags(seeded):
    assert seeded == 67
    marshall = Reference.objects.get(doi="10.1016/S0140-6736(10)62353-7")
    assert [t.code for t in marshall.terms.all()] == ["ECO", "ODM"] or {
        t.code for t in marshall.terms.all()
    } == {"ECO", "ODM"}
    assert marshall.facilities.get().public_id == "ca-vancouver-insite"
    assert marshall.countries.get().code == "CA"


def test_unverified_fields_are_left_out(seeded):
    belackova = Reference.objects.get(doi="10.1111/dar.12919")
    assert (belackova.volume, belackova.issue, belackova.page) == ("", "", "")
    kerr_2005 = Reference.objects.get(title__startswith="Safer injection facility use and syringe")
    assert kerr_2005.doi == "" and "Unverified" in kerr_2005.notes
    montreal = Reference.objects.get(year=2013)
    assert not montreal.people.exists()


def test_loading_twice_changes_nothing(seeded):
    history = Reference.history.count()
    assert demo.load() == {"created": 0, "updated": 0}
    assert Reference.objects.count() == 67
    assert Reference.history.count() == history


def test_insite_overdose_mortality_finds_marshall_2011_in_the_top_three(seeded):
    result = search_references(SearchParams(q="Insite overdose mortality"))
    top = [(r.first_author_family(), r.year) for r in result.references[:3]]
    assert ("Marshall", 2011) in top


def test_a_design_filter_narrows_counts_consistently(seeded):
    everything = search_references(SearchParams(q="supervised"))
    designs = {v.value: v.count for v in everything.facets[0].values}
    assert sum(designs.values()) >= everything.total
    for design, count in designs.items():
        narrowed = search_references(SearchParams(q="supervised", terms={"design": [design]}))
        assert narrowed.total == count <= everything.total
        outcomes = {v.value: v.count for v in narrowed.facets[1].values}
        assert all(n <= count for n in outcomes.values())
