"""/search/: results grouped by kind with their counts, the best of each, links to all of a kind
and to the section's own search; a page at a time; messages instead of errors for an empty or
wordless query, a 400 naming the parameter for a bad one; hostile text escaped; the header's
box on every page and the OpenSearch description."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest
from django.test import Client

from dcrnet.sitesearch.models import Kind
from testing.xss import XSS, unsafe_markup

from .conftest import WORD, hrefs

pytestmark = pytest.mark.django_db


def make_articles(n: int, word: str = "harbour"):
    from dcrnet.news.models import Article

    return [
        Article.objects.create(
            slug=f"a{i}",
            title_en=f"{word} {i}",
            summary_en="S",
            body_en="B",
            status="published",
            published_at=dt.datetime(2025, 1, 1, tzinfo=dt.UTC) + dt.timedelta(days=i),
        )  # fmt: skip
        for i in range(n)
    ]


def groups(page: str) -> dict[str, int]:
    """kind → the count the page's summary shows."""
    return {
        kind: int(count.replace(",", ""))
        for kind, count in re.findall(
            r'<li data-kind="(\w+)">.*?<span class="count">([\d,]+)</span>', page
        )
    }


def test_results_are_grouped_by_kind_with_counts_and_the_best_three(client, facility):
    from dcrnet.evidence.models import Reference

    make_articles(5, "abrigado")
    Reference.objects.create(title="Abrigado: an evaluation", year=2019)
    response = client.get("/search/", {"q": "abrigado"})
    assert response.status_code == 200
    page = response.content.decode()
    counts = groups(page)
    assert counts["news"] == 5
    assert counts["facility"] == 1
    assert counts["forum"] == 0
    assert "kind-evidence" in page and ">Abrigado</mark>: an evaluation" in page
    news = page[page.index('id="kind-news"') :].split("</section>")[0]
    assert news.count('<li class="hit">') == 3
    assert 'href="?q=abrigado&amp;kind=news"' in news
    assert "7 results for “abrigado”" in page  # 5 articles, the facility, the reference
    assert '<h2 id="kind-news-h">News <span class="count">(5)</span></h2>' in page
    facilities = page[page.index('id="kind-facility"') :].split("</section>")[0]
    assert 'href="/facilities/?q=abrigado"' in facilities
    evidence = page[page.index('id="kind-evidence"') :].split("</section>")[0]
    assert 'href="/evidence/?q=abrigado"' in evidence


def test_all_of_a_kind_a_page_at_a_time(client):
    articles = make_articles(25)
    first = client.get("/search/", {"q": "harbour", "kind": "news"})
    assert first.status_code == 200
    assert len(hrefs(first)) == 20
    second = client.get("/search/", {"q": "harbour", "kind": "news", "page": "2"})
    assert len(hrefs(second)) == 5
    assert hrefs(first) | hrefs(second) == {a.get_absolute_url() for a in articles}
    assert "Page 2 of 2" in second.content.decode()
    past = client.get("/search/", {"q": "harbour", "kind": "news", "page": "9"})
    assert hrefs(past) == hrefs(second)  # past the last page: the last one


def test_all_of_the_evidence_is_the_libraries_own_search(client):
    from dcrnet.evidence.models import Reference

    for n in range(22):
        Reference.objects.create(title=f"Harbour study {n}", year=2000 + n)
    first = client.get("/search/", {"q": "harbour", "kind": "evidence"})
    second = client.get("/search/", {"q": "harbour", "kind": "evidence", "page": "2"})
    assert len(hrefs(first)) == 20 and len(hrefs(second)) == 2
    assert 'href="/evidence/?q=harbour"' in first.content.decode()


def test_the_forum_and_other_sections_without_a_search_link_to_their_own_kind_page(client):
    make_articles(4)
    page = client.get("/search/", {"q": "harbour"}).content.decode()
    news = page[page.index('id="kind-news"') :].split("</section>")[0]
    assert "Search for it in" not in news  # the news section has no search box of its own


@pytest.mark.parametrize("q", ["", "   "])
def test_an_empty_query_asks_for_words(client, q):
    response = client.get("/search/", {"q": q})
    assert response.status_code == 200
    assert "Type what you are looking for" in response.content.decode()


@pytest.mark.parametrize("q", ["!!!", '"', "-", '""', "( )", "-- --", "«»"])
def test_a_query_without_words_says_so(client, q):
    response = client.get("/search/", {"q": q})
    assert response.status_code == 200
    assert "has no word to search for" in response.content.decode()


