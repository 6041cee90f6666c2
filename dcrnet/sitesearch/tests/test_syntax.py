"""The same query language as the evidence library: the same texts, as references and as news
articles, match the same queries (words, "phrases", -exclusion, OR, accents, stemming, stop
words) on each database."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.auth.models import AnonymousUser

from dcrnet.sitesearch import selectors

pytestmark = pytest.mark.django_db

TEXTS = [
    ("Supervised injection in Vancouver", "Overdose mortality fell after Insite opened."),
    ("Drug consumption rooms in Europe", "A review of supervised rooms and their cost."),
    ("Cost-effectiveness of Insite", "Averted HIV and hepatitis C infections."),
    ("Étude de cohorte à Paris", "Salle de consommation à moindre risque, naloxone."),
    ("Injecting and smoking rooms", "Inhalation spaces for people who smoke drugs."),
    ("Public order around the room", "Crime and discarded syringes did not rise."),
]
QUERIES = [
    "insite",
    "supervised rooms",
    '"supervised injection"',
    '"injection in vancouver"',
    "hiv OR hepatitis",
    "rooms -cost",
    "-cost",
    '-"public order"',
    "drug OR naloxone insite",
    "etude",
    "ÉTUDE cohorte",
    "injections",
    "smoke",
    "the rooms",
    "cost-effectiveness",
    "crime OR syringe -public",
    "room OR rooms -injecting",
    "naloxone",
    "nothing-like-this",
]


@pytest.fixture
def corpus(db):
    from dcrnet.evidence.models import Reference
    from dcrnet.news.models import Article

    for n, (title, text) in enumerate(TEXTS):
        Reference.objects.create(title=title, abstract=text, year=2000 + n)
        Article.objects.create(
            slug=f"a{n}", title_en=title, summary_en=text, body_en="", status="published",
            published_at=dt.datetime(2025, 1, 1, tzinfo=dt.UTC),
        )  # fmt: skip


def plain(titles) -> set[str]:
    return {re.sub(r"</?mark>", "", str(title)) for title in titles}


@pytest.mark.parametrize("q", QUERIES)
def test_the_site_search_matches_what_the_evidence_search_matches(corpus, q):
    from dcrnet.evidence.selectors import SearchParams, search_references

    library = search_references(SearchParams(q=q, per_page=100), with_facets=False)
    site = selectors.search_kind(q, AnonymousUser(), "news", per_page=100)
    assert plain(h.title for h in site.group.hits) == {ref.title for ref in library.references}
    assert site.group.count == library.total
