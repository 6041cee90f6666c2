"""Reads of the news section, each with its access rule: the latest articles, the date archive,
a tag's articles, one article with what it is about, the feeds, the editors' newsroom."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Prefetch, QuerySet
from django.db.models.functions import TruncMonth
from django.http import QueryDict
from django.utils.translation import gettext

from dcrnet.advocacy.models import Initiative
from dcrnet.directory.models import Facility, StatusChange
from dcrnet.policy.models import Event
from dcrnet.policy.selectors import BadQuery, read_page, read_year

from .models import Article, Tag

PER_PAGE = 10
FEED_ITEMS = 30
NEWSROOM_ITEMS = 30


def page_number(query: QueryDict) -> int:
    """?page=, or BadQuery naming it."""
    problems: list[tuple[str, str]] = []
    page = read_page(query, problems)
    if problems:
        raise BadQuery(problems)
    return page


@dataclass(frozen=True)
class Month:
    year: int
    month: int | None = None

    @classmethod
    def read(cls, year: str, month: str | None = None) -> Month:
        """The archive's year (and month) from the path, or BadQuery naming what is wrong."""
        problems: list[tuple[str, str]] = []
        number = read_year(year, problems)
        month_number = None
        if month is not None:
            if month.isdigit() and 1 <= int(month) <= 12:
                month_number = int(month)
            else:
                message = gettext("“%(value)s” is not a month (1 to 12)")
                problems.append(("month", message % {"value": month[:20]}))
        if problems:
            raise BadQuery(problems)
        return cls(number, month_number)

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, 1)


def articles(user) -> QuerySet[Article]:
    """The articles the user may read, newest first (drafts first for editors)."""
    return Article.objects.visible_to(user).latest_first().for_list()


def in_archive(month: Month, user) -> QuerySet[Article]:
    return articles(user).in_month(month.year, month.month)


def archive_months(user) -> list[dict]:
    """[{"month": date, "count": n}, …] newest first: the archive's navigation."""
    return list(
        Article.objects.visible_to(user)
        .filter(published_at__isnull=False)
        .annotate(month=TruncMonth("published_at"))
        .values("month")
        .annotate(count=Count("pk"))
        .order_by("-month")
    )


def tag(slug: str) -> Tag:
    """Tag.DoesNotExist if there is none."""
    return Tag.objects.get(slug=slug)


def tagged(found: Tag, user) -> QuerySet[Article]:
    return articles(user).filter(tags=found)


def article(slug: str, user) -> Article:
    """One article the user may read, with what it is about; Article.DoesNotExist otherwise."""
    return (
        Article.objects.visible_to(user)
        .prefetch_related(
            "tags",
            "sources",
            "countries",
            "references",
            Prefetch(
                "facilities",
                queryset=Facility.objects.visible_to(user).select_related("country"),
            ),
            Prefetch("initiatives", queryset=Initiative.objects.visible_to(user)),
        )
        .get(slug=slug)
    )


def newest_public(limit: int = FEED_ITEMS) -> QuerySet[Article]:
    return Article.objects.public().latest_first().prefetch_related("tags")[:limit]


def newsroom() -> dict[str, list]:
    """What an editor may publish as news with one click: the newest status changes and policy
    events that no article tells yet."""
    changes = (
        StatusChange.objects.filter(news_article__isnull=True)
        .select_related("facility", "facility__country")
        .order_by("-date", "-pk")[:NEWSROOM_ITEMS]
    )
    events = (
        Event.objects.filter(news_article__isnull=True)
        .select_related("country")
        .order_by("-date", "-pk")[:NEWSROOM_ITEMS]
    )
    drafts = Article.objects.filter(status="draft").order_by("-updated")[:NEWSROOM_ITEMS]
    return {"changes": list(changes), "events": list(events), "drafts": list(drafts)}