@pytest.mark.parametrize(
    "q",
    ['"unclosed phrase', "OR abrigado", "abrigado OR", "-abrigado", "a -b OR c", "naïve ÉTUDE",
     "x" * 300, "🙂 abrigado", "1=1; DROP TABLE x", "%", "_", "\\", "*", "abrigado*", "NEAR(a b)",
     "a:b", "{a}", "^a", "title:abrigado"],
)  # fmt: skip
def test_odd_queries_answer_a_page(client, facility, q):
    response = client.get("/search/", {"q": q})
    assert response.status_code == 200
    for kind in (Kind.NEWS, Kind.FORUM):
        assert client.get("/search/", {"q": q, "kind": kind}).status_code == 200


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"q": "x" * 301}, "q"),
        ({"q": "a", "kind": "nope"}, "kind"),
        ({"q": "a", "kind": "news", "page": "abc"}, "page"),
        ({"q": "a", "kind": "news", "page": "0"}, "page"),
        ({"q": "a", "kind": "news", "page": "-1"}, "page"),
        ({"q": "a", "kind": "news", "page": "１２"}, "page"),
        ({"q": "a", "kind": "news", "page": "99999999999"}, "page"),
    ],
)
def test_a_bad_parameter_is_a_400_that_names_it(client, params, parameter):
    response = client.get("/search/", params)
    assert response.status_code == 400
    assert f"<strong>{parameter}</strong>" in response.content.decode()


def test_a_control_character_is_refused(client):
    assert client.get("/search/", {"q": "a\x00b"}).status_code == 400


def test_only_get_and_head(client):
    assert client.post("/search/", {"q": "a"}).status_code == 405
    assert client.head("/search/", {"q": "a"}).status_code == 200


def test_hostile_text_is_escaped_in_titles_and_snippets(client, moderator):
    from dcrnet.forum import services
    from dcrnet.forum.models import Category
    from dcrnet.news.models import Article

    category = Category.objects.create(slug="open", name="Open", public_readable=True)
    for number, text in enumerate(XSS):
        Article.objects.create(
            slug=f"xss{number}", title_en=f"{WORD} {text}", summary_en=f"{WORD} {text}",
            body_en=f"{WORD} {text}", status="published",
            published_at=dt.datetime(2025, 1, 1, tzinfo=dt.UTC),
        )  # fmt: skip
        services.create_thread(moderator, category, f"{WORD} {text}"[:200], f"{WORD} {text}")
    for kind in ("", "news", "forum"):
        for page_number in ("1", "2"):
            response = client.get("/search/", {"q": WORD, "kind": kind, "page": page_number})
            page = response.content.decode()
            assert unsafe_markup(page.split('<main id="main"')[1]) == []
            assert "<script>alert(1)" not in page
    response = client.get("/search/", {"q": "<script>alert(1)</script> " + WORD})
    assert "<script>alert(1)" not in response.content.decode()


def test_the_header_has_a_labelled_search_box_on_every_page(client, facility):
    for url in ("/", "/facilities/", "/evidence/", "/fr/", "/search/?q=abrigado"):
        page = client.get(url).content.decode()
        form = re.search(r'<form class="site-search" role="search"[^>]*>(.*?)</form>', page, re.S)
        assert form, url
        assert 'action="' + ("/fr" if url.startswith("/fr/") else "") + '/search/"' in page
        assert re.search(r'<label for="site-search-q"[^>]*>[^<]+</label>', form[1])
        assert 'id="site-search-q" name="q"' in form[1]
        assert '<link rel="search" type="application/opensearchdescription+xml"' in page


@pytest.mark.parametrize("prefix", ["", "/fr"])
def test_the_opensearch_description(client, prefix, settings):
    settings.SITE_URL = "https://dcr.example.org"
    response = client.get(prefix + "/search/opensearch.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/opensearchdescription+xml")
    root = ET.fromstring(response.content)
    ns = {"os": "http://a9.com/-/spec/opensearch/1.1/"}
    assert 0 < len(root.find("os:ShortName", ns).text) <= 16
    urls = {u.get("type"): u.get("template") for u in root.findall("os:Url", ns)}
    assert urls["text/html"] == f"https://dcr.example.org{prefix}/search/?q={{searchTerms}}"
    assert urls["application/opensearchdescription+xml"] == (
        f"https://dcr.example.org{prefix}/search/opensearch.xml"
    )
    page = client.get(prefix + "/").content.decode()
    assert f'href="{prefix}/search/opensearch.xml"' in page


def test_the_page_works_for_a_signed_in_member_and_without_javascript(member):
    client = Client()
    client.force_login(member)
    make_articles(2)
    page = client.get("/search/", {"q": "harbour"}).content.decode()
    assert "<script" not in page.split('<main id="main"')[1].split("</main>")[0]
    assert '<form method="get" action="/search/"' in page
