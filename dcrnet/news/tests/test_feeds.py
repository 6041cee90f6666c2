"""RSS and Atom feeds of the news parse (feedparser): items with dates, links and tags, newest
first, never a draft or a scheduled article, in the language of their address."""

from __future__ import annotations

import datetime as dt

import feedparser
import pytest
import time_machine

from dcrnet.news.models import ArticleStatus
from testing.xss import XSS, unsafe_markup

from .factories import make_article, make_tag

pytestmark = pytest.mark.django_db

FEEDS = ("/news/feed.rss", "/news/feed.atom")
NOW = dt.datetime(2025, 3, 1, 12, tzinfo=dt.UTC)


def parsed(client, path: str):
    response = client.get(path)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.mark.parametrize("path", FEEDS)
def test_the_feeds_parse_with_dates_links_and_tags(client, path):
    may = dt.datetime(2024, 5, 2, tzinfo=dt.UTC)
    older = make_article("older", title="Older", published_at=may)
    newer = make_article("newer", title="Newer", tags=(make_tag(),))
    make_article("draft", title="Drafted", status=ArticleStatus.DRAFT, published_at=None)
    make_article("later", title="Scheduled", published_at=NOW + dt.timedelta(days=2))
    with time_machine.travel(NOW, tick=False):
        feed = parsed(client, path)
    assert [entry.title for entry in feed.entries] == ["Newer", "Older"]
    first = feed.entries[0]
    assert first.link == f"http://testserver{newer.get_absolute_url()}"
    assert feed.entries[1].link.endswith(older.get_absolute_url())
    published = first.get("published_parsed") or first.get("updated_parsed")
    assert published[:4] == (2025, 1, 14, 9)
    assert [t.term for t in first.tags] == ["Openings"]
    assert first.summary.startswith("The first safer drug consumption facility")
    assert feed.feed.title == "DCR Network: news"


@pytest.mark.parametrize("path", FEEDS)
def test_the_feeds_follow_the_language_of_their_address(client, path):
    article = make_article()
    article.title_de = "The Thistle öffnet in Glasgow"
    article.save()
    feed = parsed(client, f"/de{path}")
    assert feed.feed.language == "de"
    assert feed.entries[0].title == "The Thistle öffnet in Glasgow"
    assert feed.entries[0].link == "http://testserver/de/news/thistle-opens/"
    assert parsed(client, path).feed.language == "en"


@pytest.mark.parametrize("text", XSS)
def test_hostile_texts_stay_text_in_the_feeds(client, text):
    make_article(title=text, summary=text, tags=(make_tag("hostile", text),))
    for path in FEEDS:
        raw = client.get(path).content.decode()
        assert unsafe_markup(raw) == []
        entry = feedparser.parse(raw).entries[0]
        assert unsafe_markup(entry.summary) == []
