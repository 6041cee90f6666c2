"""The seeded initiatives: the network's COVID-19 statement as a sourced summary (never
presented as its text), a demonstration initiative marked as one, five languages each with
French typography, and a second run that changes nothing."""

from __future__ import annotations

from collections import Counter

import pytest

from dcrnet.advocacy import seed
from dcrnet.advocacy.models import Initiative
from dcrnet.evidence.models import Reference

pytestmark = pytest.mark.django_db


class Tally:
    def __init__(self):
        self.outcomes = Counter()

    def add(self, label, outcome):
        self.outcomes[(label, outcome)] += 1


@pytest.fixture
def reviews(db):
    return [
        Reference.objects.create(title="Public health and public order outcomes", year=2017,
                                 doi="10.1007/s11904-017-0363-y"),
        Reference.objects.create(title="Supervised injection services", year=2014,
                                 doi="10.1016/j.drugalcdep.2014.10.012"),
    ]  # fmt: skip


def test_a_second_run_changes_nothing(reviews):
    first = Tally()
    seed.load(first)
    assert first.outcomes == {(seed.LABEL, "created"): 2}
    stamps = dict(Initiative.objects.values_list("slug", "updated_at"))
    history = Initiative.history.count()
    second = Tally()
    seed.load(second)
    assert second.outcomes == {(seed.LABEL, "unchanged"): 2}
    assert dict(Initiative.objects.values_list("slug", "updated_at")) == stamps
    assert Initiative.history.count() == history


def test_the_statement_is_a_sourced_summary_not_invented_text(reviews):
    seed.load()
    statement = Initiative.objects.get(slug="covid-19-statement-2020")
    assert not statement.is_demo and statement.published
    assert str(statement.date) == "2020-03-23"
    assert statement.text_en.startswith("**This is a summary of the statement, not its text.**")
    assert "drugconsumptionroom-international.org" in statement.sources
    assert statement.asks_en == ""  # what it asked is not in the sources
    assert not statement.accepts_endorsements


def test_the_demonstration_is_marked_as_one(as_user, reviews):
    seed.load()
    demo = Initiative.objects.get(is_demo=True)
    assert demo.title_en.startswith("Demonstration:")
    assert set(demo.references.all()) == set(reviews)
    assert demo.allows_individuals and demo.accepts_endorsements
    page = as_user(None).get(demo.get_absolute_url()).content.decode()
    assert "Demonstration initiative" in page
    assert "about-us" in page


def test_every_text_is_in_five_languages_with_french_typography(reviews):
    seed.load()
    for initiative in Initiative.objects.all():
        for field in ("title", "summary", "text"):
            values = [getattr(initiative, f"{field}_{code}") for code in seed.LANGUAGES]
            assert all(values), (initiative.slug, field)
            assert len(set(values)) == 5, (initiative.slug, field)
        for field in ("title", "summary", "text", "asks"):
            french = getattr(initiative, f"{field}_fr")
            for mark in ":;?!»":
                assert f" {mark}" not in french, (initiative.slug, field, mark)
            assert "« " not in french, (initiative.slug, field)
    demo = Initiative.objects.get(is_demo=True)
    assert "Démonstration\u00a0:" in demo.title_fr
    assert "«\u00a0À propos\u00a0»" in demo.text_fr


def test_the_seeded_pages_render_in_every_language(as_user, reviews):
    seed.load()
    client = as_user(None)
    for initiative in Initiative.objects.all():
        for prefix in ("", "/fr", "/de", "/nl", "/es"):
            response = client.get(f"{prefix}/advocacy/{initiative.slug}/")
            assert response.status_code == 200, (prefix, initiative.slug)
        french = client.get(f"/fr/advocacy/{initiative.slug}/").content.decode()
        assert initiative.title_fr.replace("'", "&#x27;") in french
