"""RSS and Atom feeds of newly published events of the policy tracker, in the page's language."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html
from django.utils.translation import gettext as _

from dcrnet.lib.markdown import render_markdown

from . import selectors
from .models import Event


class NewEventsFeed(Feed):
    def title(self) -> str:
        return _("DCR Network: policy tracker")

    def link(self) -> str:
        return reverse("policy:timeline")

    def description(self) -> str:
        return _(
            "New events of the policy tracker: laws, court rulings, pilots, rooms opened and"
            " closed, policy statements, each with its source."
        )

    def items(self):
        return selectors.newly_published()

    def item_title(self, event: Event) -> str:
        return f"{event.country.name}, {event.when}: {event.title}"

    def item_description(self, event: Event) -> str:
        return format_html(
            '{}<p>{} <a href="{}">{}</a></p>',
            render_markdown(event.summary),
            _("Source:"),
            event.source_url,
            event.source_title,
        )

    def item_pubdate(self, event: Event):
        return event.published_at

    def item_updateddate(self, event: Event):
        return event.updated

    def item_categories(self, event: Event) -> list[str]:
        return [str(event.kind_label), event.country.name]


class NewEventsAtomFeed(NewEventsFeed):
    feed_type = Atom1Feed
    subtitle = NewEventsFeed.description
