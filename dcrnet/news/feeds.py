"""RSS and Atom feeds of published news, in the page's language."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from . import selectors
from .models import Article


class NewsFeed(Feed):
    def title(self) -> str:
        return _("DCR Network: news")

    def link(self) -> str:
        return reverse("news:index")

    def description(self) -> str:
        return _("News of drug consumption rooms: openings, closures, laws, research and advocacy.")

    def items(self):
        return selectors.newest_public()

    def item_title(self, article: Article) -> str:
        return article.title

    def item_description(self, article: Article) -> str:
        # Readers take a description as HTML: the plain summary is escaped to stay text.
        return escape(article.summary)

    def item_pubdate(self, article: Article):
        return article.published_at

    def item_updateddate(self, article: Article):
        return article.updated

    def item_categories(self, article: Article) -> list[str]:
        return [tag.name for tag in article.tags.all()]


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description
