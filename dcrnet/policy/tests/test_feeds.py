"""RSS and Atom feeds of new events parse (feedparser), with dates and links, in the page's
language, without unpublished events."""

from __future__ import annotations

import datetime as dt

import feedparser
import pytest
import time_machine
from django.utils import timezone

from dcrnet.policy.models import Kind
from testing.xss import XSS, unsafe_markup

from .factories import make_event

pytestmark = pytest.mark.django_db

FEEDS = ("/policy/feed.rss", "/policy/feed.atom")


def parsed(client, path: str):
    response = client.get(path)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.mark.parametrize("path", FEEDS)
def test_the_feeds_parse_with_dates_and_links_newest_published_first(client, path):
    with time_machine.travel(dt.datetime(2025, 1, 10, 9, tzinfo=dt.UTC), tick=False):
        older = make_event("DK", dt.date(2012, 6, 1), title="Danish law")
    with time_machine.travel(dt.datetime(2025, 1, 14, 9, tzinfo=dt.UTC), tick=False):
        newer = make_event("GB", dt.date(2025, 1, 13), kind=Kind.OPENED, title="Thistle opens")
    make_event("NO", title="Unpublished ruling", published=False)
    feed = parsed(client, path)
    titles = [entry.title for entry in feed.entries]
    assert len(titles) == 2 and "Thistle opens" in titles[0] and "Danish law" in titles[1]
    assert "Unpublished ruling" not in str(feed)
    first = feed.entries[0]
    assert first.link == f"http://testserver{newer.get_absolute_url()}"
    assert feed.entries[1].link.endswith(older.get_absolute_url())
    published = first.get("published_parsed") or first.get("updated_parsed")
    assert published[:3] == (2025, 1, 14)
    assert "United Kingdom" in first.title and "13 January 2025" in first.title
    assert "INDCR country page: Denmark" in feed.entries[1].summary


def test_an_event_published_later_is_new_in_the_feed_when_it_is_published(client):
    event = make_event(published=False)
    assert event.published_at is None
    event.published = True
    event.save()
    assert event.published_at is not None and event.published_at <= timezone.now()
    assert len(parsed(client, "/policy/feed.rss").entries) == 1


@pytest.mark.parametrize("path", FEEDS)
def test_the_feeds_follow_the_language_of_their_address(client, path):
    event = make_event(title="Law passed")
    event.title_fr = "Adoption d'une loi"
    event.save()
    feed = parsed(client, f"/fr{path}")
    assert feed.feed.language == "fr"
    assert "Adoption d'une loi" in feed.entries[0].title
    assert feed.entries[0].link.startswith("http://testserver/fr/policy/events/")
    english = parsed(client, path)
    assert english.feed.language == "en" and "Law passed" in english.entries[0].title


@pytest.mark.parametrize("text", XSS)
def test_hostile_texts_stay_text_in_the_feeds(client, text):
    make_event(title=text, summary=text, source_title=text)
    for path in FEEDS:
        raw = client.get(path).content.decode()
        assert unsafe_markup(raw) == []
        for entry in feedparser.parse(raw).entries:
            assert unsafe_markup(entry.get("summary", "")) == []
