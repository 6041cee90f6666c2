"""The seed bibliography loads completely, idempotently, and searches well."""

from __future__ import annotations

import pytest
from django.utils import translation

from dcrnet.evidence import demo
from dcrnet.evidence.models import Reference, Term, Vocabulary
from dcrnet.evidence.selectors import SearchParams, search_references
from dcrnet.evidence.vocabularies import SEED

OTHER_LANGUAGES = ("fr", "de", "nl", "es")


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
    assert demo.load() == {"created": 0, "updated": 0, "translated": 0}
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


@pytest.mark.django_db
def test_the_demo_loads_every_design_and_outcome_in_four_languages(make_facility):
    blank = {
        f"{field}_{code}": None for field in ("name", "description") for code in OTHER_LANGUAGES
    }
    Term.objects.update(**blank)  # as a database migrated before the translations were known
    make_facility("ca-vancouver-insite", country="CA", name="Insite", city="Vancouver")

    assert demo.load()["translated"] == len(SEED)
    coded = Term.objects.filter(vocabulary__in=[Vocabulary.DESIGN, Vocabulary.OUTCOME])
    assert coded.count() == 35
    for term in coded:
        for code in OTHER_LANGUAGES:
            name, description = getattr(term, f"name_{code}"), getattr(term, f"description_{code}")
            assert name and description, (term.slug, code)
            assert description != term.description_en, (term.slug, code)
    rct = Term.objects.get(slug="rct")
    assert (rct.name_fr, rct.name_de, rct.name_nl, rct.name_es) == (
        "Essai contrôlé randomisé",
        "Randomisierte kontrollierte Studie",
        "Gerandomiseerde gecontroleerde studie",
        "Ensayo controlado aleatorizado",
    )
    mortality = Term.objects.get(slug="overdose-mortality")
    with translation.override("fr"):
        assert mortality.name == "Mortalité par surdose"
    with translation.override("es"):
        assert mortality.name == "Mortalidad por sobredosis"
    assert Term.objects.get(slug="hcv").name_fr == "Hépatite C"
    assert demo.load()["translated"] == 0


@pytest.mark.django_db
def test_the_demo_never_replaces_an_editors_translation_or_a_renamed_term(make_facility):
    Term.objects.filter(slug="cohort").update(name_fr="Étude de cohorte prospective")
    Term.objects.filter(slug="crime").update(name_en="Crime", name_de=None, description_de=None)
    demo.load()
    assert Term.objects.get(slug="cohort").name_fr == "Étude de cohorte prospective"
    assert (
        Term.objects.get(slug="crime").name_de is None
    )  # renamed: the seed's German no longer fits
