"""RSS and Atom feeds of newly added references, all or for one outcome."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from . import selectors
from .models import Reference

ITEMS = 30


class NewReferencesFeed(Feed):
    def get_object(self, request, slug: str | None = None):
        if slug is None:
            return None
        return selectors.outcome(slug)

    def title(self, outcome) -> str:
        if outcome is None:
            return _("DCR Network: new references")
        return _("DCR Network: new references on %(outcome)s") % {"outcome": outcome.name}

    def link(self, outcome) -> str:
        return outcome.get_absolute_url() if outcome else reverse("evidence:search")

    def description(self, outcome) -> str:
        return _("References newly added to the evidence library on drug consumption rooms.")

    def items(self, outcome):
        return selectors.new_references(outcome, limit=ITEMS)

    def item_title(self, ref: Reference) -> str:
        return f"{ref.title} ({ref.year})"

    def item_description(self, ref: Reference) -> str:
        parts = [ref.author_line(), ref.container_title]
        return " — ".join(p for p in parts if p)

    def item_pubdate(self, ref: Reference):
        return ref.created

    def item_updateddate(self, ref: Reference):
        return ref.updated


class NewReferencesAtomFeed(NewReferencesFeed):
    feed_type = Atom1Feed
    subtitle = NewReferencesFeed.description
