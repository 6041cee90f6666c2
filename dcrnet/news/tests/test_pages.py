"""The news pages: latest, date archive, tags, an article (related content, Open Graph, print
style); drafts and scheduled articles for editors only; a bad address or parameter is a 400."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.core.exceptions import ValidationError

from dcrnet.evidence.models import Reference
from dcrnet.news.models import Article, ArticleStatus
from dcrnet.news.selectors import PER_PAGE
from dcrnet.tests.conftest import audit, foreign
from testing.xss import XSS, unsafe_markup

from .factories import make_article, make_tag

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2025, 3, 1, 12, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def text(response) -> str:
    return response.content.decode()


def test_the_index_lists_published_news_newest_first(client):
    make_article("older", title="Older news", published_at=dt.datetime(2024, 5, 2, tzinfo=dt.UTC))
    make_article("newer", title="Newer news")
    html = text(client.get("/news/"))
    assert html.index("Newer news") < html.index("Older news")
    assert '<time datetime="2025-01-14T09:00:00+00:00">14 January 2025</time>' in html
    assert 'href="/news/2024/5/"' in html  # the archive's months


def test_drafts_and_scheduled_news_are_for_editors_only(client, member, editor):
    make_article("draft", title="Drafted news", status=ArticleStatus.DRAFT, published_at=None)
    make_article("later", title="Scheduled news", published_at=NOW + dt.timedelta(days=1))
    make_article("public", title="Public news")
    for user, seen in ((None, False), (member, False), (editor, True)):
        client.logout()
        if user:
            client.force_login(user)
        html = text(client.get("/news/"))
        assert "Public news" in html
        assert ("Drafted news" in html) == seen and ("Scheduled news" in html) == seen
        for slug in ("draft", "later"):
            assert client.get(f"/news/{slug}/").status_code == (200 if seen else 404)
        assert ("Drafted news" in text(client.get("/news/feed.rss"))) is False


def test_an_editor_sees_a_draft_marked_with_the_way_to_publish_it(client, editor):
    draft = make_article("draft", status=ArticleStatus.DRAFT, published_at=None)
    client.force_login(editor)
    html = text(client.get("/news/draft/"))
    assert "Draft: only editors see this article." in html
    assert f"/admin/news/article/{draft.pk}/change/" in html
    assert '<meta name="robots" content="noindex">' in html


def test_pages_follow_and_a_page_past_the_end_is_a_404(client):
    for n in range(PER_PAGE + 1):
        make_article(f"news-{n}", published_at=dt.datetime(2024, 1, 1 + n, tzinfo=dt.UTC))
    assert client.get("/news/?page=2").status_code == 200
    assert client.get("/news/?page=3").status_code == 404


@pytest.mark.parametrize(
    ("path", "parameter"),
    [
        ("/news/?page=0", "page"),
        ("/news/?page=two", "page"),
        ("/news/?page=%3Cscript%3E", "page"),
        ("/news/2024/?page=-1", "page"),
        ("/news/99999/", "year"),
        ("/news/0999/", "year"),
        ("/news/2024/13/", "month"),
        ("/news/2024/0/", "month"),
        ("/news/2024/99999999999999999999/", "month"),
        ("/news/tag/openings/?page=x", "page"),
    ],
)
def test_a_bad_address_or_parameter_is_a_400_naming_it(client, path, parameter):
    make_tag()
    response = client.get(path)
    assert response.status_code == 400
    assert f"<strong>{parameter}</strong>" in text(response)
    assert "<script>" not in text(response).split("<main", 1)[1]


def test_the_date_archive_shows_a_year_and_a_month(client):
    make_article("may", title="May news", published_at=dt.datetime(2024, 5, 2, tzinfo=dt.UTC))
    make_article("june", title="June news", published_at=dt.datetime(2024, 6, 2, tzinfo=dt.UTC))
    make_article("next", title="Next year", published_at=dt.datetime(2025, 1, 2, tzinfo=dt.UTC))
    year = text(client.get("/news/2024/"))
    assert "May news" in year and "June news" in year and "Next year" not in year
    month = text(client.get("/news/2024/5/"))
    assert "May news" in month and "June news" not in month
    assert "<h1>News of May 2024</h1>" in month
    assert "No news here yet." in text(client.get("/news/2023/"))
    assert "Mai 2024" in text(client.get("/de/news/2024/5/"))


def test_a_tag_lists_its_news_and_an_unknown_tag_is_a_404(client):
    openings = make_tag()
    make_article("tagged", title="Tagged news", tags=(openings,))
    make_article("other", title="Other news")
    html = text(client.get("/news/tag/openings/"))
    assert "Tagged news" in html and "Other news" not in html
    assert "News: Openings" in html
    assert 'href="/news/tag/openings/"' in text(client.get("/news/"))
    assert client.get("/news/tag/nothing/").status_code == 404


def test_an_article_shows_what_it_is_about_and_its_sources(client, make_facility):
    shown = make_facility("gb-glasgow-thistle", country="GB", city="Glasgow", name="The Thistle")
    hidden = make_facility("gb-hidden", country="GB", name="Unpublished room", published=False)
    reference = Reference.objects.create(title="A cohort study", year=2020)
    article = make_article()
    article.facilities.add(shown, hidden)
    article.countries.add(shown.country)
    article.references.add(reference)
    html = text(client.get("/news/thistle-opens/"))
    assert "<strong>13 January 2025</strong>" in html  # Markdown
    assert 'href="/facilities/gb-glasgow-thistle/"' in html and "Unpublished room" not in html
    assert 'href="/countries/gb/"' in html
    assert f'href="/evidence/references/{reference.pk}/"' in html
    assert '<a href="https://tribyoon.co.uk/" rel="noopener noreferrer">Tribyoon</a>' in html


def test_an_article_has_open_graph_and_twitter_tags_and_loads_nothing_foreign(client, settings):
    settings.SITE_URL = "https://dcr.example.org"
    make_article(tags=(make_tag(),))
    html = text(client.get("/news/thistle-opens/"))
    meta = dict(re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)"', html))
    assert meta["og:type"] == "article"
    assert meta["og:title"] == "The Thistle opens in Glasgow"
    assert meta["og:description"].startswith("The first safer drug consumption facility")
    assert meta["og:url"] == "https://dcr.example.org/news/thistle-opens/"
    assert meta["og:locale"] == "en_GB"
    assert meta["article:published_time"] == "2025-01-14T09:00:00+00:00"
    assert meta["article:tag"] == "Openings"
    assert meta["twitter:card"] == "summary"
    assert meta["twitter:title"] == "The Thistle opens in Glasgow"
    assert "og:image" not in meta  # we serve no image for it: no third-party one either
    assert foreign(audit(html).resource_urls) == []
    french = text(client.get("/fr/news/thistle-opens/"))
    assert 'content="https://dcr.example.org/fr/news/thistle-opens/"' in french
    assert '<meta property="og:locale" content="fr_FR">' in french


def test_an_article_prints_without_the_site_around_it(client):
    make_article()
    html = text(client.get("/news/thistle-opens/"))
    assert '<link rel="stylesheet" href="/static/news/news.css">' in html
    assert "This article online:" in html
    from django.contrib.staticfiles import finders

    css = open(finders.find("news/news.css")).read()  # noqa: SIM115 - a test reads a file
    assert "@media print" in css and ".site-header" in css


def test_pages_and_feeds_offer_their_feeds(client):
    make_article()
    for path in ("/news/", "/news/thistle-opens/"):
        html = text(client.get(path))
        assert '<link rel="alternate" type="application/rss+xml"' in html
        assert 'href="/news/feed.atom"' in html


def test_content_shows_in_the_page_language_and_english_is_marked(client):
    article = make_article()
    article.title_fr = "The Thistle ouvre à Glasgow"
    article.save()
    html = text(client.get("/fr/news/thistle-opens/"))
    assert "The Thistle ouvre à Glasgow" in html
    assert '<p class="news-summary" lang="en">' in html


@pytest.mark.parametrize("slug", ["tag", "newsroom", "publish", "feed", "2024"])
def test_a_slug_that_would_hide_a_page_is_refused(slug):
    article = Article(slug=slug, title_en="x", summary_en="y")
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "slug" in error.value.message_dict


@pytest.mark.parametrize("text_", XSS)
def test_hostile_texts_are_inert_on_every_page(client, editor, text_):
    tag = make_tag("hostile", text_)
    make_article(
        title=text_, summary=text_, body=text_, tags=(tag,), source=(text_, "https://example.org/")
    )
    client.force_login(editor)
    for path in ("/news/", "/news/thistle-opens/", "/news/tag/hostile/", "/news/2025/1/"):
        html = text(client.get(path))
        assert unsafe_markup(html) == [], (path, unsafe_markup(html))


def test_an_article_names_its_initiatives_the_reader_may_see(client, editor):
    from dcrnet.advocacy.models import Initiative

    def initiative(slug: str, published: bool) -> Initiative:
        return Initiative.objects.create(
            title_en=f"Initiative {slug}",
            slug=slug,
            date=dt.date(2025, 1, 1),
            summary_en="Recognise DCRs.",
            text_en="Text.",
            published=published,
        )

    article = make_article()
    article.initiatives.add(initiative("public-health", True), initiative("draft-call", False))
    html = text(client.get("/news/thistle-opens/"))
    assert 'href="/advocacy/public-health/"' in html and "Initiative draft-call" not in html
    client.force_login(editor)
    assert "Initiative draft-call" in text(client.get("/news/thistle-opens/"))
